/** One pod inside its node box: name, and status as a symbol AND text AND colour. */

import type { NodeProps } from '@xyflow/react'
import type { PodFlowNode } from './layout'
import { CATEGORY_SYMBOL } from './pod-status'

export function PodNode({ data }: NodeProps<PodFlowNode>) {
  return (
    <div className="pod">
      <span className="pod__name">{data.name}</span>
      <span className="pod__status">
        <span className="pod__symbol" aria-hidden="true">
          {CATEGORY_SYMBOL[data.category]}
        </span>
        {data.status}
        {data.namespace !== 'default' && <span className="pod__ns"> · {data.namespace}</span>}
      </span>
    </div>
  )
}
