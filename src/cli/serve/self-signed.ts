/**
 * A throwaway self-signed certificate for 127.0.0.1, built with node:crypto and a few lines
 * of DER. TLS is needed because client-go sends a kubeconfig's bearer token only over https
 * (clientcmd reads user credentials only for a TLS transport); kubectl trusts this
 * certificate through certificate-authority-data in the kubeconfig we write.
 */

import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'

function der(tag: number, content: Buffer): Buffer {
  const n = content.length
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), len, content])
}
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts))
const octets = (b: Buffer) => der(0x04, b)
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), b]))
const bool = (v: boolean) => der(0x01, Buffer.from([v ? 0xff : 0]))

function integer(b: Buffer): Buffer {
  return der(0x02, b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b)
}

function oid(text: string): Buffer {
  const [a, b, ...rest] = text.split('.').map(Number)
  const out = [a! * 40 + b!]
  for (const n of rest) {
    const chunk = [n & 0x7f]
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80)
    out.push(...chunk)
  }
  return der(0x06, Buffer.from(out))
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0')
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`
  return der(0x17, Buffer.from(s, 'ascii'))
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2'

function toPem(label: string, body: Buffer): string {
  const b64 = body.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`
}

export function selfSignedCertificate(commonName = 'kubeplay'): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const name = seq(set(seq(oid('2.5.4.3'), der(0x0c, Buffer.from(commonName, 'utf8')))))
  const now = Date.now()
  const serial = randomBytes(16)
  serial[0] = serial[0]! & 0x7f
  const san = seq(der(0x82, Buffer.from('localhost', 'ascii')), der(0x87, Buffer.from([127, 0, 0, 1])))
  const extensions = seq(
    seq(oid('2.5.29.17'), octets(san)),
    seq(oid('2.5.29.19'), bool(true), octets(seq(bool(true)))),
    // keyUsage: digitalSignature and keyCertSign (it signs itself and the TLS handshake).
    seq(oid('2.5.29.15'), bool(true), octets(der(0x03, Buffer.from([2, 0x84])))),
  )
  const tbs = seq(
    der(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    seq(oid(ECDSA_WITH_SHA256)),
    name,
    seq(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + 7 * 24 * 3600_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, extensions),
  )
  const signature = sign('sha256', tbs, privateKey)
  const cert = seq(tbs, seq(oid(ECDSA_WITH_SHA256)), bits(signature))
  return { cert: toPem('CERTIFICATE', cert), key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
}
