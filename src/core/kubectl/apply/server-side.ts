/**
 * kubectl apply --server-side: send the manifest as an apply patch under the field manager
 * ("kubectl" unless --field-manager names another), then, for an object that was managed by
 * client-side apply, move the last-applied annotation and the client-side manager's fields
 * over to the server-side applier (kubectl's saveLastApplyAnnotationIfNecessary and
 * migrateToSSAIfNecessary) and apply once more so dropped fields finally go.
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import { serverSideApply, LAST_APPLIED_ANNOTATION } from '../../apiserver/managed-fields/apply'
import { fromFieldsV1, has, union } from '../../apiserver/managed-fields/fieldset'
import { encodeManagers, type ManagedFieldsEntry } from '../../apiserver/managed-fields/managers'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'

/** kubectl's default manager for server-side apply (kept for compatibility with old kubectls). */
export const FIELD_MANAGER_SERVER_SIDE_APPLY = 'kubectl'
/** The manager kubectl applies the last-applied annotation with when upgrading an object. */
const FIELD_MANAGER_LAST_APPLIED_ANNOTATION = 'kubectl-last-applied'
const ANNOTATION_PATH = ['f:metadata', 'f:annotations', `f:${LAST_APPLIED_ANNOTATION}`]

const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`

export interface ServerSideApplyOptions {
  fieldManager: string
  force: boolean
  dryRun: boolean
}

function ownsAnnotation(entries: unknown, operation: 'Apply' | 'Update'): ManagedFieldsEntry[] {
  return ((Array.isArray(entries) ? entries : []) as ManagedFieldsEntry[]).filter((e) => e.operation === operation && has(fromFieldsV1(e.fieldsV1), ANNOTATION_PATH))
}

/** csaupgrade.UpgradeManagedFieldsPatch: the client-side managers' fields folded into the applier's entry. */
export function upgradeManagedFields(entries: ManagedFieldsEntry[], csaManagers: Set<string>, ssaManager: string): ManagedFieldsEntry[] | undefined {
  let list = entries.map((e) => ({ ...e }))
  for (const csa of csaManagers) {
    let target = list.findIndex((e) => e.manager === ssaManager && e.operation === 'Apply' && !e.subresource)
    if (target < 0) {
      target = list.findIndex((e) => e.manager === csa && e.operation === 'Update' && !e.subresource)
      if (target < 0) continue
      list[target] = { ...list[target]!, operation: 'Apply', manager: ssaManager }
    }
    const ssa = list[target]!
    const csaEntry = list.find((e) => e.manager === csa && e.operation === 'Update' && !e.subresource && e.apiVersion === ssa.apiVersion)
    const set = csaEntry ? union(fromFieldsV1(ssa.fieldsV1), fromFieldsV1(csaEntry.fieldsV1)) : fromFieldsV1(ssa.fieldsV1)
    const [encoded] = encodeManagers(new Map([['x', { manager: '', operation: 'Apply', apiVersion: '', set }]]))
    list[target] = { ...ssa, fieldsV1: encoded?.fieldsV1 ?? {} }
    list = list.filter((e) => !(e.manager === csa && e.operation === 'Update' && !e.subresource))
  }
  return JSON.stringify(list) === JSON.stringify(entries) ? undefined : list
}

function apply(ctx: KubectlContext, t: ResourceType, obj: KubeObject, manager: string, o: ServerSideApplyOptions): KubeObject {
  return serverSideApply(ctx.api, t, obj.metadata.namespace, obj.metadata.name ?? '', obj, { fieldManager: manager, force: o.force, dryRun: o.dryRun, user: ctx.user }).object
}

export function applyServerSide(ctx: KubectlContext, t: ResourceType, input: KubeObject, o: ServerSideApplyOptions): void {
  let live: KubeObject
  try {
    live = apply(ctx, t, input, o.fieldManager, o)
  } catch (e) {
    if (isStatusError(e) && e.code === 409 && e.status.details?.causes?.some((c) => c.reason === 'FieldManagerConflict')) {
      throw new KubectlError(`error: ${e.message}\n${CONFLICT_ADVICE}`)
    }
    throw e
  }
  if (o.fieldManager !== FIELD_MANAGER_SERVER_SIDE_APPLY) return
  const annotation = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]
  if (annotation !== undefined && !ownsAnnotation(live.metadata.managedFields, 'Apply').length) {
    const just: KubeObject = { apiVersion: input.apiVersion, kind: input.kind, metadata: { name: live.metadata.name, annotations: { [LAST_APPLIED_ANNOTATION]: annotation } } }
    if (live.metadata.namespace) just.metadata.namespace = live.metadata.namespace
    try {
      live = apply(ctx, t, just, FIELD_MANAGER_LAST_APPLIED_ANNOTATION, { ...o, force: false })
    } catch (e) {
      ctx.err(`Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${formatError(e)}\n`)
      return
    }
  }
  const csa = new Set(ownsAnnotation(live.metadata.managedFields, 'Update').map((e) => e.manager ?? ''))
  const upgraded = upgradeManagedFields((live.metadata.managedFields ?? []) as ManagedFieldsEntry[], csa, o.fieldManager)
  if (!upgraded) return
  const next = clone(live)
  next.metadata.managedFields = upgraded
  ctx.api.update(t, next, { user: ctx.user, dryRun: o.dryRun, patch: true })
  apply(ctx, t, input, o.fieldManager, o)
}
