/**
 * kubectl inside the engine: one line in, stdout/stderr/exit code out, in upstream's words.
 * Each verb is a command module (flags, then run); this file only dispatches.
 */

import { impersonatedUser } from '../apiserver/authorization/attributes'
import { authorizedAPI } from '../apiserver/authorization/scoped'
import { asFieldManager, KUBECTL_USER_AGENT_MANAGER } from '../apiserver/managed-fields/track'
import { isStatusError } from '../machinery/errors'
import { annotateFlags, runAnnotate } from './commands/annotate'
import { apiResourcesFlags, apiVersionsFlags, runAPIResources, runAPIVersions } from './commands/api-resources'
import { applyFlags, runApply, type ApplyOutcome } from './commands/apply'
import { autoscaleFlags, runAutoscale } from './commands/autoscale'
import { authFlags, runAuth } from './commands/auth'
import { cordonFlags, runCordon, runUncordon } from './commands/cordon'
import { createFlags, runCreate } from './commands/create'
import { deleteFlags, runDelete } from './commands/delete'
import { drainFlags, runDrain } from './commands/drain'
import { execFlags, runExec } from './commands/exec'
import { explainFlags, runExplain } from './commands/explain'
import { exposeFlags, runExpose } from './commands/expose'
import { describeFlags, runDescribe } from './describe/command'
import { getFlags, runGet } from './commands/get'
import { labelFlags, runLabel } from './commands/label'
import { logsFlags, runLogs } from './commands/logs'
import { rolloutFlags, runRollout } from './commands/rollout'
import { replaceFlags, runReplace } from './commands/replace'
import { runScale, scaleFlags } from './commands/scale'
import { runSet, setFlags } from './commands/set'
import { runTop, topFlags } from './commands/top'
import { runFlags, runRun } from './commands/run'
import { runTaint, taintFlags } from './commands/taint'
import { runVersion, versionFlags } from './commands/version'
import { runWait, waitFlags } from './commands/wait'
import { patchFlags, runPatch } from './commands/patch'
import { KubectlError, type KubectlContext, type KubectlResult } from './context'
import { formatError } from './errors'
import { FlagError, parseFlags, type FlagSpec, type FlagValues } from './flags'
import { ParseError, splitWords } from './shell-words'

export interface Command {
  flags: FlagSpec[]
  run(ctx: KubectlContext, args: string[], flags: FlagValues, dashArgs?: string[]): number
}

/** Verbs provided by other modules register here (describe, rollout, ...). */
export const COMMANDS: Record<string, Command> = {
  get: { flags: getFlags, run: runGet },
  apply: { flags: applyFlags, run: (ctx, a, f) => runApply(ctx, a, f) },
  create: { flags: createFlags, run: runCreate },
  delete: { flags: deleteFlags, run: runDelete },
  describe: { flags: describeFlags, run: runDescribe },
  scale: { flags: scaleFlags, run: runScale },
  replace: { flags: replaceFlags, run: runReplace },
  logs: { flags: logsFlags, run: runLogs },
  exec: { flags: execFlags, run: runExec },
  rollout: { flags: rolloutFlags, run: runRollout },
  set: { flags: setFlags, run: runSet },
  top: { flags: topFlags, run: runTop },
  autoscale: { flags: autoscaleFlags, run: runAutoscale },
  label: { flags: labelFlags, run: runLabel },
  annotate: { flags: annotateFlags, run: runAnnotate },
  auth: { flags: authFlags, run: runAuth },
  taint: { flags: taintFlags, run: runTaint },
  cordon: { flags: cordonFlags, run: runCordon },
  uncordon: { flags: cordonFlags, run: runUncordon },
  drain: { flags: drainFlags, run: runDrain },
  run: { flags: runFlags, run: runRun },
  expose: { flags: exposeFlags, run: runExpose },
  'api-resources': { flags: apiResourcesFlags, run: runAPIResources },
  'api-versions': { flags: apiVersionsFlags, run: runAPIVersions },
  version: { flags: versionFlags, run: runVersion },
  explain: { flags: explainFlags, run: runExplain },
  wait: { flags: waitFlags, run: runWait },
  patch: { flags: patchFlags, run: runPatch },
}

export function registerCommand(name: string, cmd: Command): void {
  COMMANDS[name] = cmd
}

/** Real kubectl verbs the playground does not answer yet: a clear error, not a crash. */
const KNOWN_VERBS = [
  'attach', 'auth', 'certificate', 'cluster-info', 'completion', 'config', 'cp',
  'debug', 'diff', 'edit', 'events', 'kustomize', 'patch', 'plugin', 'port-forward',
  'proxy', 'replace', 'rollout', 'set', 'wait',
]

export function runKubectl(ctx: KubectlContext, argv: string[], applyResults?: ApplyOutcome[]): number {
  // Global flags may come before the verb (`kubectl -n dev get pods`).
  let i = 0
  const pre: string[] = []
  while (i < argv.length && argv[i]!.startsWith('-')) {
    pre.push(argv[i]!)
    if (!argv[i]!.includes('=') && ['-n', '--namespace', '--as', '--as-group', '--context', '--kubeconfig', '--request-timeout'].includes(argv[i]!)) {
      pre.push(argv[i + 1] ?? '')
      i++
    }
    i++
  }
  const verb = argv[i]
  if (!verb) {
    ctx.out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n')
    return 0
  }
  const cmd = COMMANDS[verb]
  if (!cmd) {
    if (KNOWN_VERBS.includes(verb)) throw new KubectlError(`error: "kubectl ${verb}" is not available in this playground yet`)
    throw new KubectlError(`error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.`)
  }
  let parsed
  try {
    parsed = parseFlags([...pre, ...argv.slice(i + 1)], cmd.flags)
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(`error: ${e.message}\nSee 'kubectl ${verb} --help' for usage.`)
    throw e
  }
  if (parsed.flags.namespace) {
    ctx.namespace = String(parsed.flags.namespace)
    ctx.explicitNamespace = true
  }
  // --as / --as-group become Impersonate-User / Impersonate-Group; every request is then
  // authorized as the resulting user.
  if (parsed.flags.as) ctx.user = impersonatedUser(String(parsed.flags.as), (parsed.flags['as-group'] as string[] | undefined) ?? [])
  ctx.api = authorizedAPI(asFieldManager(ctx.api, KUBECTL_USER_AGENT_MANAGER), ctx.user)
  if (verb === 'apply') return runApply(ctx, parsed.args, parsed.flags, applyResults)
  return cmd.run(ctx, parsed.args, parsed.flags, parsed.dashArgs)
}

/** Runs one command line and collects its output. */
export function execKubectl(base: Omit<KubectlContext, 'out' | 'err'>, line: string | string[], applyResults?: ApplyOutcome[]): KubectlResult {
  let stdout = ''
  let stderr = ''
  const ctx: KubectlContext = { ...base, out: (t) => (stdout += t), err: (t) => (stderr += t) }
  let exitCode = 0
  try {
    const argv = typeof line === 'string' ? splitWords(line) : line
    const words = argv[0] === 'kubectl' ? argv.slice(1) : argv
    exitCode = runKubectl(ctx, words, applyResults)
  } catch (e) {
    if (e instanceof KubectlError) {
      stderr += `${e.message}\n`
      exitCode = e.exitCode
    } else if (e instanceof ParseError) {
      stderr += `error: ${e.message}\n`
      exitCode = 1
    } else if (isStatusError(e)) {
      stderr += `${formatError(e)}\n`
      exitCode = 1
    } else {
      // An engine bug must not take the cluster down: report it like kubectl would an internal error.
      stderr += `error: ${e instanceof Error ? e.message : String(e)}\n`
      exitCode = 1
    }
  }
  return { stdout, stderr, exitCode }
}
