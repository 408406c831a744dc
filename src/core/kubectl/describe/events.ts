/**
 * The Events block at the end of every description (DescribeEvents) and the event search
 * behind it (searchEvents: events whose involvedObject names the object, by name, namespace,
 * kind and uid, as kubectl's field selector asks the API server).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- events are read as free-form objects */
import type { KubeObject } from '../../api/types'
import type { APIServer } from '../../apiserver/server'
import { humanDuration } from '../../machinery/duration'
import { goSort } from '../../machinery/go-sort'
import { parseTime } from '../../machinery/time'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './tabwriter'

export interface EventRef {
  namespace: string
  name: string
  kind?: string
  uid?: string
}

/** The reference kubectl builds for an object (reference.GetReference). */
export function refFor(o: KubeObject): EventRef {
  return { namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', kind: o.kind, uid: o.metadata.uid }
}

export function searchEvents(api: APIServer, ref: EventRef): KubeObject[] {
  const t = api.registry.forGroupResource('', 'events')
  if (!t) return []
  const fields = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`]
  if (ref.kind) fields.push(`involvedObject.kind=${ref.kind}`)
  if (ref.uid) fields.push(`involvedObject.uid=${ref.uid}`)
  // Events of cluster-scoped objects live in "default"; an empty namespace lists them all.
  return api.list(t, { namespace: ref.namespace || undefined, fieldSelector: fields.join(',') }).items
}

function since(ts: string | undefined, now: number): string {
  const t = parseTime(ts)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

export function describeEvents(events: KubeObject[], w: PrefixWriter, now: number): void {
  if (!events.length) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  // SortableEvents orders by lastTimestamp (new-style events have none and sort first) with
  // Go's unstable sort.Sort, whose order of equal times kubectl shows past 12 events.
  const last = (e: any) => parseTime(e.lastTimestamp ?? undefined) ?? Number.NEGATIVE_INFINITY
  const sorted = goSort([...events], (a, b) => last(a) < last(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted as any[]) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp ?? undefined, now)
    let interval: string
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp ?? undefined, now)} (x${e.count} over ${first})`
    else interval = first
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`)
  }
}
