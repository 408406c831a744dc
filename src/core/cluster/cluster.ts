/**
 * The composition root (what kubeadm init and joins build): a store, the API server with its
 * admission chain, the controllers, the scheduler and one kubelet per node, all on one
 * simulated clock and one seeded random source. The cluster is brought up before the
 * simulation epoch, so a script starts on a settled cluster at 2025-01-01T00:00:00Z.
 */

import type { KubeObject } from '../api/types'
import { defaultStorageClass } from '../apiserver/admission/default-storage-class'
import { defaultTolerationSeconds } from '../apiserver/admission/default-toleration-seconds'
import { limitRanger } from '../apiserver/admission/limit-ranger'
import { namespaceLifecycle } from '../apiserver/admission/namespace-lifecycle'
import { resourceQuota } from '../apiserver/admission/resource-quota'
import { priorityAdmission } from '../apiserver/admission/priority'
import { serviceAccountAdmission } from '../apiserver/admission/service-account'
import { APIServer } from '../apiserver/server'
import { asFieldManager } from '../apiserver/managed-fields/track'
import { makeRecorderFactory, type ComponentContext } from '../client/context'
import { InformerFactory } from '../client/informer'
import { CronJobController } from '../controllers/cronjob/cronjob-controller'
import { DaemonSetController } from '../controllers/daemonset/daemon-set'
import { DeploymentController } from '../controllers/deployment/deployment-controller'
import { GarbageCollector } from '../controllers/garbage-collector/garbage-collector'
import { JobController } from '../controllers/job/job-controller'
import { TTLAfterFinishedController } from '../controllers/job/ttl-after-finished'
import { NamespaceController } from '../controllers/namespace/namespace-controller'
import { NodeLifecycleController } from '../controllers/node-lifecycle/node-lifecycle-controller'
import { TaintEvictionController } from '../controllers/taint-eviction/taint-eviction-controller'
import { DisruptionController } from '../controllers/disruption/disruption'
import { PVCProtectionController } from '../controllers/volume-protection/pvc-protection'
import { PVProtectionController } from '../controllers/volume-protection/pv-protection'
import { storageObjectInUseProtection } from '../apiserver/admission/storage-object-in-use-protection'
import { ReplicaSetController } from '../controllers/replicaset/replica-set'
import { ServiceAccountsController } from '../controllers/serviceaccount/serviceaccounts-controller'
import { StatefulSetController } from '../controllers/statefulset/stateful-set'
import { LocalPathProvisioner } from '../controllers/volume-binder/local-path-provisioner'
import { PersistentVolumeController } from '../controllers/volume-binder/pv-controller'
import { HorizontalController } from '../controllers/pod-autoscaler/horizontal'
import { ImageCatalogue } from '../kubelet/images/catalogue'
import { Kubelet } from '../kubelet/kubelet'
import { KubeletHost } from '../kubelet/host'
import type { NodeShape } from '../kubelet/node-spec'
import { MetricsServer } from '../metrics/metrics-server'
import type { LoadTarget } from '../metrics/types'
import { Scheduler } from '../scheduler/scheduler'
import { Clock, SIMULATION_EPOCH_MS } from '../sim/clock'
import { Random } from '../sim/random'
import { Store } from '../store/store'
import * as addons from './addons'
import { bootstrapRBAC } from './rbac-bootstrap'

export interface ClusterSpec {
  seed?: number
  workers?: number
  /** CPUs and memory (GiB) of each worker. */
  workerCPU?: number
  workerMemoryGi?: number
}

/** How long before the epoch `kubeadm init` ran: system pods are settled when scripts start. */
export const BOOTSTRAP_LEAD_MS = 10 * 60_000
/** When workers join, after the control plane came up. */
export const WORKER_JOIN_AFTER_MS = 2 * 60_000

export class ClusterCore {
  readonly clock: Clock
  readonly random: Random
  readonly store = new Store()
  readonly api: APIServer
  readonly informers: InformerFactory
  readonly ctx: ComponentContext
  readonly catalogue = new ImageCatalogue()
  readonly kubelets: KubeletHost
  readonly scheduler: Scheduler
  /** Simulated CPU demand set by `sim load` (plain data: part of a saved cluster). */
  readonly load: LoadTarget[] = []
  readonly metrics: MetricsServer
  private nodeCount = 0
  private readonly kubeletCtx: ComponentContext

  constructor(readonly spec: ClusterSpec = {}) {
    this.clock = new Clock(SIMULATION_EPOCH_MS - BOOTSTRAP_LEAD_MS)
    this.random = new Random(spec.seed ?? 1)
    this.api = new APIServer(this.store, this.clock, this.random)
    this.api.admission.push(namespaceLifecycle, limitRanger, serviceAccountAdmission, priorityAdmission, defaultTolerationSeconds, defaultStorageClass, storageObjectInUseProtection, resourceQuota)
    this.informers = new InformerFactory(this.api)
    // Components write as their own field manager (upstream's User-Agent prefix); the
    // controllers' context is kube-controller-manager's.
    const kcm = asFieldManager(this.api, 'kube-controller-manager')
    this.ctx = { api: kcm, informers: this.informers, clock: this.clock, random: this.random, recorder: makeRecorderFactory(kcm) }
    for (const ns of addons.systemNamespaces()) this.createSystem(ns)
    bootstrapRBAC(this.store, this.clock, spec.seed ?? 1)
    for (const pc of addons.priorityClasses()) this.createSystem(pc)
    this.createSystem(addons.kubernetesService())
    new ServiceAccountsController(this.ctx)
    new NamespaceController(this.ctx)
    new GarbageCollector(this.ctx)
    new ReplicaSetController(this.ctx, 'ReplicaSet')
    new ReplicaSetController(this.ctx, 'ReplicationController')
    new DeploymentController(this.ctx)
    new DaemonSetController(this.ctx)
    new JobController(this.ctx)
    new TTLAfterFinishedController(this.ctx)
    new CronJobController(this.ctx)
    new StatefulSetController(this.ctx)
    new NodeLifecycleController(this.ctx)
    new TaintEvictionController(this.ctx)
    new DisruptionController(this.ctx)
    new PVCProtectionController(this.ctx)
    new PVProtectionController(this.ctx)
    new PersistentVolumeController(this.ctx)
    new LocalPathProvisioner(this.as('local-path-provisioner'))
    this.metrics = new MetricsServer(this.as('metrics-server'), { targets: () => this.load })
    new HorizontalController(this.ctx, this.metrics)
    this.scheduler = new Scheduler(this.as('kube-scheduler'))
    this.kubeletCtx = this.as('kubelet')
    this.kubelets = new KubeletHost(this.kubeletCtx)
    this.bootstrap(spec.workers ?? 3)
  }

  private as(manager: string): ComponentContext {
    const api = asFieldManager(this.api, manager)
    return { ...this.ctx, api, recorder: makeRecorderFactory(api) }
  }

  private createSystem(obj: KubeObject): KubeObject {
    const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['']
    const t = this.api.registry.forKind(obj.apiVersion, obj.kind)
    if (!t) throw new Error(`bootstrap: unknown kind ${group}/${obj.kind}`)
    return this.api.create(t, obj, { fieldManager: 'kubeadm' })
  }

  private bootstrap(workers: number): void {
    const cp = this.addNode('control-plane', { controlPlane: true })
    for (const pod of addons.staticPods(cp.name, cp.shape.internalIP)) this.createSystem(pod)
    this.clock.advance(20_000)
    for (const sa of addons.systemServiceAccounts()) this.createSystem(sa)
    this.createSystem(addons.kubeDNSService())
    this.createSystem(addons.coreDNS())
    this.createSystem(addons.kubeProxy())
    for (const o of addons.canal()) this.createSystem(o)
    this.clock.advance(WORKER_JOIN_AFTER_MS - 20_000)
    for (let i = 1; i <= workers; i++) {
      this.addNode(`node-${i}`, {})
      this.clock.advance(5_000)
    }
    this.createSystem(addons.metricsServer())
    for (const o of addons.localPathStorage()) this.createSystem(o)
    this.clock.advanceTo(SIMULATION_EPOCH_MS)
  }

  /** A new machine joins: its kubelet registers the Node and starts its heartbeats. */
  addNode(name: string, opts: { controlPlane?: boolean; cpu?: number; memoryGi?: number; labels?: Record<string, string> }): Kubelet {
    const index = this.nodeCount++
    const hex = (n: number) => this.random.string(n, '0123456789abcdef')
    const shape: NodeShape = {
      name,
      cpu: opts.cpu ?? (opts.controlPlane ? 2 : this.spec.workerCPU ?? 2),
      memoryKi: (opts.memoryGi ?? (opts.controlPlane ? 4 : this.spec.workerMemoryGi ?? 4)) * 1024 * 1024,
      internalIP: `172.18.${Math.floor((index + 2) / 256)}.${(index + 2) % 256}`,
      podCIDR: `10.244.${index}.0/24`,
      controlPlane: !!opts.controlPlane,
      labels: opts.labels,
      machineID: hex(32),
      systemUUID: this.random.uuid(),
      bootID: this.random.uuid(),
    }
    const kubelet = new Kubelet(this.kubeletCtx, shape, this.catalogue)
    this.kubelets.add(kubelet)
    kubelet.start()
    return kubelet
  }
}
