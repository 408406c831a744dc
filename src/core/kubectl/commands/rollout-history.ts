/**
 * kubectl rollout history (pkg/cmd/rollout/rollout_history.go, polymorphichelpers/history.go):
 * a Deployment's revisions are its ReplicaSets' revision annotations; a StatefulSet's or
 * DaemonSet's are its ControllerRevisions. The name printer puts the table after
 * `deployment.apps/web ` (note the space: the operation text starts with a newline).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { APIServer } from '../../apiserver/server'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { refName } from '../resource-args'
import { forOutput } from './get'
import type { RolloutTarget } from './rollout'
import { describePodTemplate, type PodTemplate } from './rollout-template'

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

export interface Revision {
  revision: number
  template: PodTemplate
  changeCause?: string
  source: KubeObject
}

function ownedBy(items: KubeObject[], owner: KubeObject): KubeObject[] {
  return items.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid))
}

/** A revision per ReplicaSet (Deployment) or ControllerRevision (StatefulSet, DaemonSet). */
export function revisionsOf(api: APIServer, owner: KubeObject): Revision[] {
  const ns = owner.metadata.namespace
  const out: Revision[] = []
  if (owner.kind === 'Deployment') {
    const rsType = api.registry.forGroupResource('apps', 'replicasets')!
    for (const rs of ownedBy(api.list(rsType, { namespace: ns }).items, owner)) {
      const v = parseInt(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '', 10)
      if (Number.isNaN(v)) continue
      const template = ((rs.spec as { template?: PodTemplate }).template ?? {}) as PodTemplate
      out.push({ revision: v, template, changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], source: rs })
    }
  } else {
    const crType = api.registry.forGroupResource('apps', 'controllerrevisions')!
    for (const cr of ownedBy(api.list(crType, { namespace: ns }).items, owner)) {
      const data = cr.data as { spec?: { template?: PodTemplate & { $patch?: string } } } | undefined
      // The recorded template is a replacing patch; the directive is not part of the template.
      const { $patch: _directive, ...template } = data?.spec?.template ?? {}
      void _directive
      out.push({ revision: (cr.revision as number) ?? 0, template, changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], source: cr })
    }
  }
  // Later entries win on a duplicate revision, as the map in history.go keeps the last.
  const byRev = new Map<number, Revision>()
  for (const r of out) byRev.set(r.revision, r)
  return [...byRev.values()].sort((a, b) => a.revision - b.revision)
}

const HISTORY_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet'])

/** The history table (tabwriter minwidth 0, tabwidth 8, padding 2). */
function historyTable(revs: Revision[]): string {
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revs.map((r) => [String(r.revision), r.changeCause || '<none>'])]
  const w = Math.max(...rows.map((r) => r[0]!.length)) + 2
  return rows.map(([a, b]) => `${a!.padEnd(w)}${b}\n`).join('')
}

export function runRolloutHistory(ctx: KubectlContext, targets: RolloutTarget[], flags: FlagValues): number {
  const revision = flags.revision as number
  const output = String(flags.output ?? '')
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`)
  let exit = 0
  for (const { type, name } of targets) {
    let obj: KubeObject
    try {
      obj = ctx.api.get(type, ctx.namespace, name)
    } catch (e) {
      ctx.err(`${formatError(e)}\n`)
      exit = 1
      continue
    }
    if (!HISTORY_KINDS.has(obj.kind)) throw new KubectlError(`error: no history viewer has been implemented for "${kindString(type)}"`)
    const revs = revisionsOf(ctx.api, obj)
    if (output) {
      // -o prints the history objects themselves (ReplicaSets or ControllerRevisions), by revision.
      const picked = revision > 0 ? revs.filter((x) => x.revision === revision) : revs
      if (revision > 0 && !picked.length) throw new KubectlError('error: unable to find the specified revision')
      picked.forEach((r, i) => printHistoryObject(ctx, r.source, output, i > 0))
      continue
    }
    let body: string
    if (!revs.length) body = 'No rollout history found.'
    else if (revision > 0) {
      const r = revs.find((x) => x.revision === revision)
      if (!r) throw new KubectlError('error: unable to find the specified revision')
      body = describePodTemplate(obj.kind === 'Deployment' ? withChangeCause(r) : r.template)
    } else body = historyTable(revs)
    const withRevision = revision > 0 ? `with revision #${revision}` : ''
    ctx.out(`${refName(type, name)} ${withRevision}\n${body}\n`)
  }
  return exit
}

/** The deployment viewer shows the ReplicaSet's change-cause among the template's annotations. */
function withChangeCause(r: Revision): PodTemplate {
  const t = r.template
  if (!r.changeCause) return t
  return { ...t, metadata: { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: r.changeCause } } }
}

function printHistoryObject(ctx: KubectlContext, obj: KubeObject, output: string, more: boolean): void {
  const shown = forOutput(obj, false)
  if (output === 'yaml') ctx.out(`${more ? '---\n' : ''}${toGoYaml(shown)}`)
  else if (output === 'json') ctx.out(toGoJSON(shown))
  else if (output === 'name') ctx.out(`${refName(ctx.api.resourceForKind(obj.apiVersion, obj.kind), obj.metadata.name!)}\n`)
  else throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`)
}

export function kindString(t: ResourceType): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind
}
