/**
 * Event recording, as client-go's recorder and the events/v1 broadcaster do it: one Event per
 * distinct (source, object, type, reason, message), later repeats bump its count and last
 * timestamp. Components with the new-style recorder (the scheduler) write eventTime and
 * reportingController instead of first/last timestamps, which kubectl renders the same way.
 */

import type { KubeObject } from '../api/types'
import type { APIServer } from '../apiserver/server'
import { rfc3339, rfc3339Micro } from '../machinery/time'

export interface EventSource {
  component: string
  host?: string
  /** events.k8s.io style (eventTime, reportingController) instead of the legacy fields. */
  newStyle?: boolean
  /** The `action` of a new-style event (e.g. "Binding"). */
  action?: string
}

export interface ObjectReference {
  kind: string
  namespace?: string
  name: string
  uid?: string
  apiVersion?: string
  resourceVersion?: string
  fieldPath?: string
}

export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name ?? '',
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
  }
  if (!ref.namespace) delete ref.namespace
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}

export class EventRecorder {
  private known = new Map<string, string>()

  constructor(
    private readonly api: APIServer,
    readonly source: EventSource,
  ) {}

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    this.eventFor(referenceTo(obj, fieldPath), type, reason, message)
  }

  eventFor(ref: ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const t = this.api.registry.forGroupResource('', 'events')!
    const namespace = ref.namespace || 'default'
    const now = this.api.clock.now()
    const dedupKey = [this.source.component, this.source.host ?? '', ref.kind, namespace, ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000')
    const existingName = this.known.get(dedupKey)
    if (existingName) {
      const existing = this.api.peek(t, namespace, existingName)
      if (existing) {
        const next = JSON.parse(JSON.stringify(existing)) as KubeObject
        if (this.source.newStyle) {
          const series = (next.series as { count: number; lastObservedTime: string } | undefined) ?? { count: 1, lastObservedTime: '' }
          next.series = { count: series.count + 1, lastObservedTime: rfc3339Micro(now) }
        } else {
          next.count = ((existing.count as number) ?? 1) + 1
          next.lastTimestamp = rfc3339(now)
        }
        this.api.update(t, next)
        return
      }
    }
    let name = `${ref.name}.${(BigInt(now) * 1000000n).toString(16)}`
    for (let i = 1; this.api.peek(t, namespace, name); i++) name = `${ref.name}.${(BigInt(now) * 1000000n + BigInt(i)).toString(16)}`
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      type,
    }
    if (this.source.newStyle) {
      Object.assign(ev, {
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: rfc3339Micro(now),
        action: this.source.action ?? reason,
        reportingComponent: this.source.component,
        reportingInstance: `${this.source.component}-${this.source.host ?? 'control-plane'}`,
      })
    } else {
      const source: Record<string, string> = { component: this.source.component }
      if (this.source.host) source.host = this.source.host
      Object.assign(ev, {
        source,
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        count: 1,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      })
    }
    try {
      this.api.create(t, ev, { namespace })
      this.known.set(dedupKey, name)
    } catch {
      // Events are best effort, as upstream's recorder drops what it cannot write.
    }
  }
}
