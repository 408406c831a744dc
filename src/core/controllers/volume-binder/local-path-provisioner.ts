/**
 * The local-path provisioner add-on (rancher/local-path-provisioner, built on
 * sig-storage-lib-external-provisioner): a claim handed to rancher.io/local-path that has a
 * selected node gets a hostPath volume in /opt/local-path-provisioner on that node, pinned to
 * it by node affinity and pre-bound to the claim; the PV controller then completes the bind.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER } from './pv-controller'
import { phaseOf, pvSpec } from '../../api/volume-matching'

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path'
export const LOCAL_PATH_ROOT = '/opt/local-path-provisioner'
/** The helper pod that creates the directory takes a moment before the volume exists. */
const PROVISION_DELAY_MS = 2_000

export class LocalPathProvisioner {
  private readonly claims: Informer
  private readonly classes: Informer
  private readonly pods: Informer
  private readonly volumeType: ResourceType
  private readonly queue: WorkQueue
  private readonly identity: string
  private readonly started = new Set<string>()

  constructor(private readonly ctx: ComponentContext) {
    this.claims = ctx.informers.for('', 'persistentvolumeclaims')
    this.classes = ctx.informers.for('storage.k8s.io', 'storageclasses')
    this.pods = ctx.informers.pods()
    this.volumeType = ctx.api.registry.forGroupResource('', 'persistentvolumes')!
    this.identity = ctx.random.uuid()
    this.queue = new WorkQueue(ctx.clock, (k) => this.provision(k))
    const enqueue = (c: KubeObject) => {
      if (this.wantsVolume(c)) this.queue.add(`${c.metadata.namespace}/${c.metadata.name}`)
    }
    this.claims.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
  }

  private wantsVolume(c: KubeObject): boolean {
    const a = c.metadata.annotations ?? {}
    return a[ANN_STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER && !!a[ANN_SELECTED_NODE] && !pvSpec(c).volumeName && phaseOf(c) === 'Pending' && !c.metadata.deletionTimestamp
  }

  /** Events come from the provisioner's leader identity: `<provisioner>_<pod>_<uuid>`. */
  private recorder() {
    const pod = this.pods.list('local-path-storage').find((p) => p.metadata.labels?.app === 'local-path-provisioner')
    return this.ctx.recorder({ component: `${LOCAL_PATH_PROVISIONER}_${pod?.metadata.name ?? 'local-path-provisioner'}_${this.identity}` })
  }

  private provision(key: string): undefined {
    const pvc = this.claims.getByKey(key)
    if (!pvc || !this.wantsVolume(pvc)) return undefined
    const uid = pvc.metadata.uid!
    if (!this.started.has(uid)) {
      this.started.add(uid)
      this.recorder().event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`)
      this.queue.addAfter(key, PROVISION_DELAY_MS)
      return undefined
    }
    const cls = this.classes.get(undefined, pvSpec(pvc).storageClassName ?? '') as { reclaimPolicy?: string } | undefined
    const node = pvc.metadata.annotations![ANN_SELECTED_NODE]!
    const name = `pvc-${uid}`
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: { 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': LOCAL_PATH_PROVISIONER },
      },
      spec: {
        accessModes: pvSpec(pvc).accessModes,
        capacity: { storage: pvSpec(pvc).resources?.requests?.storage },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid, resourceVersion: pvc.metadata.resourceVersion },
        hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
        persistentVolumeReclaimPolicy: cls?.reclaimPolicy ?? 'Delete',
        storageClassName: pvSpec(pvc).storageClassName,
        volumeMode: pvSpec(pvc).volumeMode ?? 'Filesystem',
      },
    }
    try {
      this.ctx.api.create(this.volumeType, pv)
    } catch (e) {
      this.recorder().event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${pvSpec(pvc).storageClassName}": ${(e as Error).message}`)
      return undefined
    }
    this.recorder().event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`)
    return undefined
  }
}
