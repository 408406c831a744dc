/**
 * The disruption controller's controller finders (getPodReplicationController,
 * getPodDeployment, getPodReplicaSet, getPodStatefulSet, getScaleController): the scale a
 * percentage or maxUnavailable is taken of is the sum of the replicas of the controllers
 * owning the budget's pods, each counted once.
 */

import { controllerRef, type KubeObject, type OwnerReference } from '../../api/types'
import type { ResourceRegistry } from '../../apiserver/registry'
import type { InformerFactory } from '../../client/informer'

interface ControllerAndScale {
  uid: string
  scale: number
}

type Finder = (informers: InformerFactory, ref: OwnerReference, namespace: string) => ControllerAndScale | undefined

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : ''
}

/** verifyGroupKind */
function isKind(ref: OwnerReference, kind: string, groups: string[]): boolean {
  return ref.kind === kind && groups.includes(groupOf(ref.apiVersion))
}

function replicas(o: KubeObject): number {
  return (o.spec as { replicas?: number } | undefined)?.replicas ?? 1
}

function owned(informers: InformerFactory, group: string, plural: string, ref: OwnerReference, namespace: string): KubeObject | undefined {
  const o = informers.for(group, plural).get(namespace, ref.name)
  return o && o.metadata.uid === ref.uid ? o : undefined
}

const getPodReplicationController: Finder = (informers, ref, ns) => {
  if (!isKind(ref, 'ReplicationController', [''])) return undefined
  const rc = owned(informers, '', 'replicationcontrollers', ref, ns)
  return rc && { uid: rc.metadata.uid!, scale: replicas(rc) }
}

const getPodDeployment: Finder = (informers, ref, ns) => {
  if (!isKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return undefined
  const rs = owned(informers, 'apps', 'replicasets', ref, ns)
  const dref = rs && controllerRef(rs)
  if (!dref || !isKind(dref, 'Deployment', ['apps', 'extensions'])) return undefined
  const d = owned(informers, 'apps', 'deployments', dref, ns)
  return d && { uid: d.metadata.uid!, scale: replicas(d) }
}

const getPodReplicaSet: Finder = (informers, ref, ns) => {
  if (!isKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return undefined
  const rs = owned(informers, 'apps', 'replicasets', ref, ns)
  // A ReplicaSet of a Deployment counts as its Deployment (above).
  if (!rs || controllerRef(rs)?.kind === 'Deployment') return undefined
  return { uid: rs.metadata.uid!, scale: replicas(rs) }
}

const getPodStatefulSet: Finder = (informers, ref, ns) => {
  if (!isKind(ref, 'StatefulSet', ['apps'])) return undefined
  const ss = owned(informers, 'apps', 'statefulsets', ref, ns)
  return ss && { uid: ss.metadata.uid!, scale: replicas(ss) }
}

/** Built-in kinds with a scale subresource; the finders above cover them all. */
const SCALABLE = new Set(['ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet'])

/** getScaleController for a kind the finders do not know: only the scale subresource could tell. */
function scaleControllerError(registry: ResourceRegistry, ref: OwnerReference): string | undefined {
  if (SCALABLE.has(ref.kind)) return undefined
  const t = registry.forKind(ref.apiVersion, ref.kind)
  if (!t) return `no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`
  if (t.subresources?.includes('scale')) return undefined
  return `${t.group ? `${t.plural}.${t.group}` : t.plural} does not implement the scale subresource`
}

const FINDERS: Finder[] = [getPodReplicationController, getPodDeployment, getPodReplicaSet, getPodStatefulSet]

/** getExpectedScale: the summed scale of the pods' controllers, and the pods without one. */
export function expectedScale(informers: InformerFactory, registry: ResourceRegistry, pods: KubeObject[]): { expectedCount: number; unmanaged: string[] } | { error: string } {
  const scales = new Map<string, number>()
  const unmanaged: string[] = []
  for (const pod of pods) {
    const ref = controllerRef(pod)
    if (!ref) {
      unmanaged.push(pod.metadata.name!)
      continue
    }
    if (scales.has(ref.uid)) continue
    let found: ControllerAndScale | undefined
    for (const finder of FINDERS) {
      found = finder(informers, ref, pod.metadata.namespace!)
      if (found) break
    }
    if (!found) {
      const err = scaleControllerError(registry, ref)
      return { error: err ?? `found no controllers for pod "${pod.metadata.name}"` }
    }
    scales.set(found.uid, found.scale)
  }
  let expectedCount = 0
  for (const n of scales.values()) expectedCount += n
  return { expectedCount, unmanaged }
}
