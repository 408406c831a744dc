/**
 * Watch over HTTP: one JSON object per line ({"type":"ADDED","object":{...}}), sent as the
 * store commits. Without a resourceVersion (or "0") the current objects come first as ADDED,
 * as the watch cache does; a compacted one gives an ERROR event with 410 Expired.
 * Bookmarks and timeoutSeconds run on the simulated clock, like everything else here.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import type { APIServer } from '../server'
import type { Clock } from '../../sim/clock'
import type { PrintContext } from '../printers'
import { toTable, type IncludeObject } from './table'
import type { RestStream } from './types'

export interface WatchParams {
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
  resourceVersion?: string
  timeoutSeconds?: number
  allowWatchBookmarks: boolean
  sendInitialEvents: boolean
  table?: { include: IncludeObject; print: () => PrintContext }
}

/** How often a watcher that allows bookmarks gets one (the watch cache's cadence). */
const BOOKMARK_PERIOD_MS = 60_000

export function watchStream(api: APIServer, clock: Clock, t: ResourceType, p: WatchParams): RestStream {
  return {
    start(write, end) {
      let first = true
      const encode = (type: string, obj: KubeObject) => {
        let object: unknown = obj
        if (p.table) {
          object = toTable(t, [obj], p.table.print(), obj.metadata.resourceVersion ?? '', p.table.include, !first)
          first = false
        }
        write(`${JSON.stringify({ type, object })}\n`)
      }
      const bookmark = (annotations?: Record<string, string>) => {
        const metadata: Record<string, unknown> = { resourceVersion: String(api.store.revision()) }
        if (annotations) metadata.annotations = annotations
        write(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: t.kind, apiVersion: t.group ? `${t.group}/${t.version}` : t.version, metadata } })}\n`)
      }
      const opts = { namespace: p.namespace, labelSelector: p.labelSelector, fieldSelector: p.fieldSelector }
      let from = p.resourceVersion
      try {
        if (!from || from === '0' || p.sendInitialEvents) {
          const list = api.list(t, opts)
          if (!from || from === '0') {
            for (const o of list.items) encode('ADDED', o)
            from = list.resourceVersion
          }
          if (p.sendInitialEvents) bookmark({ 'k8s.io/initial-events-end': 'true' })
        }
      } catch (e) {
        if (isStatusError(e)) write(`${JSON.stringify({ type: 'ERROR', object: e.status })}\n`)
        end()
        return () => {}
      }
      let stop: () => void = () => {}
      try {
        stop = api.watch(t, { ...opts, resourceVersion: from }, (ev) => encode(ev.type, ev.object))
      } catch (e) {
        if (isStatusError(e)) write(`${JSON.stringify({ type: 'ERROR', object: e.status })}\n`)
        end()
        return () => {}
      }
      const ticker = p.allowWatchBookmarks ? clock.every(BOOKMARK_PERIOD_MS, () => bookmark()) : undefined
      const timer = p.timeoutSeconds ? clock.after(p.timeoutSeconds * 1000, () => close(true)) : undefined
      let closed = false
      const close = (ended: boolean) => {
        if (closed) return
        closed = true
        stop()
        ticker?.cancel()
        clock.cancel(timer)
        if (ended) end()
      }
      return () => close(false)
    },
  }
}
