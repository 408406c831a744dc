/** The cluster map: nodes as boxes holding their pods, drawn with React Flow from the objects mirror. */

import { Background, Controls, ReactFlow, ReactFlowProvider, useNodesState, useReactFlow, type NodeTypes } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useRef } from 'react'
import { useT } from '../../i18n'
import { useObjectsOfKind } from '../../state/objects-store'
import './cluster-map.css'
import { layoutCluster, mergeLayout, type MapNode } from './layout'
import { NodeBox, UnscheduledArea } from './node-box'
import { PodNode } from './pod-node'

// Module level: a new object on every render would remount every node.
const nodeTypes: NodeTypes = { k8sNode: NodeBox, unscheduled: UnscheduledArea, pod: PodNode }

export function ClusterMap() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  )
}

function Flow() {
  const t = useT()
  const nodes = useObjectsOfKind('Node')
  const pods = useObjectsOfKind('Pod')
  const layout = useMemo(() => layoutCluster(Object.values(nodes), Object.values(pods)), [nodes, pods])
  const [flowNodes, setFlowNodes, onNodesChange] = useNodesState<MapNode>([])
  useEffect(() => setFlowNodes((prev) => mergeLayout(prev, layout)), [layout, setFlowNodes])

  // Fit the view whenever the set of Kubernetes nodes changes (not on every pod change).
  const { fitView } = useReactFlow()
  const boxCount = Object.keys(nodes).length
  const fitted = useRef(-1)
  useEffect(() => {
    if (fitted.current === boxCount || flowNodes.length === 0) return
    fitted.current = boxCount
    void fitView({ padding: 0.08, duration: 0 })
  }, [boxCount, flowNodes, fitView])

  return (
    <section className="cluster-map" aria-label="Cluster map" title={t('map.label')}>
      <ReactFlow
        nodes={flowNodes}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        minZoom={0.1}
        maxZoom={2}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {boxCount === 0 && <p className="cluster-map__empty">{t('map.empty')}</p>}
    </section>
  )
}
