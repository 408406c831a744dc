/** ImageLocality: prefer nodes that already hold the pod's images (scaled by size and spread). */
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types'

export const NAME = 'ImageLocality'
const MIN_THRESHOLD = 23 * 1024 * 1024
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024

function normalizedImageName(name: string): string {
  const lastSlash = name.lastIndexOf('/')
  return name.indexOf(':', lastSlash + 1) < 0 && !name.includes('@') ? `${name}:latest` : name
}

export const imageLocality: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(_s, pod, node) {
    const containers = (pod.spec as { containers?: { image?: string }[] }).containers ?? []
    let sum = 0
    for (const c of containers) {
      const size = node.imageSizes.get(normalizedImageName(c.image ?? '')) ?? node.imageSizes.get(c.image ?? '')
      if (size) sum += size
    }
    const max = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.length)
    if (sum < MIN_THRESHOLD) return 0
    if (sum > max) return MAX_NODE_SCORE
    return Math.floor((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (max - MIN_THRESHOLD))
  },
}
