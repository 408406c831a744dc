/** A Kubernetes Node drawn as a group box; its pods are React Flow child nodes placed inside. */

import type { NodeProps } from '@xyflow/react'
import { useT } from '../../i18n'
import type { AreaFlowNode, NodeBoxFlowNode } from './layout'

export function NodeBox({ data }: NodeProps<NodeBoxFlowNode>) {
  const t = useT()
  return (
    <div className="node-box__header">
      <span className="node-box__name">{data.name}</span>
      <span className="node-box__role">{data.controlPlane ? t('map.controlPlane') : t('map.worker')}</span>
      <span className={`node-box__ready node-box__ready--${data.ready ? 'ready' : 'not-ready'}`}>
        <span aria-hidden="true">{data.ready ? '✓' : '✕'}</span> {data.ready ? 'Ready' : 'NotReady'}
        {data.unschedulable ? ',SchedulingDisabled' : ''}
      </span>
      <span className="node-box__count">{t('map.pods', { count: data.podCount })}</span>
    </div>
  )
}

export function UnscheduledArea({ data }: NodeProps<AreaFlowNode>) {
  const t = useT()
  return (
    <div className="node-box__header">
      <span className="node-box__name">{t('map.unscheduled')}</span>
      <span className="node-box__count">{t('map.pods', { count: data.podCount })}</span>
    </div>
  )
}
