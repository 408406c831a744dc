import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('API server basics through kubectl', () => {
  it('rejects a stale update with 409 Conflict in upstream words', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    const t = c.api.registry.lookup('deployments')!
    const stale = c.api.get(t, 'default', 'web')
    const fresh = c.api.get(t, 'default', 'web')
    ;(fresh.spec as { replicas: number }).replicas = 2
    c.api.update(t, fresh)
    ;(stale.spec as { replicas: number }).replicas = 5
    expect(() => c.api.update(t, stale)).toThrow(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    )
  })

  it('bumps generation on spec changes only', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    const t = c.api.registry.lookup('deploy')!
    expect(c.api.get(t, 'default', 'web').metadata.generation).toBe(1)
    c.kubectl('scale deployment web --replicas=2')
    expect(c.api.get(t, 'default', 'web').metadata.generation).toBe(2)
  })

  it('prints NotFound and unknown types as kubectl does', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('get pod nginx')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nginx" not found\n', exitCode: 1 })
    expect(c.kubectl('get deploy web').stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n')
    expect(c.kubectl('get podz')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "podz"\n', exitCode: 1 })
    expect(c.kubectl('get pods').stderr).toBe('No resources found in default namespace.\n')
  })

  it('creates once, then says AlreadyExists the way create deployment wraps it', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('create deployment web --image=nginx').stdout).toBe('deployment.apps/web created\n')
    expect(c.kubectl('create deployment web --image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    })
  })

  it('applies a multi-document manifest: created, then unchanged, then configured', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    const doc = (replicas: number) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: cart}
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
      - name: cart
        image: nginx:1.27
`
    expect(c.apply(doc(1)).stdout).toBe('namespace/shop created\ndeployment.apps/cart created\n')
    expect(c.apply(doc(1)).stdout).toBe('namespace/shop unchanged\ndeployment.apps/cart unchanged\n')
    const r = c.apply(doc(2))
    expect(r.stdout).toBe('namespace/shop unchanged\ndeployment.apps/cart configured\n')
    expect(r.results.map((x) => x.outcome)).toEqual(['unchanged', 'configured'])
  })
})
