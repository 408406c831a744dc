import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

type Cluster = ReturnType<typeof createCluster>

const claim = (name: string, cls: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: ${cls}
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`

const pod = (name: string, claimName: string, nodeSelector = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${nodeSelector}  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claimName}
`

const localClass = (name: string, mode: string) => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: ${mode}
`

const localPV = (name: string, cls: string, node: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ${cls}
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [${node}]
`

const cols = (c: Cluster, what: string) => c.kubectl(`get ${what} --no-headers -o wide`).stdout.trim().split(/\s+/)
const events = (c: Cluster, name: string) =>
  c.kubectl(`get events --field-selector involvedObject.name=${name} --sort-by=.lastTimestamp --no-headers`).stdout.trim().split('\n').map((l) => l.split(/\s{2,}/).slice(2).join('  '))

describe('VolumeBinding: WaitForFirstConsumer', { timeout: 30_000 }, () => {
  it('schedules the pod first, provisions the claim on the chosen node, then binds the pod', () => {
    const c = createCluster({ seed: 4 })
    c.apply(claim('data', 'standard'))
    c.advance('2s')
    expect(cols(c, 'pvc data')[1]).toBe('Pending')
    c.apply(pod('db', 'data'))
    c.advance('500ms')
    // PreBind: the claim names the chosen node while the pod waits, not yet bound.
    const selected = JSON.parse(c.kubectl('get pvc data -o json').stdout).metadata.annotations['volume.kubernetes.io/selected-node'] as string
    expect(selected).toMatch(/^node-\d$/)
    expect(cols(c, 'pod db')[6]).toBe('<none>')
    c.advance('20s')
    expect(cols(c, 'pod db').slice(2, 3).concat(cols(c, 'pod db')[6]!)).toEqual(['Running', selected])
    const pv = JSON.parse(c.kubectl('get pv -o json').stdout).items[0]
    expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([selected])
    const seen = events(c, 'db')
    expect(seen[0]).toMatch(new RegExp(`Scheduled +pod/db +Successfully assigned default/db to ${selected}`))
  })

  it('a static local volume decides the node; the scheduler pre-binds it to the claim', () => {
    const c = createCluster({ seed: 4 })
    c.apply(localClass('local', 'WaitForFirstConsumer'))
    c.apply(localPV('local-pv', 'local', 'node-3'))
    c.apply(claim('data', 'local'))
    c.apply(pod('db', 'data'))
    c.advance('20s')
    expect(cols(c, 'pod db')[6]).toBe('node-3')
    expect(cols(c, 'pvc data').slice(1, 3)).toEqual(['Bound', 'local-pv'])
  })

  it('without a fitting volume the pod stays Pending: no node found one to bind', () => {
    const c = createCluster({ seed: 4 })
    c.apply(localClass('local', 'WaitForFirstConsumer'))
    c.apply(claim('data', 'local'))
    c.apply(pod('db', 'data'))
    c.advance('5s')
    expect(events(c, 'db')[0]).toContain(
      "FailedScheduling  pod/db  0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't find available persistent volumes to bind. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    )
  })
})

describe('VolumeBinding: Immediate and bound volumes', { timeout: 30_000 }, () => {
  it('an unbound Immediate claim keeps the pod out until the claim is bound', () => {
    const c = createCluster({ seed: 4 })
    c.apply(localClass('manual', 'Immediate'))
    c.apply(claim('data', 'manual'))
    c.apply(pod('db', 'data'))
    c.advance('5s')
    expect(cols(c, 'pod db')[2]).toBe('Pending')
    expect(events(c, 'db')[0]).toContain(
      'FailedScheduling  pod/db  0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
    c.apply(localPV('local-pv', 'manual', 'node-2'))
    c.advance('30s')
    expect(cols(c, 'pvc data')[1]).toBe('Bound')
    expect(cols(c, 'pod db')[6]).toBe('node-2')
  })

  it("a bound local volume's node affinity rules out other nodes", () => {
    const c = createCluster({ seed: 4 })
    c.apply(localClass('manual', 'Immediate'))
    c.apply(localPV('local-pv', 'manual', 'node-2'))
    c.apply(claim('data', 'manual'))
    c.advance('20s')
    c.apply(pod('db', 'data', '  nodeSelector:\n    kubernetes.io/hostname: node-1\n'))
    c.advance('5s')
    expect(events(c, 'db')[0]).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector.",
    )
  })
})
