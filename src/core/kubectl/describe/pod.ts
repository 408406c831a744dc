/** `kubectl describe pod` (describePod): fields in upstream's order, then the pod's events. */

/* eslint-disable @typescript-eslint/no-explicit-any -- pods are read as free-form objects */
import type { KubeObject } from '../../api/types'
import { describeContainers, describeTopologySpreadConstraints } from './containers'
import { describeEvents, searchEvents } from './events'
import { describeTime, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline, since } from './format'
import { parseQuantityExact } from '../../machinery/quantity-string'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'
import { describeVolumes } from './volumes'

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** qos.GetPodQOS: the stored class, else computed from requests and limits. */
export function podQOS(pod: any): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, bigint>()
  const limits = new Map<string, bigint>()
  let guaranteed = true
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const [n, v] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantityExact(v as string)
      if ((n === 'cpu' || n === 'memory') && q && q.nanos > 0n) requests.set(n, (requests.get(n) ?? 0n) + q.nanos)
    }
    const found = new Set<string>()
    for (const [n, v] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantityExact(v as string)
      if ((n === 'cpu' || n === 'memory') && q && q.nanos > 0n) {
        found.add(n)
        limits.set(n, (limits.get(n) ?? 0n) + q.nanos)
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
  }
  if (!requests.size && !limits.size) return 'BestEffort'
  if (guaranteed) for (const [n, v] of requests) if (limits.get(n) !== v) guaranteed = false
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/**
 * EnvValueRetriever: kubectl resolves a fieldRef with fieldpath.ExtractFieldPathAsString,
 * which knows only metadata fields; anything else (spec.nodeName, status.podIP) prints empty.
 */
function envResolver(pod: any): (e: any) => string {
  return (e) => {
    const path: string = e.valueFrom?.fieldRef?.fieldPath ?? ''
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
    if (m) return pod.metadata?.[m[1]!]?.[m[2]!] ?? ''
    const fmtMap = (o: Record<string, string> | undefined) =>
      Object.keys(o ?? {})
        .sort()
        .map((k) => `${k}=${JSON.stringify(o![k])}`)
        .join('\n')
    const simple: Record<string, unknown> = {
      'metadata.name': pod.metadata?.name,
      'metadata.namespace': pod.metadata?.namespace,
      'metadata.uid': pod.metadata?.uid,
      'metadata.labels': fmtMap(pod.metadata?.labels),
      'metadata.annotations': fmtMap(pod.metadata?.annotations),
    }
    return String(simple[path] ?? '')
  }
}

export function podEvents(ctx: DescribeContext, pod: KubeObject): KubeObject[] {
  const mirror = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION]
  // describe pod searches without a kind, and by the mirror's uid for static pods
  return searchEvents(ctx.api, { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: mirror ?? pod.metadata.uid })
}

export function describePod(ctx: DescribeContext, pod: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = pod.spec ?? {}
  const st = pod.status ?? {}
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`)
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${describeTime(st.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', pod.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
  } else w.write(LEVEL_0, `Status:\t${st.phase ?? ''}\n`)
  if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`)
  if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile}\n`)
  }
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`)
  if (!st.podIPs?.length) w.write(LEVEL_0, 'IPs:\t<none>\n')
  else {
    w.write(LEVEL_0, 'IPs:\n')
    for (const ip of st.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
  }
  const controlledBy = printController(pod)
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`)
  const resolve = envResolver(pod)
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, st.initContainerStatuses, resolve, w, '')
  describeContainers('Containers', spec.containers, st.containerStatuses, resolve, w, '')
  if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, st.ephemeralContainerStatuses, resolve, w, '')
  if (spec.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of spec.readinessGates) {
      const c = (st.conditions ?? []).find((x: any) => x.type === g.conditionType)
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
    }
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(spec.volumes, w, '')
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '')
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
