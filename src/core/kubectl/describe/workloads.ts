/** `kubectl describe deployment` and `replicaset` (describeDeployment, describeReplicaSet). */

/* eslint-disable @typescript-eslint/no-explicit-any -- workloads are read as free-form objects */
import type { KubeObject } from '../../api/types'
import { formatLabelSelector, selectorFromLabelSelector } from '../../machinery/labels'
import { describePodTemplate } from './containers'
import { describeEvents } from './events'
import { describeTime, intOrString, printAnnotationsMultiline, printController, printLabelsMultiline } from './format'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

/** JSON with sorted keys, so two templates compare by content. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

/** EqualIgnoreHash: the templates without the pod-template-hash label. */
function templateKey(t: any): string {
  const copy = JSON.parse(JSON.stringify(t ?? {}))
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash']
  return canonical(copy)
}

function ownedReplicaSets(ctx: DescribeContext, d: KubeObject): any[] {
  const t = ctx.api.registry.forGroupResource('apps', 'replicasets')!
  return ctx.api.list(t, { namespace: d.metadata.namespace }).items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
}

function rsList(list: any[]): string {
  const text = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ')
  return text || '<none>'
}

function conditionsTable(conds: any[] | undefined, w: PrefixWriter): void {
  if (!conds?.length) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

export function describeDeployment(ctx: DescribeContext, d: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = d.spec ?? {}
  const st = d.status ?? {}
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(d.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', d.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${selectorFromLabelSelector(spec.selector)?.toString() ?? ''}\n`)
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`)
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
  const ru = spec.strategy?.rollingUpdate
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`)
  describePodTemplate(spec.template, w)
  conditionsTable(st.conditions, w)
  const owned = ownedReplicaSets(ctx, d)
  const want = templateKey(spec.template)
  // FindNewReplicaSet: the oldest ReplicaSet whose template matches the deployment's
  const byAge = [...owned].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name)))
  const newRS = byAge.find((rs) => templateKey(rs.spec?.template) === want)
  // FindNewReplicaSet sorted the list in place, so the old ones follow creation order too.
  const oldRSs = byAge.filter((rs) => rs !== newRS)
  if (owned.length) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`)
    w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`)
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

/** getPodStatusForController: phases of the pods this controller owns. */
export function podStatusForController(ctx: DescribeContext, o: any): [number, number, number, number] {
  const sel = selectorFromLabelSelector(o.spec?.selector)
  const t = ctx.api.registry.forGroupResource('', 'pods')!
  const pods = ctx.api.list(t, { namespace: o.metadata.namespace, labelSelector: sel ?? undefined }).items
  let running = 0
  let waiting = 0
  let succeeded = 0
  let failed = 0
  for (const p of pods as any[]) {
    const ref = p.metadata.ownerReferences?.find((r: any) => r.controller)
    if (!ref || ref.uid !== o.metadata.uid) continue
    const phase = p.status?.phase
    if (phase === 'Running') running++
    else if (phase === 'Pending') waiting++
    else if (phase === 'Succeeded') succeeded++
    else if (phase === 'Failed') failed++
  }
  return [running, waiting, succeeded, failed]
}

export function describeReplicaSet(ctx: DescribeContext, rs: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`)
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
  printLabelsMultiline(w, 'Labels', rs.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
  const controlledBy = printController(rs)
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`)
  const [running, waiting, succeeded, failed] = podStatusForController(ctx, rs)
  w.write(LEVEL_0, 'Pods Status:\t')
  w.write(LEVEL_0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`)
  describePodTemplate(rs.spec?.template, w)
  conditionsTable(rs.status?.conditions, w)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
