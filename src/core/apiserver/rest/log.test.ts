/* eslint-disable @typescript-eslint/no-explicit-any -- tests read free-form JSON responses */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'
import { createRestHandler } from './handler'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  restartPolicy: Never
  containers:
  - name: count
    image: busybox
    command: ["sh", "-c", "i=1; while [ $i -le 4 ]; do echo \\"line $i\\"; i=$((i+1)); sleep 1; done"]
  - name: idle
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`

function setup() {
  const cluster = createCluster({ seed: 5, workers: 1 })
  const h = createRestHandler(cluster.core.api, cluster.core.clock, {
    kubelet: (node) => cluster.core.kubelets.get(node)?.runtime,
  })
  const get = (url: string) => {
    const qi = url.indexOf('?')
    return h.handle({ method: 'GET', path: qi < 0 ? url : url.slice(0, qi), query: qi < 0 ? '' : url.slice(qi + 1), headers: { accept: 'application/json' } })
  }
  const json = (r: { body?: string }) => JSON.parse(r.body!) as Record<string, any>
  return { cluster, get, json }
}

const LOG = '/api/v1/namespaces/default/pods/counter/log'

describe('REST face: pods/log', () => {
  it('answers the container log as text/plain, with tailLines, timestamps and limitBytes as the kubelet applies them', () => {
    const { cluster, get } = setup()
    cluster.apply(POD)
    // Before the pod has a node there is nothing to read: an empty body, as upstream's LogLocation gives.
    expect(get(`${LOG}?container=count`)).toMatchObject({ status: 200, body: '' })
    cluster.advance('20s')
    const all = get(`${LOG}?container=count`)
    expect(all.status).toBe(200)
    expect(all.headers['Content-Type']).toBe('text/plain')
    expect(all.body).toBe('line 1\nline 2\nline 3\nline 4\n')
    expect(get(`${LOG}?container=count&tailLines=1`).body).toBe('line 4\n')
    // The kubelet writes RFC3339NanoFixed: always nine digits of fraction.
    expect(get(`${LOG}?container=count&tailLines=1&timestamps=true`).body).toMatch(/^2025-01-01T00:00:\d\d\.\d{9}Z line 4\n$/)
    expect(get(`${LOG}?container=count&limitBytes=9`).body).toBe('line 1\nli')
  })

  it('gives upstream refusals as Status bodies', () => {
    const { cluster, get, json } = setup()
    cluster.apply(POD)
    cluster.advance('1s')
    const creating = get(`${LOG}?container=count`)
    expect(creating.status).toBe(400)
    expect(json(creating).message).toBe('container "count" in pod "counter" is waiting to start: ContainerCreating')
    cluster.advance('20s')
    expect(json(get(LOG)).message).toBe('a container name must be specified for pod counter, choose one of: [count idle]')
    expect(json(get(`${LOG}?container=nope`)).message).toBe('container nope is not valid for pod counter')
    expect(json(get(`${LOG}?container=count&previous=true`)).message).toBe('previous terminated container "count" in pod "counter" not found')
    expect(get('/api/v1/namespaces/default/pods/ghost/log').status).toBe(404)
    const both = get(`${LOG}?container=count&sinceSeconds=5&sinceTime=2025-01-01T00:00:00Z`)
    expect(both.status).toBe(422)
    expect(json(both).details.causes[0].message).toBe('Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified')
  })

  it('follows: new lines go out as the clock moves, and the stream ends when the container stops', () => {
    const { cluster, get } = setup()
    cluster.apply(POD)
    cluster.advance('2s')
    const r = get(`${LOG}?container=count&follow=true`)
    expect(r.stream).toBeDefined()
    let text = ''
    let ended = false
    r.stream!.start(
      (chunk) => (text += chunk),
      () => (ended = true),
    )
    const firstLines = text
    expect(firstLines).not.toContain('line 4')
    for (let i = 0; i < 10 && !ended; i++) {
      cluster.advance('1s')
      r.stream!.poll!()
    }
    expect(text).toBe('line 1\nline 2\nline 3\nline 4\n')
    expect(ended).toBe(true)
  })
})
