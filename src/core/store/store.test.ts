import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../api/types'
import { isStatusError } from '../machinery/errors'
import { Store, type StoreEvent } from './store'

const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, ...extra })

describe('Store', () => {
  it('gives every write the next store-wide revision as resourceVersion', () => {
    const s = new Store()
    const a = s.create('pods', 'default/a', pod('a'))
    const b = s.create('apps/deployments', 'default/b', { ...pod('b'), kind: 'Deployment' })
    const a2 = s.update('pods', 'default/a', { ...a, spec: { x: 1 } })
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion, a2.metadata.resourceVersion]).toEqual(['1', '2', '3'])
    expect(s.revision()).toBe(3)
  })

  it('replays history to a watch started from an older revision, then streams live events', () => {
    const s = new Store()
    s.create('pods', 'default/a', pod('a'))
    const from = s.revision()
    s.create('pods', 'default/b', pod('b'))
    s.delete('pods', 'default/a')
    const seen: string[] = []
    s.watch('pods', from, (ev: StoreEvent) => seen.push(`${ev.type} ${ev.object.metadata.name} ${ev.object.metadata.resourceVersion}`))
    s.create('pods', 'default/c', pod('c'))
    expect(seen).toEqual(['ADDED b 2', 'DELETED a 3', 'ADDED c 4'])
  })

  it('filters watches by kind', () => {
    const s = new Store()
    const seen: string[] = []
    s.watch('apps/deployments', 0, (ev) => seen.push(ev.object.metadata.name!))
    s.create('pods', 'default/a', pod('a'))
    s.create('apps/deployments', 'default/web', { ...pod('web'), kind: 'Deployment' })
    expect(seen).toEqual(['web'])
  })

  it('answers 410 Gone with the watch cache text once history is compacted', () => {
    const s = new Store(3)
    for (let i = 0; i < 6; i++) s.create('pods', `default/p${i}`, pod(`p${i}`))
    let err: unknown
    try {
      s.watch('pods', 1, () => {})
    } catch (e) {
      err = e
    }
    expect(isStatusError(err)).toBe(true)
    if (isStatusError(err)) {
      expect(err.code).toBe(410)
      expect(err.message).toMatch(/^too old resource version: 1 \(\d+\)$/)
    }
  })

  it('lists in key order within a namespace', () => {
    const s = new Store()
    s.create('pods', 'default/b', pod('b'))
    s.create('pods', 'kube-system/a', { ...pod('a'), metadata: { name: 'a', namespace: 'kube-system' } })
    s.create('pods', 'default/a', pod('a'))
    expect(s.list('pods', 'default').map((o) => o.metadata.name)).toEqual(['a', 'b'])
    expect(s.list('pods').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/a', 'default/b', 'kube-system/a'])
  })
})
