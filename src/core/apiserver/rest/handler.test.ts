/* eslint-disable @typescript-eslint/no-explicit-any -- tests read free-form JSON responses */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'
import { createRestHandler, type RestRequest } from './handler'

function setup() {
  const cluster = createCluster({ seed: 3 })
  const h = createRestHandler(cluster.core.api, cluster.core.clock)
  const call = (method: string, url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const qi = url.indexOf('?')
    const req: RestRequest = {
      method,
      path: qi < 0 ? url : url.slice(0, qi),
      query: qi < 0 ? '' : url.slice(qi + 1),
      headers: { accept: 'application/json', 'content-type': 'application/json', ...opts.headers },
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    }
    const r = h.handle(req)
    return { ...r, json: r.body ? (JSON.parse(r.body) as Record<string, any>) : undefined }
  }
  return { cluster, call }
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }] }] } },
  },
}

describe('REST face: discovery and errors', () => {
  it('serves aggregated discovery when kubectl asks for it, legacy lists otherwise', () => {
    const { call } = setup()
    const agg = call('GET', '/apis', { headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' } })
    expect(agg.headers['Content-Type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')
    expect(agg.json!.items[0].metadata.name).toBe('apps')
    const apps = call('GET', '/apis/apps/v1').json!
    const scale = apps.resources.find((r: any) => r.name === 'deployments/scale')
    expect(scale).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] })
    expect(call('GET', '/api').json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    expect(call('GET', '/version').json!.gitVersion).toBe('v1.31.9')
  })

  it('answers unknown paths, verbs, bodies and sizes with Status objects and upstream codes', () => {
    const { call } = setup()
    expect(call('GET', '/api/v1/widgets').json).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' })
    expect(call('PUT', '/api/v1/namespaces/default/pods').status).toBe(405)
    const bad = call('POST', '/api/v1/namespaces/default/configmaps', { body: '{"kind": x}' })
    expect(bad.status).toBe(400)
    expect(bad.json!.message).toBe(
      "the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value ({\"kind\": x})",
    )
    const huge = call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'big' }, data: { a: 'x'.repeat(3 * 1024 * 1024) } } })
    expect(huge.json).toMatchObject({ code: 413, reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728' })
    expect(call('GET', '/api/v1/namespaces/default/pods/nope').json!.message).toBe('pods "nope" not found')
  })
})

describe('REST face: verbs', () => {
  it('creates (201), gets as a Table with includeObject, and lists without item kinds', () => {
    const { call } = setup()
    expect(call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment }).status).toBe(201)
    const table = call('GET', '/apis/apps/v1/namespaces/default/deployments?includeObject=None', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } }).json!
    expect(table.kind).toBe('Table')
    expect(table.columnDefinitions.map((c: any) => c.name)).toContain('Ready')
    expect(table.rows[0].cells[0]).toBe('web')
    expect(table.rows[0].object).toBeUndefined()
    const meta = call('GET', '/apis/apps/v1/namespaces/default/deployments/web', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } }).json!
    expect(meta.rows[0].object.kind).toBe('PartialObjectMetadata')
    const list = call('GET', '/apis/apps/v1/namespaces/default/deployments').json!
    expect(list.kind).toBe('DeploymentList')
    expect(list.items[0].kind).toBeUndefined()
  })

  it('patches with merge, JSON and strategic merge patches, and through the scale subresource', () => {
    const { call } = setup()
    call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment })
    const path = '/apis/apps/v1/namespaces/default/deployments/web'
    call('PATCH', path, { body: { metadata: { labels: { tier: 'front' } } }, headers: { 'content-type': 'application/merge-patch+json' } })
    call('PATCH', path, { body: [{ op: 'replace', path: '/spec/replicas', value: 4 }], headers: { 'content-type': 'application/json-patch+json' } })
    const smp = { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }] }] } } } }
    const after = call('PATCH', path, { body: smp, headers: { 'content-type': 'application/strategic-merge-patch+json' } }).json!
    expect(after.metadata.labels).toEqual({ tier: 'front' })
    expect(after.spec.replicas).toBe(4)
    expect(after.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })
    const scaled = call('PATCH', `${path}/scale`, { body: { spec: { replicas: 1 } }, headers: { 'content-type': 'application/merge-patch+json' } }).json!
    expect(scaled).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 } })
    expect(call('GET', `${path}/scale`).json!.status.selector).toBe('app=web')
    const badType = call('PATCH', path, { body: {}, headers: { 'content-type': 'text/plain' } })
    expect(badType.status).toBe(415)
  })

  it('server-side apply creates, merges another manager in, and drops what a manager stops applying', () => {
    const { call } = setup()
    const path = '/api/v1/namespaces/default/configmaps/cfg?fieldManager=kubectl'
    const headers = { 'content-type': 'application/apply-patch+yaml' }
    const first = call('PATCH', path, { body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n', headers })
    expect(first.status).toBe(201)
    const other = call('PATCH', '/api/v1/namespaces/default/configmaps/cfg?fieldManager=other', { body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  c: "3"\n', headers })
    expect(other.json!.data).toEqual({ a: '1', c: '3' })
    const second = call('PATCH', path, { body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  b: "2"\n', headers })
    expect(second.json!.data).toEqual({ b: '2', c: '3' })
    expect(call('PATCH', '/api/v1/namespaces/default/configmaps/cfg', { body: '{}', headers }).status).toBe(400)
  })

  it('deletes: Status for an object gone at once, the object while it terminates', () => {
    const { call } = setup()
    call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'cfg' } } })
    expect(call('DELETE', '/api/v1/namespaces/default/configmaps/cfg').json).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'cfg', kind: 'configmaps' } })
    expect(call('DELETE', '/api/v1/namespaces/default/configmaps/cfg').status).toBe(404)
    call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'dev' } } })
    const ns = call('DELETE', '/api/v1/namespaces/dev').json!
    expect(ns.kind).toBe('Namespace')
    expect(ns.status.phase).toBe('Terminating')
  })
})

describe('REST face: watch', () => {
  it('streams the current objects, then changes, bookmarks on the simulated clock, and ends at timeoutSeconds', () => {
    const { cluster, call } = setup()
    call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'a' } } })
    const r = call('GET', '/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=90&fieldSelector=metadata.name%3Da')
    const lines: any[] = []
    let ended = false
    r.stream!.start(
      (chunk) => lines.push(JSON.parse(chunk)),
      () => (ended = true),
    )
    expect(lines.map((l) => l.type)).toEqual(['ADDED'])
    call('PATCH', '/api/v1/namespaces/default/configmaps/a', { body: { data: { k: 'v' } }, headers: { 'content-type': 'application/merge-patch+json' } })
    expect(lines[1]).toMatchObject({ type: 'MODIFIED', object: { data: { k: 'v' } } })
    cluster.advance('61s')
    expect(lines.some((l) => l.type === 'BOOKMARK' && l.object.metadata.resourceVersion)).toBe(true)
    expect(ended).toBe(false)
    cluster.advance('30s')
    expect(ended).toBe(true)
  })

  it('reports a compacted resourceVersion as an ERROR event with 410', () => {
    const { cluster, call } = setup()
    cluster.core.store.restore(cluster.core.store.dump())
    const r = call('GET', '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1')
    const lines: any[] = []
    r.stream!.start((c) => lines.push(JSON.parse(c)), () => {})
    expect(lines[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } })
  })
})
