/**
 * Pod defaulting (pkg/apis/core/v1/defaults.go): the fields `kubectl get -o yaml` shows on a
 * pod nobody set them on. Also applied to pod templates inside workloads.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30

/** imagePullPolicy from the tag: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent'
  if (image.includes('@')) return 'IfNotPresent'
  const lastSlash = image.lastIndexOf('/')
  const tagAt = image.indexOf(':', lastSlash + 1)
  if (tagAt < 0) return 'Always'
  return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultContainer(c: any): void {
  if (!c || typeof c !== 'object') return
  c.imagePullPolicy ??= defaultPullPolicy(c.image)
  c.terminationMessagePath ??= '/dev/termination-log'
  c.terminationMessagePolicy ??= 'File'
  c.resources ??= {}
  // Limits without requests: requests default to the limits.
  if (c.resources.limits && typeof c.resources.limits === 'object') {
    c.resources.requests ??= {}
    for (const [k, v] of Object.entries(c.resources.limits)) c.resources.requests[k] ??= v
  }
  for (const p of Array.isArray(c.ports) ? c.ports : []) if (p && typeof p === 'object') p.protocol ??= 'TCP'
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe || typeof probe !== 'object') continue
    probe.timeoutSeconds ??= 1
    probe.periodSeconds ??= 10
    probe.successThreshold ??= 1
    probe.failureThreshold ??= 3
    if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP'
    if (probe.httpGet) probe.httpGet.path ??= '/'
  }
  for (const e of Array.isArray(c.env) ? c.env : []) {
    if (e?.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1'
  }
}

export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.schedulerName ??= 'default-scheduler'
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) defaultContainer(c)
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) defaultContainer(c)
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (!v || typeof v !== 'object') continue
    if (v.configMap) v.configMap.defaultMode ??= 420
    if (v.secret) v.secret.defaultMode ??= 420
    if (v.downwardAPI) v.downwardAPI.defaultMode ??= 420
    if (v.projected) v.projected.defaultMode ??= 420
    // HostPathUnset: the type is the empty string.
    if (v.hostPath) v.hostPath.type ??= ''
    if (!Object.keys(v).some((k) => k !== 'name')) v.emptyDir = {}
  }
}

/** What only a real Pod (not a template) gets on creation. */
export function defaultPod(pod: any): void {
  pod.spec ??= {}
  defaultPodSpec(pod.spec)
  pod.spec.enableServiceLinks ??= true
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority'
  pod.spec.priority ??= 0
  pod.status = { phase: 'Pending', qosClass: qosClass(pod.spec) }
}

/** QoS class from requests and limits (pkg/apis/core/helper/qos). */
export function qosClass(spec: any): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]
  let anySet = false
  let guaranteed = true
  for (const c of containers) {
    const req = c?.resources?.requests ?? {}
    const lim = c?.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) anySet = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false
    }
  }
  if (!anySet) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function defaultPodTemplate(template: any): void {
  if (!template || typeof template !== 'object') return
  template.metadata ??= {}
  template.metadata.creationTimestamp ??= null
  template.spec ??= {}
  defaultPodSpec(template.spec)
}
