/**
 * The scenario runner: `npm run --silent kubeplay -- [--seed N] [--workers N] [FILE]`
 * (design/headless.md). A thin face over the engine: parse, play, print.
 */

import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { loadAPIDocs } from '../core/api/schema/docs'
import { createCluster } from '../core/cluster'
import { runScript, runScriptAsync } from './run-script'
import { parseScript, ScriptParseError } from './script'
import { startBinaryRunner } from './serve/kubectl-binary'
import { runServe } from './serve/serve'

function usage(): never {
  process.stderr.write('usage: kubeplay [--seed N] [--workers N] [--kubectl PATH] [FILE]\n       kubeplay serve [--port N] [--seed N] [--workers N] [--speed X]\n')
  process.exit(2)
}

interface Args {
  seed: number
  workers: number
  file?: string
  kubectl?: string
  port?: number
  speed: number
}

function parseArgs(argv: string[], serving: boolean): Args {
  let seed = 1
  let workers = 3
  let file: string | undefined
  let kubectl: string | undefined
  let port: number | undefined
  let speed = 1
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const raw = (name: string) => {
      const eq = a.indexOf('=')
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i]
      if (v === undefined) {
        process.stderr.write(`kubeplay: ${name} needs a value\n`)
        process.exit(2)
      }
      return v
    }
    const value = (name: string, pattern = /^\d+$/, what = 'a whole number') => {
      const v = raw(name)
      if (!pattern.test(v)) {
        process.stderr.write(`kubeplay: ${name} needs ${what}\n`)
        process.exit(2)
      }
      return Number(v)
    }
    const is = (name: string) => a === name || a.startsWith(`${name}=`)
    if (is('--seed')) seed = value('--seed')
    else if (is('--workers')) workers = value('--workers')
    else if (!serving && is('--kubectl')) kubectl = raw('--kubectl')
    else if (serving && is('--port')) port = value('--port')
    else if (serving && is('--speed')) speed = value('--speed', /^(\d+(\.\d*)?|\.\d+)$/, 'a number')
    else if (a === '-h' || a === '--help') usage()
    else if (a.startsWith('--')) {
      process.stderr.write(`kubeplay: unknown option ${a}\n`)
      process.exit(2)
    } else if (serving) usage()
    else file = a
  }
  return { seed, workers, file, kubectl, port, speed }
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

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv[0] === 'serve') {
    const o = parseArgs(argv.slice(1), true)
    // Field documentation for /openapi/v3 and `kubectl explain` (loaded, not bundled: ADR 0005).
    await loadAPIDocs()
    return runServe({ port: o.port, seed: o.seed, workers: o.workers, speed: o.speed })
  }
  const opts = parseArgs(argv, false)
  const fromStdin = !opts.file || opts.file === '-'
  let source: string
  try {
    source = fromStdin ? readFileSync(0, 'utf8') : readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), opts.file!), 'utf8')
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
  // npm run starts us in the package root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const base = fromStdin ? cwd : dirname(resolve(cwd, opts.file!))
  // Only explain reads the field documentation; other scripts skip loading it (ADR 0005).
  if (commands.some((c) => c.words[0] === 'kubectl' && c.words.includes('explain'))) await loadAPIDocs()
  const cluster = createCluster({ seed: opts.seed, workers: opts.workers })
  const io = {
    stdout: (t: string) => void process.stdout.write(t),
    stderr: (t: string) => void process.stderr.write(t),
    readFile: fileReader(base),
  }
  if (opts.kubectl) {
    // The real binary: kubectl lines run as child processes against this engine served over HTTP.
    const runner = await startBinaryRunner(cluster, resolve(opts.kubectl), base)
    try {
      process.exitCode = await runScriptAsync(cluster, commands, io, runner)
    } finally {
      await runner.close()
    }
    return
  }
  process.exitCode = runScript(cluster, commands, io)
}

void main()
