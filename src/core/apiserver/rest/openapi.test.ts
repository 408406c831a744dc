/* eslint-disable @typescript-eslint/no-explicit-any -- tests read free-form JSON documents */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadAPIDocs } from '../../api/schema/docs'
import { createCluster } from '../../cluster'
import { openAPIV3Doc, openAPIV3Root } from './openapi'

describe('OpenAPI v3 documents', () => {
  beforeAll(async () => {
    await loadAPIDocs()
  })

  it('lists a document per group/version at a serverRelativeURL with a hash query', () => {
    const cluster = createCluster({ seed: 1, workers: 1 })
    const root = openAPIV3Root(cluster.core.api.registry) as any
    expect(root.paths['api/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{8}$/)
    expect(root.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/)
    expect(root.paths['apis/networking.k8s.io/v1']).toBeDefined()
  })

  it('names schemas as upstream does, with descriptions, formats, required fields and kinds', () => {
    const cluster = createCluster({ seed: 1, workers: 1 })
    const apps = (openAPIV3Doc(cluster.core.api.registry, 'apps', 'v1') as any).components.schemas
    const deployment = apps['io.k8s.api.apps.v1.Deployment']
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }])
    expect(deployment.description).toBe('Deployment enables declarative updates for Pods and ReplicaSets.')
    expect(deployment.properties.metadata.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }])
    expect(deployment.required).toBeUndefined()
    expect(apps['io.k8s.api.apps.v1.DeploymentSpec'].required).toEqual(['selector', 'template'])
    expect(apps['io.k8s.api.apps.v1.DeploymentSpec'].properties.replicas).toMatchObject({ type: 'integer', format: 'int32' })
    expect(apps['io.k8s.api.core.v1.PodSpec'].properties.terminationGracePeriodSeconds.format).toBe('int64')
    expect(apps['io.k8s.apimachinery.pkg.apis.meta.v1.Time']).toMatchObject({ type: 'string', format: 'date-time' })
    expect(apps['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format).toBe('int-or-string')
    expect(apps['io.k8s.api.apps.v1.DeploymentList']).toBeDefined()
    const net = (openAPIV3Doc(cluster.core.api.registry, 'networking.k8s.io', 'v1') as any).components.schemas
    expect(net['io.k8s.api.networking.v1.Ingress']).toBeDefined()
    const crd = (openAPIV3Doc(cluster.core.api.registry, 'apiextensions.k8s.io', 'v1') as any).components.schemas
    expect(crd['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition']).toBeDefined()
  })
})
