// RBAC as kube-apiserver applies it to kubectl's requests: the admin (kubeadm:cluster-admins)
// may do anything, an impersonated user (--as) only what bindings grant, with the exact
// Forbidden texts of api-errors.md #11 and #12.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: dev}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: app, namespace: dev}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
`

/** A binding applied as YAML (kubectl create rolebinding is not in the playground yet). */
function bind(kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, role: string, subject: string, ns = ''): string {
  const meta = ns ? `{name: ${name}, namespace: ${ns}}` : `{name: ${name}}`
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: ${meta}\nsubjects: [${subject}]\nroleRef: {kind: ClusterRole, name: ${role}, apiGroup: rbac.authorization.k8s.io}\n`
}

function cluster() {
  const c = createCluster({ seed: 3, workers: 0 })
  expect(c.kubectl('create namespace dev').exitCode).toBe(0)
  return c
}

describe('RBAC authorization', () => {
  it('lets the kubeconfig admin do everything, through the kubeadm:cluster-admins binding', () => {
    const c = cluster()
    expect(c.kubectl('auth whoami').stdout).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n')
    expect(c.kubectl('get clusterrolebinding kubeadm:cluster-admins').stdout).toContain('kubeadm:cluster-admins   ClusterRole/cluster-admin')
    for (const line of ['auth can-i "*" "*"', 'auth can-i delete nodes', 'auth can-i get /healthz', 'auth can-i create pods -n kube-system']) {
      expect(c.kubectl(line)).toMatchObject({ stdout: 'yes\n', exitCode: 0 })
    }
    expect(c.kubectl('get pods -n kube-system').exitCode).toBe(0)
  })

  it('forbids an unbound user, in upstream words (namespace, cluster scope, named object)', () => {
    const c = cluster()
    c.kubectl('create deployment web --image=nginx')
    const list = c.kubectl('get pods --as jane')
    expect(list).toMatchObject({ stdout: '', exitCode: 1 })
    expect(list.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n')
    expect(c.kubectl('get nodes --as jane').stderr).toBe(
      'Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n',
    )
    expect(c.kubectl('delete deployment web --as jane').stderr).toBe(
      'Error from server (Forbidden): deployments.apps "web" is forbidden: User "jane" cannot delete resource "deployments" in API group "apps" in the namespace "default"\n',
    )
    expect(c.kubectl('get deployment web').exitCode).toBe(0)
    expect(c.kubectl('auth can-i list pods --as jane')).toMatchObject({ stdout: 'no\n', exitCode: 1 })
    expect(c.kubectl('auth can-i list pods --as jane --quiet')).toMatchObject({ stdout: '', exitCode: 1 })
  })

  it('a Role and RoleBinding grant get/list pods in one namespace only', () => {
    const c = cluster()
    expect(c.apply(ROLE).exitCode).toBe(0)
    expect(c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: box, namespace: dev}\nspec: {containers: [{name: box, image: busybox}]}\n').exitCode).toBe(0)
    expect(c.kubectl('get pods -n dev --as jane -o name').stdout).toBe('pod/box\n')
    expect(c.kubectl('get pod box -n dev --as jane -o name').stdout).toBe('pod/box\n')
    expect(c.kubectl('get pods -n default --as jane').stderr).toContain('User "jane" cannot list resource "pods" in API group "" in the namespace "default"')
    expect(c.kubectl('delete pod box -n dev --as jane').stderr).toBe(
      'Error from server (Forbidden): pods "box" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "dev"\n',
    )
    // Subresources are separate grants: the pod can be read, its log and exec cannot.
    expect(c.kubectl('logs box -n dev --as jane').stderr).toBe(
      'Error from server (Forbidden): pods "box" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"\n',
    )
    expect(c.kubectl('exec box -n dev --as jane -- echo hi').stderr).toBe(
      'Error from server (Forbidden): pods "box" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "dev"\n',
    )
    expect(c.kubectl('auth can-i get pods -n dev --as jane').stdout).toBe('yes\n')
    expect(c.kubectl('auth can-i watch pods -n dev --as jane').stdout).toBe('no\n')
    expect(c.kubectl('auth can-i list pods -A --as jane').stdout).toBe('no\n')
  })

  it('matches ServiceAccount subjects to system:serviceaccount:<ns>:<name>', () => {
    const c = cluster()
    c.apply(ROLE)
    expect(c.kubectl('get pods -n dev --as system:serviceaccount:dev:app').stderr).toBe('No resources found in dev namespace.\n')
    expect(c.kubectl('get pods -n dev --as system:serviceaccount:dev:other').stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:dev:other" cannot list resource "pods" in API group "" in the namespace "dev"\n',
    )
    expect(c.kubectl('auth whoami --as system:serviceaccount:dev:app').stdout).toContain(
      'Groups      [system:serviceaccounts system:serviceaccounts:dev system:authenticated]',
    )
    // A ClusterRoleBinding to a service-account group reaches every account of the namespace.
    c.apply(bind('ClusterRoleBinding', 'dev-sa-view', 'view', '{kind: Group, name: "system:serviceaccounts:dev", apiGroup: rbac.authorization.k8s.io}'))
    expect(c.kubectl('auth can-i list deployments.apps -n kube-system --as system:serviceaccount:dev:other').stdout).toBe('yes\n')
  })

  it('binds the aggregated view ClusterRole to a group given with --as-group', () => {
    const c = cluster()
    expect(c.kubectl('create rolebinding viewers --clusterrole=view --group=qa -n dev').stdout).toBe('rolebinding.rbac.authorization.k8s.io/viewers created\n')
    expect(c.kubectl('auth can-i list deployments -n dev --as jane --as-group qa').stdout).toBe('yes\n')
    expect(c.kubectl('auth can-i get pods/log -n dev --as jane --as-group qa').stdout).toBe('yes\n')
    expect(c.kubectl('auth can-i create deployments -n dev --as jane --as-group qa').stdout).toBe('no\n')
    expect(c.kubectl('auth can-i get secrets -n dev --as jane --as-group qa').stdout).toBe('no\n')
    expect(c.kubectl('auth can-i list deployments -n dev --as jane').stdout).toBe('no\n')
    // A new role labelled for aggregation into view widens it at once.
    c.apply(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: view-secrets, labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get]}
`)
    expect(c.kubectl('auth can-i get secrets -n dev --as jane --as-group qa').stdout).toBe('yes\n')
  })

  it('lists what a user may do (auth can-i --list)', () => {
    const c = cluster()
    c.apply(ROLE)
    const out = c.kubectl('auth can-i --list --as jane -n dev').stdout.split('\n')
    expect(out[0]).toBe('Resources                                       Non-Resource URLs   Resource Names   Verbs')
    expect(out[1]).toBe('selfsubjectreviews.authentication.k8s.io        []                  []               [create]')
    expect(out).toContain('pods                                            []                  []               [get list]')
    expect(out).toContain('                                                [/healthz]          []               [get]')
    expect(c.kubectl('auth can-i --list --as jane -n default').stdout).not.toContain('pods ')
    expect(c.kubectl('auth can-i --list pods').stderr).toBe('error: list option must be specified with no arguments\n')
  })

  it('refuses writes before anything is stored, and names a missing role as the reason', () => {
    const c = cluster()
    expect(c.kubectl('create deployment web --image=nginx -n dev --as jane').stderr).toBe(
      'error: failed to create deployment: deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "dev"\n',
    )
    const applied = c.kubectl(['apply', '--as', 'jane', '-f', '-'], { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n' })
    expect(applied.stderr).toBe(
      'Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "cfg", Namespace: "default"\nfrom server for: "STDIN": configmaps "cfg" is forbidden: User "jane" cannot get resource "configmaps" in API group "" in the namespace "default"\n',
    )
    expect(c.kubectl('get configmap cfg').exitCode).toBe(1)
    c.apply(bind('RoleBinding', 'broken', 'nope', '{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}', 'dev'))
    expect(c.kubectl('get pods -n dev --as jane').stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "dev": RBAC: clusterrole.rbac.authorization.k8s.io "nope" not found\n',
    )
    expect(c.kubectl('auth can-i list pods -n dev --as jane').stdout).toBe('no - RBAC: clusterrole.rbac.authorization.k8s.io "nope" not found\n')
  })
})
