/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding): a pod's claims decide where it
 * may go. PreFilter refuses pods whose claims are missing, being deleted, or unbound in an
 * Immediate class (the PV controller binds those first). Filter keeps bound volumes' node
 * affinity and, for unbound WaitForFirstConsumer claims, needs a free matching volume on the
 * node or a class that can provision. PreBind (preBindVolumes) then pre-binds the chosen
 * volume or asks for one on the chosen node (volume.kubernetes.io/selected-node); the
 * scheduler binds the pod only once every claim is Bound.
 */

import type { KubeObject } from '../../../api/types'
import { findMatchingVolume, phaseOf, pvSpec } from '../../../api/volume-matching'
import { SUCCESS, unresolvable, type FilterPlugin, type SchedulerListers } from '../../framework/types'
import { termMatches } from '../node-affinity'

export const NAME = 'VolumeBinding'
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind"
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict'
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims'
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
/** The provisioner name of classes that cannot provision (local volumes made by hand). */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner'

const STATE_KEY = 'PreFilter' + NAME

interface StateData {
  /** Bound claims' volumes, whose node affinity each node must meet. */
  boundVolumes: KubeObject[]
  /** Unbound WaitForFirstConsumer claims and whether their class can provision. */
  delayed: { claim: KubeObject; canProvision: boolean }[]
  volumes: KubeObject[]
}

export function podClaimNames(pod: KubeObject): string[] {
  const vols = (pod.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] }).volumes ?? []
  return vols.map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => !!n)
}

/** CheckNodeAffinity of a PersistentVolume. */
export function volumeFitsNode(pv: KubeObject, node: KubeObject): boolean {
  const terms = pvSpec(pv).nodeAffinity?.required?.nodeSelectorTerms as Parameters<typeof termMatches>[0][] | undefined
  return !terms || terms.some((t) => termMatches(t, node))
}

const isBound = (pvc: KubeObject) => !!pvSpec(pvc).volumeName && phaseOf(pvc) === 'Bound'

export const volumeBinding: FilterPlugin = {
  name: NAME,
  preFilter(state, pod, ctx) {
    const names = podClaimNames(pod)
    const l = ctx.listers
    if (!names.length || !l?.claim) return
    const data: StateData = { boundVolumes: [], delayed: [], volumes: l.volumes?.() ?? [] }
    let immediate = false
    for (const name of names) {
      const pvc = l.claim(pod.metadata.namespace!, name)
      if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`)
      if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`)
      if (pvSpec(pvc).volumeName) {
        const pv = data.volumes.find((v) => v.metadata.name === pvSpec(pvc).volumeName)
        if (pv && isBound(pvc)) data.boundVolumes.push(pv)
        else if (!pv) return unresolvable(`persistentvolume "${pvSpec(pvc).volumeName}" not found`)
        continue
      }
      const className: string = pvSpec(pvc).storageClassName ?? ''
      const cls = className ? l.storageClass?.(className) : undefined
      if (className && !cls) return unresolvable(`storageclass.storage.k8s.io "${className}" not found`)
      if ((cls as { volumeBindingMode?: string } | undefined)?.volumeBindingMode !== 'WaitForFirstConsumer') {
        immediate = true
        continue
      }
      data.delayed.push({ claim: pvc, canProvision: (cls as { provisioner?: string }).provisioner !== NOT_SUPPORTED_PROVISIONER })
    }
    if (immediate) return unresolvable(ERR_UNBOUND_IMMEDIATE)
    state.set(STATE_KEY, data)
  },
  filter(state, _pod, info) {
    const data = state.get(STATE_KEY) as StateData | undefined
    if (!data) return SUCCESS
    const reasons: string[] = []
    if (data.boundVolumes.some((pv) => !volumeFitsNode(pv, info.node))) reasons.push(ERR_REASON_NODE_CONFLICT)
    const taken = new Set<string>()
    for (const { claim, canProvision } of data.delayed) {
      const pv = findMatchingVolume(claim, data.volumes, (v) => !taken.has(v.metadata.name!) && volumeFitsNode(v, info.node))
      if (pv) taken.add(pv.metadata.name!)
      else if (!canProvision) {
        reasons.push(ERR_REASON_BIND_CONFLICT)
        break
      }
    }
    return reasons.length ? unresolvable(...reasons) : SUCCESS
  },
}

export interface VolumeWrites {
  /** Pre-bind a volume to the claim (spec.claimRef). */
  bindVolume(pv: KubeObject, claim: KubeObject): void
  /** Ask the claim's provisioner for a volume on this node. */
  selectNode(claim: KubeObject, node: string): void
}

/**
 * AssumePodVolumes + BindPodVolumes: for each unbound WaitForFirstConsumer claim, pre-bind a
 * free volume that fits the node or annotate the claim for provisioning there. Returns the
 * claims ("ns/name") still to become Bound before the pod may be bound.
 */
export function preBindVolumes(pod: KubeObject, node: KubeObject, listers: SchedulerListers, writes: VolumeWrites): string[] {
  const waiting: string[] = []
  if (!listers.claim) return waiting
  const volumes = listers.volumes?.() ?? []
  const taken = new Set<string>()
  for (const name of podClaimNames(pod)) {
    const pvc = listers.claim(pod.metadata.namespace!, name)
    if (!pvc || isBound(pvc)) continue
    waiting.push(`${pod.metadata.namespace}/${name}`)
    if (pvSpec(pvc).volumeName || pvc.metadata.annotations?.[ANN_SELECTED_NODE]) continue
    const pv = findMatchingVolume(pvc, volumes, (v) => !taken.has(v.metadata.name!) && volumeFitsNode(v, node))
    if (pv) {
      taken.add(pv.metadata.name!)
      if (!pvSpec(pv).claimRef) writes.bindVolume(pv, pvc)
    } else writes.selectNode(pvc, node.metadata.name!)
  }
  return waiting
}
