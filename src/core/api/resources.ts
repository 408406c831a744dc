/**
 * The API's kinds: group, version, kind, plural, short names, scope and categories, as
 * upstream's discovery serves them (`kubectl api-resources`). One table, used by the API
 * server's routing, kubectl's resource lookup and the HTTP face's discovery documents.
 */

export interface ResourceType {
  group: string
  version: string
  kind: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  verbs: string[]
  categories: string[]
  /** Subresources served, e.g. status, scale, binding, log, exec, eviction. */
  subresources: string[]
  /** Other versions served for the same kind (autoscaling/v1 for HPA). */
  alsoServedAs?: string[]
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function r(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[] = [],
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    verbs: ALL_VERBS,
    categories: [],
    subresources: [],
    ...extra,
  }
}

const ALL = ['all']

export const BUILTIN_RESOURCES: ResourceType[] = [
  r('', 'v1', 'Namespace', 'namespaces', false, ['ns'], { subresources: ['status', 'finalize'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'Node', 'nodes', false, ['no'], { subresources: ['status', 'proxy'] }),
  r('', 'v1', 'Pod', 'pods', true, ['po'], { categories: ALL, subresources: ['status', 'binding', 'log', 'exec', 'eviction', 'ephemeralcontainers', 'attach', 'portforward', 'proxy'] }),
  r('', 'v1', 'Service', 'services', true, ['svc'], { categories: ALL, subresources: ['status', 'proxy'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  r('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  r('', 'v1', 'Secret', 'secrets', true),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa'], { subresources: ['token'] }),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv'], { subresources: ['status'] }),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc'], { subresources: ['status'] }),
  r('', 'v1', 'Event', 'events', true, ['ev']),
  r('', 'v1', 'LimitRange', 'limitranges', true, ['limits']),
  r('', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota'], { subresources: ['status'] }),
  r('', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc'], { categories: ALL, subresources: ['status', 'scale'] }),
  r('', 'v1', 'PodTemplate', 'podtemplates', true),
  r('', 'v1', 'ComponentStatus', 'componentstatuses', false, ['cs'], { verbs: ['get', 'list'] }),
  r('', 'v1', 'Binding', 'bindings', true, [], { verbs: ['create'] }),
  r('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], { categories: ALL, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], { categories: ALL, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], { categories: ALL, subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], { categories: ALL, subresources: ['status'] }),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  r('batch', 'v1', 'Job', 'jobs', true, [], { categories: ALL, subresources: ['status'] }),
  r('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], { categories: ALL, subresources: ['status'] }),
  r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], {
    categories: ALL,
    subresources: ['status'],
    alsoServedAs: ['v1'],
  }),
  r('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, ['ing'], { subresources: ['status'] }),
  r('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, ['netpol']),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  r('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, [], { verbs: ['create'] }),
  r('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, [], { verbs: ['create'] }),
  r('authentication.k8s.io', 'v1', 'SelfSubjectReview', 'selfsubjectreviews', false, [], { verbs: ['create'] }),
  r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, ['sc']),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], { subresources: ['status'] }),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, ['pc']),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  r('events.k8s.io', 'v1', 'Event', 'events', true, ['ev']),
  r('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds'], { subresources: ['status'] }),
]

/** Where a kind lives in the store ("apps/deployments"), independent of the version asked. */
export function storageKey(t: Pick<ResourceType, 'group' | 'plural'>): string {
  return t.group ? `${t.group}/${t.plural}` : t.plural
}

/** kubectl's lower-case "kind.group" used in "deployment.apps/web created". */
export function kindGroupRef(t: Pick<ResourceType, 'group' | 'kind'>): string {
  return t.group ? `${t.kind.toLowerCase()}.${t.group}` : t.kind.toLowerCase()
}
