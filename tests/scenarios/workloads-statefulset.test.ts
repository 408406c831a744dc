import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const STS = (replicas: number, policy = 'OrderedReady') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  podManagementPolicy: ${policy}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`

function podNames(c: ReturnType<typeof createCluster>): string[] {
  const out = c.kubectl('get pods --no-headers').stdout.trim()
  return out ? out.split('\n').map((l) => l.split(/\s+/)[0]!) : []
}

function stsEvents(c: ReturnType<typeof createCluster>): string[] {
  return c.api
    .list(c.api.registry.lookup('events')!, { namespace: 'default' })
    .items.filter((e) => (e.involvedObject as { kind: string }).kind === 'StatefulSet')
    .map((e) => e.message as string)
}

describe('StatefulSet', { timeout: 30_000 }, () => {
  it('creates web-0, web-1, web-2 one after the other, each with its PVC', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3))
    c.advance('1s')
    // OrderedReady: web-1 waits until web-0 is Running and Ready.
    expect(podNames(c)).toEqual(['web-0'])
    const r = c.kubectl('rollout status statefulset/web')
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['Waiting for 1 pods to be ready...', 'partitioned roll out complete: 3 new pods have been updated...'])
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(c.kubectl('get pvc --no-headers').stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'www-web-0 Bound',
      'www-web-1 Bound',
      'www-web-2 Bound',
    ])
    expect(stsEvents(c)).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
      'create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'create Pod web-2 in StatefulSet web successful',
    ])
    const pod = c.api.get(c.api.registry.lookup('pods')!, 'default', 'web-1')
    expect(pod.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' })
    expect(pod.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' })
    expect((pod.spec as { volumes: unknown[] }).volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } })
    expect(c.kubectl('get sts web --no-headers').stdout).toMatch(/^web +3\/3 /)
  })

  it('Parallel creates every pod at once', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3, 'Parallel'))
    c.advance('1s')
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2'])
  })

  it('scales down from the highest ordinal, one at a time, keeping the PVCs', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3))
    c.kubectl('rollout status sts/web')
    c.kubectl('scale statefulset web --replicas=1')
    c.advance('50ms')
    // web-2 goes first; web-1 waits until web-2 is gone.
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/web-2 .*Terminating/)
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/web-1 +1\/1 +Running/)
    c.advance('60s')
    expect(podNames(c)).toEqual(['web-0'])
    const deletes = stsEvents(c).filter((m) => m.startsWith('delete'))
    expect(deletes).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful'])
    expect(c.kubectl('get pvc --no-headers').stdout.trim().split('\n')).toHaveLength(3)
  })

  it('whenScaled: Delete removes the PVCs of the pods scaled away', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3).replace('  serviceName: nginx\n', '  serviceName: nginx\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n'))
    c.kubectl('rollout status sts/web')
    c.kubectl('scale statefulset web --replicas=1')
    c.advance('60s')
    expect(c.kubectl('get pvc --no-headers').stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['www-web-0'])
  })

  it('rollout undo goes back to the previous revision', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(2))
    c.kubectl('rollout status sts/web')
    c.kubectl('set image statefulset/web nginx=nginx:1.27')
    c.kubectl('rollout status sts/web')
    expect(c.kubectl('rollout undo statefulset/web').stdout).toBe('statefulset.apps/web rolled back\n')
    c.kubectl('rollout status sts/web')
    const image = (n: string) => (c.api.get(c.api.registry.lookup('pods')!, 'default', n).spec as { containers: { image: string }[] }).containers[0]!.image
    expect(['web-0', 'web-1'].map(image)).toEqual(['nginx', 'nginx'])
    // Revision 1 was reused as revision 3.
    expect(c.kubectl('rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  })

  it('rolls an update from the highest ordinal and records ControllerRevisions', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3))
    c.kubectl('rollout status sts/web')
    c.kubectl('set image statefulset/web nginx=nginx:1.27')
    c.advance('50ms')
    const image = (n: string) => (c.api.get(c.api.registry.lookup('pods')!, 'default', n).spec as { containers: { image: string }[] }).containers[0]!.image
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/web-2 .*Terminating/)
    expect(image('web-0')).toBe('nginx')
    c.kubectl('rollout status sts/web')
    expect(['web-0', 'web-1', 'web-2'].map(image)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27'])
    expect(c.kubectl('get controllerrevisions --no-headers').stdout.trim().split('\n')).toHaveLength(2)
    expect(c.kubectl('rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    const st = c.api.get(c.api.registry.lookup('statefulsets')!, 'default', 'web').status as Record<string, unknown>
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3, availableReplicas: 3 })
    expect(st.currentRevision).toBe(st.updateRevision)
  })

  it('with a partition only the ordinals at or above it are updated', () => {
    const c = createCluster({ seed: 5 })
    c.apply(STS(3))
    c.kubectl('rollout status sts/web')
    const t = c.api.registry.lookup('statefulsets')!
    const s = c.api.get(t, 'default', 'web')
    const spec = s.spec as { updateStrategy: { rollingUpdate: { partition: number } }; template: { spec: { containers: { image: string }[] } } }
    spec.updateStrategy.rollingUpdate.partition = 2
    spec.template.spec.containers[0]!.image = 'nginx:1.27'
    c.api.update(t, s)
    const r = c.kubectl('rollout status sts/web')
    expect(r.stdout.trim().split('\n').pop()).toBe('partitioned roll out complete: 1 new pods have been updated...')
    const image = (n: string) => (c.api.get(c.api.registry.lookup('pods')!, 'default', n).spec as { containers: { image: string }[] }).containers[0]!.image
    expect(['web-0', 'web-1', 'web-2'].map(image)).toEqual(['nginx', 'nginx', 'nginx:1.27'])
  })
})
