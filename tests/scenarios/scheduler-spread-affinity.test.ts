import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const deployment = (name: string, replicas: number, podSpecExtra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${podSpecExtra}
      containers:
      - name: app
        image: nginx
`

const spread = (taintsPolicy?: string) => `      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
${taintsPolicy ? `        nodeTaintsPolicy: ${taintsPolicy}\n` : ''}        labelSelector:
          matchLabels:
            app: web`

function podsPerNode(out: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of out.trim().split('\n')) {
    const cols = row.split(/ +/)
    counts[cols[6]!] = (counts[cols[6]!] ?? 0) + 1
  }
  return counts
}

describe('scheduler: pod topology spread and inter-pod affinity', () => {
  it('spreads a 6-replica Deployment 2/2/2 over three workers with a DoNotSchedule constraint', () => {
    const c = createCluster({ seed: 11, workers: 3 })
    c.apply(deployment('web', 6, spread('Honor')))
    c.advance('5s')
    const out = c.kubectl('get pods -l app=web -o wide --no-headers').stdout
    expect(podsPerNode(out)).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 })
  })

  it('counts the tainted control plane as an empty domain by default (nodeTaintsPolicy Ignore), so only one pod per worker fits', () => {
    const c = createCluster({ seed: 11, workers: 3 })
    c.apply(deployment('web', 6, spread()))
    c.advance('5s')
    const out = c.kubectl('get pods -l app=web -o wide --no-headers').stdout
    expect(podsPerNode(out)).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1, '<none>': 3 })
    const events = c.kubectl('get events --field-selector reason=FailedScheduling').stdout
    expect(events).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod topology spread constraints. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    )
  })

  it('keeps replicas with required anti-affinity apart and leaves the extra one Pending', () => {
    const c = createCluster({ seed: 5, workers: 2 })
    c.apply(
      deployment(
        'cache',
        3,
        `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                app: cache`,
      ),
    )
    c.advance('5s')
    const out = c.kubectl('get pods -l app=cache -o wide --no-headers').stdout
    expect(podsPerNode(out)).toEqual({ 'node-1': 1, 'node-2': 1, '<none>': 1 })
    const pending = out.split('\n').find((r) => r.includes(' Pending '))!.split(/ +/)[0]
    const describe = c.kubectl(`describe pod ${pending}`).stdout
    expect(describe).toContain(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    )
  })

  it('places a pod with required pod affinity next to its peer, and refuses it when no peer exists', () => {
    const c = createCluster({ seed: 2, workers: 3 })
    const follower = `apiVersion: v1
kind: Pod
metadata:
  name: follower
spec:
  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            role: leader
  containers:
  - name: app
    image: nginx
`
    c.apply(follower)
    c.advance('5s')
    expect(c.kubectl('get events --field-selector involvedObject.name=follower').stdout).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    )
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: leader
  labels:
    role: leader
spec:
  containers:
  - name: app
    image: nginx
`)
    c.advance('5s')
    const rows = c.kubectl('get pods -o wide --no-headers').stdout.trim().split('\n')
    const nodeOf = (name: string) => rows.find((r) => r.startsWith(name + ' '))!.split(/ +/)[6]
    expect(nodeOf('leader')).toMatch(/^node-\d$/)
    expect(nodeOf('follower')).toBe(nodeOf('leader'))
  })
})
