import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const priorityClass = (name: string, value: number, policy = 'PreemptLowerPriority') => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: ${name}
value: ${value}
preemptionPolicy: ${policy}
`

const pod = (name: string, cpu: string, pc?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${pc ? `  priorityClassName: ${pc}\n` : ''}  containers:
  - name: app
    image: busybox
    # sleep as PID 1 ignores SIGTERM, so a victim stays Terminating for its grace period.
    command: ["sleep", "3600"]
    resources:
      requests:
        cpu: "${cpu}"
`

function row(out: string, name: string): string[] {
  return out
    .split('\n')
    .find((r) => r.startsWith(name + ' '))!
    .split(/ +/)
}

describe('scheduler: preemption (DefaultPreemption)', () => {
  it('evicts a low-priority pod for a high-priority one, nominating the node first', () => {
    const c = createCluster({ seed: 4, workers: 1 })
    c.apply(priorityClass('low', 100) + '---\n' + priorityClass('high', 1000))
    c.apply(pod('filler', '1200m', 'low'))
    c.advance('10s')
    expect(row(c.kubectl('get pod filler -o wide').stdout, 'filler')[2]).toBe('Running')

    c.apply(pod('urgent', '1200m', 'high'))
    c.advance('1s')
    // The victim is Terminating and the preemptor waits for it with NOMINATED NODE set.
    const wide = c.kubectl('get pods -o wide').stdout
    expect(wide.split('\n')[0]).toMatch(/NOMINATED NODE +READINESS GATES$/)
    expect(row(wide, 'urgent').slice(2, 3)).toEqual(['Pending'])
    expect(row(wide, 'urgent')[6]).toBe('<none>')
    expect(row(wide, 'urgent')[7]).toBe('node-1')
    expect(row(wide, 'filler')[2]).toBe('Terminating')

    const filler = c.kubectl('get pod filler -o yaml').stdout
    expect(filler).toContain('reason: PreemptionByScheduler')
    expect(filler).toContain('message: \'default-scheduler: preempting to accommodate a higher priority pod\'')
    const uid = /\n {2}uid: (\S+)\n/.exec(c.kubectl('get pod urgent -o yaml').stdout)![1]
    const events = c.kubectl('get events').stdout
    expect(events).toMatch(new RegExp(`Normal +Preempted +pod/filler +Preempted by pod ${uid} on node node-1`))
    // Preemption succeeded, so the FailedScheduling message has no preemption part.
    expect(events).toMatch(/Warning +FailedScheduling +pod\/urgent +0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}\.\n/)

    // A lower-priority pod that would fit beside the terminating victim is held back: the
    // room is reserved for the nominated pod.
    c.apply(pod('latecomer', '400m', 'low'))
    c.advance('2s')
    expect(row(c.kubectl('get pods -o wide').stdout, 'latecomer').slice(2, 3)).toEqual(['Pending'])
    c.advance('40s')
    const after = c.kubectl('get pods -o wide').stdout
    expect(after).not.toContain('filler')
    expect(row(after, 'urgent')[2]).toBe('Running')
    expect(row(after, 'urgent')[6]).toBe('node-1')
    expect(row(after, 'latecomer')[2]).toBe('Running')
  })

  it('says why when preemption cannot help: equal priority, or preemptionPolicy Never', () => {
    const c = createCluster({ seed: 4, workers: 1 })
    c.apply(priorityClass('low', 100) + '---\n' + priorityClass('polite', 1000, 'Never'))
    c.apply(pod('filler', '1200m', 'low'))
    c.advance('10s')
    c.apply(pod('same', '1200m', 'low'))
    c.apply(pod('waiter', '1200m', 'polite'))
    c.advance('2s')
    const events = c.kubectl('get events --field-selector reason=FailedScheduling').stdout
    expect(events).toContain(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful for scheduling.',
    )
    expect(events).toContain(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never.',
    )
    expect(c.kubectl('get pod filler').stdout).toContain('Running')
  })
})
