/**
 * How a container's process is launched: its argv from command/args over the image's
 * ENTRYPOINT and CMD (with the kubelet's $(VAR) expansion), whether runc can exec its first
 * word, and the views of volumes its mounts give it.
 */

import { expandRefs } from './env'
import type { VolumeData } from './fs/filesystem'
import { baseName, containerArgv, type ImageProfile } from './images-known'
import { BUILTINS } from './shell/commands'
import type { Run } from './shell/types'

/** Built-ins that exist only inside a shell, not as files a container can exec. */
const SHELL_ONLY = new Set(['exit', 'cd', 'export', 'unset', 'set', ':', 'exec', 'trap', 'wait', 'read'])
/** Docker entrypoint scripts that hand over to their arguments. */
const ENTRYPOINT_WRAPPERS = new Set(['docker-entrypoint.sh'])

/** The argv PID 1 runs; docker entrypoint wrappers hand over to their arguments. */
export function processArgv(profile: ImageProfile, command: string[] | undefined, args: string[] | undefined, env: Record<string, string>): string[] {
  const argv = containerArgv(profile, command?.map((w) => expandRefs(w, env)), args?.map((w) => expandRefs(w, env)))
  return argv.length > 1 && ENTRYPOINT_WRAPPERS.has(baseName(argv[0]!)) ? argv.slice(1) : argv
}

/** Can the container's first word be executed at all (else runc's StartError)? */
export function isExecutable(profile: ImageProfile, name: string): boolean {
  const base = baseName(name)
  if (profile.generic || profile.programs?.[base] !== undefined || profile.server?.binaries.includes(base) || ENTRYPOINT_WRAPPERS.has(base)) return true
  if (!profile.shell) return base === 'hello' && profile.programs?.hello !== undefined
  return !!BUILTINS[base] && !SHELL_ONLY.has(base) && !(base === 'bash' && profile.shell === 'busybox')
}

/**
 * A subPath of a configMap or secret volume is bound to the files as they were at start: the
 * kubelet's later atomic updates swap a symlink the bind mount does not follow.
 */
export function subPathView(v: VolumeData, subPath: string | undefined): VolumeData {
  if (!subPath || !v.readOnly) return v
  const copy: VolumeData = { files: {}, dirs: [...v.dirs], readOnly: true }
  for (const [k, f] of Object.entries(v.files)) copy.files[k] = { ...f, chunks: [...f.chunks] }
  return copy
}

/** PID 1 of an interactive shell whose stdin stays open: it waits for input that never comes. */
export function* waitForever(): Run {
  yield { kind: 'sleep', ms: Infinity }
  return 0
}
