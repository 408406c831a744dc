/** Printers of EndpointSlices, Ingresses, IngressClasses and NetworkPolicies. */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { formatLabelSelector } from '../../machinery/labels'
import { age, col, type Printer } from './table'

/** listWithMoreString: up to three items, then " + N more...", "<unset>" when empty. */
function upToThree(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`
  return items.length ? items.join(',') : '<unset>'
}

export const endpointSlicePrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('AddressType', 'string'), col('Ports', 'string'), col('Endpoints', 'string'), col('Age', 'string')],
  row(s: any, ctx) {
    const ports = (s.ports ?? []).map((p: any) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')))
    const addrs = (s.endpoints ?? []).flatMap((e: any) => e.addresses ?? [])
    return [s.metadata.name, s.addressType ?? '', upToThree(ports), upToThree(addrs), age(s, ctx.now)]
  },
}

function formatHosts(rules: any[] | undefined): string {
  const list: string[] = []
  let more = false
  for (const r of rules ?? []) {
    if (list.length === 3) more = true
    if (!more && r.host) list.push(r.host)
  }
  if (!list.length) return '*'
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',')
}

/** The load balancer's IPs or hostnames, de-duplicated and sorted; server-side tables are always wide, so never cut. */
export function loadBalancerAddresses(status: any): string {
  const set = new Set<string>()
  for (const i of status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  return [...set].sort().join(',')
}

export const ingressPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Class', 'string'), col('Hosts', 'string'), col('Address', 'string'), col('Ports', 'string'), col('Age', 'string')],
  row(ing: any, ctx) {
    const spec = ing.spec ?? {}
    return [ing.metadata.name, spec.ingressClassName ?? '<none>', formatHosts(spec.rules), loadBalancerAddresses(ing.status), spec.tls?.length ? '80, 443' : '80', age(ing, ctx.now)]
  },
}

export const ingressClassPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Controller', 'string'), col('Parameters', 'string'), col('Age', 'string')],
  row(ic: any, ctx) {
    const p = ic.spec?.parameters
    const params = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>'
    return [ic.metadata.name, ic.spec?.controller ?? '', params, age(ic, ctx.now)]
  },
}

export const networkPolicyPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Pod-Selector', 'string'), col('Age', 'string')],
  row: (np: any, ctx) => [np.metadata.name, formatLabelSelector(np.spec?.podSelector ?? {}), age(np, ctx.now)],
}
