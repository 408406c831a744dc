// Storage object in-use protection: a claim deleted while a pod uses it, and its bound volume,
// stay Terminating behind their kubernetes.io/pvc-protection and pv-protection finalizers.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const CLAIM_AND_POD = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts: [{name: d, mountPath: /data}]
  volumes:
  - name: d
    persistentVolumeClaim: {claimName: data}
`

describe('pvc-protection and pv-protection', () => {
  it('keeps a claim in use Terminating until its pod is gone, then releases and deletes the volume', () => {
    const c = createCluster({ seed: 7 })
    c.apply(CLAIM_AND_POD)
    c.advance('30s')
    expect(c.kubectl('get pvc data -o jsonpath={.metadata.finalizers}').stdout).toBe('["kubernetes.io/pvc-protection"]')
    const pv = c.kubectl('get pvc data -o jsonpath={.spec.volumeName}').stdout
    expect(c.kubectl(`get pv ${pv} -o jsonpath={.metadata.finalizers}`).stdout).toBe('["kubernetes.io/pv-protection"]')
    expect(c.kubectl('delete pvc data --wait=false').stdout).toBe('persistentvolumeclaim "data" deleted\n')
    c.advance('1m')
    expect(c.kubectl('get pvc data').stdout).toMatch(/^data +Terminating +pvc-/m)
    expect(c.kubectl('describe pvc data').stdout).toContain('Finalizers:    [kubernetes.io/pvc-protection]\n')
    c.kubectl('delete pod app')
    c.advance('5s')
    expect(c.kubectl('get pvc data').stderr).toBe('Error from server (NotFound): persistentvolumeclaims "data" not found\n')
    expect(c.kubectl(`get pv ${pv}`).stderr).toBe(`Error from server (NotFound): persistentvolumes "${pv}" not found\n`)
  })

  it('keeps a Bound volume Terminating while its claim holds it', () => {
    const c = createCluster({ seed: 7 })
    c.apply(CLAIM_AND_POD)
    c.advance('30s')
    const pv = c.kubectl('get pvc data -o jsonpath={.spec.volumeName}').stdout
    c.kubectl(`delete pv ${pv} --wait=false`)
    c.advance('30s')
    expect(c.kubectl(`get pv ${pv} -o jsonpath={.status.phase}/{.metadata.deletionTimestamp}`).stdout).toBe('Bound/2025-01-01T00:00:30Z')
  })
})
