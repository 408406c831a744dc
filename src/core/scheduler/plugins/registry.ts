/** The default profile's plugins, in upstream's order, with their default score weights. */
import type { FilterPlugin, ScorePlugin } from '../framework/types'
import { imageLocality } from './image-locality'
import { balancedAllocation } from './node-resources-balanced-allocation'
import { nodeAffinityFilter, nodeAffinityScore } from './node-affinity'
import { nodeName } from './node-name'
import { nodePorts } from './node-ports'
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './node-resources-fit'
import { nodeUnschedulable } from './node-unschedulable'
import { podTopologySpread } from './pod-topology-spread'
import { taintTolerationFilter, taintTolerationScore } from './taint-toleration'

export const FILTER_PLUGINS: FilterPlugin[] = [nodeUnschedulable, nodeName, taintTolerationFilter, nodeAffinityFilter, nodePorts, nodeResourcesFitFilter]

export const SCORE_PLUGINS: ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, podTopologySpread, nodeResourcesFitScore, balancedAllocation, imageLocality]
