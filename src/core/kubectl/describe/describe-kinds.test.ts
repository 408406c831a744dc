/**
 * describe for the other kinds with describers of their own. Each expected text was compared
 * byte for byte with kubectl v1.31.9 describing the same objects.
 */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'

const MANIFEST = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, labels: {team: a}}
rules:
- apiGroups: ["", "apps"]
  resources: [pods, pods/log, deployments]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [cfg1, cfg2]
  verbs: [get]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80, name: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: both}
spec:
  tls: [{hosts: [a.example.com], secretName: tls1}, {hosts: [b.example.com]}]
  defaultBackend:
    service: {name: missing, port: {number: 8080}}
  rules:
  - host: a.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
  - http:
      paths:
      - {path: /x, pathType: Exact, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: b}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1, labels: {type: local}}
spec:
  capacity: {storage: 2Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath: {path: /mnt/data}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node-1, node-2]}
        - {key: disk, operator: Exists}
---
apiVersion: v1
kind: Endpoints
metadata: {name: manual}
subsets:
- addresses: [{ip: 10.0.0.1}, {ip: 10.0.0.2}]
  notReadyAddresses: [{ip: 10.0.0.3}]
  ports: [{port: 80, protocol: TCP}, {name: metrics, port: 9090, protocol: TCP}]
`

function cluster() {
  const c = createCluster({ seed: 7 })
  expect(c.apply(MANIFEST).stderr).toBe('')
  c.advance('30s')
  return c
}

const lines = (...l: string[]) => `${l.join('\n')}\n`

describe('kubectl describe: RBAC, ingress, PDB, PV, endpoints, service account', () => {
  it('breaks role rules down, compacts them per resource and sorts them as kubectl does', () => {
    expect(cluster().kubectl('describe role reader').stdout).toBe(
      lines(
        'Name:         reader',
        'Labels:       team=a',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  deployments       []                 []              [get list watch]',
        '  pods/log          []                 []              [get list watch]',
        '  pods              []                 []              [get list watch]',
        '  deployments.apps  []                 []              [get list watch]',
        '  pods.apps/log     []                 []              [get list watch]',
        '  pods.apps         []                 []              [get list watch]',
        '  configmaps        []                 [cfg1]          [get]',
        '  configmaps        []                 [cfg2]          [get]',
      ),
    )
  })

  it('describes ingress rules with their backends, TLS and a missing default backend service', () => {
    expect(cluster().kubectl('describe ingress both').stdout).toBe(
      lines(
        'Name:             both',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    <none>',
        'Default backend:  missing:8080 (<error: services "missing" not found>)',
        'TLS:',
        '  tls1 terminates a.example.com',
        '  SNI routes b.example.com',
        'Rules:',
        '  Host           Path  Backends',
        '  ----           ----  --------',
        '  a.example.com  ',
        '                 /      web:80 (<none>)',
        '                 /api   web:http (<none>)',
        '  *              ',
        '                 /x   APIGroup: k8s.example.com, Kind: Bucket, Name: b',
        'Annotations:     <none>',
        'Events:          <none>',
      ),
    )
  })

  it('describes a PDB status block, a PV with node affinity, endpoints subsets and a service account', () => {
    const c = cluster()
    expect(c.kubectl('describe pdb web').stdout).toBe(
      lines(
        'Name:           web',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  0',
        '    Current:              0',
        '    Desired:              2',
        '    Total:                0',
        // The disruption controller found no pods, on creation and again after its status write.
        'Events:',
        '  Type    Reason  Age                From               Message',
        '  ----    ------  ----               ----               -------',
        '  Normal  NoPods  30s (x2 over 30s)  controllermanager  No matching pods found',
      ),
    )
    expect(c.kubectl('describe pv pv-1').stdout).toBe(
      lines(
        'Name:              pv-1',
        'Labels:            type=local',
        'Annotations:       <none>',
        'Finalizers:        [kubernetes.io/pv-protection]',
        'StorageClass:      manual',
        'Status:            Available',
        'Claim:             ',
        'Reclaim Policy:    Retain',
        'Access Modes:      RWO,ROX',
        'VolumeMode:        Filesystem',
        'Capacity:          2Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        kubernetes.io/hostname in [node-1, node-2]',
        '                   disk exists',
        'Message:           ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/data',
        '    HostPathType:  ',
        'Events:            <none>',
      ),
    )
    expect(c.kubectl('describe endpoints manual').stdout).toBe(
      lines(
        'Name:         manual',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.0.0.1,10.0.0.2',
        '  NotReadyAddresses:  10.0.0.3',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '    metrics  9090  TCP',
        '',
        'Events:  <none>',
      ),
    )
    expect(c.kubectl('describe sa default').stdout).toBe(
      lines('Name:                default', 'Namespace:           default', 'Labels:              <none>', 'Annotations:         <none>', 'Image pull secrets:  <none>', 'Mountable secrets:   <none>', 'Tokens:              <none>', 'Events:              <none>'),
    )
  })
})

describe('kubectl describe pod: resources, probes, environment, mounts, volumes, restarts', () => {
  const POD = `
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {mode: fast}
---
apiVersion: v1
kind: Pod
metadata: {name: rich}
spec:
  containers:
  - name: app
    image: nginx
    ports: [{containerPort: 80}, {containerPort: 443}]
    env:
    - name: MODE
      valueFrom: {configMapKeyRef: {name: cfg, key: mode}}
    - name: NODE
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
    - name: POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: CPU
      valueFrom: {resourceFieldRef: {resource: limits.cpu}}
    envFrom: [{configMapRef: {name: cfg}, prefix: CFG_}]
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {cpu: 500m, memory: 128Mi}
    livenessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 3}
    readinessProbe: {exec: {command: [cat, /tmp/ready]}}
    volumeMounts: [{name: cache, mountPath: /cache}]
  - name: side
    image: busybox
    command: [sh, -c, "exit 3"]
  volumes:
  - {name: cache, emptyDir: {sizeLimit: 500Mi}}
  - {name: host, hostPath: {path: /var/log, type: Directory}}
`
  it('prints them in upstream layout', () => {
    const c = createCluster({ seed: 7 })
    expect(c.apply(POD).stderr).toBe('')
    c.advance('90s')
    const out = c.kubectl('describe pod rich').stdout
    expect(out).toContain(
      lines(
        '    Ports:          80/TCP, 443/TCP',
        '    Host Ports:     0/TCP, 0/TCP',
        '    State:          Running',
      ),
    )
    expect(out).toContain(
      lines(
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Liveness:   http-get http://:80/ delay=3s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  exec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment Variables from:',
        "      cfg  ConfigMap with prefix 'CFG_'  Optional: false",
        '    Environment:',
        "      MODE:  <set to the key 'mode' of config map 'cfg'>  Optional: false",
        '      NODE:   (v1:spec.nodeName)',
        '      POD:   rich (v1:metadata.name)',
        '      CPU:   1 (limits.cpu)',
        '    Mounts:',
        '      /cache from cache (rw)',
      ),
    )
    expect(out).toMatch(/ {4}State: {10}Waiting\n {6}Reason: {7}CrashLoopBackOff\n {4}Last State: {5}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}3\n/)
    expect(out).toContain(
      lines(
        '  cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  500Mi',
        '  host:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  Directory',
      ),
    )
    expect(out).toContain('QoS Class:                   Burstable\n')
    expect(out).toMatch(/ {2}Warning {2}BackOff {4}\d+s \(x\d over \d+s\) +kubelet +Back-off restarting failed container side in pod rich_default\(/)
  })
})
