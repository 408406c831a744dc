/**
 * Entry of the module Web Worker that runs the simulated cluster off the main thread.
 * Wall time (performance.now, setInterval) is allowed here and only here; core never sees it.
 */

import { loadAPIDocs } from '../core/api/schema/docs'
import { createCluster } from '../core/cluster'
import type { FromWorker, ToWorker } from '../protocol/messages'
import { WorkerHost } from './host'

/** Wall ms between pacing ticks. */
const TICK_MS = 100

const scope = self as unknown as DedicatedWorkerGlobalScope

const host = new WorkerHost({
  post: (msg: FromWorker) => scope.postMessage(msg),
  createCluster: (options) => createCluster(options),
  loadDocs: () => loadAPIDocs(),
})

scope.addEventListener('message', (ev: MessageEvent<ToWorker>) => host.handle(ev.data))
setInterval(() => host.tick(performance.now()), TICK_MS)
