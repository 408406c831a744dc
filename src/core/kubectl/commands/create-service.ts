/**
 * kubectl create service clusterip|nodeport|loadbalancer|externalname and create
 * serviceaccount (pkg/cmd/create/create_service.go, create_serviceaccount.go).
 */

import type { KubeObject } from '../../api/types'
import { isDNS1123Subdomain } from '../../machinery/names'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { generatedMeta, nameRequired } from './create-common'

export const createServiceFlags: FlagSpec[] = [
  { name: 'tcp', type: 'stringArray', default: [] },
  { name: 'clusterip', type: 'string', default: '' },
  { name: 'node-port', type: 'int', default: 0 },
  { name: 'external-name', type: 'string', default: '' },
]

const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }
/** Flags each subcommand registers; any other is cobra's "unknown flag". */
const TYPE_FLAGS: Record<string, string[]> = { clusterip: ['tcp', 'clusterip'], nodeport: ['tcp', 'node-port'], loadbalancer: ['tcp'], externalname: ['tcp', 'external-name'] }
const DEFAULTS: Record<string, unknown> = { tcp: [], clusterip: '', 'node-port': 0, 'external-name': '' }

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/

/** ParsePort with zero allowed, as Go's strconv.ParseUint words its failures. */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`)
  const n = parseInt(text, 10)
  if (n > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`)
  return n
}

/** `port[:targetPort]`, the target a number or a port name (IsValidPortNum / IsValidPortName). */
function parsePorts(spec: string): [number, number | string] {
  const [first, second] = spec.split(':') as [string, string | undefined]
  const port = parsePort(first)
  if (second === undefined) return [port, port]
  if (/^[-+]?\d+$/.test(second)) {
    const n = parseInt(second, 10)
    if (n < 1 || n > 65535) throw new KubectlError('error: must be between 1 and 65535, inclusive')
    return [port, n]
  }
  const errs: string[] = []
  if (second.length > 15) errs.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(second)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(second)) errs.push('must contain at least one letter (a-z)')
  if (second.includes('--')) errs.push('must not contain consecutive hyphens')
  if (errs.length === 0 && !PORT_NAME.test(second)) errs.push('must not begin or end with a hyphen')
  if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`)
  return [port, second]
}

/** The Service `kubectl create service TYPE NAME` would send, and its type (for error texts). */
export function serviceFor(ctx: KubectlContext, sub: string | undefined, name: string | undefined, flags: FlagValues): { obj: KubeObject; type: string } {
  const type = sub ? SERVICE_TYPES[sub] : undefined
  if (!sub || !type) throw new KubectlError(`error: unknown command "${[sub, name].filter(Boolean).join(' ')}"\nSee 'kubectl create service -h' for help and examples`)
  for (const f of Object.keys(DEFAULTS)) {
    const given = JSON.stringify(flags[f]) !== JSON.stringify(DEFAULTS[f])
    if (given && !TYPE_FLAGS[sub]!.includes(f)) throw new KubectlError(`error: unknown flag: --${f}\nSee 'kubectl create service ${sub} --help' for usage.`)
  }
  if (!name) throw nameRequired(`service ${sub}`)
  const tcp = (flags.tcp as string[]).flatMap((s) => s.split(',')).filter(Boolean)
  const clusterIP = String(flags.clusterip ?? '')
  const externalName = String(flags['external-name'] ?? '')
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type')
  if (clusterIP !== 'None' && !tcp.length && type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided')
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length) throw new KubectlError(`error: invalid service external name ${externalName}`)
  const nodePort = flags['node-port'] as number
  const ports = tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec)
    return { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort, nodePort: nodePort || undefined }
  })
  const obj: KubeObject = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { ...generatedMeta(ctx, name), labels: { app: name } },
    spec: { ports: ports.length ? ports : undefined, selector: { app: name }, clusterIP: clusterIP || undefined, type, externalName: externalName || undefined },
  }
  return { obj, type }
}

export function serviceAccountFor(ctx: KubectlContext, name: string | undefined): KubeObject {
  if (!name) throw nameRequired('serviceaccount')
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: generatedMeta(ctx, name) }
}
