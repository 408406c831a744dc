import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('Deployment -> ReplicaSet -> Pods', () => {
  it('creates a ReplicaSet named with the pod-template-hash and its pods', () => {
    const c = createCluster({ seed: 2, workers: 3 })
    c.kubectl('create deployment web --image=nginx --replicas=3')
    c.advance('60s')
    const rs = c.kubectl('get rs -o name').stdout.trim()
    expect(rs).toMatch(/^replicaset\.apps\/web-[456789bcdf]{1,10}$/)
    const hash = rs.split('-').pop()!
    const pods = c.kubectl('get pods --no-headers').stdout.trim().split('\n')
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(p).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5} +1/1 +Running +0 +60s$`))
    expect(c.kubectl('get deploy web').stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           60s\n')
    const events = c.kubectl('get events --field-selector involvedObject.kind=Deployment').stdout
    expect(events).toContain(`Scaled up replica set web-${hash} to 3`)
  })

  it('replaces a deleted pod (self-healing) and scales up and down', () => {
    const c = createCluster({ seed: 2, workers: 3 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('30s')
    const first = c.kubectl('get pods -o name').stdout.trim().split('\n')[0]!
    const del = c.kubectl(`delete ${first}`)
    expect(del.stdout).toBe(`pod "${first.split('/')[1]}" deleted\n`)
    c.advance('30s')
    const after = c.kubectl('get pods --no-headers').stdout.trim().split('\n')
    expect(after).toHaveLength(2)
    expect(after.join('\n')).not.toContain(first.split('/')[1])
    expect(c.kubectl('scale deploy web --replicas=4').stdout).toBe('deployment.apps/web scaled\n')
    c.advance('30s')
    expect(c.kubectl('get deploy web --no-headers').stdout).toMatch(/^web +4\/4 +4 +4 /)
    c.kubectl('scale deploy web --replicas=1')
    c.advance('40s')
    expect(c.kubectl('get pods --no-headers').stdout.trim().split('\n')).toHaveLength(1)
    const events = c.kubectl('get events --field-selector involvedObject.kind=Deployment').stdout
    expect(events).toMatch(/Scaled up replica set web-\w+ to 4 from 2/)
    expect(events).toMatch(/Scaled down replica set web-\w+ to 1 from 4/)
  })

  it('deletes the ReplicaSet and pods with the Deployment (garbage collection)', () => {
    const c = createCluster({ seed: 2, workers: 2 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('30s')
    expect(c.kubectl('delete deployment web').stdout).toBe('deployment.apps "web" deleted\n')
    c.advance('40s')
    expect(c.kubectl('get rs,pods').stderr).toBe('No resources found in default namespace.\n')
  })

  it('moves a pod through Pending, ContainerCreating and Running while its image is pulled', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    c.advance(5)
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/0\/1 +Pending|0\/1 +ContainerCreating/)
    c.advance(900)
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/0\/1 +ContainerCreating/)
    c.advance('15s')
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/1\/1 +Running/)
    const events = c.kubectl('get events --field-selector involvedObject.kind=Pod').stdout
    expect(events).toMatch(/Pulling +pod\/web-\S+ +Pulling image "nginx"/)
    expect(events).toMatch(/Successfully pulled image "nginx" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\./)
  })

  it('is deterministic: same seed, same bytes', () => {
    const run = () => {
      const c = createCluster({ seed: 9, workers: 3 })
      c.kubectl('create deployment web --image=nginx --replicas=3')
      c.advance('60s')
      return c.kubectl('get pods -o wide').stdout + c.kubectl('get events').stdout
    }
    expect(run()).toBe(run())
  })
})
