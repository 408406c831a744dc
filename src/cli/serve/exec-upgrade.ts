/**
 * Upgrade requests (kubectl exec): kubectl 1.31 first asks for a WebSocket with the
 * v5.channel.k8s.io subprotocol and falls back to SPDY when that upgrade fails. We serve the
 * WebSocket; a refusal (unknown pod, container not valid, container not running) is answered
 * as a plain HTTP response, which fails both attempts the way an API server's does, so
 * kubectl prints the SPDY path's message (`Error from server (BadRequest): ...` for a Status,
 * `unable to upgrade connection: ...` for the kubelet's text).
 */

import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RestHandler } from '../../core/apiserver/rest/handler'
import { Channel, pickProtocol, WebSocketConn } from './websocket'

export interface UpgradeHooks {
  /** The session is open (the client waits on it) / has ended. */
  opened(): void
  closed(): void
  /** Something went to the client (the clock pacer stops stepping to let it react). */
  sent(): void
  addPoller(poll: () => void): () => void
}

function plainResponse(socket: Duplex, status: number, headers: Record<string, string>, body: string): void {
  const bytes = Buffer.from(body, 'utf8')
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${bytes.length}`, 'Connection: close']
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), bytes]))
}

export function handleUpgrade(handler: RestHandler, req: IncomingMessage, socket: Duplex, head: Buffer, token: string, hooks: UpgradeHooks): void {
  socket.on('error', () => {})
  if (req.headers.authorization !== `Bearer ${token}`) {
    const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }
    plainResponse(socket, 401, { 'Content-Type': 'application/json' }, `${JSON.stringify(body)}\n`)
    return
  }
  const url = req.url ?? '/'
  const qi = url.indexOf('?')
  const headers: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v
  const r = handler.handle({ method: req.method ?? 'GET', path: qi < 0 ? url : url.slice(0, qi), query: qi < 0 ? '' : url.slice(qi + 1), headers })
  const key = req.headers['sec-websocket-key']
  const protocol = pickProtocol(req.headers['sec-websocket-protocol'])
  if (!r.exec || req.headers.upgrade?.toLowerCase() !== 'websocket' || !key || !protocol) {
    if (r.exec) {
      // A session we could run, but over a protocol we do not speak (SPDY, or an old subprotocol).
      const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'unable to upgrade: only WebSocket (v5.channel.k8s.io, v4.channel.k8s.io) is served', reason: 'BadRequest', code: 400 }
      plainResponse(socket, 400, { 'Content-Type': 'application/json' }, `${JSON.stringify(body)}\n`)
      return
    }
    plainResponse(socket, r.status, r.headers, r.body ?? '')
    return
  }
  hooks.opened()
  let open = true
  // The session may end while it starts (echo hi), before start has returned its handle.
  const session: { run?: { poll(): void; stop(): void } } = {}
  let removePoller = () => {}
  const end = () => {
    if (!open) return
    open = false
    removePoller()
    session.run?.stop()
    hooks.closed()
  }
  // stdin, resize and the v5 close signal are read and dropped: the simulated commands take no input.
  const ws = WebSocketConn.accept(socket, key, protocol, head, () => {}, end)
  const run = (session.run = r.exec.start(
    {
      out: (t) => {
        hooks.sent()
        ws.send(Channel.stdout, t)
      },
      err: (t) => {
        hooks.sent()
        ws.send(Channel.stderr, t)
      },
    },
    (status) => {
      hooks.sent()
      ws.send(Channel.error, JSON.stringify(status))
      ws.close()
      end()
    },
  ))
  if (open) removePoller = hooks.addPoller(() => run.poll())
  else run.stop()
}
