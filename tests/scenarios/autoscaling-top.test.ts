import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        resources: {requests: {cpu: 100m}}
`

describe('kubectl top', () => {
  it('shows pod and node usage in metrics-server columns; load is shared by the ready pods', () => {
    const c = createCluster({ seed: 6, workers: 1 })
    expect(c.kubectl('top pods').stderr).toBe('No resources found in default namespace.\n')
    c.apply(WEB)
    c.advance('10s')
    expect(c.kubectl('top pods').stderr).toBe('error: metrics not available yet\n')
    c.sim(['load', 'deployment/web', '--cpu', '300m'])
    c.advance('40s')
    const out = c.kubectl('top pods').stdout.split('\n')
    expect(out[0]).toMatch(/^NAME {18}CPU\(cores\) {3}MEMORY\(bytes\) {3}$/)
    const cpus = out.slice(1, 3).map((l) => parseInt(l.trim().split(/\s+/)[1]!, 10))
    for (const m of cpus) expect(m).toBeGreaterThanOrEqual(150)
    for (const m of cpus) expect(m).toBeLessThan(155)
    const nodes = c.kubectl('top nodes').stdout.split('\n')
    expect(nodes[0]).toMatch(/^NAME +CPU\(cores\) +CPU% +MEMORY\(bytes\) +MEMORY% +$/)
    expect(nodes.slice(1, 3).map((l) => l.split(/\s+/)[0])).toEqual(['control-plane', 'node-1'])
    expect(nodes[2]).toMatch(/^node-1 +3\d\dm +1\d% +\d+Mi +\d+% +$/)
  })

  it('says the Metrics API is not available when metrics-server is gone', () => {
    const c = createCluster({ seed: 6, workers: 1 })
    c.kubectl('-n kube-system delete deployment metrics-server')
    c.advance('60s')
    expect(c.kubectl('top nodes').stderr).toBe('error: Metrics API not available\n')
  })
})
