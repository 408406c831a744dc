import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function names(c: ReturnType<typeof createCluster>, what: string): string[] {
  const out = c.kubectl(`get ${what} -o name`).stdout.trim()
  return out ? out.split('\n') : []
}

describe('garbage collector and namespace controller', () => {
  it('orphans the ReplicaSet and pods with --cascade=orphan, and a new Deployment adopts them', () => {
    const c = createCluster({ seed: 6, workers: 2 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('30s')
    const rs = names(c, 'rs')
    const pods = names(c, 'pods')
    expect(c.kubectl('delete deployment web --cascade=orphan').stdout).toBe('deployment.apps "web" deleted\n')
    c.advance('30s')
    expect(names(c, 'deploy')).toEqual([])
    expect(names(c, 'rs')).toEqual(rs)
    expect(names(c, 'pods')).toEqual(pods)
    const rsType = c.api.registry.lookup('rs')!
    expect(c.api.get(rsType, 'default', rs[0]!.split('/')[1]!).metadata.ownerReferences).toBeUndefined()
    // The same template again: the orphaned ReplicaSet is adopted, no new pods are made.
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('30s')
    expect(names(c, 'rs')).toEqual(rs)
    expect(names(c, 'pods')).toEqual(pods)
    expect(c.api.get(rsType, 'default', rs[0]!.split('/')[1]!).metadata.ownerReferences?.[0]?.kind).toBe('Deployment')
  })

  it('holds the owner until its dependents are gone with --cascade=foreground', () => {
    const c = createCluster({ seed: 6, workers: 2 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('30s')
    const r = c.kubectl('delete deployment web --cascade=foreground --wait=false')
    expect(r.stdout).toBe('deployment.apps "web" deleted\n')
    c.advance(10)
    const d = c.api.get(c.api.registry.lookup('deploy')!, 'default', 'web')
    expect(d.metadata.deletionTimestamp).toBeDefined()
    expect(d.metadata.finalizers).toContain('foregroundDeletion')
    c.advance('40s')
    expect(names(c, 'deploy')).toEqual([])
    expect(names(c, 'rs')).toEqual([])
    expect(names(c, 'pods')).toEqual([])
  })

  it('empties a deleted namespace, shows it Terminating meanwhile, then removes it', () => {
    const c = createCluster({ seed: 6, workers: 2 })
    c.kubectl('create namespace shop')
    c.kubectl('create deployment cart --image=nginx -n shop')
    c.advance('20s')
    c.kubectl('delete namespace shop --wait=false')
    c.advance(10)
    expect(c.kubectl('get ns shop --no-headers').stdout).toMatch(/^shop +Terminating /)
    expect(c.kubectl('create deployment late --image=nginx -n shop').stderr).toBe(
      'error: failed to create deployment: deployments.apps "late" is forbidden: unable to create new content in namespace shop because it is being terminated\n',
    )
    c.advance('60s')
    expect(c.kubectl('get ns shop').stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n')
  })

  it('keeps the system namespaces', () => {
    const c = createCluster({ seed: 6, workers: 1 })
    expect(c.kubectl('delete namespace kube-system').stderr).toBe('Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n')
  })
})
