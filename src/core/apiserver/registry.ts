/**
 * Which resources the API serves: the built-in table plus CustomResourceDefinitions as they
 * are created. kubectl's names (`deploy`, `deployments.apps`, `Deployment`) resolve here too.
 */

import { BUILTIN_RESOURCES, type ResourceType } from '../api/resources'
import { splitApiVersion } from '../api/types'

export class ResourceRegistry {
  private types: ResourceType[] = [...BUILTIN_RESOURCES]

  all(): readonly ResourceType[] {
    return this.types
  }

  add(t: ResourceType): void {
    this.types = this.types.filter((x) => !(x.group === t.group && x.plural === t.plural))
    this.types.push(t)
  }

  remove(group: string, plural: string): void {
    this.types = this.types.filter((x) => !(x.group === group && x.plural === plural))
  }

  /** By apiVersion + kind, as a manifest names it. */
  forKind(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = splitApiVersion(apiVersion)
    return this.types.find((t) => t.group === group && t.kind === kind && (t.version === version || t.alsoServedAs?.includes(version)))
  }

  forGroupResource(group: string, plural: string): ResourceType | undefined {
    return this.types.find((t) => t.group === group && t.plural === plural)
  }

  /**
   * kubectl's resource argument: plural, singular, short name or kind, optionally qualified
   * by group ("deployments.apps") or version and group ("deployments.v1.apps").
   * The core group wins a tie, as kubectl's priority RESTMapper orders it.
   */
  lookup(arg: string): ResourceType | undefined {
    const lower = arg.toLowerCase()
    const dot = lower.indexOf('.')
    const name = dot < 0 ? lower : lower.slice(0, dot)
    let groupPart = dot < 0 ? undefined : lower.slice(dot + 1)
    let versionPart: string | undefined
    if (groupPart) {
      const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/.exec(groupPart)
      if (m) {
        versionPart = m[1]
        groupPart = m[2]
      }
    }
    const matches = this.types.filter((t) => {
      if (groupPart !== undefined && t.group !== groupPart) return false
      if (versionPart !== undefined && t.version !== versionPart) return false
      return t.plural === name || t.singular === name || t.shortNames.includes(name) || t.kind.toLowerCase() === name
    })
    // events.k8s.io/Event and core Event share names: kubectl prefers the core one.
    return matches.find((t) => t.group === '') ?? matches[0]
  }
}
