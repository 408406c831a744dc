/**
 * What a kubectl command runs with: the API (as the learner's user), the clock for commands
 * that wait, the files and standard input the script gave it, and its two output streams.
 */

import type { APIServer, User } from '../apiserver/server'
import type { MetricsAPI } from '../metrics/types'
import type { Clock } from '../sim/clock'

export interface KubectlIO {
  stdin?: string
  /** What errors call standard input ("STDIN" unless the text came from a named editor buffer). */
  stdinName?: string
  /** Reads a path relative to the script's folder: a file's text, or a folder's manifest files. */
  readFile?(path: string): { path: string; text: string }[]
}

/**
 * The kubelet API (port 10250) that the API server proxies `logs` and `exec` to. Container IDs
 * are the `containerd://...` IDs of the pod's container statuses.
 */
export interface KubeletConnection {
  containerLogs(containerID: string, q: { tailLines?: number; sinceMs?: number }): { t: number; stream: string; text: string }[]
  isRunning(containerID: string): boolean
  exec(
    containerID: string,
    argv: string[],
    io: { out(text: string): void; err(text: string): void },
  ): { readonly done: boolean; readonly exitCode?: number; kill(): void } | { startError: string } | undefined
}

export interface KubectlContext {
  api: APIServer
  clock: Clock
  io: KubectlIO
  user: User
  namespace: string
  /** -n was given (kubectl's EnforceNamespace): generators then write it into the object. */
  explicitNamespace?: boolean
  out(text: string): void
  err(text: string): void
  /** The kubelet of a node, or undefined when it cannot be reached (powered off). */
  kubelet?(nodeName: string): KubeletConnection | undefined
  /** The metrics.k8s.io API (metrics-server), for `kubectl top`. */
  metrics?: MetricsAPI
  /** Let simulated time pass until `done()` or the timeout; returns whether done. */
  waitFor(done: () => boolean, timeoutMs: number, stepMs?: number): boolean
}

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** A failure that has already been rendered in kubectl's words. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}
