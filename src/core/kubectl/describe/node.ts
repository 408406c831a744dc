/**
 * `kubectl describe node` (describeNode): identity, taints, the kubelet's Lease, conditions,
 * capacity, system info, the pods running there with their share of the node, and events.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- nodes are read as free-form objects */
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { describeEvents, searchEvents } from './events'
import { describeTime, goBool, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, since } from './format'
import { addQuantities, formatQuantity, milliValue, parseQuantityExact, wholeValue, type ParsedQuantity } from '../../machinery/quantity-string'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

type ResourceList = Map<string, ParsedQuantity>

function toList(m: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = new Map()
  for (const [k, v] of Object.entries(m ?? {})) {
    const q = parseQuantityExact(v as string)
    if (q) out.set(k, q)
  }
  return out
}

function addList(into: ResourceList, more: ResourceList): void {
  for (const [k, v] of more) into.set(k, addQuantities(into.get(k), v))
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) {
    const cur = into.get(k)
    if (!cur || v.nanos > cur.nanos) into.set(k, { nanos: v.nanos, format: v.format })
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, sidecars added, init containers as a floor. */
export function podRequestsAndLimits(pod: any): { reqs: ResourceList; limits: ResourceList } {
  const compute = (kind: 'requests' | 'limits') => {
    const total: ResourceList = new Map()
    for (const c of pod.spec?.containers ?? []) addList(total, toList(c.resources?.[kind]))
    const sidecars: ResourceList = new Map()
    const inits: ResourceList = new Map()
    for (const c of pod.spec?.initContainers ?? []) {
      let mine = toList(c.resources?.[kind])
      if (c.restartPolicy === 'Always') {
        addList(total, mine)
        addList(sidecars, mine)
        mine = sidecars
      } else {
        const tmp: ResourceList = new Map()
        addList(tmp, mine)
        addList(tmp, sidecars)
        mine = tmp
      }
      maxList(inits, mine)
    }
    maxList(total, inits)
    return total
  }
  return { reqs: compute('requests'), limits: compute('limits') }
}

const ZERO: ParsedQuantity = { nanos: 0n, format: 'DecimalSI' }

/** int64(float64(a)/float64(b)*100), as Go truncates the percentage. */
function percent(a: bigint, b: bigint): number {
  return Math.trunc((Number(a) / Number(b)) * 100)
}

function findNodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v) roles.add(v)
  }
  return [...roles].sort()
}

export function nodeEvents(ctx: DescribeContext, node: KubeObject): KubeObject[] {
  const name = node.metadata.name ?? ''
  // the node controller records events against the node's uid, the kubelet against its name
  const byUid = searchEvents(ctx.api, { namespace: '', name, kind: 'Node', uid: node.metadata.uid })
  const byName = searchEvents(ctx.api, { namespace: '', name, kind: 'Node', uid: name })
  return [...byUid, ...byName]
}

function describeLease(ctx: DescribeContext, name: string, w: PrefixWriter): void {
  const t = ctx.api.registry.forGroupResource('coordination.k8s.io', 'leases')
  let lease: any
  try {
    lease = t ? ctx.api.get(t, 'kube-node-lease', name) : undefined
  } catch (e) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${isStatusError(e) ? e.status.message : String(e)}\n`)
    return
  }
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${lease?.spec?.acquireTime ? describeTime(lease.spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${lease?.spec?.renewTime ? describeTime(lease.spec.renewTime) : '<unset>'}\n`)
}

function describeNodeResource(ctx: DescribeContext, pods: any[], node: any, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatable = toList(Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : node.status?.capacity)
  const allocCpu = milliValue(allocatable.get('cpu'))
  const allocMem = wholeValue(allocatable.get('memory'))
  const cell = (q: ParsedQuantity | undefined, pct: number) => `${formatQuantity(q ?? ZERO)} (${pct}%)`
  const totalReqs: ResourceList = new Map()
  const totalLimits: ResourceList = new Map()
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod)
    addList(totalReqs, reqs)
    addList(totalLimits, limits)
    const cr = reqs.get('cpu')
    const cl = limits.get('cpu')
    const mr = reqs.get('memory')
    const ml = limits.get('memory')
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(cr, percent(milliValue(cr), allocCpu))}\t${cell(cl, percent(milliValue(cl), allocCpu))}\t${cell(mr, percent(wholeValue(mr), allocMem))}\t${cell(ml, percent(wholeValue(ml), allocMem))}\t${since(pod.metadata.creationTimestamp, ctx.now)}\n`,
    )
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const row = (name: string, value: (q: ParsedQuantity | undefined) => bigint, alloc: bigint) => {
    const r = totalReqs.get(name)
    const l = totalLimits.get(name)
    const pr = alloc !== 0n ? percent(value(r), alloc) : 0
    const pl = alloc !== 0n ? percent(value(l), alloc) : 0
    w.write(LEVEL_1, `${name}\t${cell(r, pr)}\t${cell(l, pl)}\n`)
  }
  row('cpu', milliValue, allocCpu)
  row('memory', wholeValue, allocMem)
  row('ephemeral-storage', wholeValue, wholeValue(allocatable.get('ephemeral-storage')))
  const names = [...allocatable.keys()].sort()
  for (const n of names.filter((x) => x.startsWith('hugepages-'))) row(n, wholeValue, wholeValue(allocatable.get(n)))
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods'])
  for (const n of names.filter((x) => !x.startsWith('hugepages-') && !standard.has(x))) {
    w.write(LEVEL_1, `${n}\t${formatQuantity(totalReqs.get(n) ?? ZERO)}\t${formatQuantity(totalLimits.get(n) ?? ZERO)}\n`)
  }
}

export function describeNode(ctx: DescribeContext, node: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = node.spec ?? {}
  const st = node.status ?? {}
  const roles = findNodeRoles(node)
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
  w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', node.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(node.metadata.creationTimestamp)}\n`)
  printTaintsMultiline(w, 'Taints', spec.taints)
  w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`)
  describeLease(ctx, node.metadata.name, w)
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${describeTime(c.lastHeartbeatTime)} \t${describeTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as [string, Record<string, string> | undefined][]) {
    const l = toList(list)
    if (!l.size) continue
    w.write(LEVEL_0, `${title}:\n`)
    for (const n of [...l.keys()].sort()) w.write(LEVEL_0, `  ${n}:\t${formatQuantity(l.get(n)!)}\n`)
  }
  const info = st.nodeInfo ?? {}
  w.write(LEVEL_0, 'System Info:\n')
  const infoRows: [string, string][] = [
    ['Machine ID', info.machineID],
    ['System UUID', info.systemUUID],
    ['Boot ID', info.bootID],
    ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage],
    ['Operating System', info.operatingSystem],
    ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion],
    ['Kubelet Version', info.kubeletVersion],
    ['Kube-Proxy Version', info.kubeProxyVersion],
  ]
  for (const [k, v] of infoRows) w.write(LEVEL_0, `  ${k}:\t${v ?? ''}\n`)
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`)
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
  const podsType = ctx.api.registry.forGroupResource('', 'pods')!
  const pods = ctx.api.list(podsType, { fieldSelector: `spec.nodeName=${node.metadata.name},status.phase!=Succeeded,status.phase!=Failed` }).items
  describeNodeResource(ctx, pods, node, w)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
