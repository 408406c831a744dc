import { describe, expect, it } from 'vitest'
import type { ObjectView } from '../../../protocol/messages'
import { layoutCluster, mergeLayout, nodeBoxId, podId, UNSCHEDULED_ID, type MapNode } from './layout'

const node = (name: string, controlPlane = false): ObjectView => ({
  key: `/Node//${name}`,
  object: {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  },
})

const pod = (name: string, nodeName: string | undefined, status = 'Running'): ObjectView => ({
  key: `/Pod/default/${name}`,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName } },
  status,
})

const byId = (nodes: MapNode[]) => new Map(nodes.map((n) => [n.id, n]))

describe('layoutCluster', () => {
  it('puts the control plane first, then nodes by name, each holding its pods sorted by name', () => {
    const out = layoutCluster([node('node-2'), node('node-1'), node('cp', true)], [pod('web-b', 'node-1'), pod('web-a', 'node-1'), pod('x', undefined, 'Pending')])
    const boxes = out.filter((n) => n.type === 'k8sNode')
    expect(boxes.map((b) => b.ariaLabel)).toEqual(['Node cp', 'Node node-1', 'Node node-2'])
    expect(boxes.map((b) => b.position.x)).toEqual([...boxes.map((b) => b.position.x)].sort((a, b) => a - b))
    const ids = byId(out)
    const a = ids.get(podId('default', 'web-a'))
    const b = ids.get(podId('default', 'web-b'))
    expect(a?.parentId).toBe(nodeBoxId('node-1'))
    expect(a?.ariaLabel).toBe('Pod web-a')
    expect(a!.position.x).toBeLessThan(b!.position.x)
    expect(ids.get(podId('default', 'x'))?.parentId).toBe(UNSCHEDULED_ID)
    // React Flow needs parents before children.
    const index = new Map(out.map((n, i) => [n.id, i]))
    for (const n of out) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!)
  })

  it('shows status as text in title and aria-description', () => {
    const p = byId(layoutCluster([node('n')], [pod('p', 'n', 'ContainerCreating')])).get(podId('default', 'p'))
    expect(p?.domAttributes).toEqual({ title: 'p: ContainerCreating', 'aria-description': 'ContainerCreating' })
    expect(p?.className).toContain('pod-node--pending')
  })

  it('grows a node box with its pods and keeps every pod inside it', () => {
    const pods = Array.from({ length: 9 }, (_, i) => pod(`p${i}`, 'n'))
    const out = layoutCluster([node('n')], pods)
    const box = byId(out).get(nodeBoxId('n'))!
    for (const p of out.filter((n) => n.type === 'pod' && n.parentId === box.id)) {
      expect(p.position.x + p.width!).toBeLessThanOrEqual(box.width!)
      expect(p.position.y + p.height!).toBeLessThanOrEqual(box.height!)
    }
  })
})

describe('mergeLayout', () => {
  it('reuses unchanged node objects and keeps selection of changed ones', () => {
    const first = layoutCluster([node('n')], [pod('p', 'n', 'Pending')])
    const selected = first.map((n) => (n.type === 'pod' ? { ...n, selected: true } : n))
    const next = mergeLayout(selected, layoutCluster([node('n')], [pod('p', 'n', 'Running')]))
    const ids = byId(next)
    expect(ids.get(nodeBoxId('n'))).toBe(selected.find((n) => n.id === nodeBoxId('n')))
    expect(ids.get(podId('default', 'p'))?.selected).toBe(true)
    expect(ids.get(podId('default', 'p'))?.data).toMatchObject({ status: 'Running' })
  })
})
