import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { initialized, pod, row, sleeper, status } from './kubelet-helpers'

describe('kubelet: init containers and sidecars', { timeout: 20_000 }, () => {
  it('runs init containers in order: Init:0/2, Init:1/2, PodInitializing, then Running', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(pod('myapp', sleeper('init-a', 5) + sleeper('init-b', 5)))
    c.advance('3s')
    expect(row(c, 'myapp')).toBe('myapp 0/1 Init:0/2 0 3s')
    expect(initialized(c, 'myapp')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-a init-b]' })
    expect(status(c, 'myapp').phase).toBe('Pending')
    c.advance('5s')
    expect(row(c, 'myapp')).toBe('myapp 0/1 Init:1/2 0 8s')
    expect(initialized(c, 'myapp')!.message).toBe('containers with incomplete status: [init-b]')
    const a = status(c, 'myapp').initContainerStatuses![0]!
    expect(a).toMatchObject({ name: 'init-a', ready: true, started: false, state: { terminated: { reason: 'Completed', exitCode: 0 } } })
    c.advance('4500ms')
    expect(row(c, 'myapp')).toMatch(/^myapp 0\/1 PodInitializing 0 1[23]s$/)
    expect(initialized(c, 'myapp')).toMatchObject({ status: 'True' })
    c.advance('10s')
    expect(row(c, 'myapp')).toMatch(/^myapp 1\/1 Running 0 2[23]s$/)
  })

  it('restarts a failing init container: Init:Error, then Init:CrashLoopBackOff with RESTARTS', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(pod('bad', '  - name: migrate\n    image: busybox\n    command: ["sh", "-c", "echo no database; exit 1"]\n'))
    const seen = new Set<string>()
    for (let t = 0; t < 40; t++) {
      c.advance('500ms')
      seen.add(row(c, 'bad').split(' ')[2]!)
    }
    expect([...seen]).toEqual(['Init:0/1', 'Init:Error', 'Init:CrashLoopBackOff'].filter((s) => seen.has(s)))
    expect(seen.has('Init:Error')).toBe(true)
    expect(row(c, 'bad')).toMatch(/^bad 0\/1 Init:CrashLoopBackOff 2 \(\d+s ago\) 20s$/)
    expect(c.kubectl('logs bad -c migrate').stdout).toBe('no database\n')
    const ev = c.kubectl('get events --field-selector reason=BackOff --no-headers').stdout
    expect(ev).toMatch(/Back-off restarting failed container migrate in pod bad_default\(/)
  })
})
