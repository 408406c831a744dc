/**
 * kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec): runs a command in a running
 * container through the kubelet. Output streams as the command writes it; a non-zero exit
 * ends with `command terminated with exit code N`, and a command that keeps running stops
 * at the request timeout (60 simulated seconds in a script).
 */

import { authorizeRequest } from '../../apiserver/authorization/scoped'
import type { KubeObject } from '../../api/types'
import { newBadRequest } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { streamTimeoutMs } from './logs'
import { kubeletUnreachable } from '../../apiserver/rest/log'
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

interface ContainerStatus {
  name: string
  containerID?: string
  state?: { running?: object }
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
  const spec = pod.spec as PodSpecLike
  if (![...spec.containers, ...(spec.initContainers ?? [])].some((c) => c.name === name)) throw newBadRequest(`container ${name} is not valid for pod ${pod.metadata.name}`)
  if (!spec.nodeName) throw newBadRequest(`pod ${pod.metadata.name} does not have a host assigned`)
  const statuses = ((pod.status as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] } | undefined) ?? {})
  const cs = [...(statuses.containerStatuses ?? []), ...(statuses.initContainerStatuses ?? [])].find((c) => c.name === name)
  const kubelet = ctx.kubelet?.(spec.nodeName)
  if (!kubelet) throw kubeletUnreachable(pod, `exec/${pod.metadata.namespace}/${pod.metadata.name}/${name}`)
  const notFound = new KubectlError(`error: unable to upgrade connection: container not found ("${name}")`)
  if (!cs?.state?.running || !cs.containerID) throw notFound
  const proc = kubelet.exec(cs.containerID, command, { out: (t) => ctx.out(t), err: (t) => ctx.err(t) })
  if (!proc) throw notFound
  if ('startError' in proc) {
    const execID = ctx.api.random.string(64, '0123456789abcdef')
    throw new KubectlError(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${proc.startError}": ${proc.startError.includes('/') ? `stat ${proc.startError}: no such file or directory` : 'executable file not found in $PATH'}: unknown`,
    )
  }
  ctx.waitFor(() => proc.done, streamTimeoutMs(flags))
  if (!proc.done) {
    // The script's request timeout ends the session; the command dies with it.
    proc.kill()
    return 0
  }
  const code = proc.exitCode ?? 0
  if (code !== 0) throw new KubectlError(`command terminated with exit code ${code}`, code)
  return 0
}
