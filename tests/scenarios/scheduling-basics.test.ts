import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const podWithCPU = (name: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "${cpu}"
`

describe('scheduler: requests against allocatable, taints', () => {
  it('keeps a pod that fits nowhere Pending with upstream FailedScheduling text', () => {
    const c = createCluster({ seed: 3, workers: 3 })
    c.apply(podWithCPU('big', '3'))
    c.advance('5s')
    expect(c.kubectl('get pod big').stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nbig +0\/1 +Pending +0 +5s\n$/)
    const events = c.kubectl('get events --field-selector involvedObject.name=big').stdout
    expect(events).toContain(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    )
    const pod = c.api.get(c.api.registry.lookup('pods')!, 'default', 'big')
    const cond = (pod.status as { conditions: { type: string; status: string; reason: string }[] }).conditions.find((x) => x.type === 'PodScheduled')
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' })
  })

  it('schedules a pod that fits on a worker, never on the tainted control plane', () => {
    const c = createCluster({ seed: 3, workers: 2 })
    c.apply(podWithCPU('small', '500m'))
    c.advance('30s')
    const out = c.kubectl('get pod small -o wide').stdout
    expect(out).toMatch(/small +1\/1 +Running +0 +30s +10\.244\.\d+\.\d+ +node-[12] /)
  })

  it('fills nodes until requests run out, then leaves the rest Pending', () => {
    const c = createCluster({ seed: 5, workers: 2 })
    // Each worker has 2 CPUs; canal already requests 250m on each, so three 500m pods fit on each node (metrics-server's 100m included).
    const pods = Array.from({ length: 7 }, (_, i) => podWithCPU(`p${i}`, '500m')).join('---\n')
    c.apply(pods)
    c.advance('30s')
    const rows = c.kubectl('get pods --no-headers -o wide').stdout.trim().split('\n')
    const running = rows.filter((r) => / Running /.test(r))
    const pending = rows.filter((r) => / Pending /.test(r))
    expect(running).toHaveLength(6)
    expect(pending).toHaveLength(1)
    expect(running.filter((r) => r.includes(' node-1 '))).toHaveLength(3)
    expect(running.filter((r) => r.includes(' node-2 '))).toHaveLength(3)
  })

  it('lets a pod that tolerates the control-plane taint land there when it says so', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: cp
spec:
  nodeSelector:
    node-role.kubernetes.io/control-plane: ""
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule
  containers:
  - name: app
    image: nginx
`)
    c.advance('20s')
    expect(c.kubectl('get pod cp -o wide').stdout).toMatch(/cp +1\/1 +Running .* control-plane /)
  })
})
