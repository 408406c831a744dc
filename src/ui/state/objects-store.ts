/**
 * A read-only mirror of the cluster's objects, fed by the worker's `snapshot` and `deltas`.
 * Objects are grouped by kind so a component that reads pods re-renders only when a pod changes.
 */

import { create } from 'zustand'
import type { DeltaEvent, ObjectView } from '../../protocol/messages'

export type ViewsByKey = Readonly<Record<string, ObjectView>>

const EMPTY: ViewsByKey = Object.freeze({})

interface ObjectsState {
  byKind: Readonly<Record<string, ViewsByKey>>
  revision: number
  /** Whether the first snapshot has arrived. */
  synced: boolean
  applySnapshot(objects: ObjectView[], revision: number): void
  applyDeltas(events: DeltaEvent[], revision: number): void
}

export const useObjectsStore = create<ObjectsState>()((set) => ({
  byKind: {},
  revision: 0,
  synced: false,
  applySnapshot(objects, revision) {
    const byKind: Record<string, Record<string, ObjectView>> = {}
    for (const view of objects) (byKind[view.object.kind] ??= {})[view.key] = view
    set({ byKind, revision, synced: true })
  },
  applyDeltas(events, revision) {
    if (events.length === 0) return
    set((state) => {
      const byKind = { ...state.byKind }
      const copied = new Set<string>()
      for (const ev of events) {
        const kind = ev.object.kind
        if (!copied.has(kind)) {
          byKind[kind] = { ...byKind[kind] }
          copied.add(kind)
        }
        const views = byKind[kind] as Record<string, ObjectView>
        if (ev.type === 'DELETED') delete views[ev.key]
        else views[ev.key] = { key: ev.key, object: ev.object, status: ev.status }
      }
      return { byKind, revision: Math.max(state.revision, revision) }
    })
  },
}))

/** Every object of one kind, keyed by view key; the same reference until one of them changes. */
export const useObjectsOfKind = (kind: string): ViewsByKey => useObjectsStore((s) => s.byKind[kind] ?? EMPTY)
export const useSynced = () => useObjectsStore((s) => s.synced)
