/** Printers of core kinds: Node, Service, Namespace, Event, ConfigMap, Secret, ServiceAccount, Endpoints, Lease. */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { formatLabels } from '../../machinery/labels'
import { age, col, translateTimestampSince, type Printer } from './table'

export const nodePrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Status', 'string'),
    col('Roles', 'string'),
    col('Age', 'string'),
    col('Version', 'string'),
    col('Internal-IP', 'string', 1),
    col('External-IP', 'string', 1),
    col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1),
    col('Container-Runtime', 'string', 1),
  ],
  row(n, ctx) {
    const st = (n.status ?? {}) as any
    const ready = (st.conditions ?? []).find((c: any) => c.type === 'Ready')
    let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'
    if ((n.spec as any)?.unschedulable) status += ',SchedulingDisabled'
    const roles = new Set<string>()
    for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
      if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length))
      else if (k === 'kubernetes.io/role') roles.add(v)
    }
    const addr = (t: string) => (st.addresses ?? []).find((a: any) => a.type === t)?.address ?? '<none>'
    const info = st.nodeInfo ?? {}
    return [
      n.metadata.name!,
      status,
      roles.size ? [...roles].sort().join(',') : '<none>',
      age(n, ctx.now),
      info.kubeletVersion ?? '',
      addr('InternalIP'),
      addr('ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

function servicePorts(ports: any[] | undefined): string {
  if (!ports?.length) return '<none>'
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
}

/** getServiceExternalIP; server-side tables are generated wide, so the 16-character cut never applies. */
function externalIP(svc: any): string {
  const s = svc.spec ?? {}
  const ext: string[] = s.externalIPs ?? []
  switch (s.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>'
    case 'ExternalName':
      return s.externalName ?? ''
    case 'LoadBalancer': {
      const ing = [...new Set<string>((svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname).filter(Boolean))].sort()
      const all = [...ing, ...ext]
      return all.length ? all.join(',') : '<pending>'
    }
  }
  return '<unknown>'
}

export const servicePrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Type', 'string'), col('Cluster-IP', 'string'), col('External-IP', 'string'), col('Port(s)', 'string'), col('Age', 'string'), col('Selector', 'string', 1)],
  row(svc, ctx) {
    const s = (svc.spec ?? {}) as any
    const ip = s.clusterIPs?.[0]
    return [svc.metadata.name!, s.type ?? 'ClusterIP', ip || '<none>', externalIP(svc), servicePorts(s.ports), age(svc, ctx.now), formatLabels(s.selector)]
  },
}

export const namespacePrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Status', 'string'), col('Age', 'string')],
  row: (ns, ctx) => [ns.metadata.name!, (ns.status as any)?.phase ?? '', age(ns, ctx.now)],
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string'),
    col('Type', 'string'),
    col('Reason', 'string'),
    col('Object', 'string'),
    col('Subobject', 'string', 1),
    col('Source', 'string', 1),
    col('Message', 'string'),
    col('First Seen', 'string', 1),
    col('Count', 'string', 1),
    col('Name', 'string', 1),
  ],
  row(e: any, ctx) {
    const first = e.firstTimestamp ?? e.eventTime
    const last = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? first
    const io = e.involvedObject ?? {}
    // formatEventSource: component (or reporting controller), then host (or reporting instance)
    const component = e.source?.component || e.reportingComponent || ''
    const host = e.source?.host || e.reportingInstance || ''
    const src = host ? `${component}, ${host}` : component
    // singleton events of the new API carry no count
    const count = e.series ? e.series.count : e.count || 1
    return [translateTimestampSince(last, ctx.now), e.type ?? '', e.reason ?? '', io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase(), io.fieldPath ?? '', src, String(e.message ?? '').trim(), translateTimestampSince(first, ctx.now), String(count), e.metadata.name]
  },
}

export const configMapPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Data', 'string'), col('Age', 'string')],
  row: (cm: any, ctx) => [cm.metadata.name, Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm, ctx.now)],
}

export const secretPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Type', 'string'), col('Data', 'string'), col('Age', 'string')],
  row: (s: any, ctx) => [s.metadata.name, s.type ?? 'Opaque', Object.keys(s.data ?? {}).length, age(s, ctx.now)],
}

export const serviceAccountPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Secrets', 'string'), col('Age', 'string')],
  row: (s: any, ctx) => [s.metadata.name, (s.secrets ?? []).length, age(s, ctx.now)],
}

export const endpointsPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Endpoints', 'string'), col('Age', 'string')],
  row(ep: any, ctx) {
    const list: string[] = []
    for (const ss of ep.subsets ?? []) {
      for (const a of ss.addresses ?? []) {
        if (!(ss.ports ?? []).length) list.push(a.ip)
        for (const p of ss.ports ?? []) list.push(`${a.ip}:${p.port}`)
      }
    }
    // no subsets at all is <none>; subsets without addresses print an empty cell
    const text = !(ep.subsets ?? []).length ? '<none>' : list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',')
    return [ep.metadata.name, text, age(ep, ctx.now)]
  },
}

export const leasePrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Holder', 'string'), col('Age', 'string')],
  row: (l: any, ctx) => [l.metadata.name, l.spec?.holderIdentity ?? '', age(l, ctx.now)],
}
