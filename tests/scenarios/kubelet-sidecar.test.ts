import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { initialized, pod, row, sleeper, status } from './kubelet-helpers'

describe('kubelet: init containers that fail, sidecars', { timeout: 20_000 }, () => {
  it('fails the pod when an init container fails and restartPolicy is Never', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(pod('once', '  - name: check\n    image: busybox\n    command: ["sh", "-c", "exit 3"]\n', '  restartPolicy: Never\n'))
    c.advance('20s')
    expect(row(c, 'once')).toBe('once 0/1 Init:Error 0 20s')
    expect(status(c, 'once').phase).toBe('Failed')
  })

  it('starts a sidecar before the next container, counts it in READY and keeps it running', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(pod('side', '  - name: log-shipper\n    image: busybox\n    restartPolicy: Always\n    command: ["sh", "-c", "while true; do sleep 1; done"]\n' + sleeper('setup', 3)))
    c.advance('3s')
    expect(row(c, 'side')).toBe('side 1/2 Init:1/2 0 3s')
    expect(initialized(c, 'side')!.message).toBe('containers with incomplete status: [setup]')
    c.advance('20s')
    expect(row(c, 'side')).toBe('side 2/2 Running 0 23s')
    const sidecar = status(c, 'side').initContainerStatuses![0]!
    expect(sidecar).toMatchObject({ name: 'log-shipper', ready: true, started: true })
    expect(sidecar.state.running).toBeDefined()
  })
})
