/** ImageLocality: prefer nodes that already hold the pod's images (scaled by size and spread). */
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types'

export const NAME = 'ImageLocality'
const MIN_THRESHOLD = 23 * 1024 * 1024
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024

function normalizedImageName(name: string): string {
  const lastSlash = name.lastIndexOf('/')
  return name.indexOf(':', lastSlash + 1) < 0 && !name.includes('@') ? `${name}:latest` : name
}

const STATE_KEY = 'PreScoreImageLocality'

export const imageLocality: ScorePlugin = {
  name: NAME,
  weight: 1,
  preScore(state, pod) {
    const containers = (pod.spec as { containers?: { image?: string }[] }).containers ?? []
    state.set(STATE_KEY, containers.map((c) => [normalizedImageName(c.image ?? ''), c.image ?? '']))
  },
  score(state, _pod, node) {
    const images = (state.get(STATE_KEY) as string[][] | undefined) ?? []
    let sum = 0
    for (const [normalized, raw] of images) {
      const size = node.imageSizes.get(normalized!) ?? node.imageSizes.get(raw!)
      if (size) sum += size
    }
    const max = MAX_CONTAINER_THRESHOLD * Math.max(1, images.length)
    if (sum < MIN_THRESHOLD) return 0
    if (sum > max) return MAX_NODE_SCORE
    return Math.floor((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (max - MIN_THRESHOLD))
  },
}
