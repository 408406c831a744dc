import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('a fresh cluster', () => {
  it('has every system pod Running and Ready with no restarts, twenty minutes in', () => {
    // kubeadm's CoreDNS probes ports it never declares (8080 /health, 8181 /ready): a learner's
    // first `kubectl get pods -A` must not show it crash-looping.
    const c = createCluster({ seed: 4 })
    c.advance('10m')
    const rows = c.kubectl('get pods -n kube-system --no-headers').stdout.trim().split('\n')
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      const [name, ready, status, restarts] = row.split(/ +/)
      const [up, total] = ready!.split('/')
      expect({ name, up, status, restarts }).toEqual({ name, up: total, status: 'Running', restarts: '0' })
    }
    expect(c.kubectl('get deployment coredns -n kube-system --no-headers').stdout).toMatch(/^coredns +2\/2 +2 +2 /)
  })
})
