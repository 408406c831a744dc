import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { row, type Cluster } from './kubelet-helpers'

function probed(name: string, container: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n${container}`
}

const events = (c: Cluster, reason: string) => c.kubectl(`get events --field-selector reason=${reason} --no-headers`).stdout

describe('kubelet: probes', { timeout: 20_000 }, () => {
  it('restarts a container whose liveness probe gets 404, with Unhealthy and Killing events', () => {
    const c = createCluster({ seed: 5, workers: 1 })
    c.apply(probed('web', '  - name: nginx\n    image: nginx\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 80\n      periodSeconds: 3\n'))
    c.advance('8s')
    expect(row(c, 'web')).toMatch(/^web 1\/1 Running 0 8s$/)
    c.advance('8s')
    expect(row(c, 'web')).toMatch(/^web 1\/1 Running 1 \(\d+s ago\) 16s$/)
    expect(events(c, 'Unhealthy')).toMatch(/Warning\s+Unhealthy\s+pod\/web\s+Liveness probe failed: HTTP probe failed with statuscode: 404\n/)
    expect(events(c, 'Killing')).toMatch(/Normal\s+Killing\s+pod\/web\s+Container nginx failed liveness probe, will be restarted\n/)
    c.advance('40s')
    expect(row(c, 'web')).toMatch(/^web [01]\/1 (Running|CrashLoopBackOff) [23] \(\d+s ago\) 56s$/)
  })

  it('keeps a container out of READY while its readiness probe fails, without restarting it', () => {
    const c = createCluster({ seed: 5, workers: 1 })
    c.apply(probed('api', '  - name: api\n    image: nginx\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: 8080\n      periodSeconds: 5\n'))
    c.advance('30s')
    expect(row(c, 'api')).toBe('api 0/1 Running 0 30s')
    const ip: string = JSON.parse(c.kubectl('get pod api -o json').stdout).status.podIP
    expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
    expect(events(c, 'Unhealthy')).toContain(`Readiness probe failed: Get "http://${ip}:8080/ready": dial tcp ${ip}:8080: connect: connection refused`)
    const ready = JSON.parse(c.kubectl('get pod api -o json').stdout).status.conditions.find((x: { type: string }) => x.type === 'Ready')
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [api]' })
  })
})
