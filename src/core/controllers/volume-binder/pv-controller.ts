/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume): binds pending
 * claims to matching volumes, hands claims of a provisioning class to their (external)
 * provisioner, waits for a first consumer when the class asks for it, and reclaims a volume
 * whose claim is gone (Delete removes it, Retain leaves it Released).
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { rfc3339 } from '../../machinery/time'
import { claimClass, claimRefMatches, findMatchingVolume, phaseOf, pvSpec } from '../../api/volume-matching'

/* eslint-disable @typescript-eslint/no-explicit-any -- status objects are free-form */

export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
/** --pvclaimbinder-sync-period of kube-controller-manager. */
export const PV_CLAIM_BINDER_SYNC_PERIOD_MS = 15_000

export class PersistentVolumeController {
  private readonly claims: Informer
  private readonly volumes: Informer
  private readonly classes: Informer
  private readonly claimType: ResourceType
  private readonly volumeType: ResourceType
  private readonly claimQueue: WorkQueue
  private readonly volumeQueue: WorkQueue
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.claimType = ctx.api.registry.forGroupResource('', 'persistentvolumeclaims')!
    this.volumeType = ctx.api.registry.forGroupResource('', 'persistentvolumes')!
    this.claims = ctx.informers.for('', 'persistentvolumeclaims')
    this.volumes = ctx.informers.for('', 'persistentvolumes')
    this.classes = ctx.informers.for('storage.k8s.io', 'storageclasses')
    this.recorder = ctx.recorder({ component: 'persistentvolume-controller' })
    this.claimQueue = new WorkQueue(ctx.clock, (k) => this.syncClaim(k))
    this.volumeQueue = new WorkQueue(ctx.clock, (k) => this.syncVolume(k))
    const claimKey = (c: KubeObject) => this.claimQueue.add(`${c.metadata.namespace}/${c.metadata.name}`)
    const volumeKey = (v: KubeObject) => this.volumeQueue.add(v.metadata.name!)
    this.claims.addEventHandler({ add: claimKey, update: (_o, n) => claimKey(n), delete: () => this.volumes.list().forEach(volumeKey) })
    this.volumes.addEventHandler({ add: volumeKey, update: (_o, n) => volumeKey(n) })
    ctx.clock.every(PV_CLAIM_BINDER_SYNC_PERIOD_MS, () => {
      this.claims.list().forEach(claimKey)
      this.volumes.list().forEach(volumeKey)
    })
  }

  /** syncClaim: a pending claim looks for a volume, or asks for one to be provisioned. */
  private syncClaim(key: string): undefined {
    const pvc = this.claims.getByKey(key)
    if (!pvc || pvc.metadata.deletionTimestamp) return undefined
    const spec = pvSpec(pvc)
    if (phaseOf(pvc) === 'Bound') return undefined
    const className = claimClass(pvc)
    const cls = className ? this.classes.get(undefined, className) : undefined
    const waitForConsumer = (cls as any)?.volumeBindingMode === 'WaitForFirstConsumer'
    const selectedNode = pvc.metadata.annotations?.[ANN_SELECTED_NODE]
    // Delayed binding: the scheduler picks (pre-binds) the volume for the node it chose.
    const pv = findMatchingVolume(pvc, this.volumes.list(), (v) => !waitForConsumer || !!pvSpec(v).claimRef)
    if (pv) {
      this.bind(pv, pvc)
      return undefined
    }
    if (waitForConsumer && !selectedNode && !spec.volumeName) {
      this.recorder.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')
      return undefined
    }
    if (!className) {
      this.recorder.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')
      return undefined
    }
    if (!cls) {
      this.recorder.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`)
      return undefined
    }
    const provisioner = String((cls as any).provisioner ?? '')
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner) {
      const next = clone(pvc)
      next.metadata.annotations = { ...next.metadata.annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner }
      this.write(() => this.ctx.api.update(this.claimType, next))
    }
    this.recorder.event(
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    )
    return undefined
  }

  /** bind: the volume points at the claim, then the claim at the volume; both turn Bound. */
  private bind(pv: KubeObject, pvc: KubeObject): void {
    let volume = clone(pv)
    if (!claimRefMatches(volume, pvc) || !pvSpec(volume).claimRef.uid) {
      if (!pvSpec(volume).claimRef) volume.metadata.annotations = { ...volume.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' }
      pvSpec(volume).claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion }
      const updated = this.write(() => this.ctx.api.update(this.volumeType, volume))
      if (!updated) return
      volume = clone(updated)
    }
    if (phaseOf(volume) !== 'Bound') {
      volume.status = { ...(volume.status as any), phase: 'Bound', lastPhaseTransitionTime: rfc3339(this.ctx.clock.now()) }
      if (!this.write(() => this.ctx.api.update(this.volumeType, volume, { subresource: 'status' }))) return
    }
    let claim = clone(pvc)
    const annotations: Record<string, string> = { ...claim.metadata.annotations, [ANN_BIND_COMPLETED]: 'yes' }
    if (!pvSpec(claim).volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes'
    claim.metadata.annotations = annotations
    pvSpec(claim).volumeName = pv.metadata.name
    const updatedClaim = this.write(() => this.ctx.api.update(this.claimType, claim))
    if (!updatedClaim) return
    claim = clone(updatedClaim)
    const vs = pvSpec(volume)
    claim.status = { ...(claim.status as any), phase: 'Bound', accessModes: vs.accessModes, capacity: vs.capacity }
    this.write(() => this.ctx.api.update(this.claimType, claim, { subresource: 'status' }))
  }

  /** syncVolume: free volumes are Available; a volume whose claim is gone is reclaimed. */
  private syncVolume(name: string): undefined {
    const pv = this.volumes.get(undefined, name)
    if (!pv || pv.metadata.deletionTimestamp) return undefined
    const ref = pvSpec(pv).claimRef
    if (!ref) {
      if (phaseOf(pv) !== 'Available') this.setPhase(pv, 'Available')
      return undefined
    }
    if (!ref.uid) return undefined // Pre-bound by the administrator: wait for the claim.
    const claim = this.claims.get(ref.namespace, ref.name)
    if (claim && claim.metadata.uid === ref.uid) {
      // A provisioned volume arrives pre-bound: its claim finishes the bind now.
      if (phaseOf(claim) !== 'Bound') this.claimQueue.add(`${ref.namespace}/${ref.name}`)
      return undefined
    }
    if (phaseOf(pv) === 'Released' || phaseOf(pv) === 'Failed') {
      if (pvSpec(pv).persistentVolumeReclaimPolicy === 'Delete') {
        this.write(() => this.ctx.api.delete(this.volumeType, undefined, name))
      }
      return undefined
    }
    if (phaseOf(pv) === 'Bound') {
      this.setPhase(pv, 'Released')
      this.volumeQueue.add(name)
    }
    return undefined
  }

  private setPhase(pv: KubeObject, phase: string): void {
    const next = clone(pv)
    next.status = { ...(next.status as any), phase, lastPhaseTransitionTime: rfc3339(this.ctx.clock.now()) }
    this.write(() => this.ctx.api.update(this.volumeType, next, { subresource: 'status' }))
  }

  /** API writes race with learners' edits: a conflict is retried on the next sync. */
  private write(fn: () => KubeObject): KubeObject | undefined {
    try {
      return fn()
    } catch {
      return undefined
    }
  }
}
