/** `kubectl describe hpa` (describeHorizontalPodAutoscalerV2). */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { quantityString } from '../../machinery/quantity-string'
import { describeEvents } from './events'
import { describeTime, printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

const q = (v: unknown) => quantityString(v as string)

/** One metric line; some upstream lines are written in two parts, each with its own indent. */
function describeMetric(w: PrefixWriter, m: any, cur: any): void {
  switch (m.type) {
    case 'External': {
      const t = m.external?.target ?? {}
      const name = JSON.stringify(m.external?.metric?.name ?? '')
      if (t.averageValue !== undefined) w.write(LEVEL_1, `${name} (target average value):\t${cur?.external?.current?.averageValue !== undefined ? q(cur.external.current.averageValue) : '<unknown>'} / ${q(t.averageValue)}\n`)
      else w.write(LEVEL_1, `${name} (target value):\t${cur?.external ? q(cur.external.current?.value) : '<unknown>'} / ${q(t.value)}\n`)
      return
    }
    case 'Pods':
      w.write(LEVEL_1, `${JSON.stringify(m.pods?.metric?.name ?? '')} on pods:\t${cur?.pods ? q(cur.pods.current?.averageValue) : '<unknown>'} / ${q(m.pods?.target?.averageValue)}\n`)
      return
    case 'Object': {
      const o = m.object ?? {}
      w.write(LEVEL_1, `"${o.metric?.name ?? ''}" on ${o.describedObject?.kind ?? ''}/${o.describedObject?.name ?? ''} `)
      if (o.target?.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${cur?.object ? q(cur.object.current?.averageValue) : '<unknown>'} / ${q(o.target.averageValue)}\n`)
      else w.write(LEVEL_0, `(target value):\t${cur?.object ? q(cur.object.current?.value) : '<unknown>'} / ${q(o.target?.value)}\n`)
      return
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = m.type === 'Resource' ? 'resource' : 'containerResource'
      const r = m[key] ?? {}
      const c = cur?.[key]
      w.write(LEVEL_1, m.type === 'Resource' ? `resource ${r.name} on pods` : `resource ${r.name} of container "${r.container}" on pods`)
      if (r.target?.averageValue !== undefined) {
        w.write(LEVEL_0, `:\t${c ? q(c.current?.averageValue) : '<unknown>'} / ${q(r.target.averageValue)}\n`)
        return
      }
      const current = c?.current?.averageUtilization !== undefined ? `${c.current.averageUtilization}% (${q(c.current.averageValue)})` : '<unknown>'
      const target = r.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>'
      w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`)
      return
    }
  }
  w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(String(m.type))}>\n`)
}

function describeDirection(w: PrefixWriter, title: string, rules: any): void {
  if (!rules) return
  w.write(LEVEL_1, `${title}:\n`)
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
    w.write(LEVEL_2, 'Policies:\n')
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`)
  }
}

export function describeHorizontalPodAutoscaler(ctx: DescribeContext, hpa: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = hpa.spec ?? {}
  const st = hpa.status ?? {}
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(hpa.metadata.creationTimestamp)}\n`)
  w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`)
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n')
  ;(spec.metrics ?? []).forEach((m: any, i: number) => describeMetric(w, m, st.currentMetrics?.[i]))
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`)
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`)
  if (spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n')
    describeDirection(w, 'Scale Up', spec.behavior.scaleUp)
    describeDirection(w, 'Scale Down', spec.behavior.scaleDown)
  }
  w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`)
  w.write(LEVEL_0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`)
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t------\t-------\n')
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
