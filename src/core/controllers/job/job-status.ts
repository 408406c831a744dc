/** Job status arithmetic (job_controller.go pastActiveDeadline and the active/ready/terminating counters). */

import type { KubeObject } from '../../api/types'
import { parseTime } from '../../machinery/time'
import { isPodReady } from '../controller-utils/pods'
import { jspec, type JobStatus } from './job-utils'

/** pastActiveDeadline: never while suspended. */
export function pastActiveDeadline(job: KubeObject, st: JobStatus, now: number): boolean {
  const ads = jspec(job).activeDeadlineSeconds
  if (ads === undefined || !st.startTime || jspec(job).suspend) return false
  return now - (parseTime(st.startTime) ?? now) >= ads * 1000
}

/** active (omitted at 0), ready and terminating, from the pods still running. */
export function setCounts(st: JobStatus, active: KubeObject[], terminating: number): void {
  const stillActive = active.filter((p) => !p.metadata.deletionTimestamp)
  if (stillActive.length) st.active = stillActive.length
  else delete st.active
  st.ready = stillActive.filter(isPodReady).length
  st.terminating = terminating
}
