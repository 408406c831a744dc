import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { row } from './kubelet-helpers'

// The exec liveness example of the Kubernetes docs (pods/probe/exec-liveness.yaml).
const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`

describe('kubelet: exec liveness probe (docs example)', { timeout: 20_000 }, () => {
  it('fails once /tmp/healthy is gone, kills the container and restarts it after the grace period', () => {
    const c = createCluster({ seed: 7, workers: 1 })
    c.apply(LIVENESS_EXEC)
    c.advance('30s')
    expect(row(c, 'liveness-exec')).toBe('liveness-exec 1/1 Running 0 30s')
    expect(c.kubectl('get events --field-selector reason=Unhealthy --no-headers').stdout).toBe('')
    c.advance('20s')
    const events = c.kubectl('describe pod liveness-exec').stdout
    expect(events).toMatch(/Warning {2}Unhealthy {2}\S+ \(x3 over \d+s\)\s+kubelet\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/)
    expect(events).toMatch(/Normal {3}Killing {4}\S+\s+kubelet\s+Container liveness failed liveness probe, will be restarted\n/)
    expect(row(c, 'liveness-exec')).toBe('liveness-exec 1/1 Running 0 50s')
    // sh as PID 1 ignores SIGTERM: the container dies at the end of the 30 s grace period (137).
    c.advance('30s')
    expect(row(c, 'liveness-exec')).toMatch(/^liveness-exec 1\/1 Running 1 \(\ds ago\) 80s$/)
    expect(c.kubectl('describe pod liveness-exec').stdout).toMatch(/Last State: {5}Terminated\n\s+Reason: {7}Error\n\s+Exit Code: {4}137\n/)
  })
})
