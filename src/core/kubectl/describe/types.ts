/** What a describer works with: the API (as kubectl's user sees it) and the current time. */

import type { KubeObject } from '../../api/types'
import type { ResourceType } from '../../api/resources'
import type { APIServer } from '../../apiserver/server'

export interface DescribeContext {
  api: APIServer
  now: number
  showEvents: boolean
}

/** One describer per kind (describe.go's describerMap); the generic one serves the rest. */
export type Describer = (ctx: DescribeContext, obj: KubeObject, type: ResourceType) => string
