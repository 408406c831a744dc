/**
 * Containers as describe prints them (describeContainers and its parts), shared by pods and
 * pod templates, and the Pod Template block of workload descriptions (DescribePodTemplate).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- containers are read as free-form objects */
import { formatLabelSelector } from '../../machinery/labels'
import { describeTime, printAnnotationsMultiline, printBool, printLabelsMultiline, printTolerationsMultiline, stringOrNone } from './format'
import { parseQuantityExact, quantityString } from '../../machinery/quantity-string'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './tabwriter'
import { describeVolumes } from './volumes'

type Writer = Pick<PrefixWriter, 'write' | 'writeLine'>
type EnvResolver = (e: any) => string

/** SortedResourceNames: plain string order of the resource names. */
function sortedResources(list: Record<string, unknown> | undefined): string[] {
  return Object.keys(list ?? {}).sort()
}

function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = g.port === undefined ? '' : String(g.port)
    const host = port ? `${g.host ?? ''}:${port}` : (g.host ?? '')
    return `http-get ${String(g.scheme ?? '').toLowerCase()}://${host}${g.path ?? ''} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeState(name: string, state: any, w: Writer): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${describeTime(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${describeTime(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${describeTime(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
  }
}

/**
 * ExtractContainerResourceValue: the container's own request or limit divided by the divisor
 * (default 1), rounded up, so a 500m CPU limit reads 1.
 */
function resourceFieldValue(c: any, resource: string, divisor: unknown): string {
  const [kind, name] = resource.split('.')
  const raw = (c.resources?.[kind === 'limits' ? 'limits' : 'requests'] ?? {})[name ?? '']
  const value = raw === undefined ? undefined : parseQuantityExact(raw)
  const div = parseQuantityExact(divisor === undefined || divisor === null ? '1' : (divisor as string))
  if (!value || !div || div.nanos === 0n) return '0'
  const q = value.nanos / div.nanos + (value.nanos % div.nanos === 0n ? 0n : 1n)
  return q.toString()
}

function describeEnv(c: any, resolve: EnvResolver | undefined, w: Writer): void {
  if (c.envFrom?.length) {
    w.write(LEVEL_2, 'Environment Variables from:\n')
    for (const e of c.envFrom) {
      const ref = e.configMapRef ?? e.secretRef
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
      const optional = ref?.optional ? 'true' : 'false'
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from
      w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`)
    }
  }
  w.write(LEVEL_2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`)
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
      continue
    }
    const vf = e.valueFrom
    if (vf.fieldRef) w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ''} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`)
    else if (vf.resourceFieldRef) {
      const res: string = vf.resourceFieldRef.resource
      let text = resourceFieldValue(c, res, vf.resourceFieldRef.divisor)
      if (text === '0' && (res === 'limits.cpu' || res === 'limits.memory')) text = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${text} (${res})\n`)
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional ? 'true' : 'false'}\n`)
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional ? 'true' : 'false'}\n`)
    }
  }
}

function describeMounts(c: any, w: Writer): void {
  const mounts: any[] = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  w.write(LEVEL_2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  if (c.volumeDevices?.length) {
    w.write(LEVEL_2, `Devices:${mounts.length ? '' : '\t<none>'}\n`)
    const devs = [...c.volumeDevices].sort((a: any, b: any) => (a.devicePath < b.devicePath ? -1 : 1))
    for (const d of devs) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
  }
}

export function describeContainers(label: string, containers: any[] | undefined, statuses: any[] | undefined, resolve: EnvResolver | undefined, w: Writer, space: string): void {
  const byName = new Map<string, any>((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers?.length ? '' : ' <none>'}\n`)
  for (const c of containers ?? []) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ports: any[] = c.ports ?? []
    const portText = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    const hostText = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(LEVEL_2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${stringOrNone(portText)}\n`)
    w.write(LEVEL_2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${stringOrNone(hostText)}\n`)
    const seccomp = c.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile}\n`)
    }
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as [string, string[] | undefined][]) {
      if (!list?.length) continue
      w.write(LEVEL_2, `${title}:\n`)
      for (const item of list) for (const s of String(item).split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if (status) {
      describeState('State', status.state, w)
      if (status.lastState?.terminated) describeState('Last State', status.lastState, w)
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    for (const kind of ['limits', 'requests']) {
      const list = c.resources?.[kind]
      const names = sortedResources(list)
      if (names.length) w.write(LEVEL_2, `${kind === 'limits' ? 'Limits' : 'Requests'}:\n`)
      for (const n of names) w.write(LEVEL_3, `${n}:\t${quantityString(list[n])}\n`)
    }
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(c, resolve, w)
    describeMounts(c, w)
  }
}

export function describePodTemplate(template: any, w: Writer): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec ?? {}
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ')
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ')
  describeVolumes(spec.volumes, w, '  ')
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}

export function describeTopologySpreadConstraints(tscs: any[] | undefined, w: Writer, space: string): void {
  if (!tscs?.length) return
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0))
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`
    w.write(LEVEL_0, `${s}\n`)
  })
}
