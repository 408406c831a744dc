/** What the worker derives from stored objects for the UI (which may not import core code). */

import { podStatusText, type KubeObject } from '../core/cluster'
import type { ObjectView } from '../protocol/messages'

/** "<group>/<Kind>/<namespace>/<name>": stable across replays, unlike the uid. */
export function viewKey(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/')
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash)
  return `${group}/${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`
}

/** The object plus, for pods, kubectl's STATUS column as of `now` (simulated ms). */
export function toView(obj: KubeObject, now: number): ObjectView {
  const view: ObjectView = { key: viewKey(obj), object: obj }
  if (obj.kind === 'Pod' && obj.apiVersion === 'v1') view.status = podStatusText(obj, now)
  return view
}
