/** Taint matching comes from the API types; the scheduler adds its own way of printing a taint. */

import type { Taint } from '../../../api/tolerations'

export { nodeTaints, toleratesTaint as tolerates, type Taint, type Toleration } from '../../../api/tolerations'

/** "{key: value}" as the scheduler prints an untolerated taint. */
export function formatTaint(t: Taint): string {
  return `{${t.key}: ${t.value ?? ''}}`
}
