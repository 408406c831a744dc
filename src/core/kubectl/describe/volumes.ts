/** The Volumes block of a pod or pod template (describeVolumes and its per-source printers). */

/* eslint-disable @typescript-eslint/no-explicit-any -- volumes are read as free-form objects */
import { goBool, goBoolPtr } from './format'
import { quantityString } from '../../machinery/quantity-string'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './tabwriter'

type Writer = Pick<PrefixWriter, 'write' | 'writeLine'>

function kv(first: string, rest: [string, unknown][]): string {
  return `Type:\t${first}\n${rest.map(([k, v]) => `    ${k}:\t${v}\n`).join('')}`
}

function describeSource(v: any, w: Writer): void {
  if (v.hostPath) {
    w.write(LEVEL_2, kv('HostPath (bare host directory volume)', [['Path', v.hostPath.path], ['HostPathType', v.hostPath.type ?? '<none>']]))
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit && quantityString(v.emptyDir.sizeLimit) !== '0' ? quantityString(v.emptyDir.sizeLimit) : '<unset>'
    w.write(LEVEL_2, kv("EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', v.emptyDir.medium ?? ''], ['SizeLimit', size]]))
  } else if (v.secret) {
    w.write(LEVEL_2, kv('Secret (a volume populated by a Secret)', [['SecretName', v.secret.secretName ?? ''], ['Optional', goBool(v.secret.optional)]]))
  } else if (v.configMap) {
    w.write(LEVEL_2, kv('ConfigMap (a volume populated by a ConfigMap)', [['Name', v.configMap.name ?? ''], ['Optional', goBool(v.configMap.optional)]]))
  } else if (v.nfs) {
    w.write(LEVEL_2, kv('NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', v.nfs.server], ['Path', v.nfs.path], ['ReadOnly', goBool(v.nfs.readOnly)]]))
  } else if (v.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      kv('PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
        ['ClaimName', v.persistentVolumeClaim.claimName],
        ['ReadOnly', goBool(v.persistentVolumeClaim.readOnly)],
      ]),
    )
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (v.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${goBoolPtr(s.secret.optional)}\n`)
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${goBoolPtr(s.configMap.optional)}\n`)
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`)
    }
  } else if (v.csi) {
    w.write(LEVEL_2, kv('CSI (a Container Storage Interface (CSI) volume source)', [['Driver', v.csi.driver], ['FSType', v.csi.fsType ?? ''], ['ReadOnly', goBool(v.csi.readOnly)]]))
    // printCSIPersistentVolumeAttributesMultiline: every Write adds the level's indent again
    const attrs = v.csi.volumeAttributes ?? {}
    const keys = Object.keys(attrs).sort()
    w.write(LEVEL_2, 'VolumeAttributes:\t')
    if (!keys.length) w.writeLine('<none>')
    keys.forEach((k, i) => {
      if (i !== 0) {
        w.write(LEVEL_2, '')
        w.write(LEVEL_2, '\t')
      }
      const line = `${k}=${attrs[k]}`
      w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`)
    })
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n')
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}

export function describeVolumes(volumes: any[] | undefined, w: Writer, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  const nameIndent = space ? ' ' : ''
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`)
    describeSource(v, w)
  }
}
