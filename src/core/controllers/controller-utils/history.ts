/**
 * ControllerRevision history shared by the StatefulSet and DaemonSet controllers
 * (pkg/controller/history/controller_history.go and the getPatch both controllers keep): a
 * revision records the pod template as a replacing strategic-merge patch, numbered upward;
 * `kubectl rollout history|undo` reads the same objects.
 */

import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import { canonicalJSON } from '../../machinery/hash'
import { ownerRefFor } from './pods'

/** apps.ControllerRevisionHashLabelKey (DefaultDaemonSetUniqueLabelKey is the same key). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash'

export type PodTemplateLike = { metadata?: { labels?: Record<string, string> } } & Record<string, unknown>

/** getPatch: `{"spec":{"template":{...,"$patch":"replace"}}}`, what rollback applies as a patch. */
export function revisionPatch(template: unknown): Record<string, unknown> {
  const patch = { spec: { template: { ...clone((template ?? {}) as Record<string, unknown>), $patch: 'replace' } } }
  // getPatch round-trips through a map, so Go writes every key sorted; kubectl compares those bytes.
  return JSON.parse(canonicalJSON(patch)) as Record<string, unknown>
}

/** The pod template a revision recorded, without the patch directive. */
export function templateOfRevision(rev: KubeObject): PodTemplateLike {
  const t = clone((rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {})
  delete t.$patch
  return t as PodTemplateLike
}

/** Match / EqualRevision: the revision records exactly this template. */
export function revisionMatches(rev: KubeObject, template: unknown): boolean {
  return canonicalJSON(rev.data) === canonicalJSON(revisionPatch(template))
}

export const revisionNumber = (r: KubeObject): number => (r.revision as number | undefined) ?? 0

/** SortControllerRevisions: by revision, then creation, then name. */
export function sortByRevision(list: KubeObject[]): KubeObject[] {
  return [...list].sort((a, b) => revisionNumber(a) - revisionNumber(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
}

/** maxRevision; 0 for none. */
export function maxRevision(list: KubeObject[]): number {
  return list.reduce((m, r) => Math.max(m, revisionNumber(r)), 0)
}

/** The revisions this owner controls (controlledHistories without adoption), oldest first. */
export function controlledRevisions(list: KubeObject[], owner: KubeObject): KubeObject[] {
  return sortByRevision(list.filter((r) => controllerRef(r)?.uid === owner.metadata.uid))
}

export interface RevisionSpec {
  owner: KubeObject
  name: string
  labels: Record<string, string>
  annotations?: Record<string, string>
  data: Record<string, unknown>
  revision: number
}

/** NewControllerRevision: owned by (and controlled by) the workload. */
export function newControllerRevision(s: RevisionSpec): KubeObject {
  const metadata: KubeObject['metadata'] = { name: s.name, namespace: s.owner.metadata.namespace, labels: s.labels, ownerReferences: [ownerRefFor(s.owner)] }
  if (s.annotations && Object.keys(s.annotations).length) metadata.annotations = { ...s.annotations }
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: s.data, revision: s.revision }
}
