/**
 * The metrics.k8s.io view (PodMetrics / NodeMetrics) that metrics-server serves through the
 * aggregated API: what `kubectl top` and the HPA controller read. Only types live here, so
 * consumers depend on the shape and never on the component that computes it.
 */

export interface ContainerMetrics {
  name: string
  /** Millicores. */
  cpu: number
  /** Bytes. */
  memory: number
}

export interface PodMetrics {
  namespace: string
  name: string
  labels: Record<string, string>
  timestamp: number
  windowMs: number
  containers: ContainerMetrics[]
}

export interface NodeMetrics {
  name: string
  timestamp: number
  windowMs: number
  cpu: number
  memory: number
}

export interface MetricsAPI {
  /** Whether the metrics.k8s.io APIService is served (metrics-server is up). */
  available(): boolean
  podMetrics(namespace?: string): PodMetrics[]
  nodeMetrics(): NodeMetrics[]
}

/**
 * Simulated CPU demand set with `sim load`: the total is shared by the ready pods the
 * selector picks. Plain data, so a saved cluster can carry it.
 */
export interface LoadTarget {
  namespace: string
  /** What the learner named, e.g. "deployment/web". */
  target: string
  selector: Record<string, string>
  milliCPU: number
}

export interface LoadSource {
  targets(): readonly LoadTarget[]
}
