import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('DaemonSet RollingUpdate', { timeout: 30_000 }, () => {
  it('replaces one node pod at a time (maxUnavailable 1) and rollout status follows it', () => {
    const c = createCluster({ seed: 9 })
    const before = c.kubectl('get pods -n kube-system -l k8s-app=kube-proxy --no-headers').stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])
    expect(before).toHaveLength(4)
    expect(c.kubectl('rollout restart daemonset/kube-proxy -n kube-system').stdout).toBe('daemonset.apps/kube-proxy restarted\n')
    c.advance('5ms')
    // One old pod is going, the other three stay until it is replaced.
    const rows = c.kubectl('get pods -n kube-system -l k8s-app=kube-proxy --no-headers').stdout.trim().split('\n')
    expect(rows.filter((l) => / Terminating /.test(l) || / ContainerCreating | Pending /.test(l)).length).toBeGreaterThan(0)
    expect(rows.filter((l) => before.includes(l.split(/\s+/)[0]) && / 1\/1 +Running /.test(l))).toHaveLength(3)
    const r = c.kubectl('rollout status ds/kube-proxy -n kube-system')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('Waiting for daemon set "kube-proxy" rollout to finish: 1 out of 4 new pods have been updated...\n')
    expect(r.stdout.endsWith('daemon set "kube-proxy" successfully rolled out\n')).toBe(true)
    const after = c.kubectl('get pods -n kube-system -l k8s-app=kube-proxy --no-headers').stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])
    expect(after.filter((n) => before.includes(n))).toEqual([])
  })
})
