import { describe, expect, it } from 'vitest'
import { loadAPIDocs } from '../core/api/schema/docs'
import { createCluster } from '../core/cluster'
import type { FromWorker } from '../protocol/messages'
import { WorkerHost } from './host'

describe('WorkerHost and the field documentation', () => {
  it('loads the documentation for the first explain, answering later lines after it, in order', async () => {
    const sent: FromWorker[] = []
    let loads = 0
    const host = new WorkerHost({
      post: (msg) => sent.push(msg),
      createCluster: (options) => createCluster(options),
      loadDocs: () => {
        loads++
        return loadAPIDocs()
      },
    })
    host.handle({ type: 'init', seed: 1, workers: 1 })
    host.handle({ type: 'kubectl', id: 'k1', line: 'kubectl explain deploy.spec.replicas' })
    host.handle({ type: 'kubectl', id: 'k2', line: 'kubectl get ns default' })
    expect(sent.filter((m) => m.type === 'kubectlResult')).toHaveLength(0) // still loading
    await loadAPIDocs()
    await Promise.resolve()
    const results = sent.filter((m): m is Extract<FromWorker, { type: 'kubectlResult' }> => m.type === 'kubectlResult')
    expect(results.map((r) => r.id)).toEqual(['k1', 'k2'])
    expect(results[0]!.stdout).toContain('FIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods.')
    host.handle({ type: 'kubectl', id: 'k3', line: 'kubectl explain svc' })
    expect(sent.at(-1)).toMatchObject({ type: 'kubectlResult', id: 'k3', exitCode: 0 })
    expect(loads).toBe(1)
  })
})
