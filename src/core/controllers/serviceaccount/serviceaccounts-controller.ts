/**
 * The ServiceAccount controller and the root CA publisher: every namespace gets a `default`
 * ServiceAccount and the `kube-root-ca.crt` ConfigMap, soon after it is created.
 */

import type { KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import { WorkQueue } from '../../client/workqueue'

/** A stand-in cluster CA (the playground has no real PKI). */
export const ROOT_CA_CRT = '-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\ncm5ldGVzMB4XDTI1MDEwMTAwMDAwMFoXDTM0MTIzMDAwMDAwMFowFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKub\n-----END CERTIFICATE-----\n'

export class ServiceAccountsController {
  private readonly queue: WorkQueue

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns))
    const enqueue = (ns: KubeObject) => this.queue.add(ns.metadata.name!)
    ctx.informers.for('', 'namespaces').addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
    ctx.informers.for('', 'serviceaccounts').addEventHandler({ delete: (sa) => this.queue.add(sa.metadata.namespace!) })
    ctx.informers.for('', 'configmaps').addEventHandler({ delete: (cm) => this.queue.add(cm.metadata.namespace!) })
  }

  private sync(namespace: string): undefined {
    const api = this.ctx.api
    const ns = api.peek(api.registry.forGroupResource('', 'namespaces')!, undefined, namespace)
    if (!ns || ns.metadata.deletionTimestamp) return undefined
    const sa = api.registry.forGroupResource('', 'serviceaccounts')!
    const cm = api.registry.forGroupResource('', 'configmaps')!
    try {
      if (!api.peek(sa, namespace, 'default')) api.create(sa, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } })
      if (!api.peek(cm, namespace, 'kube-root-ca.crt'))
        api.create(cm, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': ROOT_CA_CRT },
        })
    } catch {
      // The namespace started terminating meanwhile.
    }
    return undefined
  }
}
