/** `kubectl describe service` (describeService) and `namespace` (describeNamespace). */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { formatLabels } from '../../machinery/labels'
import { describeEvents } from './events'
import { describeTime, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { quantityString } from '../../machinery/quantity-string'
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

/** formatEndpointSlices: up to three ip:port of the slices' endpoints for one port name. */
export function formatEndpointSlices(slices: any[], portName: string): string {
  if (!slices.length) return '<none>'
  const list: string[] = []
  let count = 0
  let more = false
  const add = (text: string) => {
    if (list.length === 3) more = true
    if (!more) list.push(text)
    count++
  }
  for (const s of slices) {
    if (!s.ports?.length) {
      for (const e of s.endpoints ?? []) add(e.addresses?.[0] ?? '')
      continue
    }
    for (const p of s.ports) {
      if ((p.name ?? '') !== portName) continue
      for (const e of s.endpoints ?? []) {
        const addr: string = e.addresses?.[0] ?? ''
        add(addr.includes(':') ? `[${addr}]:${p.port}` : `${addr}:${p.port}`)
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',')
}

function ingressString(ingress: any[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')
}

export function describeService(ctx: DescribeContext, svc: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = svc.spec ?? {}
  const sliceType = ctx.api.registry.forGroupResource('discovery.k8s.io', 'endpointslices')
  const slices = sliceType ? ctx.api.list(sliceType, { namespace: svc.metadata.namespace, labelSelector: `kubernetes.io/service-name=${svc.metadata.name}` }).items : []
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', svc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
  const ingress = svc.status?.loadBalancer?.ingress ?? []
  if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`)
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>'
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol ?? 'TCP'}\n`)
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol ?? 'TCP'}\n`)
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? 'TCP'}\n`)
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

/** helpTextForResourceQuotaScope */
export const QUOTA_SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
}

function describeQuotas(quotas: any[], w: PrefixWriter): void {
  if (!quotas.length) {
    w.write(LEVEL_0, 'No resource quota.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Quotas\n')
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`)
    const scopes: string[] = [...(q.spec?.scopes ?? [])].sort()
    if (scopes.length) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`)
      for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_1, `* ${QUOTA_SCOPE_HELP[s]}\n`)
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_1, '--------\t---\t---\n')
    const hard = q.status?.hard ?? {}
    for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${quantityString(q.status?.used?.[r] ?? '0')}\t${quantityString(hard[r])}\n`)
  }
}

/** describeLimitRangeSpec: one row per limit type and resource ("-" where unset). */
export function writeLimitRangeSpec(lr: any, prefix: string, w: PrefixWriter): void {
  for (const item of lr.spec?.limits ?? []) {
    const parts = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
    // upstream walks a Go map here (random order); sorted is the stable choice
    const names = [...new Set(parts.flatMap((p) => Object.keys(p ?? {})))].sort()
    for (const k of names) {
      const cells = parts.map((p) => (p && k in p ? quantityString(p[k]) : '-'))
      w.write(LEVEL_0, `${prefix}${item.type}\t${k}\t${cells.join('\t')}\n`)
    }
  }
}

function describeLimitRanges(ranges: any[], w: PrefixWriter): void {
  if (!ranges.length) {
    w.write(LEVEL_0, 'No LimitRange resource.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const lr of ranges) writeLimitRangeSpec(lr, ' ', w)
}

export function describeNamespace(ctx: DescribeContext, ns: any): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ns.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
  if (ns.status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
    for (const c of ns.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${describeTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
  }
  const list = (plural: string) => {
    const t = ctx.api.registry.forGroupResource('', plural)
    return t ? ctx.api.list(t, { namespace: ns.metadata.name }).items : []
  }
  w.write(LEVEL_0, '\n')
  describeQuotas(list('resourcequotas'), w)
  w.write(LEVEL_0, '\n')
  describeLimitRanges(list('limitranges'), w)
  return w.toString()
}

export function describeEndpoints(ctx: DescribeContext, ep: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', ep.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations)
  w.write(LEVEL_0, 'Subsets:\n')
  for (const ss of ep.subsets ?? []) {
    const ips = (list: any[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || '<none>'
    w.write(LEVEL_1, `Addresses:\t${ips(ss.addresses)}\n`)
    w.write(LEVEL_1, `NotReadyAddresses:\t${ips(ss.notReadyAddresses)}\n`)
    if (ss.ports?.length) {
      w.write(LEVEL_1, 'Ports:\n')
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_2, '----\t----\t--------\n')
      for (const p of ss.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
    }
    w.write(LEVEL_0, '\n')
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
