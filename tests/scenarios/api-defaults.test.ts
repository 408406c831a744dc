// Defaults the API server fills in, as `kubectl get -o yaml` shows them (pkg/apis/*/v1/defaults.go).
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function yamlOf(manifest: string, ref: string): string {
  const c = createCluster({ seed: 1, workers: 0 })
  expect(c.apply(manifest).exitCode).toBe(0)
  return c.kubectl(`get ${ref} -o yaml`).stdout
}

describe('server-side defaults', () => {
  it('a Secret is Opaque and its stringData lands base64-encoded in data', () => {
    const out = yamlOf('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {user: admin, note: "héllo"}\n', 'secret s')
    expect(out).toContain('data:\n  note: aMOpbGxv\n  user: YWRtaW4=\n')
    expect(out).toContain('type: Opaque\n')
    expect(out).not.toMatch(/^stringData:/m)
  })

  it('a claim is Filesystem and Pending', () => {
    const out = yamlOf(
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], storageClassName: manual, resources: {requests: {storage: 1Gi}}}\n',
      'pvc data',
    )
    expect(out).toContain('  volumeMode: Filesystem\n')
    expect(out).toContain('status:\n  phase: Pending\n')
  })

  it('a volume is Retain, Filesystem and Pending; hostPath type is the empty string', () => {
    const out = yamlOf(
      'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /data}}\n',
      'pv pv1',
    )
    expect(out).toContain('  hostPath:\n    path: /data\n    type: ""\n')
    expect(out).toContain('  persistentVolumeReclaimPolicy: Retain\n')
    expect(out).toContain('  volumeMode: Filesystem\n')
  })

  it('a NetworkPolicy gets its policy types, a StorageClass Delete/Immediate', () => {
    const np = yamlOf(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec: {podSelector: {}, egress: [{ports: [{port: 53}]}]}\n',
      'networkpolicy np',
    )
    expect(np).toContain('  policyTypes:\n  - Ingress\n  - Egress\n')
    expect(np).toContain('    - port: 53\n      protocol: TCP\n')
    const sc = yamlOf('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/fast\n', 'storageclass fast')
    expect(sc).toContain('reclaimPolicy: Delete\n')
    expect(sc).toContain('volumeBindingMode: Immediate\n')
  })

  it('a Service: ClientIP affinity lasts 3 hours; headless without selector requires dual stack', () => {
    const svc = yamlOf('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {sessionAffinity: ClientIP, selector: {app: web}, ports: [{port: 80}]}\n', 'svc web')
    expect(svc).toContain('  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 10800\n')
    expect(svc).toContain('  ipFamilyPolicy: SingleStack\n')
    const headless = yamlOf('apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {clusterIP: None, ports: [{port: 80}]}\n', 'svc ext')
    expect(headless).toContain('  ipFamilies:\n  - IPv4\n  ipFamilyPolicy: RequireDualStack\n')
  })
})
