/**
 * The worker <-> UI protocol: plain discriminated unions sent with postMessage (structured
 * clone). Types only; nothing here runs. The UI mirrors the cluster from `snapshot` + `deltas`
 * and writes only through `apply` / `kubectl`, the way a kubectl client would.
 */

import type { KubeObject } from '../core/api/types'

export type { KubeObject }

/** Playback speeds offered by the time controls (simulated ms per wall ms). */
export type Speed = 1 | 5 | 20 | 100

/** An object as the UI sees it: the stored object plus what the worker derived for display. */
export interface ObjectView {
  /** Stable identity: "<group>/<Kind>/<namespace>/<name>" (never the uid, which replays change). */
  key: string
  object: KubeObject
  /** kubectl's STATUS column for pods (Running, ContainerCreating, Terminating, ...). */
  status?: string
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface DeltaEvent extends ObjectView {
  type: WatchEventType
  revision: number
}

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'error'

export interface ApplyResult {
  /** e.g. "deployment.apps/web". */
  ref: string
  outcome: ApplyOutcome
  /** kubectl's line, e.g. "deployment.apps/web created", or the error text. */
  message: string
}

export interface CommandOutput {
  stdout: string
  stderr: string
  exitCode: number
}

export interface ClockState {
  /** Simulated ms since the epoch. */
  now: number
  speed: Speed
  paused: boolean
}

// ---- UI -> worker ----------------------------------------------------------------------------

export type ToWorker =
  | { type: 'init'; seed: number; workers: number }
  | { type: 'apply'; id: string; yaml: string }
  | { type: 'kubectl'; id: string; line: string }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'pause' }
  | { type: 'play' }

// ---- worker -> UI ----------------------------------------------------------------------------

export type FromWorker =
  | { type: 'snapshot'; objects: ObjectView[]; revision: number; now: number }
  | { type: 'deltas'; events: DeltaEvent[]; revision: number; now: number }
  | ({ type: 'applied'; id: string; results: ApplyResult[] } & CommandOutput)
  | ({ type: 'kubectlResult'; id: string } & CommandOutput)
  | ({ type: 'clock' } & ClockState)
  | { type: 'fatal'; message: string }
