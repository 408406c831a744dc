/**
 * Programs that are not shell built-ins: the image's server (prints its start-up lines and
 * stays up), hello-world's greeting, perl's bpi() for the Job example, curl/wget answering
 * from a web server in the same pod, and anything else the image has, which runs for a
 * short simulated time and exits 0.
 */

import { baseName, GENERIC_PROGRAM_MS, type ImageProfile } from './images-known'
import type { IO, Run } from './shell/types'

export const HELLO_FROM_DOCKER = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produced the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`

/** Pi to `digits` significant digits, rounded, as Math::BigFloat's bpi() prints it. */
export function piDigits(digits: number): string {
  const extra = 10
  const scale = 10n ** BigInt(digits + extra)
  const arctanInv = (x: bigint) => {
    let sum = 0n
    let term = scale / x
    const x2 = x * x
    for (let n = 1n; term !== 0n; n += 2n) {
      sum += ((n - 1n) / 2n) % 2n === 0n ? term / n : -(term / n)
      term /= x2
    }
    return sum
  }
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n))
  // pi * 10^(digits+extra) -> keep `digits` significant digits, rounding half up.
  const div = 10n ** BigInt(extra + 1)
  const s = ((pi + div / 2n) / div).toString()
  return `${s[0]}.${s.slice(1)}`
}

/** An HTTP answer from a server in the same pod, or undefined when nothing listens there. */
export type LocalHTTP = (port: number, path: string) => { status: number; body: string } | undefined

export interface ProgramContext {
  profile: ImageProfile
  now(): number
  cpus: number
  localHTTP: LocalHTTP
  /** An application image's own programs keep running (a server), rather than exit 0 soon. */
  appStaysUp: boolean
  /** Writes a file (wget without -O -). */
  save(path: string, data: string): void
}

// eslint-disable-next-line require-yield -- some programs end at once
function* done(code: number): Run {
  return code
}

function* forever(): Run {
  yield { kind: 'sleep', ms: Infinity }
  return 0
}

function parseURL(raw: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(raw)
  if (!m) return undefined
  return { host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' }
}

function http(argv: string[], io: IO, x: ProgramContext, hostname: string, podIP: string | undefined): number {
  const tool = baseName(argv[0]!)
  const url = argv.slice(1).find((a) => !a.startsWith('-') && a !== '-')
  const target = url ? parseURL(url) : undefined
  if (!target) {
    io.err(tool === 'curl' ? "curl: try 'curl --help' or 'curl --manual' for more information\n" : 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n')
    return tool === 'curl' ? 2 : 1
  }
  const local = ['localhost', '127.0.0.1', hostname, podIP].includes(target.host)
  if (!local) {
    io.err(`${tool}: connections to other pods and services are not available in this playground yet\n`)
    return tool === 'curl' ? 7 : 1
  }
  const answer = x.localHTTP(target.port, target.path)
  if (!answer) {
    io.err(tool === 'curl' ? `curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server\n` : `wget: can't connect to remote host (127.0.0.1): Connection refused\n`)
    return tool === 'curl' ? 7 : 1
  }
  if (tool === 'curl') {
    io.out(answer.body)
    return 0
  }
  if (answer.status >= 400) {
    io.err(`Connecting to ${target.host}:${target.port} (127.0.0.1:${target.port})\nwget: server returned error: HTTP/1.1 ${answer.status} Not Found\n`)
    return 1
  }
  const toStdout = argv.some((a, k) => (a === '-O' && argv[k + 1] === '-') || a === '-O-' || a === '-qO-' || a === '-qO')
  if (toStdout) io.out(answer.body)
  else {
    const file = baseName(target.path) || 'index.html'
    x.save(file, answer.body)
    if (!argv.some((a) => /^-q/.test(a))) io.err(`Connecting to ${target.host}:${target.port} (127.0.0.1:${target.port})\nsaving to '${file}'\n${file.padEnd(21)}100% |********************************|   ${answer.body.length}  0:00:00 ETA\n'${file}' saved\n`)
  }
  return 0
}

/** String literals a one-liner prints (`python -c 'print("hi")'`, `node -e 'console.log("hi")'`). */
function printedLiterals(name: string, argv: string[]): string[] {
  const flag = name.startsWith('python') ? '-c' : name === 'node' ? '-e' : undefined
  const code = flag ? argv[argv.indexOf(flag) + 1] : undefined
  if (!flag || argv.indexOf(flag) < 0 || code === undefined) return []
  const call = name === 'node' ? 'console\\.log' : 'print'
  const re = new RegExp(`${call}\\(\\s*(?:"([^"\\\\]*)"|'([^'\\\\]*)')\\s*\\)`, 'g')
  return [...code.matchAll(re)].map((m) => m[1] ?? m[2] ?? '')
}

/** The run of a program that is not a shell built-in, or undefined when it is not installed. */
export function externalProgram(argv: string[], io: IO, x: ProgramContext, hostname: string, podIP: string | undefined): Run | undefined {
  const name = baseName(argv[0]!)
  const p = x.profile
  if (p.server?.binaries.includes(name)) {
    for (const line of p.server.banner?.(x.now(), x.cpus) ?? []) io.out(`${line}\n`)
    return forever()
  }
  if (name === 'hello' && p.programs?.hello !== undefined) {
    io.out(HELLO_FROM_DOCKER)
    return done(0)
  }
  if (name === 'curl' || name === 'wget') {
    if (p.programs?.[name] === undefined && !p.generic) return undefined
    return done(http(argv, io, x, hostname, podIP))
  }
  if (name === 'nslookup') {
    if (p.programs?.nslookup === undefined && !p.generic) return undefined
    io.err('nslookup: DNS lookups are not available in this playground yet\n')
    return done(1)
  }
  if (p.generic && p.programs?.[name] === undefined && x.appStaysUp) return forever()
  const ms = p.programs?.[name] ?? (p.generic ? GENERIC_PROGRAM_MS : undefined)
  if (ms === undefined) return undefined
  const bpi = name === 'perl' ? /bpi\((\d+)\)/.exec(argv.join(' ')) : null
  const said = printedLiterals(name, argv)
  return (function* (): Run {
    if (ms > 0) yield { kind: 'sleep', ms }
    if (bpi) io.out(`${piDigits(Math.min(Number(bpi[1]), 20000))}\n`)
    for (const line of said) io.out(`${line}\n`)
    return 0
  })()
}
