/**
 * The engine's REST handler behind a Node HTTPS server on 127.0.0.1 (self-signed): bearer-token
 * authentication, the 3 MiB body limit enforced while reading, and watch streams written as
 * chunks. It also tells the clock pacer when it is idle (see docs/adr/0003-api-face.md).
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { createRestHandler } from '../../core/apiserver/rest/handler'
import { MAX_REQUEST_BODY_BYTES } from '../../core/apiserver/rest/errors'
import type { Cluster } from '../../core/cluster'
import { handleUpgrade } from './exec-upgrade'
import { selfSignedCertificate } from './self-signed'

export interface ApiServerHandle {
  port: number
  /** PEM of the server's self-signed certificate, for the kubeconfig's certificate-authority-data. */
  caCert: string
  /** Requests being answered now (watches not counted), open watches, and when the last byte moved. */
  activity(): { inFlight: number; watches: number; lastActivity: number; events: number; requests: number }
  /** Lets streams that follow simulated time (logs -f, exec) send what the clock's last move produced. */
  poll(): void
  close(): Promise<void>
}

const status = (code: number, reason: string, message: string) =>
  `${JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code })}\n`

export function startApiServer(cluster: Cluster, opts: { token: string; port?: number }): Promise<ApiServerHandle> {
  const handler = createRestHandler(cluster.core.api, cluster.core.clock, {
    kubelet: (node) => {
      const k = cluster.core.kubelets.get(node)
      return k?.isPowered() ? k.runtime : undefined
    },
    metrics: cluster.core.metrics,
  })
  const pollers = new Set<() => void>()
  let inFlight = 0
  let watches = 0
  let lastActivity = Date.now()
  let events = 0
  let requests = 0
  const touch = () => (lastActivity = Date.now())

  const serve = (req: IncomingMessage, res: ServerResponse, body: string | undefined, answered: () => void) => {
    const url = req.url ?? '/'
    const qi = url.indexOf('?')
    const headers: Record<string, string | undefined> = {}
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v
    const r = handler.handle({ method: req.method ?? 'GET', path: qi < 0 ? url : url.slice(0, qi), query: qi < 0 ? '' : url.slice(qi + 1), headers, body })
    if (!r.stream) {
      res.writeHead(r.status, r.headers)
      res.end(r.body)
      return
    }
    res.writeHead(r.status, { ...r.headers, 'Transfer-Encoding': 'chunked' })
    // Headers go out now: the client's watch starts when it sees them, before any event.
    res.flushHeaders()
    // A watch is not "in flight" once its headers are out: the client is only waiting.
    answered()
    watches++
    let open = true
    const finish = () => {
      if (!open) return
      open = false
      watches--
      handle.stop?.()
      touch()
    }
    // A stream may end while it starts (logs -f of a stopped container): stop is not set yet then.
    const handle: { stop?: () => void } = {}
    handle.stop = r.stream.start(
      (chunk) => {
        events++
        touch()
        if (open) res.write(chunk)
      },
      () => {
        // The end of a stream is news to the child too (it may exit now): the pacer must stop.
        events++
        finish()
        res.end()
      },
    )
    if (!open) handle.stop()
    const poll = r.stream.poll?.bind(r.stream)
    if (poll && open) {
      pollers.add(poll)
      res.on('close', () => pollers.delete(poll))
    }
    res.on('close', finish)
  }

  const tls = selfSignedCertificate()
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    inFlight++
    requests++
    touch()
    let counted = true
    const answered = () => {
      if (counted) inFlight--
      counted = false
      touch()
    }
    res.on('finish', answered)
    res.on('close', answered)
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(401, { 'Content-Type': 'application/json' })
      res.end(status(401, 'Unauthorized', 'Unauthorized'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_REQUEST_BODY_BYTES) tooLarge = true
      else chunks.push(c)
    })
    req.on('end', () => {
      if (tooLarge) {
        res.writeHead(413, { 'Content-Type': 'application/json' })
        res.end(status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`))
        return
      }
      const body = size ? Buffer.concat(chunks).toString('utf8') : undefined
      serve(req, res, body, answered)
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    requests++
    touch()
    handleUpgrade(handler, req, socket, head, opts.token, {
      // An exec session counts as a watch: the client waits on it while simulated time runs.
      opened: () => watches++,
      closed: () => {
        watches--
        events++
        touch()
      },
      sent: () => {
        events++
        touch()
      },
      addPoller: (p) => {
        pollers.add(p)
        return () => pollers.delete(p)
      },
    })
  })
  server.keepAliveTimeout = 1000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        port,
        caCert: tls.cert,
        activity: () => ({ inFlight, watches, lastActivity, events, requests }),
        poll: () => {
          for (const p of [...pollers]) p()
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
