/**
 * The one connection to the simulation worker: spawns it once (idempotent, so React StrictMode's
 * double effects are harmless), routes its messages into the stores, and offers typed requests.
 */

import type { ApplyResult, CommandOutput, FromWorker, Speed, ToWorker } from '../../protocol/messages'
import { useClockStore } from '../state/clock-store'
import { useObjectsStore } from '../state/objects-store'

export interface ApplyReply extends CommandOutput {
  results: ApplyResult[]
}

/** The cluster every page load starts with (architecture: control-plane + node-1..3). */
export const DEFAULT_CLUSTER = { seed: 1, workers: 3 } as const

let worker: Worker | undefined
let nextId = 0
const waiting = new Map<string, (msg: FromWorker) => void>()

export function connect(): void {
  if (worker) return
  worker = new Worker(new URL('../../worker/cluster.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-cluster' })
  worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => receive(ev.data))
  worker.addEventListener('error', (ev) => useClockStore.getState().setFailure(ev.message || 'the worker crashed'))
  send({ type: 'init', ...DEFAULT_CLUSTER })
}

function send(msg: ToWorker): void {
  if (!worker) connect()
  worker?.postMessage(msg)
}

function receive(msg: FromWorker): void {
  switch (msg.type) {
    case 'snapshot':
      useObjectsStore.getState().applySnapshot(msg.objects, msg.revision)
      useClockStore.getState().setNow(msg.now)
      return
    case 'deltas':
      useObjectsStore.getState().applyDeltas(msg.events, msg.revision)
      useClockStore.getState().setNow(msg.now)
      return
    case 'clock':
      useClockStore.getState().setClock(msg)
      return
    case 'applied':
    case 'kubectlResult':
      waiting.get(msg.id)?.(msg)
      waiting.delete(msg.id)
      return
    case 'fatal':
      useClockStore.getState().setFailure(msg.message)
      return
  }
}

function request(msg: ToWorker & { id: string }): Promise<FromWorker> {
  return new Promise((resolve) => {
    waiting.set(msg.id, resolve)
    send(msg)
  })
}

/** `kubectl apply -f -` with the given (multi-document) YAML. */
export async function applyYaml(yaml: string): Promise<ApplyReply> {
  const reply = await request({ type: 'apply', id: `apply-${++nextId}`, yaml })
  if (reply.type !== 'applied') throw new Error(`unexpected reply ${reply.type}`)
  return { results: reply.results, stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode }
}

/** One kubectl command line without the leading "kubectl", e.g. "get pods -o wide". */
export async function runKubectl(line: string): Promise<CommandOutput> {
  const reply = await request({ type: 'kubectl', id: `kubectl-${++nextId}`, line })
  if (reply.type !== 'kubectlResult') throw new Error(`unexpected reply ${reply.type}`)
  return { stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode }
}

export const setSpeed = (speed: Speed) => send({ type: 'setSpeed', speed })
export const pause = () => send({ type: 'pause' })
export const play = () => send({ type: 'play' })
