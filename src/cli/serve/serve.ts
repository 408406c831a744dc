/**
 * `kubeplay serve [--port N] [--seed N] [--workers N] [--speed X]`: the engine as a
 * Kubernetes API server on 127.0.0.1 that a real kubectl can use. Simulated time follows the
 * wall clock times --speed; Ctrl-C stops.
 */

import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createCluster } from '../../core/cluster'
import { startApiServer } from './http-server'
import { writeKubeconfig } from './kubeconfig'

export interface ServeOptions {
  port?: number
  seed: number
  workers: number
  speed: number
}

/** How often the pacer moves the simulated clock (ms of wall time). */
const PACE_INTERVAL_MS = 100

export async function runServe(opts: ServeOptions): Promise<void> {
  const cluster = createCluster({ seed: opts.seed, workers: opts.workers })
  const token = randomBytes(24).toString('hex')
  const server = await startApiServer(cluster, { token, port: opts.port })
  const kubeconfig = writeKubeconfig(server.port, token, server.caCert)
  process.stdout.write(
    `kubeplay API server listening on https://127.0.0.1:${server.port}\n` +
      `kubeconfig: ${kubeconfig.path}\n` +
      `  export KUBECONFIG=${kubeconfig.path}\n` +
      'Press Ctrl-C to stop.\n',
  )
  let last = Date.now()
  const pacer = setInterval(() => {
    const now = Date.now()
    cluster.advance(Math.max(0, (now - last) * opts.speed))
    server.poll()
    last = now
  }, PACE_INTERVAL_MS)
  const stop = () => {
    clearInterval(pacer)
    rmSync(kubeconfig.dir, { recursive: true, force: true })
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
