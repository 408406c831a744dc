/** Printers of PersistentVolumes, PersistentVolumeClaims and StorageClasses. */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { quantityString as quantityText } from '../../machinery/quantity-string'
import { age, col, type Printer } from './table'

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: string[] | undefined): string {
  const m = new Set(modes ?? [])
  const out: string[] = []
  if (m.has('ReadWriteOnce')) out.push('RWO')
  if (m.has('ReadOnlyMany')) out.push('ROX')
  if (m.has('ReadWriteMany')) out.push('RWX')
  if (m.has('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

function storageClassOf(o: any): string {
  const beta = o.metadata?.annotations?.[BETA_CLASS_ANNOTATION]
  if (beta !== undefined) return beta
  return o.spec?.storageClassName ?? ''
}

export const persistentVolumePrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Capacity', 'string'),
    col('Access Modes', 'string'),
    col('Reclaim Policy', 'string'),
    col('Status', 'string'),
    col('Claim', 'string'),
    col('StorageClass', 'string'),
    col('VolumeAttributesClass', 'string'),
    col('Reason', 'string'),
    col('Age', 'string'),
    col('VolumeMode', 'string', 1),
  ],
  row(pv: any, ctx) {
    const spec = pv.spec ?? {}
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '')
    return [
      pv.metadata.name,
      quantityText(spec.capacity?.storage),
      accessModes(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      phase,
      claim,
      storageClassOf(pv),
      spec.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      age(pv, ctx.now),
      spec.volumeMode ?? '<unset>',
    ]
  },
}

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Status', 'string'),
    col('Volume', 'string'),
    col('Capacity', 'string'),
    col('Access Modes', 'string'),
    col('StorageClass', 'string'),
    col('VolumeAttributesClass', 'string'),
    col('Age', 'string'),
    col('VolumeMode', 'string', 1),
  ],
  row(pvc: any, ctx) {
    const spec = pvc.spec ?? {}
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '')
    const bound = !!spec.volumeName
    return [
      pvc.metadata.name,
      phase,
      spec.volumeName ?? '',
      bound ? quantityText(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      spec.volumeAttributesClassName ?? '<unset>',
      age(pvc, ctx.now),
      spec.volumeMode ?? '<unset>',
    ]
  },
}

/** storageutil.IsDefaultAnnotation: the GA or the beta default-class annotation says "true". */
function isDefaultClass(sc: any): boolean {
  const a = sc.metadata?.annotations ?? {}
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
}

export const storageClassPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Provisioner', 'string'),
    col('ReclaimPolicy', 'string'),
    col('VolumeBindingMode', 'string'),
    col('AllowVolumeExpansion', 'string'),
    col('Age', 'string'),
  ],
  row(sc: any, ctx) {
    const name = isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name
    return [name, sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', sc.allowVolumeExpansion ? 'true' : 'false', age(sc, ctx.now)]
  },
}
