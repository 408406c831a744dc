/**
 * kubectl version (pkg/cmd/version): the client is kubectl v1.31.9 (the values that binary
 * reports about its own build), the server is what the API server's /version answers.
 */

import { KUBERNETES_BUILD } from '../../api/version'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoYaml } from '../printers/go-yaml'

export const versionFlags: FlagSpec[] = [
  { name: 'client', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
]

/** The kustomize module kubectl v1.31.9 is built with. */
const KUSTOMIZE_VERSION = 'v5.4.2'

export function runVersion(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  if (args.length) throw new KubectlError(`error: extra arguments: [${args.join(' ')}]`)
  const output = String(flags.output ?? '')
  if (output && output !== 'yaml' && output !== 'json') throw new KubectlError("error: --output must be 'yaml' or 'json'")
  const info: Record<string, unknown> = { clientVersion: KUBERNETES_BUILD, kustomizeVersion: KUSTOMIZE_VERSION }
  if (!flags.client) info.serverVersion = { ...KUBERNETES_BUILD }
  if (output === 'json') ctx.out(`${JSON.stringify(info, null, 2)}\n`)
  // Println after a document that already ends in a newline: an empty line follows.
  else if (output === 'yaml') ctx.out(`${toGoYaml(info)}\n`)
  else {
    ctx.out(`Client Version: ${KUBERNETES_BUILD.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`)
    if (!flags.client) ctx.out(`Server Version: ${KUBERNETES_BUILD.gitVersion}\n`)
  }
  return 0
}
