/** `kubectl describe` of Ingresses, IngressClasses, PodDisruptionBudgets and PriorityClasses. */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { loadBalancerAddresses } from '../../apiserver/printers/networking'
import { isStatusError } from '../../machinery/errors'
import { formatLabelSelector, formatLabels } from '../../machinery/labels'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { formatEndpointSlices } from './service'
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

/** describeBackendV1: "svc:port (endpoints)", or the error met looking the service up. */
function describeBackend(ctx: DescribeContext, ns: string, backend: any): string {
  if (backend?.service) {
    const b = backend.service
    const text = `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`
    const svcType = ctx.api.registry.forGroupResource('', 'services')!
    let svc: any
    try {
      svc = ctx.api.get(svcType, ns, b.name)
    } catch (e) {
      return `${text} (<error: ${isStatusError(e) ? e.status.message : String(e)}>)`
    }
    let portName = ''
    for (const p of svc.spec?.ports ?? []) {
      if ((b.port?.number && b.port.number === p.port) || (b.port?.name && b.port.name === p.name)) portName = p.name ?? ''
    }
    const sliceType = ctx.api.registry.forGroupResource('discovery.k8s.io', 'endpointslices')
    const slices = sliceType ? ctx.api.list(sliceType, { namespace: ns, labelSelector: `kubernetes.io/service-name=${b.name}` }).items : []
    return `${text} (${formatEndpointSlices(slices, portName)})`
  }
  if (backend?.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`
  }
  return ''
}

export function describeIngress(ctx: DescribeContext, ing: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = ing.spec ?? {}
  const ns = ing.metadata.namespace
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ing.metadata.labels)
  w.write(LEVEL_0, `Namespace:\t${ns}\n`)
  w.write(LEVEL_0, `Address:\t${loadBalancerAddresses(ing.status)}\n`)
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
  const def = spec.defaultBackend ? describeBackend(ctx, ns, spec.defaultBackend) : '<default>'
  w.write(LEVEL_0, `Default backend:\t${def}\n`)
  if (spec.tls?.length) {
    w.write(LEVEL_0, 'TLS:\n')
    for (const t of spec.tls) w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`)
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
  w.write(LEVEL_1, '----\t----\t--------\n')
  let count = 0
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue
    count++
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
    for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(ctx, ns, p.backend)}\n`)
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`)
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describeIngressClass(ctx: DescribeContext, ic: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ic.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations)
  w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`)
  const p = ic.spec?.parameters
  if (p) {
    w.write(LEVEL_0, 'Parameters:\n')
    if (p.apiGroup) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${p.kind}\n`)
    w.write(LEVEL_1, `Name:\t${p.name}\n`)
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describePodDisruptionBudget(ctx: DescribeContext, pdb: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = pdb.spec ?? {}
  const st = pdb.status ?? {}
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`)
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`)
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`)
  w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`)
  w.write(LEVEL_0, 'Status:\n')
  w.write(LEVEL_2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`)
  w.write(LEVEL_2, `Current:\t${st.currentHealthy ?? 0}\n`)
  w.write(LEVEL_2, `Desired:\t${st.desiredHealthy ?? 0}\n`)
  w.write(LEVEL_2, `Total:\t${st.expectedPods ?? 0}\n`)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describePriorityClass(ctx: DescribeContext, pc: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`)
  w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`)
  w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault ? 'true' : 'false'}\n`)
  w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`)
  w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
