import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const WEB = (requests = 'resources: {requests: {cpu: 200m}}') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ${requests}
`
const rows = (out: string) => out.trim().split('\n').map((l) => l.trim().split(/\s+/))
const hpaRow = (c: ReturnType<typeof createCluster>) => rows(c.kubectl('get hpa --no-headers').stdout)[0]!.slice(0, 7).join(' ')
const readyWeb = (c: ReturnType<typeof createCluster>) => rows(c.kubectl('get deploy web --no-headers').stdout)[0]![1]
const events = (c: ReturnType<typeof createCluster>) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- decoded event list
  JSON.parse(c.kubectl('get events --field-selector involvedObject.kind=HorizontalPodAutoscaler -o json').stdout).items.map((e: any) => `${e.reason}: ${e.message}`)

describe('HorizontalPodAutoscaler', () => {
  it('scales 1 -> 4 under load, then back down after the stabilization window', () => {
    const c = createCluster({ seed: 4, workers: 2 })
    c.apply(WEB())
    c.advance('20s')
    expect(c.kubectl('autoscale deployment web --cpu-percent=50 --min=1 --max=10').stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n')
    expect(hpaRow(c)).toBe('web Deployment/web cpu: <unknown>/50% 1 10 0')
    c.advance('45s')
    expect(hpaRow(c)).toMatch(/^web Deployment\/web cpu: \d%\/50% 1 10 1$/)
    expect(c.sim(['load', 'deployment/web', '--cpu', '350m']).exitCode).toBe(0)
    c.advance('35s')
    // 350m on one pod requesting 200m is 175 %: ceil(1.75 / 0.5) = 4 pods.
    expect(events(c)).toContain('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target')
    c.advance('60s')
    expect(readyWeb(c)).toBe('4/4')
    expect(hpaRow(c)).toMatch(/^web Deployment\/web cpu: 4\d%\/50% 1 10 4$/)
    c.sim(['load', 'deployment/web', '--cpu', '0'])
    c.advance('120s')
    // Below target, but the last 300 s recommended 4: no scale-down yet.
    expect(readyWeb(c)).toBe('4/4')
    c.advance('240s')
    expect(events(c)).toContain('SuccessfulRescale: New size: 1; reason: All metrics below target')
    c.advance('30s')
    expect(readyWeb(c)).toBe('1/1')
  })

  it('reports a missing CPU request in its conditions and events', () => {
    const c = createCluster({ seed: 4, workers: 1 })
    c.apply(WEB(''))
    c.advance('20s')
    c.kubectl('autoscale deployment web --max=3')
    c.advance('60s')
    expect(hpaRow(c)).toBe('web Deployment/web cpu: <unknown>/80% 1 3 1')
    const pod = rows(c.kubectl('get pods --no-headers').stdout)[0]![0]
    expect(events(c)).toContain(`FailedGetResourceMetric: failed to get cpu utilization: missing request for cpu in container web of Pod ${pod}`)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- decoded object
    const active = JSON.parse(c.kubectl('get hpa web -o json').stdout).status.conditions.find((x: any) => x.type === 'ScalingActive')
    expect(active).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' })
  })

  it('kubectl autoscale checks --max', () => {
    const c = createCluster({ seed: 4, workers: 1 })
    c.apply(WEB())
    expect(c.kubectl('autoscale deployment web').stderr).toBe('error: --max=MAXPODS is required and must be at least 1, max: -1\n')
  })
})
