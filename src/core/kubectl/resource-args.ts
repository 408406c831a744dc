/**
 * Resource arguments as kubectl's builder reads them: `pods`, `pods,services`, `pod web`,
 * `pod/web deploy/api`, `all`; unknown names answer with the server's missing-type error.
 */

import type { ResourceType } from '../api/resources'
import type { APIServer } from '../apiserver/server'
import { KubectlError } from './context'

export interface ResourceSelection {
  type: ResourceType
  names: string[]
}

const ALL_TYPES = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs', 'cronjobs', 'replicationcontrollers', 'horizontalpodautoscalers']

/** Where kubectl's warning handler writes (`Warning: ...` on stderr). */
export type Warn = (text: string) => void

export function lookupType(api: APIServer, name: string, warn?: Warn): ResourceType {
  const t = api.registry.lookup(name)
  if (!t) throw new KubectlError(`error: the server doesn't have a resource type "${name}"`)
  if (warn) warnAmbiguousShortName(api, name.toLowerCase(), t, warn)
  return t
}

/**
 * The shortcut expander's warning: a short name (not a full plural or singular name) that
 * other resources also claim resolves to the preferred one, and kubectl names the others.
 */
function warnAmbiguousShortName(api: APIServer, name: string, chosen: ResourceType, warn: Warn): void {
  const types = api.registry.all()
  if (name.includes('.') || types.some((t) => t.plural === name || t.singular === name)) return
  for (const t of types) {
    if (t === chosen || !t.shortNames.includes(name) || (t.group === chosen.group && t.plural === chosen.plural)) continue
    warn(`Warning: short name "${name}" could also match lower priority resource ${t.plural}${t.group ? `.${t.group}` : ''}\n`)
  }
}

function expandTypes(api: APIServer, text: string, warn?: Warn): ResourceType[] {
  const out: ResourceType[] = []
  for (const part of text.split(',')) {
    if (part === 'all') {
      for (const n of ALL_TYPES) {
        const t = api.registry.lookup(n)
        if (t && !out.includes(t)) out.push(t)
      }
      continue
    }
    const t = lookupType(api, part, warn)
    if (!out.includes(t)) out.push(t)
  }
  return out
}

export function parseResourceArgs(api: APIServer, args: string[], warn?: Warn): ResourceSelection[] {
  if (args.length === 0) return []
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceSelection[] = []
    for (const a of args) {
      const slash = a.indexOf('/')
      if (slash < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`)
      const t = lookupType(api, a.slice(0, slash), warn)
      const name = a.slice(slash + 1)
      const existing = out.find((s) => s.type === t)
      if (existing) existing.names.push(name)
      else out.push({ type: t, names: [name] })
    }
    return out
  }
  const types = expandTypes(api, args[0]!, warn)
  const names = args.slice(1)
  if (names.length && types.length > 1) throw new KubectlError('error: arguments in resource/name form must have a single resource and name')
  return types.map((type) => ({ type, names }))
}

/** "deployment.apps/web" */
export function refName(t: ResourceType, name: string): string {
  return `${t.group ? `${t.kind.toLowerCase()}.${t.group}` : t.kind.toLowerCase()}/${name}`
}
