/**
 * kubectl expose (pkg/cmd/expose/expose.go): a Service for a pod, service, replication
 * controller, deployment or replica set, its selector, ports, protocols and labels read from
 * the object unless given as flags; created through the API.
 */

import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toTypedGoJSON, toTypedGoYaml } from '../printers/go-yaml'
import { lookupType } from '../resource-args'
import { collectTargets, dryRunSuffix } from './targets'

export const exposeFlags: FlagSpec[] = [
  { name: 'protocol', type: 'string', default: '' },
  { name: 'port', type: 'string', default: '' },
  { name: 'type', type: 'string', default: '' },
  { name: 'load-balancer-ip', type: 'string', default: '' },
  { name: 'selector', type: 'string', default: '' },
  { name: 'labels', short: 'l', type: 'string', default: '' },
  { name: 'target-port', type: 'string', default: '' },
  { name: 'external-ip', type: 'string', default: '' },
  { name: 'name', type: 'string', default: '' },
  { name: 'session-affinity', type: 'string', default: '' },
  { name: 'cluster-ip', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'overrides', type: 'string', default: '' },
  { name: 'override-type', type: 'string', default: 'merge' },
  { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
]

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet'])

interface PortSpec {
  containerPort?: number
  port?: number
  protocol?: string
}
interface PodSpecLike {
  containers?: { ports?: PortSpec[] }[]
}

/** The pod spec whose container ports are the object's ports (PortsForObject). */
function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpecLike } } & PodSpecLike
  return obj.kind === 'Pod' ? spec : spec?.template?.spec
}

/** MapBasedSelectorForObject, as "k=v,..." sorted by key (MakeLabels). */
function selectorFor(obj: KubeObject): string {
  const spec = obj.spec as { selector?: Record<string, unknown> } | undefined
  let m: Record<string, string> | undefined
  if (obj.kind === 'Pod') {
    m = obj.metadata.labels
    if (!m || !Object.keys(m).length) throw new Error('the pod has no labels and cannot be exposed')
  } else if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    m = spec?.selector as Record<string, string> | undefined
    if (obj.kind === 'Service' && !m) throw new Error('the service has no pod selector set')
  } else {
    type Expr = { key: string; operator: string; values?: string[] }
    const sel = spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: Expr[] } | undefined
    if (!sel?.matchLabels || !Object.keys(sel.matchLabels).length) throw new Error(`invalid ${obj.kind.toLowerCase()}: no selectors, therefore cannot be exposed`)
    if (sel.matchExpressions?.length) {
      // Go's %+v of the []LabelSelectorRequirement.
      const text = sel.matchExpressions.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')
      throw new Error(`couldn't convert expressions - "[${text}]" to map-based selector format`)
    }
    m = sel.matchLabels
  }
  return makeLabels(m)
}

function makeLabels(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${m![k]}`).join(',')
}

/** Ports and their protocols as the object declares them (PortsForObject, ProtocolsForObject). */
function portsOf(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const list: PortSpec[] =
    obj.kind === 'Service' ? ((obj.spec as { ports?: PortSpec[] }).ports ?? []) : (podSpecOf(obj)?.containers ?? []).flatMap((c) => c.ports ?? [])
  const ports: string[] = []
  const protocols = new Map<string, string[]>()
  for (const p of list) {
    const key = String(obj.kind === 'Service' ? p.port : p.containerPort)
    ports.push(key)
    protocols.set(key, [...(protocols.get(key) ?? []), p.protocol ?? 'TCP'])
  }
  return { ports, protocols }
}

function parseLabelList(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`)
    if (!kv[0]) throw new KubectlError('error: unexpected empty label key')
    out[kv[0]] = kv[1]!
  }
  // Sorted: encoding/json writes a map's keys in order, and client dry-run JSON keeps ours.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** createService, keys in the Go structs' field order (a client dry-run prints them so). */
function serviceFor(obj: KubeObject, flags: FlagValues): KubeObject {
  const selector = String(flags.selector) || selectorFor(obj)
  if (!selector) throw new KubectlError('error: selector must be specified')
  let port = String(flags.port)
  const clusterIP = String(flags['cluster-ip'])
  const introspected = portsOf(obj)
  if (!port) {
    if (!introspected.ports.length && clusterIP !== 'None') throw new KubectlError("error: couldn't find port via --port flag or introspection")
    port = introspected.ports.join(',')
  }
  const labelText = String(flags.labels) || makeLabels(obj.metadata.labels)
  const name = String(flags.name) || obj.metadata.name!.slice(0, 63)
  const ports: Record<string, unknown>[] = []
  const list = port ? port.split(',') : []
  list.forEach((p, i) => {
    if (!/^[-+]?\d+$/.test(p)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`)
    const portName = list.length > 1 ? `port-${i + 1}` : ''
    let protocol = String(flags.protocol)
    if (!protocol) {
      const found = introspected.protocols.get(p)
      if (found && found.length > 1) {
        for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port: Number(p) })
        return
      }
      protocol = found?.[0] ?? 'TCP'
    }
    ports.push(portName ? { name: portName, protocol, port: Number(p) } : { protocol, port: Number(p) })
  })
  const target = String(flags['target-port'])
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port
  const metadata: Record<string, unknown> = { name, creationTimestamp: null }
  if (labelText) metadata.labels = parseLabelList(labelText)
  const spec: Record<string, unknown> = {}
  if (ports.length) spec.ports = ports
  spec.selector = parseLabelList(selector)
  if (clusterIP) spec.clusterIP = clusterIP
  if (flags.type) spec.type = String(flags.type)
  if (flags['external-ip']) spec.externalIPs = [String(flags['external-ip'])]
  const affinity = String(flags['session-affinity'])
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`error: unknown session affinity: ${affinity}`)
    spec.sessionAffinity = affinity
  }
  if (spec.type === 'LoadBalancer' && flags['load-balancer-ip']) spec.loadBalancerIP = String(flags['load-balancer-ip'])
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } } as unknown as KubeObject
}

export function runExpose(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  if (!args.length && !(flags.filename as string[]).length)
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
  const dryRun = String(flags['dry-run'])
  const output = String(flags.output ?? '')
  const errors: string[] = []
  for (const target of collectTargets(ctx, args, { all: false, filename: flags.filename }, false)) {
    if (!target.obj) {
      errors.push(target.error!)
      continue
    }
    try {
      const gk = `${target.type.group}/${target.type.kind}`
      if (!EXPOSABLE.has(gk)) throw new KubectlError(`error: cannot expose a ${target.type.group ? `${target.type.kind}.${target.type.group}` : target.type.kind}`)
      let svc: KubeObject
      try {
        svc = serviceFor(target.obj, flags)
      } catch (e) {
        if (e instanceof KubectlError) throw e
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`)
      }
      let result = svc
      if (dryRun === 'client') {
        if (flags.namespace) svc.metadata = { name: svc.metadata.name, namespace: ctx.namespace, ...svc.metadata }
      } else {
        result = ctx.api.create(lookupType(ctx.api, 'services'), svc, { namespace: ctx.namespace, dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']) })
      }
      if (output === 'yaml') ctx.out(toTypedGoYaml(result))
      else if (output === 'json') ctx.out(toTypedGoJSON(result))
      else if (output === 'name') ctx.out(`service/${result.metadata.name}\n`)
      else ctx.out(`service/${result.metadata.name} exposed${dryRunSuffix(dryRun)}\n`)
    } catch (e) {
      if (e instanceof KubectlError) errors.push(e.message)
      else if (isStatusError(e)) errors.push(formatError(e))
      else throw e
    }
  }
  for (const e of errors) ctx.err(`${e}\n`)
  return errors.length ? 1 : 0
}
