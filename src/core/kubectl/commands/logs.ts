/**
 * kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs): picks the pod and container as
 * kubectl does, then reads the container's log through the kubelet, which chooses the
 * current or previous instance and refuses with its own words (validateContainerLogStatus).
 * `-f` follows until the container stops or the request times out (60 simulated s default).
 */

import { authorizeRequest } from '../../apiserver/authorization/scoped'
import type { KubeObject } from '../../api/types'
import { parseDuration } from '../../machinery/duration'
import { isStatusError } from '../../machinery/errors'
import { openPodLog, type PodLogOptions, type PodLogReader } from '../../apiserver/rest/log'
import { parseTime } from '../../machinery/time'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { getObject, podsForObject } from './pod-for-object'

export const logsFlags: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string', default: '' },
  { name: 'previous', short: 'p', type: 'bool', default: false },
  { name: 'follow', short: 'f', type: 'bool', default: false },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'since', type: 'string', default: '0s' },
  { name: 'since-time', type: 'string', default: '' },
  { name: 'timestamps', type: 'bool', default: false },
  { name: 'all-containers', type: 'bool', default: false },
  { name: 'all-pods', type: 'bool', default: false },
  { name: 'prefix', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'limit-bytes', type: 'int', default: 0 },
  { name: 'ignore-errors', type: 'bool', default: false },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'pod-running-timeout', type: 'string', default: '20s' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: false },
]

const USAGE = "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]"
/** How long a command that never ends by itself runs in a script (design/headless.md). */
export const STREAM_TIMEOUT_MS = 60_000

/** --request-timeout, else the script's 60 s for a stream. */
export function streamTimeoutMs(flags: FlagValues): number {
  const raw = String(flags['request-timeout'] ?? '0')
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw)
  return ms && ms > 0 ? ms : STREAM_TIMEOUT_MS
}

function usageError(msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee 'kubectl logs -h' for help and examples`)
}

interface PodSpecLike {
  nodeName?: string
  containers: { name: string }[]
  initContainers?: { name: string }[]
}

function containerNames(pod: KubeObject): string {
  const spec = pod.spec as PodSpecLike
  return [...spec.containers.map((c) => c.name), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')
}

/** -c, the default-container annotation, or the first container (announced when there are several). */
function chooseContainers(ctx: KubectlContext, pod: KubeObject, wanted: string, all: boolean, quiet: boolean): string[] {
  const spec = pod.spec as PodSpecLike
  if (all) return [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name)
  let name = wanted
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (!name && annotated) {
    if ([...spec.containers, ...(spec.initContainers ?? [])].some((c) => c.name === annotated)) name = annotated
    else ctx.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`)
  }
  if (!name) {
    name = spec.containers[0]!.name
    if ((spec.containers.length > 1 || spec.initContainers?.length) && !quiet) ctx.err(`Defaulted container "${name}" out of: ${containerNames(pod)}\n`)
  }
  if (![...spec.containers, ...(spec.initContainers ?? [])].some((c) => c.name === name)) throw new KubectlError(`error: container ${name} is not valid for pod ${pod.metadata.name}`)
  return [name]
}

export function runLogs(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  if (args.length === 0 && !flags.selector) throw usageError(`expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`)
  if (args.length > 2) throw usageError(`expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`)
  if (args.length === 1 && flags.selector) throw usageError('only a selector (-l) or a POD name is allowed')
  const cFlag = String(flags.container)
  if (cFlag && args.length === 2) throw new KubectlError('error: only one of -c or an inline [CONTAINER] arg is allowed')
  const container = args[1] ?? cFlag
  if (flags['all-containers'] && container) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`)
  const tail = flags.tail as number
  if (tail < -1) throw new KubectlError('error: --tail must be greater than or equal to -1')
  const sinceMs = parseDuration(String(flags.since))
  if (sinceMs === undefined) throw new KubectlError(`error: invalid argument "${flags.since}" for "--since" flag: time: invalid duration "${flags.since}"`)
  if (flags['since-time'] && sinceMs) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified')

  let pods: KubeObject[]
  if (flags.selector) {
    pods = ctx.api.list(ctx.api.registry.forGroupResource('', 'pods')!, { namespace: ctx.namespace, labelSelector: String(flags.selector) }).items
    if (!pods.length) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`)
  } else {
    let obj: KubeObject
    try {
      obj = getObject(ctx, args[0]!)
    } catch (e) {
      if (isStatusError(e) && e.status.reason === 'NotFound') throw new KubectlError(`error: error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"`)
      throw e
    }
    pods = podsForObject(ctx, obj)
    if (!pods.length) throw new KubectlError('error: timed out waiting for the condition')
    if (obj.kind !== 'Pod' && pods.length > 1 && !flags['all-pods']) ctx.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`)
    if (!flags['all-pods']) pods = pods.slice(0, 1)
  }
  const prefixAll = !!flags.prefix || !!flags['all-pods']
  // The query kubectl builds: --since rounded to whole seconds (at least 1), --tail when not -1.
  const opts: PodLogOptions = {
    container: '',
    previous: !!flags.previous,
    follow: !!flags.follow,
    timestamps: !!flags.timestamps,
    tailLines: tail >= 0 ? tail : undefined,
    sinceSeconds: sinceMs ? Math.max(1, Math.round(sinceMs / 1000)) : undefined,
    sinceTime: flags['since-time'] ? parseTime(String(flags['since-time'])) : undefined,
    limitBytes: (flags['limit-bytes'] as number) || undefined,
  }
  const kubelet = (node: string) => ctx.kubelet?.(node)
  const streams: { prefix: string; reader: PodLogReader }[] = []
  // --prefix goes before every line, empty ones included, as kubectl's prefixing writer does.
  const print = (prefix: string, text: string) => text && ctx.out(prefix ? text.split(/(?<=\n)/).map((l) => prefix + l).join('') : text)
  // Requests are read one after another; the first refusal ends the command (unless --ignore-errors).
  for (const pod of pods) {
    for (const name of chooseContainers(ctx, pod, container, !!flags['all-containers'], !!flags.selector)) {
      // GET pods/log is authorized on its own: reading a pod does not grant its logs.
      authorizeRequest(ctx.api, { user: ctx.user, verb: 'get', resourceRequest: true, apiGroup: '', resource: 'pods', subresource: 'log', namespace: pod.metadata.namespace, name: pod.metadata.name })
      try {
        const reader = openPodLog(pod, { ...opts, container: name }, ctx.clock.now(), kubelet)
        if (!reader) continue // Not scheduled: the API server answers an empty body.
        const prefix = prefixAll ? `[pod/${pod.metadata.name}/${name}] ` : ''
        streams.push({ prefix, reader })
        print(prefix, reader.initial)
      } catch (e) {
        if (!flags['ignore-errors']) throw e
        ctx.out(`error: ${e instanceof Error ? e.message.replace(/^error: /, '') : String(e)}\n`)
      }
    }
  }
  if (opts.follow) {
    const live = new Set(streams)
    ctx.waitFor(() => {
      for (const s of [...live]) {
        const { text, ended } = s.reader.poll()
        print(s.prefix, text)
        if (ended) live.delete(s)
      }
      return live.size === 0
    }, streamTimeoutMs(flags))
  }
  return 0
}
