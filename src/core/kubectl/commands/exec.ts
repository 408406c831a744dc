/**
 * kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec): runs a command in a running
 * container through the kubelet. Output streams as the command writes it; a non-zero exit
 * ends with `command terminated with exit code N`, and a command that keeps running stops
 * at the request timeout (60 simulated seconds in a script).
 */

import { authorizeRequest } from '../../apiserver/authorization/scoped'
import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { streamTimeoutMs } from './logs'
import { ContainerNotFound, openExec, type ExecStatus } from '../../apiserver/rest/exec'
import { getObject, podsForObject } from './pod-for-object'

export const execFlags: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string', default: '' },
  { name: 'stdin', short: 'i', type: 'bool', default: false },
  { name: 'tty', short: 't', type: 'bool', default: false },
  { name: 'quiet', short: 'q', type: 'bool', default: false },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
]

interface PodSpecLike {
  nodeName?: string
  containers: { name: string }[]
  initContainers?: { name: string }[]
}

function usage(msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee 'kubectl exec -h' for help and examples`)
}

function defaultContainer(ctx: KubectlContext, pod: KubeObject, quiet: boolean): string {
  const spec = pod.spec as PodSpecLike
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (annotated && [...spec.containers, ...(spec.initContainers ?? [])].some((c) => c.name === annotated)) return annotated
  const first = spec.containers[0]!.name
  if (!quiet && (spec.containers.length > 1 || spec.initContainers?.length)) {
    const names = [...spec.containers.map((c) => c.name), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)]
    ctx.err(`Defaulted container "${first}" out of: ${names.join(', ')}\n`)
  }
  return first
}

export function runExec(ctx: KubectlContext, args: string[], flags: FlagValues, dashArgs?: string[]): number {
  if (dashArgs === undefined && args.length > 1) throw usage('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead')
  if (!args.length) throw new KubectlError('error: pod, type/name or --filename must be specified')
  const command = dashArgs ?? []
  if (!command.length) throw new KubectlError('error: you must specify at least one command for the container')
  const obj = getObject(ctx, args[0]!)
  const pod = obj.kind === 'Pod' ? obj : podsForObject(ctx, obj)[0]
  if (!pod) throw new KubectlError('error: timed out waiting for the condition')
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`)
  const quiet = !!flags.quiet
  const name = String(flags.container) || defaultContainer(ctx, pod, quiet)
  if (flags.stdin && flags.tty && !quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
  // POST pods/exec is authorized before the API server looks at the container asked for.
  authorizeRequest(ctx.api, { user: ctx.user, verb: 'create', resourceRequest: true, apiGroup: '', resource: 'pods', subresource: 'exec', namespace: pod.metadata.namespace, name: pod.metadata.name })
  let session
  try {
    session = openExec(ctx.api, pod, name, command, (node) => ctx.kubelet?.(node))
  } catch (e) {
    // The kubelet's plain-text refusal fails the upgrade; kubectl prints it with its own prefix.
    if (e instanceof ContainerNotFound) throw new KubectlError(`error: unable to upgrade connection: ${e.message}`)
    throw e
  }
  let status: ExecStatus | undefined
  const run = session.start({ out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, (s) => (status = s))
  ctx.waitFor(() => {
    run.poll()
    return !!status
  }, streamTimeoutMs(flags))
  if (!status) {
    // The script's request timeout ends the session; the command dies with it.
    run.stop()
    return 0
  }
  const st: ExecStatus = status
  if (st.status === 'Success') return 0
  // remotecommand's error decoder: NonZeroExitCode carries the code as its ExitCode cause.
  if (st.reason === 'NonZeroExitCode') {
    const code = Number(st.details?.causes.find((c) => c.reason === 'ExitCode')?.message ?? 1)
    throw new KubectlError(`command terminated with exit code ${code}`, code)
  }
  throw new KubectlError(`error: ${st.message ?? ''}`)
  return 0
}
