/**
 * The default RBAC policy kube-apiserver reconciles at start (the rbac/bootstrap-roles
 * post-start hook, plugin/pkg/auth/authorizer/rbac/bootstrappolicy) plus the binding kubeadm
 * adds for its admin.conf user. The rule lists follow upstream's for the resources this
 * playground serves (the legacy extensions group is left out).
 */

import type { KubeObject } from '../api/types'
import { APIServer } from '../apiserver/server'
import type { Clock } from '../sim/clock'
import { Random } from '../sim/random'
import type { Store } from '../store/store'
import type { PolicyRule } from '../apiserver/authorization/rbac'

const RBAC = 'rbac.authorization.k8s.io/v1'
const READ = ['get', 'list', 'watch']
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update']
const DEFAULTS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' }
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' }

const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups, resources })
const urls = (verbs: string[], nonResourceURLs: string[]): PolicyRule => ({ verbs, nonResourceURLs })

function clusterRole(name: string, rules: PolicyRule[], labels: Record<string, string> = {}, aggregateFrom?: string): KubeObject {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name, labels: { ...DEFAULTS, ...labels }, annotations: { ...AUTOUPDATE } },
    ...(aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregateFrom]: 'true' } }] } } : {}),
    rules,
  }
}

function binding(name: string, role: string, groups: string[], bootstrap = true): KubeObject {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: bootstrap ? { name, labels: { ...DEFAULTS }, annotations: { ...AUTOUPDATE } } : { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
  }
}

const VIEW_RULES: PolicyRule[] = [
  rule(READ, [''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status']),
  rule(READ, [''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status']),
  rule(READ, [''], ['namespaces']),
  rule(READ, ['discovery.k8s.io'], ['endpointslices']),
  rule(READ, ['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']),
  rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(READ, ['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']),
  rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(READ, ['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies']),
]

const EDIT_RULES: PolicyRule[] = [
  rule(['impersonate'], [''], ['serviceaccounts']),
  rule(WRITE, [''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy']),
  rule(['create'], [''], ['pods/eviction']),
  rule(WRITE, [''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy']),
  rule(['create'], [''], ['serviceaccounts/token']),
  rule(WRITE, ['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']),
  rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
  rule(WRITE, ['batch'], ['cronjobs', 'jobs']),
  rule(WRITE, ['policy'], ['poddisruptionbudgets']),
  rule(WRITE, ['networking.k8s.io'], ['ingresses', 'networkpolicies']),
  rule(READ, [''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
]

const ADMIN_RULES: PolicyRule[] = [
  rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
  rule([...READ, ...WRITE], ['rbac.authorization.k8s.io'], ['rolebindings', 'roles']),
]

/** The objects, in the order the post-start hook creates them. */
export function bootstrapRBACObjects(): KubeObject[] {
  const discovery = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/']
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])], {}),
    clusterRole('system:discovery', [urls(['get'], discovery)]),
    clusterRole('system:public-info-viewer', [urls(['get'], ['/healthz', '/livez', '/readyz', '/version', '/version/'])]),
    clusterRole('system:basic-user', [
      rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
      rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
    ]),
    clusterRole('system:service-account-issuer-discovery', [
      urls(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/']),
    ]),
    // The aggregated roles carry their selected roles' rules, as the aggregation controller leaves them.
    clusterRole('admin', [...ADMIN_RULES, ...EDIT_RULES, ...VIEW_RULES], {}, 'rbac.authorization.k8s.io/aggregate-to-admin'),
    clusterRole('edit', [...EDIT_RULES, ...VIEW_RULES], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, 'rbac.authorization.k8s.io/aggregate-to-edit'),
    clusterRole('view', VIEW_RULES, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, 'rbac.authorization.k8s.io/aggregate-to-view'),
    clusterRole('system:aggregate-to-admin', ADMIN_RULES, { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    clusterRole('system:aggregate-to-edit', EDIT_RULES, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:aggregate-to-view', VIEW_RULES, { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }),
    binding('cluster-admin', 'cluster-admin', ['system:masters']),
    binding('system:discovery', 'system:discovery', ['system:authenticated']),
    binding('system:basic-user', 'system:basic-user', ['system:authenticated']),
    binding('system:public-info-viewer', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
    binding('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', ['system:serviceaccounts']),
    // kubeadm init: admin.conf's user is in this group (system:masters only in super-admin.conf).
    binding('kubeadm:cluster-admins', 'cluster-admin', ['kubeadm:cluster-admins'], false),
  ]
}

/**
 * Create the policy through the API server's normal path, but with a random source of its
 * own: the objects' uids then leave the cluster's seeded sequence (pod names and so on) as it was.
 */
export function bootstrapRBAC(store: Store, clock: Clock, seed: number): void {
  const api = new APIServer(store, clock, new Random(seed ^ 0x5eed_4bac))
  for (const obj of bootstrapRBACObjects()) api.create(api.resourceForKind(obj.apiVersion, obj.kind), obj)
}
