/** Applets that report the container: date (simulated clock, UTC), hostname, env, printenv, whoami, id, uname. */

import type { Builtin } from '../types'

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** strftime in UTC; the default is what busybox and coreutils print: `Wed Jan  1 00:00:05 UTC 2025`. */
export function strftime(ms: number, fmt = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms)
  const p = (n: number, w = 2, c = '0') => String(n).padStart(w, c)
  const h12 = d.getUTCHours() % 12 || 12
  const yday = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1
  const codes: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!.slice(0, 3),
    A: () => DAYS[d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!.slice(0, 3),
    h: () => MONTHS[d.getUTCMonth()]!.slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()]!,
    d: () => p(d.getUTCDate()),
    e: () => p(d.getUTCDate(), 2, ' '),
    H: () => p(d.getUTCHours()),
    k: () => p(d.getUTCHours(), 2, ' '),
    I: () => p(h12),
    l: () => p(h12, 2, ' '),
    M: () => p(d.getUTCMinutes()),
    S: () => p(d.getUTCSeconds()),
    N: () => p((ms % 1000) * 1_000_000, 9),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    Y: () => String(d.getUTCFullYear()),
    y: () => p(d.getUTCFullYear() % 100),
    m: () => p(d.getUTCMonth() + 1),
    j: () => p(yday, 3),
    s: () => String(Math.floor(ms / 1000)),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => strftime(ms, '%H:%M:%S'),
    D: () => strftime(ms, '%m/%d/%y'),
    F: () => strftime(ms, '%Y-%m-%d'),
    R: () => strftime(ms, '%H:%M'),
    c: () => strftime(ms, '%a %b %e %H:%M:%S %Y'),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  }
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => codes[c]?.() ?? m)
}

const date: Builtin = function (argv, io, sh) {
  let fmt: string | undefined
  for (const a of argv.slice(1)) {
    if (a.startsWith('+')) fmt = a.slice(1)
    else if (a === '-I' || a === '-Iseconds' || a === '--iso-8601=seconds') fmt = '%Y-%m-%dT%H:%M:%S+00:00'
    else if (a === '-Idate' || a === '--iso-8601') fmt = '%Y-%m-%d'
    else if (a === '-R' || a === '--rfc-2822') fmt = '%a, %d %b %Y %H:%M:%S +0000'
    else if (a !== '-u' && a !== '--utc') {
      io.err(`date: invalid date '${a}'\n`)
      return 1
    }
  }
  io.out(`${strftime(sh.host.now(), fmt)}\n`)
  return 0
}

export const INFO_BUILTINS: Record<string, Builtin> = {
  date,
  hostname: function (_a, io, sh) {
    io.out(`${sh.host.hostname}\n`)
    return 0
  },
  env: function (argv, io, sh) {
    if (argv.length > 1) {
      io.err(`env: '${argv[1]}': No such file or directory\n`)
      return 127
    }
    for (const [k, v] of Object.entries(sh.environment())) io.out(`${k}=${v}\n`)
    return 0
  },
  printenv: function (argv, io, sh) {
    const env = sh.environment()
    if (argv.length === 1) {
      for (const [k, v] of Object.entries(env)) io.out(`${k}=${v}\n`)
      return 0
    }
    let status = 0
    for (const n of argv.slice(1)) {
      if (n in env) io.out(`${env[n]}\n`)
      else status = 1
    }
    return status
  },
  whoami: function (_a, io) {
    io.out('root\n')
    return 0
  },
  id: function (_a, io) {
    io.out('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n')
    return 0
  },
  uname: function (argv, io) {
    io.out(argv.includes('-a') ? 'Linux node 6.8.0-sim #1 SMP x86_64 GNU/Linux\n' : argv.includes('-r') ? '6.8.0-sim\n' : 'Linux\n')
    return 0
  },
}
