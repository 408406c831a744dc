/** `sim load`: simulated CPU demand on a workload's pods, for `kubectl top` and the HPA. */

import { parseQuantity } from '../machinery/quantity'
import type { ClusterCore } from './cluster'
import type { SimResult } from './sim'

const ok = (stdout: string): SimResult => ({ stdout, stderr: '', exitCode: 0 })
const fail = (msg: string): SimResult => ({ stdout: '', stderr: `error: ${msg}\n`, exitCode: 1 })

/** Workloads whose pods `sim load` can aim at: the resource and where its pod selector sits. */
const LOAD_KINDS: Record<string, [string, string, (spec: any) => Record<string, string> | undefined]> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  deployment: ['apps', 'deployments', (s) => s?.selector?.matchLabels],
  replicaset: ['apps', 'replicasets', (s) => s?.selector?.matchLabels],
  statefulset: ['apps', 'statefulsets', (s) => s?.selector?.matchLabels],
  daemonset: ['apps', 'daemonsets', (s) => s?.selector?.matchLabels],
  service: ['', 'services', (s) => s?.selector],
}
const LOAD_ALIASES: Record<string, string> = { deploy: 'deployment', deployments: 'deployment', rs: 'replicaset', replicasets: 'replicaset', sts: 'statefulset', statefulsets: 'statefulset', ds: 'daemonset', daemonsets: 'daemonset', svc: 'service', services: 'service' }

/** `sim load TARGET --cpu Q`: the total CPU demand on TARGET's pods (0 removes it). */
export function simLoad(core: ClusterCore, args: string[], flags: Map<string, string[]>): SimResult {
  const target = args[0] ?? ''
  const cpu = flags.get('--cpu')?.[0]
  const [rawKind, name] = target.split('/')
  const kind = LOAD_ALIASES[rawKind ?? ''] ?? rawKind ?? ''
  const spec = LOAD_KINDS[kind]
  if (!spec || !name || cpu === undefined) return fail('usage: sim load deployment|statefulset|replicaset|daemonset|service/NAME --cpu QUANTITY [-n NAMESPACE]')
  let milli: number
  try {
    milli = Math.round(parseQuantity(cpu) * 1000)
  } catch (e) {
    return fail((e as Error).message)
  }
  const namespace = flags.get('-n')?.[0] ?? flags.get('--namespace')?.[0] ?? 'default'
  const obj = core.api.peek(core.api.registry.forGroupResource(spec[0], spec[1])!, namespace, name)
  if (!obj) return fail(`${kind} "${name}" not found in namespace "${namespace}"`)
  const selector = spec[2](obj.spec)
  if (!selector || !Object.keys(selector).length) return fail(`${kind} "${name}" selects no pods`)
  const key = `${kind}/${name}`
  const at = core.load.findIndex((l) => l.namespace === namespace && l.target === key)
  if (at >= 0) core.load.splice(at, 1)
  if (milli > 0) core.load.push({ namespace, target: key, selector: { ...selector }, milliCPU: milli })
  return ok(milli > 0 ? `${key} now under ${cpu} of CPU load\n` : `${key} load removed\n`)
}
