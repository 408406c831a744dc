/**
 * What a node looks like when its kubelet registers it: capacity, allocatable, labels,
 * addresses, system info. Values are those of a small kubeadm VM running containerd.
 */

import type { KubeObject } from '../api/types'
import { rfc3339 } from '../machinery/time'
import { KUBERNETES_VERSION } from '../api/version'

export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24'
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS'
export const KERNEL_VERSION = '6.8.0-51-generic'
/** kubelet --max-pods */
export const MAX_PODS = 110
/** kubelet's default hard eviction threshold memory.available<100Mi, subtracted from allocatable. */
export const EVICTION_HARD_MEMORY_KI = 100 * 1024

export interface NodeShape {
  name: string
  /** CPUs */
  cpu: number
  /** memory in KiB */
  memoryKi: number
  internalIP: string
  podCIDR: string
  controlPlane: boolean
  labels?: Record<string, string>
  machineID: string
  systemUUID: string
  bootID: string
}

export function nodeObject(shape: NodeShape, now: number): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
    ...(shape.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...shape.labels,
  }
  const storageKi = 61202244
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: shape.podCIDR,
      podCIDRs: [shape.podCIDR],
      ...(shape.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: {
        cpu: String(shape.cpu),
        'ephemeral-storage': `${storageKi}Ki`,
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${shape.memoryKi}Ki`,
        pods: String(MAX_PODS),
      },
      allocatable: {
        cpu: String(shape.cpu),
        'ephemeral-storage': String(Math.floor(storageKi * 1024 * 0.9)),
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${shape.memoryKi - EVICTION_HARD_MEMORY_KI}Ki`,
        pods: String(MAX_PODS),
      },
      conditions: readyConditions(now, now),
      addresses: [
        { address: shape.internalIP, type: 'InternalIP' },
        { address: shape.name, type: 'Hostname' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: shape.bootID,
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: shape.machineID,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: shape.systemUUID,
      },
      images: [],
    },
  }
}

export function readyConditions(heartbeat: number, transition: number): unknown[] {
  const hb = rfc3339(heartbeat)
  const tr = rfc3339(transition)
  return [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ]
}
