import { beforeEach, describe, expect, it } from 'vitest'
import type { ObjectView } from '../../protocol/messages'
import { useObjectsStore } from './objects-store'

const view = (kind: string, name: string, rv = '1'): ObjectView => ({
  key: `/${kind}/default/${name}`,
  object: { apiVersion: 'v1', kind, metadata: { name, namespace: 'default', resourceVersion: rv } },
})

describe('objects store', () => {
  beforeEach(() => useObjectsStore.setState({ byKind: {}, revision: 0, synced: false }))

  it('mirrors a snapshot then applies deltas, touching only the kinds that changed', () => {
    const s = useObjectsStore.getState()
    s.applySnapshot([view('Pod', 'a'), view('Node', 'n')], 5)
    const nodesBefore = useObjectsStore.getState().byKind.Node
    s.applyDeltas(
      [
        { type: 'MODIFIED', revision: 6, ...view('Pod', 'a', '6') },
        { type: 'ADDED', revision: 7, ...view('Pod', 'b', '7') },
        { type: 'DELETED', revision: 8, ...view('Pod', 'a', '8') },
      ],
      8,
    )
    const state = useObjectsStore.getState()
    expect(state.synced).toBe(true)
    expect(state.revision).toBe(8)
    expect(Object.keys(state.byKind.Pod!)).toEqual(['/Pod/default/b'])
    expect(state.byKind.Node).toBe(nodesBefore)
  })
})
