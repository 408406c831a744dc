/**
 * kubectl autoscale: creates a HorizontalPodAutoscaler for a scalable object. kubectl sends an
 * autoscaling/v1 object (targetCPUUtilizationPercentage); it is stored here in its
 * autoscaling/v2 form, as the API server would convert it.
 */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { parseResourceArgs } from '../resource-args'

export const autoscaleFlags: FlagSpec[] = [
  { name: 'min', type: 'int', default: -1 },
  { name: 'max', type: 'int', default: -1 },
  { name: 'cpu-percent', type: 'int', default: -1 },
  { name: 'name', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string', default: '' },
]

const SCALABLE: Record<string, string> = { 'apps/deployments': 'apps/v1', 'apps/replicasets': 'apps/v1', 'apps/statefulsets': 'apps/v1', '/replicationcontrollers': 'v1' }
/** The v1 default of targetCPUUtilizationPercentage, carried into the v2 metric. */
const DEFAULT_CPU_PERCENT = 80

export function runAutoscale(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const min = flags.min as number
  const max = flags.max as number
  const cpu = flags['cpu-percent'] as number
  if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`)
  if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`)
  const sels = parseResourceArgs(ctx.api, args)
  if (!sels.length || !sels.some((s) => s.names.length)) throw new KubectlError('error: resource(s) were provided, but no name was specified')
  const hpaType = ctx.api.registry.forGroupResource('autoscaling', 'horizontalpodautoscalers')!
  for (const sel of sels) {
    for (const name of sel.names) {
      const target = ctx.api.get(sel.type, ctx.namespace, name)
      const apiVersion = SCALABLE[`${sel.type.group}/${sel.type.plural}`]
      if (!apiVersion) throw new KubectlError(`error: cannot autoscale a ${sel.type.kind}: ${sel.type.plural}${sel.type.group ? '.' + sel.type.group : ''} "${name}" is not scalable`)
      const hpa: KubeObject = {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: String(flags.name || name), namespace: ctx.namespace },
        spec: {
          scaleTargetRef: { apiVersion, kind: target.kind, name },
          ...(min >= 0 ? { minReplicas: min } : { minReplicas: 1 }),
          maxReplicas: max,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu >= 0 ? cpu : DEFAULT_CPU_PERCENT } } }],
        },
      }
      const dry = flags['dry-run'] !== 'none'
      if (flags['dry-run'] !== 'client') ctx.api.create(hpaType, hpa, { dryRun: dry, fieldManager: 'kubectl-autoscale' })
      const suffix = dry ? ` (${flags['dry-run'] === 'server' ? 'server ' : ''}dry run)` : ''
      ctx.out(`horizontalpodautoscaler.autoscaling/${hpa.metadata.name} autoscaled${suffix}\n`)
    }
  }
  return 0
}
