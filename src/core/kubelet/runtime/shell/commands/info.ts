/** Applets that report the container: date (simulated clock, UTC), hostname, env, printenv, whoami, id, uname. */

import type { Builtin } from '../types'

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** strftime in UTC; the default is what busybox and coreutils print: `Wed Jan  1 00:00:05 UTC 2025`. */
export function strftime(ms: number, fmt = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms)
  const p = (n: number, w = 2, c = '0') => String(n).padStart(w, c)
  const code = (c: string): string | undefined => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()]!.slice(0, 3)
      case 'A': return DAYS[d.getUTCDay()]!
      case 'b':
      case 'h': return MONTHS[d.getUTCMonth()]!.slice(0, 3)
      case 'B': return MONTHS[d.getUTCMonth()]!
      case 'd': return p(d.getUTCDate())
      case 'e': return p(d.getUTCDate(), 2, ' ')
      case 'H': return p(d.getUTCHours())
      case 'k': return p(d.getUTCHours(), 2, ' ')
      case 'I': return p(d.getUTCHours() % 12 || 12)
      case 'l': return p(d.getUTCHours() % 12 || 12, 2, ' ')
      case 'M': return p(d.getUTCMinutes())
      case 'S': return p(d.getUTCSeconds())
      case 'N': return p((ms % 1000) * 1_000_000, 9)
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM'
      case 'Y': return String(d.getUTCFullYear())
      case 'y': return p(d.getUTCFullYear() % 100)
      case 'm': return p(d.getUTCMonth() + 1)
      case 'j': return p(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3)
      case 's': return String(Math.floor(ms / 1000))
      case 'u': return String(d.getUTCDay() || 7)
      case 'w': return String(d.getUTCDay())
      case 'Z': return 'UTC'
      case 'z': return '+0000'
      case 'T': return strftime(ms, '%H:%M:%S')
      case 'D': return strftime(ms, '%m/%d/%y')
      case 'F': return strftime(ms, '%Y-%m-%d')
      case 'R': return strftime(ms, '%H:%M')
      case 'c': return strftime(ms, '%a %b %e %H:%M:%S %Y')
      case 'n': return '\n'
      case 't': return '\t'
      case '%': return '%'
    }
    return undefined
  }
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => code(c) ?? m)
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
  hostname: function (argv, io, sh) {
    if (argv[1] === '-i') {
      // The pod's address, as the kubelet-managed /etc/hosts maps the hostname.
      const hosts = sh.host.fs.exists('/etc/hosts') ? sh.host.fs.read('/etc/hosts') : ''
      const line = hosts.split('\n').find((l) => l.endsWith(`\t${sh.host.hostname}`))
      io.out(`${line?.split('\t')[0] ?? '127.0.0.1'}\n`)
      return 0
    }
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
