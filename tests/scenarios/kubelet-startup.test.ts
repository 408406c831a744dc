import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { row, type Cluster } from './kubelet-helpers'

function probed(name: string, container: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n${container}`
}

const events = (c: Cluster, reason: string) => c.kubectl(`get events --field-selector reason=${reason} --no-headers`).stdout

describe('kubelet: startup probes, forced readiness', { timeout: 20_000 }, () => {
  it('gates liveness and readiness behind the startup probe, and passes exec and tcpSocket probes', () => {
    const c = createCluster({ seed: 5, workers: 1 })
    const container = [
      '  - name: app',
      '    image: nginx',
      '    startupProbe:',
      '      exec:',
      '        command: ["cat", "/usr/share/nginx/html/index.html"]',
      '      initialDelaySeconds: 10',
      '    readinessProbe:',
      '      tcpSocket:',
      '        port: 80',
      '      periodSeconds: 2',
      '',
    ].join('\n')
    c.apply(probed('slow', container))
    c.advance('8s')
    expect(row(c, 'slow')).toBe('slow 0/1 Running 0 8s')
    expect(JSON.parse(c.kubectl('get pod slow -o json').stdout).status.containerStatuses[0].started).toBe(false)
    c.advance('12s')
    expect(row(c, 'slow')).toBe('slow 1/1 Running 0 20s')
    expect(events(c, 'Unhealthy')).toBe('')
  })

  it('sim pod unready / ready force the readiness result', () => {
    const c = createCluster({ seed: 5, workers: 1 })
    c.apply(probed('one', '  - name: web\n    image: nginx\n'))
    c.advance('10s')
    expect(row(c, 'one')).toBe('one 1/1 Running 0 10s')
    expect(c.sim(['pod', 'unready', 'one']).stdout).toBe('pod/one unready\n')
    expect(row(c, 'one')).toBe('one 0/1 Running 0 10s')
    expect(c.sim(['pod', 'ready', 'one']).stdout).toBe('pod/one ready\n')
    expect(row(c, 'one')).toBe('one 1/1 Running 0 10s')
    expect(c.sim(['pod', 'ready', 'nope']).stderr).toBe('error: pod "nope" not found\n')
  })
})
