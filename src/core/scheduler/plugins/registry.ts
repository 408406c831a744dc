/** The default profile's plugins, in upstream's order, with their default score weights. */
import type { FilterPlugin, ScorePlugin } from '../framework/types'
import { imageLocality } from './image-locality'
import { balancedAllocation } from './node-resources-balanced-allocation'
import { nodeAffinityFilter, nodeAffinityScore } from './node-affinity'
import { nodeName } from './node-name'
import { nodePorts } from './node-ports'
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './node-resources-fit'
import { nodeUnschedulable } from './node-unschedulable'
import { interPodAffinityFilter, interPodAffinityScore } from './inter-pod-affinity'
import { podTopologySpreadFilter, podTopologySpreadScore } from './pod-topology-spread'
import { taintTolerationFilter, taintTolerationScore } from './taint-toleration'
import { volumeBinding } from './volume-binding'

// v1.31 default_plugins.go (MultiPoint order; of the volume plugins only VolumeBinding is simulated):
// NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit,
// [VolumeRestrictions, NodeVolumeLimits], VolumeBinding, [VolumeZone], PodTopologySpread,
// InterPodAffinity, DefaultPreemption (PostFilter), NodeResourcesBalancedAllocation, ImageLocality.
export const FILTER_PLUGINS: FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  volumeBinding,
  podTopologySpreadFilter,
  interPodAffinityFilter,
]

// Score weights: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, the rest 1.
export const SCORE_PLUGINS: ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  nodeResourcesFitScore,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocation,
  imageLocality,
]
