/**
 * The scenario runner: `npm run --silent kubeplay -- [--seed N] [--workers N] [FILE]`
 * (design/headless.md). A thin face over the engine: parse, play, print.
 */

import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { createCluster } from '../core/cluster'
import { runScript } from './run-script'
import { parseScript, ScriptParseError } from './script'

function usage(): never {
  process.stderr.write('usage: kubeplay [--seed N] [--workers N] [FILE]\n')
  process.exit(2)
}

function parseArgs(argv: string[]): { seed: number; workers: number; file?: string } {
  let seed = 1
  let workers = 3
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = (name: string) => {
      const eq = a.indexOf('=')
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i]
      if (v === undefined || !/^\d+$/.test(v)) {
        process.stderr.write(`kubeplay: ${name} needs a whole number\n`)
        process.exit(2)
      }
      return parseInt(v, 10)
    }
    if (a === '--seed' || a.startsWith('--seed=')) seed = value('--seed')
    else if (a === '--workers' || a.startsWith('--workers=')) workers = value('--workers')
    else if (a === '-h' || a === '--help') usage()
    else if (a.startsWith('--')) {
      process.stderr.write(`kubeplay: unknown option ${a}\n`)
      process.exit(2)
    } else file = a
  }
  return { seed, workers, file }
}

/** -f PATH relative to the script's folder: a file, or a folder's .yaml/.yml/.json files. */
function fileReader(base: string) {
  return (path: string) => {
    const full = resolve(base, path)
    let st
    try {
      st = statSync(full)
    } catch {
      throw new Error(`the path "${path}" does not exist`)
    }
    if (st.isDirectory()) {
      return readdirSync(full)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => ({ path: relative(base, join(full, f)) || f, text: readFileSync(join(full, f), 'utf8') }))
    }
    return [{ path, text: readFileSync(full, 'utf8') }]
  }
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2))
  const fromStdin = !opts.file || opts.file === '-'
  let source: string
  try {
    source = fromStdin ? readFileSync(0, 'utf8') : readFileSync(opts.file!, 'utf8')
  } catch (e) {
    process.stderr.write(`kubeplay: cannot read ${opts.file}: ${(e as Error).message}\n`)
    process.exit(2)
  }
  let commands
  try {
    commands = parseScript(source)
  } catch (e) {
    if (e instanceof ScriptParseError) {
      process.stderr.write(`kubeplay: ${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
  const base = fromStdin ? process.cwd() : dirname(resolve(opts.file!))
  const cluster = createCluster({ seed: opts.seed, workers: opts.workers })
  const readFile = fileReader(base)
  const code = runScript(cluster, commands, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile,
  })
  process.exitCode = code
}

main()
