/**
 * kubectl create rolebinding / clusterrolebinding (pkg/cmd/create/create_rolebinding.go,
 * create_clusterrolebinding.go): a binding of one role to users, groups and service accounts,
 * subjects in that order, as the generators build them.
 */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { generatedMeta, nameRequired } from './create-common'

const RBAC_GROUP = 'rbac.authorization.k8s.io'

export const createBindingFlags: FlagSpec[] = [
  { name: 'clusterrole', type: 'string', default: '' },
  { name: 'role', type: 'string', default: '' },
  // Repeatable here; kubectl's global --user (a kubeconfig user) is shadowed by it.
  { name: 'user', type: 'stringArray', default: [] },
  { name: 'group', type: 'stringArray', default: [] },
  { name: 'serviceaccount', type: 'stringArray', default: [] },
]

const list = (v: FlagValues[string]) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [])

/** The object `create rolebinding` (namespaced) or `create clusterrolebinding` would send. */
export function bindingFor(ctx: KubectlContext, kind: 'RoleBinding' | 'ClusterRoleBinding', name: string | undefined, flags: FlagValues): KubeObject {
  const cmd = kind === 'RoleBinding' ? 'rolebinding' : 'clusterrolebinding'
  if (!name) throw nameRequired(cmd)
  const clusterRole = String(flags.clusterrole ?? '')
  const role = String(flags.role ?? '')
  if (kind === 'ClusterRoleBinding' && !clusterRole) throw new KubectlError('error: required flag(s) "clusterrole" not set')
  if (kind === 'RoleBinding' && !!clusterRole === !!role) throw new KubectlError('error: exactly one of clusterrole or role must be specified')
  const subjects: Record<string, string>[] = []
  // Subject's Go field order (kind, apiGroup, name, namespace), which a dry-run -o json keeps.
  for (const u of list(flags.user)) subjects.push({ kind: 'User', apiGroup: RBAC_GROUP, name: u })
  for (const g of list(flags.group)) subjects.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: g })
  for (const sa of list(flags.serviceaccount)) {
    const parts = sa.split(':')
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('error: serviceaccount must be <namespace>:<name>')
    subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] })
  }
  return {
    kind,
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: generatedMeta(ctx, name, kind === 'RoleBinding'),
    subjects: subjects.length ? subjects : undefined,
    roleRef: { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
  }
}
