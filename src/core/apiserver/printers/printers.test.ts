/**
 * `kubectl get` tables of the kinds added from printers.go (AddHandlers column order, cell
 * rules), on a created cluster; cells a manifest cannot reach (status) through buildTable.
 */
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import { createCluster } from '../../cluster'
import { printerFor, buildTable } from '.'

const MANIFEST = `
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: busybox, command: [sh, -c, echo done]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  tls: [{hosts: [a.example.com]}]
  rules:
  - host: a.example.com
  - host: b.example.com
  - host: c.example.com
  - host: d.example.com
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec: {podSelector: {}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 25%
  selector: {matchLabels: {app: web}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
subjects:
- {kind: User, name: jane}
- {kind: Group, name: devs}
- {kind: ServiceAccount, name: default, namespace: default}
roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
`

function cluster() {
  const c = createCluster({ seed: 7 })
  const r = c.apply(MANIFEST)
  expect(r.stderr).toBe('')
  c.advance('2m')
  return c
}

describe('server-side tables for the remaining kinds', () => {
  it('prints jobs with STATUS, COMPLETIONS and DURATION, and cronjobs with TIMEZONE and SUSPEND', () => {
    const c = cluster()
    expect(c.kubectl('get jobs').stdout).toMatch(/^NAME {3}STATUS {5}COMPLETIONS {3}DURATION {3}AGE\npi {5}Complete {3}1\/1 {11}\ds {9}2m\n$/)
    expect(c.kubectl('get cronjobs').stdout).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */5 * * * *   <none>     False     0        <none>          2m\n',
    )
  })

  it('prints ingress hosts (three, then "+ N more..."), TLS ports, network policies, PDBs and HPAs', () => {
    const c = cluster()
    expect(c.kubectl('get ingress').stdout).toBe(
      'NAME   CLASS   HOSTS                                                   ADDRESS   PORTS     AGE\nweb    nginx   a.example.com,b.example.com,c.example.com + 1 more...             80, 443   2m\n',
    )
    expect(c.kubectl('get netpol').stdout).toBe('NAME       POD-SELECTOR   AGE\ndeny-all   <none>         2m\n')
    expect(c.kubectl('get pdb').stdout).toBe('NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    N/A             25%               0                     2m\n')
    expect(c.kubectl('get hpa').stdout).toBe(
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\nweb    Deployment/web   cpu: <unknown>/50%   1         5         0          2m\n',
    )
  })

  it('prints role bindings with subjects under -o wide, and roles as NAME / CREATED AT', () => {
    const c = cluster()
    expect(c.kubectl('get rolebindings -o wide').stdout).toBe(
      'NAME   ROLE               AGE   USERS   GROUPS   SERVICEACCOUNTS\nrb     ClusterRole/view   2m    jane    devs     default/default\n',
    )
    expect(c.kubectl('get roles').stdout).toBe('NAME     CREATED AT\nreader   2025-01-01T00:00:00Z\n')
  })

  it('marks the default StorageClass', () => {
    const c = cluster()
    expect(c.kubectl('get storageclass').stdout).toMatch(/^NAME {17}PROVISIONER {13}RECLAIMPOLICY {3}VOLUMEBINDINGMODE {6}ALLOWVOLUMEEXPANSION {3}AGE\nstandard \(default\) {3}rancher\.io\/local-path {3}Delete {10}WaitForFirstConsumer {3}false {18}\S+\n$/)
  })
})

const NOW = Date.parse('2025-01-01T01:00:00Z')
const T0 = '2025-01-01T00:00:00Z'

function cells(resource: string, group: string, obj: Partial<KubeObject>): (string | number | boolean)[] {
  const c = createCluster({ seed: 1, workers: 0 })
  const t = c.api.registry.forGroupResource(group, resource)!
  const o = { apiVersion: 'v1', kind: t.kind, metadata: { name: 'x', creationTimestamp: T0 }, ...obj } as KubeObject
  return buildTable(printerFor(t), [o], { now: NOW }, '').rows[0]!.cells
}

describe('cell rules from status fields', () => {
  it('job COMPLETIONS with parallelism and DURATION of a finished job; Failed before Terminating', () => {
    expect(cells('jobs', 'batch', { spec: { parallelism: 3 }, status: { succeeded: 1, startTime: T0 } }).slice(1, 4)).toEqual(['Running', '1/1 of 3', '60m'])
    const done = { spec: { completions: 2 }, status: { succeeded: 2, startTime: T0, completionTime: '2025-01-01T00:03:20Z', conditions: [{ type: 'Complete', status: 'True' }] } }
    expect(cells('jobs', 'batch', done).slice(1, 4)).toEqual(['Complete', '2/2', '3m20s'])
    expect(cells('jobs', 'batch', { metadata: { name: 'x', deletionTimestamp: T0 }, status: { conditions: [{ type: 'Failed', status: 'True' }] } })[1]).toBe('Failed')
  })

  it('PV and PVC cells once bound, with access modes in upstream order', () => {
    const pv = { spec: { capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'standard' }, status: { phase: 'Bound' } }
    expect(cells('persistentvolumes', '', pv)).toEqual(['x', '1Gi', 'RWO,RWX', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '60m', '<unset>'])
    const pvc = { spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } }
    expect(cells('persistentvolumeclaims', '', pvc)).toEqual(['x', 'Bound', 'pv-1', '1Gi', 'RWO', 'standard', '<unset>', '60m', 'Filesystem'])
  })

  it('LoadBalancer EXTERNAL-IP is never cut server-side, <pending> without ingress', () => {
    const lb = { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }, status: { loadBalancer: { ingress: [{ hostname: 'a-very-long-load-balancer.example.com' }] } } }
    expect(cells('services', '', lb).slice(1, 5)).toEqual(['LoadBalancer', '10.96.0.20', 'a-very-long-load-balancer.example.com', '80:30080/TCP'])
    expect(cells('services', '', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'] } })[3]).toBe('<pending>')
  })

  it('endpoint slices, quotas, controller revisions, priority classes and component statuses', () => {
    const slice = { addressType: 'IPv4', ports: [{ port: 80 }, { name: 'metrics' }], endpoints: [1, 2, 3, 4].map((i) => ({ addresses: [`10.244.1.${i}`] })) }
    expect(cells('endpointslices', 'discovery.k8s.io', slice).slice(1, 4)).toEqual(['IPv4', '80,metrics', '10.244.1.1,10.244.1.2,10.244.1.3 + 1 more...'])
    expect(cells('endpointslices', 'discovery.k8s.io', { addressType: 'IPv4' }).slice(2, 4)).toEqual(['<unset>', '<unset>'])
    const quota = { status: { hard: { pods: '10', 'requests.cpu': '2', 'limits.memory': '2Gi' }, used: { pods: '3', 'requests.cpu': '500m' } } }
    expect(cells('resourcequotas', '', quota)).toEqual(['x', '60m', 'pods: 3/10, requests.cpu: 500m/2', 'limits.memory: 0/2Gi'])
    const rev = { metadata: { name: 'x', creationTimestamp: T0, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'canal', uid: 'u', controller: true }] }, revision: 1 }
    expect(cells('controllerrevisions', 'apps', rev)).toEqual(['x', 'daemonset.apps/canal', 1, '60m'])
    expect(cells('priorityclasses', 'scheduling.k8s.io', { value: 1000, preemptionPolicy: 'Never' })).toEqual(['x', 1000, 'false', '60m', 'Never'])
    expect(cells('componentstatuses', '', { conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] })).toEqual(['x', 'Healthy', 'ok', ''])
  })

  it('pod RESTARTS shows "(… ago)" only for restarts of app and sidecar containers', () => {
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'init', restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: { terminated: { finishedAt: '2025-01-01T00:10:00Z' } } }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
    }
    const pod = { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] }, status }
    expect(cells('pods', '', pod).slice(1, 4)).toEqual(['1/1', 'Running', '0'])
    const crashed = { ...pod, status: { ...status, containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { finishedAt: '2025-01-01T00:59:40Z' } } }] } }
    expect(cells('pods', '', crashed).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '3 (20s ago)'])
  })
})
