/**
 * kubectl create configmap / secret generic / secret docker-registry
 * (pkg/cmd/create/create_configmap.go, create_secret.go, create_secret_docker.go): data from
 * literals, files and env files, checked as kubectl checks it before anything is sent.
 */

import type { KubeObject } from '../../api/types'
import { encodeBase64 } from '../../machinery/base64'
import { isConfigMapKey, isEnvVarName } from '../../machinery/names'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { csv, generatedMeta, nameRequired } from './create-common'

export const createConfigFlags: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray', default: [] },
  // pflag StringSlice flags: repeatable, each value itself comma-separated.
  { name: 'from-file', type: 'stringArray', default: [] },
  { name: 'from-env-file', type: 'stringArray', default: [] },
  { name: 'append-hash', type: 'bool', default: false },
  { name: 'type', type: 'string', default: '' },
  { name: 'docker-username', type: 'string', default: '' },
  { name: 'docker-password', type: 'string', default: '' },
  { name: 'docker-email', type: 'string', default: '' },
  { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
]

/** ParseLiteralSource: key=value, the value may hold more '='. */
function parseLiteral(source: string): [string, string] {
  const eq = source.indexOf('=')
  if (eq <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`)
  return [source.slice(0, eq), source.slice(eq + 1)]
}

/** ParseFileSource: `path` (key = base name) or `key=path`. */
function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1
  if (n === 0) return [source.split('/').filter(Boolean).pop() ?? source, source]
  if (n === 1 && source.startsWith('=')) throw new KubectlError(`error: key name for file path ${source.slice(1)} missing`)
  if (n === 1 && source.endsWith('=')) throw new KubectlError(`error: file path for key name ${source.slice(0, -1)} missing`)
  if (n > 1) throw new KubectlError("error: key names or file paths cannot contain '='")
  const [key, path] = source.split('=') as [string, string]
  return [key, path]
}

function readText(ctx: KubectlContext, path: string): string {
  let files: { path: string; text: string }[] | undefined
  try {
    files = ctx.io.readFile?.(path)
  } catch {
    files = undefined
  }
  if (!files || files.length !== 1) throw new KubectlError(`error: error reading ${path}: no such file or directory`)
  return files[0]!.text
}

/** AddFromEnvFile: KEY=VALUE lines; blank lines and # comments skipped; a bare KEY reads kubectl's own (empty) environment. */
function envFileEntries(text: string): [string, string][] {
  const out: [string, string][] = []
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '')
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    const key = eq < 0 ? line : line.slice(0, eq)
    const errs = isEnvVarName(key)
    if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`)
    out.push([key, eq < 0 ? '' : line.slice(eq + 1)])
  }
  return out
}

interface Sources {
  literals: string[]
  files: string[]
  envFiles: string[]
}

function sourcesOf(flags: FlagValues): Sources {
  const s = { literals: flags['from-literal'] as string[], files: csv(flags['from-file']), envFiles: csv(flags['from-env-file']) }
  if (s.envFiles.length && (s.files.length || s.literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal')
  return s
}

/** Visits every key and value in kubectl's order: files, then literals, then env files. */
function eachEntry(ctx: KubectlContext, s: Sources, add: (key: string, value: string) => void, fileFirst: boolean): void {
  const files = () => s.files.forEach((src) => {
    const [key, path] = parseFileSource(src)
    add(key, readText(ctx, path))
  })
  const literals = () => s.literals.forEach((src) => add(...parseLiteral(src)))
  // ConfigMaps read files before literals, Secrets literals before files.
  if (fileFirst) {
    files()
    literals()
  } else {
    literals()
    files()
  }
  for (const path of s.envFiles) for (const [k, v] of envFileEntries(readText(ctx, path))) add(k, v)
}

export function configMapFor(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('configmap')
  const data: Record<string, string> = {}
  eachEntry(ctx, sourcesOf(flags), (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`)
    if (key in data) throw new KubectlError(`error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`)
    data[key] = value
  }, true)
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: generatedMeta(ctx, name), data: Object.keys(data).length ? data : undefined }
}

export function secretFor(ctx: KubectlContext, kind: string | undefined, name: string | undefined, flags: FlagValues): KubeObject {
  if (kind === 'docker-registry') return dockerRegistrySecret(ctx, name, flags)
  if (!name) throw nameRequired('secret generic')
  const data: Record<string, string> = {}
  eachEntry(ctx, sourcesOf(flags), (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`)
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`)
    data[key] = encodeBase64(value)
  }, false)
  const type = String(flags.type ?? '')
  return { kind: 'Secret', apiVersion: 'v1', metadata: generatedMeta(ctx, name), data: Object.keys(data).length ? data : undefined, type: type || undefined }
}

function dockerRegistrySecret(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('secret docker-registry')
  const user = String(flags['docker-username'])
  const password = String(flags['docker-password'])
  const server = String(flags['docker-server'])
  const files = csv(flags['from-file'])
  if (!files.length && (!user || !password || !server))
    throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required')
  const data: Record<string, string> = {}
  for (const src of files) {
    const [key, path] = parseFileSource(src)
    data[key] = encodeBase64(readText(ctx, path))
  }
  if (user && password) {
    // DockerConfigJSON with one DockerConfigEntry, fields in Go's order, empty ones omitted.
    const entry = { username: user, password, email: String(flags['docker-email']) || undefined, auth: encodeBase64(`${user}:${password}`) }
    data['.dockerconfigjson'] = encodeBase64(JSON.stringify({ auths: { [server]: entry } }))
  }
  return { kind: 'Secret', apiVersion: 'v1', metadata: generatedMeta(ctx, name), data, type: 'kubernetes.io/dockerconfigjson' }
}
