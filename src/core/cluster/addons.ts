/**
 * What `kubeadm init` and the teaching cluster's add-ons create (design/fidelity.md "Cluster
 * shape"): system namespaces, the kubernetes and kube-dns Services, CoreDNS, kube-proxy, the
 * Canal CNI (flannel networking with Calico policy), metrics-server, local-path storage.
 */

import type { KubeObject } from '../api/types'
import { KUBERNETES_VERSION } from '../api/version'

export const POD_NETWORK_CIDR = '10.244.0.0/16'
export const KUBERNETES_SERVICE_IP = '10.96.0.1'
export const KUBE_DNS_SERVICE_IP = '10.96.0.10'
export const CLUSTER_DOMAIN = 'cluster.local'

const CONTROL_PLANE_TOLERATIONS = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
]

export function systemNamespaces(): KubeObject[] {
  return ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }))
}

export function priorityClasses(): KubeObject[] {
  return [
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-cluster-critical' }, value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.', preemptionPolicy: 'PreemptLowerPriority' },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.', preemptionPolicy: 'PreemptLowerPriority' },
  ]
}

export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  }
}

export function kubeDNSService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: KUBE_DNS_SERVICE_IP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  }
}

function deployment(name: string, namespace: string, labels: Record<string, string>, replicas: number, podSpec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  }
}

function daemonSet(name: string, namespace: string, labels: Record<string, string>, podSpec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  }
}

export function coreDNS(): KubeObject {
  return deployment('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }, 2, {
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
    tolerations: CONTROL_PLANE_TOLERATIONS,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    containers: [
      {
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.3',
        args: ['-conf', '/etc/coredns/Corefile'],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        ports: [
          { containerPort: 53, name: 'dns', protocol: 'UDP' },
          { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
          { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        ],
        readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
        livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
      },
    ],
  })
}

export function kubeProxy(): KubeObject {
  return daemonSet('kube-proxy', 'kube-system', { 'k8s-app': 'kube-proxy' }, {
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'kube-proxy',
    hostNetwork: true,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ operator: 'Exists' }],
    containers: [
      {
        name: 'kube-proxy',
        image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
        command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
        securityContext: { privileged: true },
      },
    ],
  })
}

export function canal(): KubeObject[] {
  return [
    daemonSet('canal', 'kube-system', { 'k8s-app': 'canal' }, {
      priorityClassName: 'system-node-critical',
      serviceAccountName: 'canal',
      hostNetwork: true,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
      containers: [
        { name: 'calico-node', image: 'docker.io/calico/node:v3.29.1', resources: { requests: { cpu: '250m' } }, command: ['start_runit'] },
        { name: 'kube-flannel', image: 'quay.io/coreos/flannel:v0.15.1', command: ['/opt/bin/flanneld', '--ip-masq'] },
      ],
    }),
    deployment('calico-kube-controllers', 'kube-system', { 'k8s-app': 'calico-kube-controllers' }, 1, {
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'calico-kube-controllers',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: CONTROL_PLANE_TOLERATIONS,
      containers: [{ name: 'calico-kube-controllers', image: 'docker.io/calico/kube-controllers:v3.29.1', command: ['/usr/bin/kube-controllers'] }],
    }),
  ]
}

export function metricsServer(): KubeObject {
  return deployment('metrics-server', 'kube-system', { 'k8s-app': 'metrics-server' }, 1, {
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'metrics-server',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    containers: [
      {
        name: 'metrics-server',
        image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
        args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s'],
        ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '200Mi' } },
      },
    ],
  })
}

export function localPathStorage(): KubeObject[] {
  return [
    deployment('local-path-provisioner', 'local-path-storage', { app: 'local-path-provisioner' }, 1, {
      serviceAccountName: 'local-path-provisioner-service-account',
      containers: [{ name: 'local-path-provisioner', image: 'docker.io/rancher/local-path-provisioner:v0.0.30', command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'] }],
    }),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
  ]
}

export function systemServiceAccounts(): KubeObject[] {
  const sa = (name: string, namespace = 'kube-system'): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } })
  return [sa('coredns'), sa('kube-proxy'), sa('canal'), sa('calico-kube-controllers'), sa('metrics-server'), sa('local-path-provisioner-service-account', 'local-path-storage')]
}

/** The control plane's static pods, as the control-plane kubelet mirrors them into the API. */
export function staticPods(nodeName: string, nodeIP: string): KubeObject[] {
  const pod = (component: string, image: string, command: string[], cpu: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${nodeName}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.mirror': component,
        'kubernetes.io/config.source': 'file',
        ...(component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` } : {}),
        ...(component === 'etcd' ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` } : {}),
      },
    },
    spec: {
      nodeName,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
    },
  })
  return [
    pod('etcd', 'registry.k8s.io/etcd:3.5.15-0', ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--data-dir=/var/lib/etcd'], '100m'),
    pod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, ['kube-apiserver', `--advertise-address=${nodeIP}`, '--service-cluster-ip-range=10.96.0.0/12'], '250m'),
    pod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, ['kube-controller-manager', `--cluster-cidr=${POD_NETWORK_CIDR}`, '--allocate-node-cidrs=true'], '200m'),
    pod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, ['kube-scheduler', '--leader-elect=true'], '100m'),
  ]
}
