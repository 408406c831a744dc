/**
 * pods/exec: the API server's ExecLocation picks the container and node (streamLocation),
 * the kubelet finds the running container, and the runtime starts the command. The outcome
 * travels back as remotecommand's Status: Success, NonZeroExitCode with an ExitCode cause,
 * or an InternalError with containerd's words when the command cannot start. The host speaks
 * the wire protocol (WebSocket v5.channel.k8s.io in src/cli/serve); this file is the engine's side.
 */

import type { KubeObject } from '../../api/types'
import { newBadRequest, newInternalError } from '../../machinery/errors'
import type { Random } from '../../sim/random'
import type { APIServer } from '../server'
import { kubeletUnreachable, logContainerName, type KubeletClient } from './log'
import type { RestResponse } from './types'

/** A process the runtime started for exec. */
export interface ExecProcess {
  readonly done: boolean
  readonly exitCode?: number
  kill(): void
}

/** The kubelet's exec endpoint as the API server reaches it. */
export interface KubeletExecClient extends KubeletClient {
  exec(containerID: string, argv: string[], io: { out(text: string): void; err(text: string): void }): ExecProcess | { startError: string } | undefined
}

export interface ExecIO {
  out(text: string): void
  err(text: string): void
}

/** One exec, ready to start once the client's stream is up. */
export interface ExecSession {
  /** Starts the command; `done` is called once with the remotecommand Status. */
  start(io: ExecIO, done: (status: ExecStatus) => void): { poll(): void; stop(): void }
}

/** The Status on remotecommand's error channel (metav1.Status without kind and apiVersion). */
export interface ExecStatus {
  metadata: Record<string, never>
  status: 'Success' | 'Failure'
  message?: string
  reason?: string
  details?: { causes: { reason: string; message: string }[] }
  code?: number
}

interface ContainerStatus {
  name: string
  containerID?: string
  state?: { running?: object }
}

/** The kubelet's refusal when the container is not running: plain text, as its HTTP handler writes it. */
export class ContainerNotFound extends Error {}

/** Every value of a repeated query key (command=sh&command=-c&...), which parseQuery keeps only once. */
export function queryValues(query: string, key: string): string[] {
  const out: string[] = []
  for (const part of query.split('&')) {
    const eq = part.indexOf('=')
    if (eq < 0 || decodeURIComponent(part.slice(0, eq)) !== key) continue
    try {
      out.push(decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')))
    } catch {
      out.push(part.slice(eq + 1))
    }
  }
  return out
}

function exitStatus(argv: string[], code: number): ExecStatus {
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  }
}

/** containerd's words for a command that cannot start, wrapped by the kubelet as InternalError. */
function startFailure(random: Random, command: string): ExecStatus {
  const execID = random.string(64, '0123456789abcdef')
  const why = command.includes('/') ? `stat ${command}: no such file or directory` : 'executable file not found in $PATH'
  const s = newInternalError(
    `error executing command in container: failed to exec in container: failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": ${why}: unknown`,
  ).status
  return { metadata: {}, status: 'Failure', message: s.message, reason: s.reason, code: s.code }
}

/**
 * ExecLocation plus the kubelet's lookup: throws the API server's BadRequest refusals, the
 * kubelet's ContainerNotFound, or the dial error of a node that does not answer.
 */
export function openExec(api: APIServer, pod: KubeObject, container: string, argv: string[], kubelet: (node: string) => KubeletExecClient | undefined): ExecSession {
  const name = logContainerName(pod, container)
  const node = (pod.spec as { nodeName?: string }).nodeName
  if (!node) throw newBadRequest(`pod ${pod.metadata.name} does not have a host assigned`)
  const k = kubelet(node)
  if (!k) throw kubeletUnreachable(pod, `exec/${pod.metadata.namespace}/${pod.metadata.name}/${name}`)
  const st = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] }
  const cs = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? [])].find((c) => c.name === name)
  if (!cs?.state?.running || !cs.containerID || !k.isRunning(cs.containerID)) throw new ContainerNotFound(`container not found ("${name}")`)
  const id = cs.containerID
  return {
    start(io, done) {
      let finished = false
      const finish = (s: ExecStatus) => {
        if (finished) return
        finished = true
        done(s)
      }
      const proc = k.exec(id, argv, io)
      if (!proc) {
        finish(startFailure(api.random, argv[0]!))
        return { poll: () => {}, stop: () => {} }
      }
      if ('startError' in proc) {
        finish(startFailure(api.random, proc.startError))
        return { poll: () => {}, stop: () => {} }
      }
      const poll = () => {
        if (!proc.done) return
        const code = proc.exitCode ?? 0
        finish(code === 0 ? { metadata: {}, status: 'Success' } : exitStatus(argv, code))
      }
      poll()
      return {
        poll,
        stop: () => {
          if (!proc.done) proc.kill()
          finished = true
        },
      }
    },
  }
}

/** GET or POST pods/{name}/exec: the session for the host to stream, or a refusal. */
export function handlePodExec(api: APIServer, kubelet: (node: string) => KubeletExecClient | undefined, query: string, q: Map<string, string>, ns: string, name: string): RestResponse {
  const pod = api.get(api.registry.forGroupResource('', 'pods')!, ns, name)
  const argv = queryValues(query, 'command')
  if (!argv.length) throw newBadRequest('you must specify at least 1 command')
  try {
    const session = openExec(api, pod, q.get('container') ?? '', argv, kubelet)
    return { status: 101, headers: {}, exec: session }
  } catch (e) {
    if (e instanceof ContainerNotFound) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: e.message }
    throw e
  }
}
