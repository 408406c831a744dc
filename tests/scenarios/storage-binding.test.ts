import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const PV = (name: string, size: string, policy = 'Retain') => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ${policy}
  storageClassName: manual
  hostPath: {path: /mnt/${name}}
`
const PVC = (cls: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  ${cls}
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}
`
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a decoded manifest
const json = (c: ReturnType<typeof createCluster>, what: string): any => JSON.parse(c.kubectl(`get ${what} -o json`).stdout)
const cols = (out: string, n: number) => out.trim().split('\n').map((l) => l.split(/\s+/).slice(0, n).join(' '))

describe('PersistentVolume binding', () => {
  it('binds a claim to the smallest static volume that fits; Retain leaves it Released', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(PV('big', '10Gi') + '---\n' + PV('small', '2Gi') + '---\n' + PV('tiny', '500Mi'))
    c.apply(PVC('storageClassName: manual'))
    c.advance('2s')
    expect(cols(c.kubectl('get pvc --no-headers').stdout, 4)).toEqual(['data Bound small 2Gi'])
    expect(cols(c.kubectl('get pv --no-headers').stdout, 6)).toEqual([
      'big 10Gi RWO Retain Available manual',
      'small 2Gi RWO Retain Bound default/data',
      'tiny 500Mi RWO Retain Available manual',
    ])
    expect(json(c, 'pvc data').metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' })
    c.kubectl('delete pvc data')
    c.advance('2s')
    expect(cols(c.kubectl('get pv small --no-headers').stdout, 6)).toEqual(['small 2Gi RWO Retain Released default/data'])
  })

  it('Delete reclaim policy removes the volume once its claim is deleted', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(PV('vol', '1Gi', 'Delete'))
    c.apply(PVC('storageClassName: manual'))
    c.advance('2s')
    expect(cols(c.kubectl('get pv --no-headers').stdout, 5)).toEqual(['vol 1Gi RWO Delete Bound'])
    c.kubectl('delete pvc data')
    c.advance('2s')
    expect(c.kubectl('get pv').stderr).toBe('No resources found\n')
  })

  it('a claim without a class gets "standard", waits for its first consumer, then is provisioned on its node', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(PVC(''))
    c.advance('20s')
    expect(cols(c.kubectl('get pvc --no-headers').stdout, 2)).toEqual(['data Pending'])
    expect(json(c, 'pvc data').spec.storageClassName).toBe('standard')
    expect(c.kubectl('get events --field-selector involvedObject.name=data --no-headers').stdout).toContain('WaitForFirstConsumer   persistentvolumeclaim/data   waiting for first consumer to be created before binding')
    c.apply(POD)
    c.advance('10s')
    const uid = json(c, 'pvc data').metadata.uid
    expect(cols(c.kubectl('get pvc --no-headers').stdout, 5)).toEqual([`data Bound pvc-${uid} 1Gi RWO`])
    expect(json(c, 'pvc data').metadata.annotations['volume.kubernetes.io/selected-node']).toBe('node-1')
    expect(cols(c.kubectl('get pv --no-headers').stdout, 7)).toEqual([`pvc-${uid} 1Gi RWO Delete Bound default/data standard`])
    expect(json(c, `pv pvc-${uid}`).spec.hostPath.path).toBe(`/opt/local-path-provisioner/pvc-${uid}_default_data`)
    const events = json(c, 'events --field-selector involvedObject.name=data').items.map((e: { reason: string }) => e.reason)
    expect(events).toEqual(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded'])
    c.kubectl('delete pod app')
    c.kubectl('delete pvc data')
    c.advance('40s')
    expect(c.kubectl('get pv').stderr).toBe('No resources found\n')
  })
})
