import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'
import { createRestHandler } from './handler'

function setup() {
  const cluster = createCluster({ seed: 5, workers: 1 })
  const h = createRestHandler(cluster.core.api, cluster.core.clock, { metrics: cluster.core.metrics })
  const get = (path: string, query = '') => h.handle({ method: 'GET', path, query, headers: { accept: 'application/json' } })
  const json = (r: { body?: string }) => JSON.parse(r.body!) as Record<string, unknown> & { items: Record<string, unknown>[] }
  return { cluster, get, json }
}

describe('metrics.k8s.io and kubectl top', () => {
  it('is discoverable after every other group, and serves NodeMetrics and PodMetrics as metrics-server does', () => {
    const { cluster, get, json } = setup()
    const groups = json(get('/apis')).groups as { name: string }[]
    expect(groups[groups.length - 1]!.name).toBe('metrics.k8s.io')
    const resources = json(get('/apis/metrics.k8s.io/v1beta1')).resources as { name: string; kind: string; verbs: string[] }[]
    expect(resources.map((r) => `${r.name} ${r.kind} ${r.verbs.join(',')}`)).toEqual(['nodes NodeMetrics get,list', 'pods PodMetrics get,list'])
    cluster.advance('30s')
    const nodes = json(get('/apis/metrics.k8s.io/v1beta1/nodes'))
    expect(nodes.kind).toBe('NodeMetricsList')
    expect(nodes.items[0]).toMatchObject({ metadata: { name: 'control-plane' }, window: '15s', usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) } })
    const pods = json(get('/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods', 'labelSelector=k8s-app%3Dkube-proxy'))
    expect(pods.items.length).toBe(2)
    const missing = get('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/ghost')
    expect(missing.status).toBe(404)
    expect(json(missing).message).toBe('podmetrics.metrics.k8s.io "default/ghost" not found')
    expect(get('/apis/metrics.k8s.io/v1beta1/namespaces/default/widgets').status).toBe(404)
  })

  it('prints kubectl top tables at least 6 wide per column, --sum totals, and the command errors', () => {
    const { cluster } = setup()
    cluster.advance('30s')
    const lines = cluster.kubectl('top nodes --no-headers').stdout.split('\n')
    expect(lines[0]).toMatch(/^control-plane {3}\d+m {3}\d% {4}\d+Mi {3}\d+% {3}$/)
    const sum = cluster.kubectl('top pods -n kube-system -l k8s-app=kube-proxy --sum').stdout.split('\n')
    expect(sum[3]).toMatch(/^ +________ {5}________ {8}$/)
    expect(sum[4]).toMatch(/^ +\d+m +\d+Mi +$/)
    expect(cluster.kubectl('top services')).toEqual({ stdout: '', stderr: "error: unknown command \"services\"\nSee 'kubectl top -h' for help and examples\n", exitCode: 1 })
    const bare = cluster.kubectl('top')
    expect(bare.exitCode).toBe(1)
    expect(bare.stderr.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true)
  })
})
