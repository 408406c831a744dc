/**
 * Getting a container's image onto the node before it starts (the kubelet's image manager):
 * imagePullPolicy, Pulling/Pulled events, ErrImagePull then ImagePullBackOff with back-off.
 */

import type { KubeObject } from '../api/types'
import { defaultPullPolicy } from '../api/defaults/pod'
import type { Kubelet } from './kubelet'
import { fieldPath, type Slot } from './slots'

/** Time to create and start one container once its image is present. */
export const CONTAINER_START_MS = 150

/** What the pod worker lends the image step. */
export interface PullHost {
  kubelet: Kubelet
  pod(): KubeObject
  stopped(): boolean
  after(ms: number, fn: () => void): void
  setWaiting(reason: string, message?: string): void
  writeStatus(): void
  nextBackoff(key: string): number
}

export function ensureImage(w: PullHost, s: Slot, then: () => void): void {
  const c = s.c
  const image = c.image ?? ''
  const policy = c.imagePullPolicy ?? defaultPullPolicy(image)
  const path = fieldPath(s)
  const present = w.kubelet.images.has(image)
  if (present && policy !== 'Always') {
    w.kubelet.event(w.pod(), 'Normal', 'Pulled', `Container image "${image}" already present on machine`, path)
    return w.after(CONTAINER_START_MS, then)
  }
  if (policy === 'Never') {
    w.setWaiting('ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`)
    w.kubelet.event(w.pod(), 'Warning', 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`, path)
    w.writeStatus()
    return
  }
  w.kubelet.event(w.pod(), 'Normal', 'Pulling', `Pulling image "${image}"`, path)
  w.kubelet.images.pull(image, present, (result) => {
    if (w.stopped()) return
    if (!result.ok) {
      w.setWaiting('ErrImagePull', result.message)
      w.kubelet.event(w.pod(), 'Warning', 'Failed', `Failed to pull image "${image}": ${result.message}`, path)
      w.kubelet.event(w.pod(), 'Warning', 'Failed', 'Error: ErrImagePull', path)
      w.writeStatus()
      const delay = w.nextBackoff(`pull:${c.name}`)
      w.after(1000, () => {
        w.setWaiting('ImagePullBackOff', `Back-off pulling image "${image}"`)
        w.kubelet.event(w.pod(), 'Normal', 'BackOff', `Back-off pulling image "${image}"`, path)
        w.kubelet.event(w.pod(), 'Warning', 'Failed', 'Error: ImagePullBackOff', path)
        w.writeStatus()
      })
      w.after(delay, () => ensureImage(w, s, then))
      return
    }
    w.kubelet.event(w.pod(), 'Normal', 'Pulled', result.message, path)
    w.after(CONTAINER_START_MS, then)
  })
}
