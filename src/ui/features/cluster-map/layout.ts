/**
 * Pure layout of the cluster map: each Kubernetes Node is a group box (control plane first,
 * then by name) holding its pods in a grid sorted by name; pods not bound to a known node sit
 * in an "Unscheduled" area below. Sizes are fixed numbers, so the layout is stable and needs no
 * measuring.
 */

import type { Node as FlowNode } from '@xyflow/react'
import type { Node as KubeNode, Pod } from 'kubernetes-types/core/v1'
import type { ObjectView } from '../../../protocol/messages'
import { podCategory, type PodCategory } from './pod-status'

export const POD_W = 172
export const POD_H = 44
const GAP = 8
const PAD = 12
const HEADER = 56
const NODE_COLS = 2
const NODE_GAP = 40
const MIN_ROWS = 2
const UNSCHEDULED_COLS = 6

export interface NodeBoxData extends Record<string, unknown> {
  name: string
  controlPlane: boolean
  ready: boolean
  unschedulable: boolean
  podCount: number
}

export interface AreaData extends Record<string, unknown> {
  podCount: number
}

export interface PodData extends Record<string, unknown> {
  name: string
  namespace: string
  status: string
  category: PodCategory
}

export type NodeBoxFlowNode = FlowNode<NodeBoxData, 'k8sNode'>
export type AreaFlowNode = FlowNode<AreaData, 'unscheduled'>
export type PodFlowNode = FlowNode<PodData, 'pod'>
export type MapNode = NodeBoxFlowNode | AreaFlowNode | PodFlowNode

export const UNSCHEDULED_ID = 'unscheduled'
export const nodeBoxId = (name: string) => `node:${name}`
export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane'

function boxSize(pods: number, cols: number, minRows = MIN_ROWS) {
  const rows = Math.max(minRows, Math.ceil(pods / cols))
  return { width: PAD * 2 + cols * POD_W + (cols - 1) * GAP, height: HEADER + rows * (POD_H + GAP) - GAP + PAD }
}

function podNodes(parentId: string, pods: Pod[], statusOf: Map<Pod, string>, cols: number): PodFlowNode[] {
  return pods.map((pod, i) => {
    const name = pod.metadata?.name ?? ''
    const namespace = pod.metadata?.namespace ?? 'default'
    const status = statusOf.get(pod) ?? 'Unknown'
    const category = podCategory(status)
    return {
      id: podId(namespace, name),
      type: 'pod',
      parentId,
      extent: 'parent',
      position: { x: PAD + (i % cols) * (POD_W + GAP), y: HEADER + Math.floor(i / cols) * (POD_H + GAP) },
      width: POD_W,
      height: POD_H,
      draggable: false,
      className: `pod-node pod-node--${category}`,
      ariaLabel: `Pod ${name}`,
      domAttributes: { title: `${name}: ${status}`, 'aria-description': status },
      data: { name, namespace, status, category },
    }
  })
}

const byName = (a: Pod, b: Pod) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')

export function layoutCluster(nodeViews: readonly ObjectView[], podViews: readonly ObjectView[]): MapNode[] {
  const nodes = nodeViews.map((v) => v.object as unknown as KubeNode)
  const isControlPlane = (n: KubeNode) => n.metadata?.labels?.[CONTROL_PLANE_LABEL] !== undefined
  nodes.sort((a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))

  const statusOf = new Map<Pod, string>()
  const podsOn = new Map<string, Pod[]>(nodes.map((n) => [n.metadata?.name ?? '', []]))
  const unscheduled: Pod[] = []
  for (const view of podViews) {
    const pod = view.object as unknown as Pod
    statusOf.set(pod, view.status ?? pod.status?.phase ?? 'Unknown')
    const list = pod.spec?.nodeName ? podsOn.get(pod.spec.nodeName) : undefined
    ;(list ?? unscheduled).push(pod)
  }

  const out: MapNode[] = []
  let x = 0
  let tallest = 0
  for (const node of nodes) {
    const name = node.metadata?.name ?? ''
    const pods = (podsOn.get(name) ?? []).sort(byName)
    const size = boxSize(pods.length, NODE_COLS)
    const ready = node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
    const id = nodeBoxId(name)
    out.push({
      id,
      type: 'k8sNode',
      position: { x, y: 0 },
      ...size,
      draggable: false,
      className: `node-box${ready ? '' : ' node-box--not-ready'}`,
      ariaLabel: `Node ${name}`,
      data: { name, controlPlane: isControlPlane(node), ready, unschedulable: node.spec?.unschedulable === true, podCount: pods.length },
    })
    out.push(...podNodes(id, pods, statusOf, NODE_COLS))
    x += size.width + NODE_GAP
    tallest = Math.max(tallest, size.height)
  }

  unscheduled.sort(byName)
  const area = boxSize(unscheduled.length, UNSCHEDULED_COLS, 1)
  out.push({
    id: UNSCHEDULED_ID,
    type: 'unscheduled',
    position: { x: 0, y: tallest + NODE_GAP },
    width: area.width,
    height: area.height,
    draggable: false,
    selectable: false,
    className: 'unscheduled-area',
    ariaLabel: 'Unscheduled pods',
    data: { podCount: unscheduled.length },
  })
  out.push(...podNodes(UNSCHEDULED_ID, unscheduled, statusOf, UNSCHEDULED_COLS))
  return out
}

/**
 * Keeps React Flow's own per-node state (measured size, selection) across a re-layout and
 * reuses the previous object when nothing about a node changed, so unchanged nodes don't re-render.
 */
export function mergeLayout(prev: readonly MapNode[], next: MapNode[]): MapNode[] {
  const old = new Map(prev.map((n) => [n.id, n]))
  return next.map((n) => {
    const o = old.get(n.id)
    if (!o) return n
    if (sameNode(o, n)) return o
    return { ...n, selected: o.selected, measured: o.measured } as MapNode
  })
}

function sameNode(a: MapNode, b: MapNode): boolean {
  if (a.type !== b.type || a.parentId !== b.parentId || a.className !== b.className) return false
  if (a.position.x !== b.position.x || a.position.y !== b.position.y || a.width !== b.width || a.height !== b.height) return false
  const da = a.data as Record<string, unknown>
  const db = b.data as Record<string, unknown>
  const keys = Object.keys(db)
  return keys.length === Object.keys(da).length && keys.every((k) => da[k] === db[k])
}
