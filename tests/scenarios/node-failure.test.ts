import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function podsOn(c: ReturnType<typeof createCluster>, node: string): string[] {
  return c
    .kubectl('get pods -o wide --no-headers')
    .stdout.trim()
    .split('\n')
    .filter((l) => l.includes(` ${node} `))
}

describe('node failure: NotReady after the grace period, eviction after 300 s', { timeout: 60_000 }, () => {
  it('follows the upstream timeline for a powered-off worker', () => {
    const c = createCluster({ seed: 4, workers: 3 })
    c.kubectl('create deployment web --image=nginx --replicas=3')
    c.advance('60s')
    const victim = podsOn(c, 'node-2')
    expect(victim.length).toBeGreaterThan(0)
    expect(c.sim(['node', 'fail', 'node-2']).stdout).toBe('node/node-2 powered off\n')
    c.advance('30s')
    expect(c.kubectl('get node node-2 --no-headers').stdout).toMatch(/^node-2 +Ready /)
    c.advance('20s')
    expect(c.kubectl('get node node-2 --no-headers').stdout).toMatch(/^node-2 +NotReady /)
    const node = c.api.get(c.api.registry.lookup('nodes')!, undefined, 'node-2')
    const ready = (node.status as { conditions: { type: string; status: string; message: string }[] }).conditions.find((x) => x.type === 'Ready')!
    expect(ready).toMatchObject({ status: 'Unknown', message: 'Kubelet stopped posting node status.' })
    const taints = (node.spec as { taints: { key: string; effect: string }[] }).taints.map((t) => `${t.key}:${t.effect}`)
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'])
    // The pods still read Running 1/1: only their Ready condition changed.
    expect(podsOn(c, 'node-2').every((l) => / 1\/1 +Running /.test(l))).toBe(true)
    expect(c.kubectl('get events --field-selector reason=NodeNotReady').stdout).toContain('Node is not ready')
    c.advance('4m')
    expect(podsOn(c, 'node-2').every((l) => / Running /.test(l))).toBe(true)
    c.advance('70s')
    // Evicted: Terminating on the dead node, replaced elsewhere.
    expect(podsOn(c, 'node-2').every((l) => / Terminating /.test(l))).toBe(true)
    const rows = c.kubectl('get pods -o wide --no-headers').stdout.trim().split('\n')
    expect(rows.filter((l) => / 1\/1 +Running /.test(l) && !l.includes(' node-2 '))).toHaveLength(3)
    expect(c.kubectl('get events --field-selector reason=TaintManagerEviction').stdout).toContain('Marking for deletion Pod default/')
    // Power back: the old pods finish terminating, taints go away.
    c.sim(['node', 'recover', 'node-2'])
    c.advance('20s')
    expect(c.kubectl('get node node-2 --no-headers').stdout).toMatch(/^node-2 +Ready /)
    expect(podsOn(c, 'node-2').filter((l) => l.startsWith('web-'))).toEqual([])
    expect((c.api.get(c.api.registry.lookup('nodes')!, undefined, 'node-2').spec as { taints?: unknown[] }).taints).toBeUndefined()
  })

  it('stops evicting when most nodes of a small cluster are down', () => {
    const c = createCluster({ seed: 4, workers: 3 })
    c.kubectl('create deployment web --image=nginx --replicas=3')
    c.advance('60s')
    for (const n of ['node-1', 'node-2', 'node-3']) c.sim(['node', 'fail', n])
    c.advance('10m')
    const rows = c.kubectl('get pods --no-headers').stdout.trim().split('\n')
    expect(rows.filter((l) => / Terminating /.test(l))).toHaveLength(0)
  })
})
