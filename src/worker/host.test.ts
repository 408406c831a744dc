import { describe, expect, it } from 'vitest'
import { createCluster } from '../core/cluster'
import type { FromWorker } from '../protocol/messages'
import { WorkerHost } from './host'

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx:1.27 }] }
`

function setUp() {
  const sent: FromWorker[] = []
  let created = 0
  const host = new WorkerHost({
    post: (msg) => sent.push(msg),
    createCluster: (options) => {
      created++
      return createCluster(options)
    },
  })
  const of = <T extends FromWorker['type']>(type: T) => sent.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type)
  return { host, sent, of, created: () => created }
}

describe('WorkerHost', () => {
  it('answers init with a snapshot of the cluster and the clock, once per cluster', () => {
    const { host, of, created } = setUp()
    host.handle({ type: 'init', seed: 1, workers: 3 })
    host.handle({ type: 'init', seed: 1, workers: 3 }) // React StrictMode runs the effect twice
    expect(created()).toBe(1)
    const snapshots = of('snapshot')
    expect(snapshots).toHaveLength(2)
    expect(snapshots[1]!.revision).toBe(snapshots[0]!.revision)
    const nodes = snapshots[0]!.objects.filter((v) => v.object.kind === 'Node').map((v) => v.object.metadata.name)
    expect(nodes.sort()).toEqual(['control-plane', 'node-1', 'node-2', 'node-3'])
    const pod = snapshots[0]!.objects.find((v) => v.object.kind === 'Pod')
    expect(pod?.status).toBe('Running')
    expect(of('clock').at(-1)).toMatchObject({ speed: 1, paused: false })
  })

  it('applies once per id, streams the new pods as deltas, and runs them as time passes', () => {
    const { host, of } = setUp()
    host.handle({ type: 'init', seed: 1, workers: 3 })
    host.handle({ type: 'apply', id: 'a1', yaml: DEPLOYMENT })
    host.handle({ type: 'apply', id: 'a1', yaml: DEPLOYMENT })
    const applied = of('applied')
    expect(applied).toHaveLength(2)
    expect(applied[1]).toEqual(applied[0])
    expect(applied[0]!.results).toEqual([{ ref: 'deployment.apps/web', outcome: 'created', message: 'deployment.apps/web created' }])
    host.handle({ type: 'apply', id: 'a2', yaml: DEPLOYMENT })
    expect(of('applied')[2]!.results[0]!.outcome).toBe('unchanged')

    host.handle({ type: 'setSpeed', speed: 100 })
    for (let wall = 0; wall <= 2000; wall += 100) host.tick(wall)
    const status = new Map<string, string | undefined>()
    for (const d of of('deltas')) for (const ev of d.events) if (ev.object.kind === 'Pod') status.set(ev.key, ev.status)
    const web = [...status].filter(([key]) => key.startsWith('/Pod/default/web-'))
    expect(web).toHaveLength(2)
    expect(web.every(([, s]) => s === 'Running')).toBe(true)
  })

  it('stops the simulated clock while paused', () => {
    const { host, of } = setUp()
    host.handle({ type: 'init', seed: 1, workers: 1 })
    host.tick(0)
    host.tick(100)
    const before = of('deltas').at(-1)!.now
    host.handle({ type: 'pause' })
    host.tick(200)
    host.tick(5000)
    expect(of('deltas').at(-1)!.now).toBe(before)
    host.handle({ type: 'play' })
    host.tick(5100)
    host.tick(5200)
    expect(of('deltas').at(-1)!.now).toBe(before + 100)
  })
})
