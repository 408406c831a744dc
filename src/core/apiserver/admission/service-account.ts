/**
 * ServiceAccount admission: a pod runs as its namespace's `default` account unless it names
 * one, and gets the projected token volume (kube-api-access-xxxxx) mounted in every container.
 */

import { randomSuffix } from '../../machinery/names'
import type { AdmissionPlugin } from './chain'

export const SERVICE_ACCOUNT_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'

interface Container {
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[]
}

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  mutate(a) {
    if (a.operation !== 'CREATE' || a.resource.plural !== 'pods') return
    const spec = a.object.spec as {
      serviceAccountName?: string
      serviceAccount?: string
      automountServiceAccountToken?: boolean
      volumes?: unknown[]
      containers?: Container[]
      initContainers?: Container[]
    }
    // Mirror pods (static pods) are left alone, as upstream does.
    if (a.object.metadata.annotations?.['kubernetes.io/config.mirror']) return
    spec.serviceAccountName = spec.serviceAccountName || spec.serviceAccount || 'default'
    spec.serviceAccount = spec.serviceAccountName
    if (spec.automountServiceAccountToken === false) return
    const volName = `kube-api-access-${randomSuffix(a.api.random)}`
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name: volName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ]
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (c.volumeMounts?.some((m) => m.mountPath === SERVICE_ACCOUNT_TOKEN_MOUNT_PATH)) continue
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: volName, readOnly: true, mountPath: SERVICE_ACCOUNT_TOKEN_MOUNT_PATH }]
    }
  },
}
