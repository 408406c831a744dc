/**
 * pods/log (GET .../pods/{name}/log): the API server's LogREST picks the container
 * (LogLocation), and the kubelet's containerLogs endpoint chooses the container instance
 * (validateContainerLogStatus), reads the log file (tailLines, then since) and writes it with
 * optional timestamps, cut at limitBytes. `follow` keeps the response open, sending new lines
 * as the simulated clock moves, until the container stops.
 */

import type { KubeObject } from '../../api/types'
import { fieldErr, newBadRequest, newInvalid, newMethodNotAllowed, StatusError } from '../../machinery/errors'
import { parseTime } from '../../machinery/time'
import type { APIServer } from '../server'
import { utf8Length, type RestResponse, type RestStream } from './types'

/** One line of a container's log as the node's runtime keeps it. */
export interface KubeletLogLine {
  t: number
  text: string
}

/** The part of a node's kubelet API (port 10250) that the API server proxies to. */
export interface KubeletClient {
  containerLogs(containerID: string, q: { tailLines?: number; sinceMs?: number }): KubeletLogLine[]
  isRunning(containerID: string): boolean
}

/** PodLogOptions as the query carries them (k8s.io/api/core/v1). */
export interface PodLogOptions {
  container: string
  previous: boolean
  follow: boolean
  timestamps: boolean
  tailLines?: number
  sinceSeconds?: number
  sinceTime?: number
  limitBytes?: number
}

interface ContainerStatus {
  name: string
  containerID?: string
  state?: { waiting?: { reason?: string }; running?: object; terminated?: { containerID?: string } }
  lastState?: { terminated?: { containerID?: string } }
}

interface PodSpecLike {
  nodeName?: string
  containers: { name: string }[]
  initContainers?: { name: string }[]
  ephemeralContainers?: { name: string }[]
}

const intParam = (q: Map<string, string>, key: string): number | undefined => {
  const v = q.get(key)
  if (v === undefined || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw newBadRequest(`strconv.ParseInt: parsing "${v}": invalid syntax`)
  return parseInt(v, 10)
}
const boolParam = (q: Map<string, string>, key: string) => q.get(key) === 'true' || q.get(key) === '1'

/** The query's PodLogOptions, checked as ValidatePodLogOptions checks them. */
export function parsePodLogOptions(q: Map<string, string>, podName: string): PodLogOptions {
  const since = q.get('sinceTime')
  const opts: PodLogOptions = {
    container: q.get('container') ?? '',
    previous: boolParam(q, 'previous'),
    follow: boolParam(q, 'follow'),
    timestamps: boolParam(q, 'timestamps'),
    tailLines: intParam(q, 'tailLines'),
    sinceSeconds: intParam(q, 'sinceSeconds'),
    sinceTime: since ? parseTime(since) : undefined,
    limitBytes: intParam(q, 'limitBytes'),
  }
  const errs = []
  if (opts.tailLines !== undefined && opts.tailLines < 0) errs.push(fieldErr.invalid('tailLines', opts.tailLines, 'must be greater than or equal to 0'))
  if (opts.limitBytes !== undefined && opts.limitBytes < 1) errs.push(fieldErr.invalid('limitBytes', opts.limitBytes, 'must be greater than 0'))
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined) errs.push(fieldErr.forbidden('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'))
  else if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) errs.push(fieldErr.invalid('sinceSeconds', opts.sinceSeconds, 'must be greater than 0'))
  if (errs.length) throw newInvalid('PodLogOptions', '', podName, errs)
  return opts
}

/** LogLocation: the container asked for, or the only one; the API server's own refusals. */
export function logContainerName(pod: KubeObject, container: string): string {
  const spec = pod.spec as PodSpecLike
  const name = pod.metadata.name
  const names = (cs: { name: string }[] | undefined) => (cs ?? []).map((c) => c.name).join(' ')
  if (!container) {
    if (spec.containers.length === 1) return spec.containers[0]!.name
    if (!spec.containers.length) throw newBadRequest(`a container name must be specified for pod ${name}`)
    let msg = `a container name must be specified for pod ${name}, choose one of: [${names(spec.containers)}]`
    if (spec.initContainers?.length) msg += ` or one of the init containers: [${names(spec.initContainers)}]`
    throw newBadRequest(msg)
  }
  const all = [...spec.containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])]
  if (!all.some((c) => c.name === container)) throw newBadRequest(`container ${container} is not valid for pod ${name}`)
  return container
}

/** The kubelet's choice of container instance, or its refusal (BadRequest through the API). */
export function logContainerID(pod: KubeObject, container: string, previous: boolean): string {
  const st = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; ephemeralContainerStatuses?: ContainerStatus[] }
  const podName = pod.metadata.name
  const cs = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((c) => c.name === container)
  if (!cs) throw newBadRequest(`container "${container}" in pod "${podName}" is not available`)
  const last = cs.lastState?.terminated
  const state = cs.state ?? {}
  if (previous) {
    if (!last?.containerID) throw newBadRequest(`previous terminated container "${container}" in pod "${podName}" not found`)
    return last.containerID
  }
  if (state.running) return cs.containerID!
  if (state.terminated) {
    const id = state.terminated.containerID || last?.containerID
    if (!id) throw newBadRequest(`container "${container}" in pod "${podName}" is terminated`)
    return id
  }
  if (last) {
    if (!last.containerID) throw newBadRequest(`container "${container}" in pod "${podName}" is terminated`)
    return last.containerID
  }
  const reason = state.waiting?.reason ?? ''
  const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason
  throw newBadRequest(`container "${container}" in pod "${podName}" is waiting to start: ${why}`)
}

/** The kubelet's timeFormatOut (RFC3339NanoFixed): always nine digits of fraction. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
}

/** A dial error to a kubelet that does not answer (powered off): the transport's own words, code 500. */
export function kubeletUnreachable(pod: KubeObject, path: string): StatusError {
  const ip = (pod.status as { hostIP?: string } | undefined)?.hostIP ?? ''
  const message = `Get "https://${ip}:10250/${path}": dial tcp ${ip}:10250: connect: no route to host`
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: '', code: 500 })
}

/** The first `limit` UTF-8 bytes of `s` (the kubelet's LimitedWriter cuts bytes, not lines). */
function cutBytes(s: string, limit: number): string {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
    if (n + w > limit) return s.slice(0, i)
    n += w
    if (c >= 0x10000) i++
  }
  return s
}

/** One open read of a container's log: what is there now, and what comes later when following. */
export interface PodLogReader {
  /** The text to send first. */
  initial: string
  /** Lines written since the last call (and the end of the stream when the container stops). */
  poll(): { text: string; ended: boolean }
}

/**
 * Reads the log of one container instance. Returns undefined when the pod has no node yet
 * (upstream answers an empty body then). `now` is the simulated time, for sinceSeconds.
 */
export function openPodLog(pod: KubeObject, opts: PodLogOptions, now: number, kubelet: (node: string) => KubeletClient | undefined): PodLogReader | undefined {
  const container = logContainerName(pod, opts.container)
  const node = (pod.spec as PodSpecLike).nodeName
  if (!node) return undefined
  const id = logContainerID(pod, container, opts.previous)
  const k = kubelet(node)
  if (!k) throw kubeletUnreachable(pod, `containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${container}`)
  const since = opts.sinceTime ?? (opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : undefined)
  let left = opts.limitBytes ?? Infinity
  const render = (lines: KubeletLogLine[]) => {
    if (left <= 0) return ''
    let text = lines.map((l) => `${opts.timestamps ? `${logTimestamp(l.t)} ` : ''}${l.text}\n`).join('')
    if (left !== Infinity) {
      text = cutBytes(text, left)
      left -= utf8Length(text)
    }
    return text
  }
  let printed = k.containerLogs(id, {}).length
  const initial = render(k.containerLogs(id, { tailLines: opts.tailLines, sinceMs: since }))
  return {
    initial,
    poll() {
      const all = k.containerLogs(id, {})
      const fresh = all.slice(printed)
      printed = all.length
      const text = render(fresh)
      return { text, ended: left <= 0 || !k.isRunning(id) }
    },
  }
}

/**
 * A followed log as a chunked response. The host calls `poll` of open streams after it moves
 * the clock, so new lines go out at the simulated moment they were written.
 */
export function followStream(reader: PodLogReader): RestStream {
  let check = () => {}
  return {
    start(write, end) {
      if (reader.initial) write(reader.initial)
      let open = true
      check = () => {
        if (!open) return
        const { text, ended } = reader.poll()
        if (text) write(text)
        if (ended) {
          open = false
          end()
        }
      }
      check()
      return () => {
        open = false
      }
    },
    poll: () => check(),
  }
}

/** GET pods/{name}/log: text/plain, empty for a pod without a node, a stream when following. */
export function handlePodLog(api: APIServer, now: number, kubelet: (node: string) => KubeletClient | undefined, method: string, q: Map<string, string>, ns: string, name: string): RestResponse {
  if (method !== 'GET') throw newMethodNotAllowed()
  const pod = api.get(api.registry.forGroupResource('', 'pods')!, ns, name)
  const opts = parsePodLogOptions(q, name)
  const reader = openPodLog(pod, opts, now, kubelet)
  const headers = { 'Content-Type': 'text/plain' }
  if (!reader) return { status: 200, headers, body: '' }
  if (!opts.follow) return { status: 200, headers, body: reader.initial }
  return { status: 200, headers: { ...headers, 'Transfer-Encoding': 'chunked' }, stream: followStream(reader) }
}
