/** Printers of the workload kinds (printDeployment, printReplicaSet, printDaemonSet, ...). */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { formatLabels, formatLabelSelector } from '../../machinery/labels'
import { age, col, type Printer } from './table'

function containersAndImages(template: any): [string, string] {
  const cs = (template?.spec?.containers ?? []) as { name: string; image?: string }[]
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')]
}

export const deploymentPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Ready', 'string'), col('Up-to-date', 'string'), col('Available', 'string'), col('Age', 'string'), col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
  row(d, ctx) {
    const s = (d.status ?? {}) as any
    const spec = d.spec as any
    const [c, i] = containersAndImages(spec.template)
    return [d.metadata.name!, `${s.readyReplicas ?? 0}/${spec.replicas ?? 0}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, age(d, ctx.now), c, i, formatLabelSelector(spec.selector)]
  },
}

export const replicaSetPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Age', 'string'), col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
  row(rs, ctx) {
    const s = (rs.status ?? {}) as any
    const spec = rs.spec as any
    const [c, i] = containersAndImages(spec.template)
    return [rs.metadata.name!, spec.replicas ?? 0, s.replicas ?? 0, s.readyReplicas ?? 0, age(rs, ctx.now), c, i, formatLabelSelector(spec.selector)]
  },
}

export const replicationControllerPrinter: Printer = {
  columns: replicaSetPrinter.columns,
  row(rc, ctx) {
    const s = (rc.status ?? {}) as any
    const spec = rc.spec as any
    const [c, i] = containersAndImages(spec.template)
    return [rc.metadata.name!, spec.replicas ?? 0, s.replicas ?? 0, s.readyReplicas ?? 0, age(rc, ctx.now), c, i, formatLabels(spec.selector)]
  },
}

export const daemonSetPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    col('Node Selector', 'string'),
    col('Age', 'string'),
    col('Containers', 'string', 1),
    col('Images', 'string', 1),
    col('Selector', 'string', 1),
  ],
  row(ds, ctx) {
    const s = (ds.status ?? {}) as any
    const spec = ds.spec as any
    const [c, i] = containersAndImages(spec.template)
    return [
      ds.metadata.name!,
      s.desiredNumberScheduled ?? 0,
      s.currentNumberScheduled ?? 0,
      s.numberReady ?? 0,
      s.updatedNumberScheduled ?? 0,
      s.numberAvailable ?? 0,
      formatLabels(spec.template?.spec?.nodeSelector),
      age(ds, ctx.now),
      c,
      i,
      formatLabelSelector(spec.selector),
    ]
  },
}

export const statefulSetPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Ready', 'string'), col('Age', 'string'), col('Containers', 'string', 1), col('Images', 'string', 1)],
  row(sts, ctx) {
    const s = (sts.status ?? {}) as any
    const spec = sts.spec as any
    const [c, i] = containersAndImages(spec.template)
    return [sts.metadata.name!, `${s.readyReplicas ?? 0}/${spec.replicas ?? 0}`, age(sts, ctx.now), c, i]
  },
}
