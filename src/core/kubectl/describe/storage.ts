/** `kubectl describe` of PersistentVolumeClaims, PersistentVolumes and StorageClasses. */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { accessModes } from '../../apiserver/printers/storage'
import { formatLabels } from '../../machinery/labels'
import { quantityString } from '../../machinery/quantity-string'
import { describeEvents } from './events'
import { describeTime, goBool, printAnnotationsMultiline, printLabelsMultiline, since } from './format'
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class'

function classOf(o: any): string {
  const beta = o.metadata?.annotations?.[BETA_CLASS]
  return beta !== undefined ? beta : (o.spec?.storageClassName ?? '')
}

/** Go's %v of a []string: [a b]. */
const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`

/** Pods that mount the claim, then pods that own it (getPodsForPVC). */
function podsUsing(ctx: DescribeContext, pvc: any): string[] {
  const t = ctx.api.registry.forGroupResource('', 'pods')!
  const pods: any[] = ctx.api.list(t, { namespace: pvc.metadata.namespace }).items
  const out: any[] = []
  for (const p of pods) for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) out.push(p)
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue
    const owner = pods.find((p) => p.metadata.uid === ref.uid)
    if (owner && !out.includes(owner)) out.push(owner)
  }
  return out.map((p) => p.metadata.name).sort()
}

export function describePersistentVolumeClaim(ctx: DescribeContext, pvc: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = pvc.spec ?? {}
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`)
  w.write(LEVEL_0, `StorageClass:\t${classOf(pvc)}\n`)
  if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, ctx.now)})\n`)
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`)
  const bound = !!spec.volumeName
  w.write(LEVEL_0, `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage) : ''}\n`)
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`)
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n')
    if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`)
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`)
  }
  const pods = podsUsing(ctx, pvc)
  w.write(LEVEL_0, 'Used By:\t')
  if (!pods.length) w.writeLine('<none>')
  pods.forEach((n, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${n}\n`))
  const conds: any[] = pvc.status?.conditions ?? []
  if (conds.length) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conds) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${describeTime(c.lastProbeTime)} \t${describeTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

function describeNodeAffinity(w: PrefixWriter, affinity: any): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  if (!affinity?.required) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms: any[] = affinity.required.nodeSelectorTerms ?? []
  if (!terms.length) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const reqs: any[] = term.matchExpressions ?? []
    if (!reqs.length) w.writeLine('<none>')
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      const values = r.values?.length ? ` [${r.values.join(', ')}]` : ''
      w.write(LEVEL_0, `${r.key} ${String(r.operator).toLowerCase()}${values}\n`)
    })
  })
}

export function describePersistentVolume(ctx: DescribeContext, pv: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = pv.spec ?? {}
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', pv.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`)
  w.write(LEVEL_0, `StorageClass:\t${classOf(pv)}\n`)
  if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, ctx.now)})\n`)
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`)
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`)
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
  w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`)
  describeNodeAffinity(w, spec.nodeAffinity)
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
  w.write(LEVEL_0, 'Source:\n')
  if (spec.hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`)
  else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`)
  else if (spec.nfs) w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${goBool(spec.nfs.readOnly)}\n`)
  else w.write(LEVEL_1, '<unknown>\n')
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describeStorageClass(ctx: DescribeContext, sc: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const a = sc.metadata.annotations ?? {}
  const isDefault = a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`)
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`)
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`)
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`)
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined || sc.allowVolumeExpansion === null ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`)
  if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
  else {
    w.write(LEVEL_0, 'MountOptions:\n')
    for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`)
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
