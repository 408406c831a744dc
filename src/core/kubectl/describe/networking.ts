/** `kubectl describe` of Ingresses, IngressClasses, PodDisruptionBudgets and PriorityClasses. */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { loadBalancerAddresses } from '../../apiserver/printers/networking'
import { isStatusError } from '../../machinery/errors'
import { formatLabelSelector, formatLabels } from '../../machinery/labels'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { formatEndpointSlices } from './service'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './tabwriter'
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

/** Go's time.Time.String() in UTC: "2025-01-01 00:00:00 +0000 UTC". */
function goTimeString(ts: string | undefined): string {
  const t = ts ? new Date(Date.parse(ts)) : undefined
  if (!t || Number.isNaN(t.getTime())) return '0001-01-01 00:00:00 +0000 UTC'
  return `${t.toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`
}

function describePeers(w: PrefixWriter, indent: string, title: string, peers: any[] | undefined, none: string): void {
  if (!peers?.length) {
    w.write(LEVEL_0, `${indent}${none}\n`)
    return
  }
  for (const p of peers) {
    w.write(LEVEL_0, `${indent}${title}:\n`)
    if (p.podSelector && p.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`)
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`)
    } else if (p.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`)
    else if (p.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`)
    else if (p.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`)
      w.write(LEVEL_2, `${indent}CIDR: ${p.ipBlock.cidr}\n`)
      w.write(LEVEL_2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`)
    }
  }
}

function describeRules(w: PrefixWriter, rules: any[] | undefined, peersKey: 'from' | 'to'): void {
  const indent = '    '
  const dir = peersKey === 'from' ? 'ingress' : 'egress'
  if (!rules?.length) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${dir} connectivity)\n`)
    return
  }
  rules.forEach((r, i) => {
    if (!r.ports?.length) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`)
    for (const p of r.ports ?? []) {
      const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port)
      const proto = p.protocol ?? 'TCP'
      w.write(LEVEL_0, p.endPort === undefined || p.endPort === null ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`)
    }
    const none = peersKey === 'from' ? 'From: <any> (traffic not restricted by source)' : 'To: <any> (traffic not restricted by destination)'
    describePeers(w, indent, peersKey === 'from' ? 'From' : 'To', r[peersKey], none)
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`)
  })
}

export function describeNetworkPolicy(_ctx: DescribeContext, np: any): string {
  const w = new PrefixWriter()
  const spec = np.spec ?? {}
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace}\n`)
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', np.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations)
  w.write(LEVEL_0, 'Spec:\n')
  w.write(LEVEL_1, 'PodSelector: ')
  const sel = spec.podSelector ?? {}
  if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n')
  else w.write(LEVEL_2, `${formatLabelSelector(sel)}\n`)
  const types: string[] = spec.policyTypes ?? []
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n')
    describeRules(w, spec.ingress, 'from')
  } else w.write(LEVEL_1, 'Not affecting ingress traffic\n')
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n')
    describeRules(w, spec.egress, 'to')
  } else w.write(LEVEL_1, 'Not affecting egress traffic\n')
  w.write(LEVEL_1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`)
  return w.toString()
}

export function describeEndpointSlice(ctx: DescribeContext, eps: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', eps.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations)
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`)
  const unset = (v: unknown) => (v === undefined || v === null || v === '' ? '<unset>' : String(v))
  if (!eps.ports?.length) w.write(LEVEL_0, 'Ports: <unset>\n')
  else {
    w.write(LEVEL_0, 'Ports:\n')
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    for (const p of eps.ports) w.write(LEVEL_1, `${unset(p.name)}\t${unset(p.port)}\t${p.protocol ?? 'TCP'}\n`)
  }
  if (!eps.endpoints?.length) w.write(LEVEL_0, 'Endpoints: <none>\n')
  else {
    w.write(LEVEL_0, 'Endpoints:\n')
    for (const e of eps.endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`)
      w.write(LEVEL_2, 'Conditions:\n')
      w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined || e.conditions?.ready === null ? '<unset>' : String(e.conditions.ready)}\n`)
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`)
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
    }
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
