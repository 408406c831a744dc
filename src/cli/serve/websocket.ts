/**
 * The few parts of RFC 6455 that kubectl exec's WebSocket needs, on a raw socket after Node's
 * 'upgrade' event: the handshake, masked client frames in (data, ping, close), unmasked
 * binary frames out. kubectl 1.31 speaks the v5.channel.k8s.io subprotocol over it: every
 * message starts with a channel byte (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize, 255 close).
 */

import { createHash } from 'node:crypto'
import type { Duplex } from 'node:stream'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
/** The remotecommand subprotocols we serve, best first (both use raw channel bytes). */
export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io']

export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const

/** The subprotocol to answer with, if the client offered one we speak. */
export function pickProtocol(offered: string | undefined): string | undefined {
  const list = (offered ?? '').split(',').map((p) => p.trim())
  return CHANNEL_PROTOCOLS.find((p) => list.includes(p))
}

export class WebSocketConn {
  private buf = Buffer.alloc(0)
  private closed = false
  private gone = false

  constructor(
    private readonly socket: Duplex,
    private readonly onMessage: (data: Buffer) => void,
    private readonly onClose: () => void,
  ) {
    socket.on('data', (d: Buffer) => this.receive(d))
    socket.on('close', () => this.finish())
    socket.on('error', () => this.finish())
  }

  /** Writes the 101 answer; `head` is what the client sent after its request line and headers. */
  static accept(socket: Duplex, key: string, protocol: string, head: Buffer, onMessage: (data: Buffer) => void, onClose: () => void): WebSocketConn {
    const accept = createHash('sha1').update(key + GUID).digest('base64')
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`)
    const conn = new WebSocketConn(socket, onMessage, onClose)
    if (head.length) conn.receive(head)
    return conn
  }

  /** One binary message on a channel. */
  send(channel: number, data: string | Buffer): void {
    const body = Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data, 'utf8') : data])
    this.frame(0x2, body)
  }

  /** A normal closure (1000), then the end of the TCP stream. */
  close(): void {
    if (this.closed) return
    this.frame(0x8, Buffer.from([0x03, 0xe8]))
    this.closed = true
    this.socket.end()
  }

  private frame(opcode: number, payload: Buffer): void {
    if (this.closed) return
    const n = payload.length
    const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff]) : Buffer.alloc(10)
    if (n >= 65536) {
      head[0] = 0x80 | opcode
      head[1] = 127
      head.writeBigUInt64BE(BigInt(n), 2)
    }
    this.socket.write(Buffer.concat([head, payload]))
  }

  private receive(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d])
    for (;;) {
      if (this.buf.length < 2) return
      const opcode = this.buf[0]! & 0x0f
      const masked = (this.buf[1]! & 0x80) !== 0
      let len = this.buf[1]! & 0x7f
      let off = 2
      if (len === 126) {
        if (this.buf.length < 4) return
        len = this.buf.readUInt16BE(2)
        off = 4
      } else if (len === 127) {
        if (this.buf.length < 10) return
        len = Number(this.buf.readBigUInt64BE(2))
        off = 10
      }
      const maskAt = off
      if (masked) off += 4
      if (this.buf.length < off + len) return
      const payload = Buffer.from(this.buf.subarray(off, off + len))
      if (masked) for (let i = 0; i < len; i++) payload[i] = payload[i]! ^ this.buf[maskAt + (i % 4)]!
      this.buf = this.buf.subarray(off + len)
      if (opcode === 0x8) {
        // The client closes: answer in kind (RFC 6455 5.5.1) and let go.
        this.close()
        this.finish()
        return
      }
      if (opcode === 0x9) this.frame(0xa, payload)
      else if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) this.onMessage(payload)
    }
  }

  private finish(): void {
    if (this.gone) return
    this.gone = true
    this.closed = true
    this.onClose()
  }
}
