/** Service strategy: DNS-1035 names, cluster IP and node port allocation, immutable clusterIP. */

/* eslint-disable @typescript-eslint/no-explicit-any -- services are free-form until validated */
import { allocateClusterIP, allocateNodePort, defaultService, SERVICE_NODE_PORT_RANGE } from '../../api/defaults/service'
import type { KubeObject } from '../../api/types'
import { fieldErr, type FieldError } from '../../machinery/errors'
import type { Strategy, StrategyContext } from '../strategy'

function usedIPs(ctx: StrategyContext): Set<string> {
  const used = new Set<string>()
  for (const s of ctx.list('services')) for (const ip of ((s.spec as any)?.clusterIPs ?? []) as string[]) used.add(ip)
  return used
}

function usedNodePorts(ctx: StrategyContext, except?: string): Set<number> {
  const used = new Set<number>()
  for (const s of ctx.list('services')) {
    if (except && s.metadata.uid === except) continue
    for (const p of ((s.spec as any)?.ports ?? []) as any[]) if (p?.nodePort) used.add(p.nodePort)
  }
  return used
}

function validateService(svc: KubeObject, ctx: StrategyContext, isCreate: boolean): FieldError[] {
  const errs: FieldError[] = []
  const s = svc.spec as any
  const headless = s?.clusterIP === 'None'
  const ports = Array.isArray(s?.ports) ? s.ports : []
  if (ports.length === 0 && !headless && s?.type !== 'ExternalName') errs.push(fieldErr.required('spec.ports'))
  const used = isCreate ? usedNodePorts(ctx) : usedNodePorts(ctx, svc.metadata.uid)
  ports.forEach((p: any, i: number) => {
    const path = `spec.ports[${i}]`
    if (!p?.port) errs.push(fieldErr.required(`${path}.port`))
    else if (p.port < 1 || p.port > 65535) errs.push(fieldErr.invalid(`${path}.port`, p.port, 'must be between 1 and 65535, inclusive'))
    if (ports.length > 1 && !p?.name) errs.push(fieldErr.required(`${path}.name`))
    // nodePort 0 is Go's zero value: not set.
    if (p?.nodePort && (s?.type ?? 'ClusterIP') === 'ClusterIP') {
      errs.push(fieldErr.forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"))
    } else if (p?.nodePort) {
      if (p.nodePort < SERVICE_NODE_PORT_RANGE.min || p.nodePort > SERVICE_NODE_PORT_RANGE.max) {
        errs.push(fieldErr.invalid(`${path}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${SERVICE_NODE_PORT_RANGE.min}-${SERVICE_NODE_PORT_RANGE.max}`))
      } else if (used.has(p.nodePort)) {
        errs.push(fieldErr.invalid(`${path}.nodePort`, p.nodePort, 'provided port is already allocated'))
      }
    }
  })
  const type = s?.type
  if (type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type))
    errs.push(fieldErr.notSupported('spec.type', type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']))
  return errs
}

export const serviceStrategy: Strategy = {
  nameRule: 'dns1035',
  statusSubresource: true,
  prepareForCreate(obj, ctx) {
    defaultService(obj)
    const s = obj.spec as any
    if (s.type === 'ExternalName') return
    // Validation runs after allocation upstream too; bad ports fail before any IP is kept.
    if (s.clusterIP === 'None') s.clusterIPs = ['None']
    else if (!s.clusterIP) {
      s.clusterIP = allocateClusterIP(usedIPs(ctx), (n) => ctx.random.int(n))
      s.clusterIPs = [s.clusterIP]
    } else s.clusterIPs ??= [s.clusterIP]
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') {
      const used = usedNodePorts(ctx)
      for (const p of s.ports ?? []) {
        if (p && !p.nodePort) {
          p.nodePort = allocateNodePort(used, (n) => ctx.random.int(n))
          used.add(p.nodePort)
        }
      }
    }
  },
  prepareForUpdate(obj, old) {
    defaultService(obj)
    const s = obj.spec as any
    const o = old.spec as any
    if (s.clusterIP === undefined) s.clusterIP = o.clusterIP
    if (s.clusterIPs === undefined && s.clusterIP === o.clusterIP) s.clusterIPs = o.clusterIPs
    for (const p of s.ports ?? []) {
      const prev = (o.ports ?? []).find((q: any) => q.port === p.port && q.protocol === p.protocol)
      if (p.nodePort === undefined && prev?.nodePort && (s.type === 'NodePort' || s.type === 'LoadBalancer')) p.nodePort = prev.nodePort
    }
  },
  validate(obj, ctx) {
    return validateService(obj, ctx, true)
  },
  validateUpdate(obj, old, ctx) {
    const errs = validateService(obj, ctx, false)
    const s = obj.spec as any
    const o = old.spec as any
    if (o.clusterIP && s.clusterIP !== o.clusterIP && s.type !== 'ExternalName') {
      errs.push(fieldErr.invalid('spec.clusterIPs[0]', [s.clusterIP], 'may not change once set'))
    }
    return errs
  },
}
