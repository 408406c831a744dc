/**
 * pflag-style option parsing as kubectl's cobra commands do it: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-owide`, boolean flags, `--` ending options. Errors use cobra's text.
 */

export interface FlagSpec {
  name: string
  short?: string
  type: 'string' | 'bool' | 'int' | 'stringArray' | 'duration'
  default?: string | boolean | number | string[]
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>

export class FlagError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'v', short: 'v', type: 'int', default: 0 },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false },
  { name: 'warnings-as-errors', type: 'bool', default: false },
]

export function parseFlags(argv: string[], specs: FlagSpec[]): { args: string[]; flags: FlagValues; dashArgs?: string[] } {
  const all = [...specs, ...GLOBAL_FLAGS]
  // A command's own flag wins over a global one of the same name (create rolebinding --user).
  const byName = new Map([...GLOBAL_FLAGS, ...specs].map((s) => [s.name, s]))
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]))
  const flags: FlagValues = {}
  for (const s of all) if (s.default !== undefined) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default
  const args: string[] = []
  const set = (s: FlagSpec, raw: string, display: string) => {
    if (s.type === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw))
        throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`)
      flags[s.name] = ['true', '1', 't', 'TRUE', 'True'].includes(raw)
    } else if (s.type === 'int') {
      if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`)
      flags[s.name] = parseInt(raw, 10)
    } else if (s.type === 'stringArray') {
      flags[s.name] = [...((flags[s.name] as string[] | undefined) ?? []), raw]
    } else flags[s.name] = raw
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') return { args, flags, dashArgs: argv.slice(i + 1) }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const s = byName.get(name)
      if (!s) throw new FlagError(`unknown flag: --${name}`)
      const display = s.short ? `-${s.short}, --${s.name}` : `--${s.name}`
      if (eq >= 0) set(s, a.slice(eq + 1), display)
      else if (s.type === 'bool') flags[s.name] = true
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`)
        set(s, argv[++i]!, display)
      }
    } else if (a.startsWith('-') && a.length > 1) {
      let j = 1
      while (j < a.length) {
        const c = a[j]!
        const s = byShort.get(c)
        if (!s) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`)
        const display = `-${s.short}, --${s.name}`
        if (s.type === 'bool') {
          if (a[j + 1] === '=') {
            set(s, a.slice(j + 2), display)
            break
          }
          flags[s.name] = true
          j++
          continue
        }
        let rest = a.slice(j + 1)
        if (rest.startsWith('=')) rest = rest.slice(1)
        if (rest) set(s, rest, display)
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`)
          set(s, argv[++i]!, display)
        }
        break
      }
    } else args.push(a)
  }
  return { args, flags }
}
