/**
 * StatefulSet pod identity (pkg/controller/statefulset/stateful_set_utils.go): ordinal names,
 * hostname and subdomain, one PVC per volumeClaimTemplate named `<template>-<set>-<ordinal>`,
 * and ControllerRevisions that record each template (the pod's controller-revision-hash).
 */

import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import { computeHash } from '../../machinery/hash'
import { CONTROLLER_REVISION_HASH_LABEL, newControllerRevision, revisionPatch, templateOfRevision } from '../controller-utils/history'
import { ownerRefFor, podFromTemplate, podPhase, isPodReady } from '../controller-utils/pods'

export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'

export interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
  spec?: Record<string, unknown>
}

export interface StatefulSetSpec {
  replicas?: number
  serviceName?: string
  podManagementPolicy?: string
  minReadySeconds?: number
  revisionHistoryLimit?: number
  selector?: { matchLabels?: Record<string, string> }
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { volumes?: { name: string }[] } }
  volumeClaimTemplates?: ClaimTemplate[]
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string }
}

export const sspec = (s: KubeObject) => s.spec as StatefulSetSpec

/** getOrdinal: the number after the last '-' of a name `<set>-<n>`, or -1. */
export function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const prefix = `${set.metadata.name}-`
  const name = pod.metadata.name ?? ''
  if (!name.startsWith(prefix)) return -1
  const rest = name.slice(prefix.length)
  return /^(0|[1-9]\d*)$/.test(rest) ? parseInt(rest, 10) : -1
}

export function claimName(tpl: ClaimTemplate, set: KubeObject, ordinal: number): string {
  return `${tpl.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`
}

/** getPersistentVolumeClaims: the claims a pod of this ordinal needs. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  return (sspec(set).volumeClaimTemplates ?? []).map((tpl) => {
    const t = clone(tpl)
    const labels = { ...(t.metadata?.labels ?? {}), ...(sspec(set).selector?.matchLabels ?? {}) }
    const metadata: KubeObject['metadata'] = { name: claimName(tpl, set, ordinal), namespace: set.metadata.namespace, labels }
    if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations
    // whenDeleted: Delete makes the set own the claim, so it goes with the set.
    if (sspec(set).persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') metadata.ownerReferences = [{ ...ownerRefFor(set), controller: true }]
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: t.spec ?? {} }
  })
}

/** The revision's recorded data: the pod template as a replacing patch (getPatch). */
export function revisionData(set: KubeObject): Record<string, unknown> {
  return revisionPatch(sspec(set).template)
}

/** newRevision: a ControllerRevision for the set's current template, named after the hash of its data. */
export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  const data = revisionData(set)
  const hash = computeHash(data, collisionCount)
  const labels = { ...(sspec(set).template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash }
  return newControllerRevision({ owner: set, name: `${set.metadata.name}-${hash}`, labels, data, revision })
}

/** newVersionedStatefulSetPod: the pod for an ordinal from a revision's template. */
export function newStatefulPod(set: KubeObject, rev: KubeObject, ordinal: number): KubeObject {
  const name = `${set.metadata.name}-${ordinal}`
  const pod = podFromTemplate(templateOfRevision(rev) as never, set, '')
  delete pod.metadata.generateName
  pod.metadata.name = name
  pod.metadata.labels = {
    ...pod.metadata.labels,
    [STATEFUL_SET_POD_NAME_LABEL]: name,
    [POD_INDEX_LABEL]: String(ordinal),
    [CONTROLLER_REVISION_HASH_LABEL]: rev.metadata.name!,
  }
  const spec = pod.spec as { hostname?: string; subdomain?: string; volumes?: Record<string, unknown>[] }
  spec.hostname = name
  if (sspec(set).serviceName) spec.subdomain = sspec(set).serviceName
  const claims = sspec(set).volumeClaimTemplates ?? []
  if (claims.length) {
    const names = new Set(claims.map((c) => c.metadata?.name))
    const volumes = (spec.volumes ?? []).filter((v) => !names.has(v.name as string))
    for (const c of claims) volumes.push({ name: c.metadata?.name, persistentVolumeClaim: { claimName: claimName(c, set, ordinal) } })
    spec.volumes = volumes
  }
  return pod
}

export function revisionOfPod(pod: KubeObject): string | undefined {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]
}

/** isRunningAndReady */
export function isRunningAndReady(pod: KubeObject): boolean {
  return podPhase(pod) === 'Running' && isPodReady(pod)
}

export function isTerminated(pod: KubeObject): boolean {
  const phase = podPhase(pod)
  return phase === 'Succeeded' || phase === 'Failed'
}
