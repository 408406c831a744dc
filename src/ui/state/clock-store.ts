/** The simulated clock and playback state as the worker last reported it, plus the connection state. */

import { create } from 'zustand'
import type { ClockState, Speed } from '../../protocol/messages'

interface ClockStoreState extends ClockState {
  /** A fatal worker error, shown to the learner; undefined while all is well. */
  failure: string | undefined
  setClock(clock: ClockState): void
  setNow(now: number): void
  setFailure(message: string): void
}

/** 2025-01-01T00:00:00Z, where every simulated cluster starts. */
export const EPOCH = Date.UTC(2025, 0, 1)

export const useClockStore = create<ClockStoreState>()((set) => ({
  now: EPOCH,
  speed: 1,
  paused: false,
  failure: undefined,
  setClock: (clock) => set({ now: clock.now, speed: clock.speed, paused: clock.paused }),
  setNow: (now) => set({ now }),
  setFailure: (failure) => set({ failure }),
}))

export const useNow = () => useClockStore((s) => s.now)
export const useSpeed = (): Speed => useClockStore((s) => s.speed)
export const usePaused = () => useClockStore((s) => s.paused)
export const useFailure = () => useClockStore((s) => s.failure)
