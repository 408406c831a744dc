/**
 * A node's image store (containerd's content store as the kubelet sees it): what is pulled,
 * and pulls that take time by size, one at a time (serializeImagePulls, the default).
 */

import { goDuration } from '../../machinery/duration'
import { fnv32a } from '../../machinery/hash'
import type { Clock } from '../../sim/clock'
import type { Random } from '../../sim/random'
import { parseImage, type ImageCatalogue } from './catalogue'

/** Simulated registry bandwidth and per-pull latency. */
export const PULL_BYTES_PER_SECOND = 25 * 1024 * 1024
export const PULL_LATENCY_MS = 600

export interface PullResult {
  ok: boolean
  message: string
}

export class ImageStore {
  private images = new Map<string, number>()
  private busyUntil = 0

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly catalogue: ImageCatalogue,
  ) {}

  has(image: string): boolean {
    return this.images.has(parseImage(image).full)
  }

  list(): { names: string[]; sizeBytes: number }[] {
    return [...this.images].map(([full, size]) => ({ names: [this.digestRef(full), full], sizeBytes: size }))
  }

  /** Images present from the start (the control plane's own, the CNI, pause). */
  preload(image: string, size: number): void {
    this.images.set(parseImage(image).full, size)
  }

  imageID(image: string): string {
    return this.digestRef(parseImage(image).full)
  }

  private digestRef(full: string): string {
    const ref = parseImage(full)
    let hex = ''
    for (let i = 0; hex.length < 64; i++) hex += fnv32a(`${full}#${i}`).toString(16).padStart(8, '0')
    return `${ref.repository}@sha256:${hex.slice(0, 64)}`
  }

  pull(image: string, cached: boolean, done: (r: PullResult) => void): void {
    const ref = parseImage(image)
    const now = this.clock.now()
    const start = Math.max(now, this.busyUntil)
    if (!this.catalogue.exists(image)) {
      const at = start + PULL_LATENCY_MS + this.random.int(400)
      this.busyUntil = at
      const message = `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
      this.clock.after(at - now, () => done({ ok: false, message: `rpc error: code = Unknown desc = ${message}` }))
      return
    }
    const size = Math.round(this.catalogue.sizeOf(image) * (0.95 + this.random.float() * 0.1))
    // A cached image with policy Always only checks the manifest.
    const work = cached ? 300 + this.random.int(400) : PULL_LATENCY_MS + Math.round((size / PULL_BYTES_PER_SECOND) * 1000 * (0.8 + this.random.float() * 0.4))
    const end = start + work
    this.busyUntil = end
    this.clock.after(end - now, () => {
      this.images.set(ref.full, size)
      const took = goDuration(work)
      const total = goDuration(end - now)
      done({ ok: true, message: `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${size} bytes.` })
    })
  }
}
