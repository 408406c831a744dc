/**
 * The shape every stored object has. Kind-specific types come from kubernetes-types
 * (the upstream API's TypeScript declarations); the engine treats objects generically and
 * narrows where a component needs a kind's fields.
 */

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  managedFields?: unknown[]
}

export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  // Kinds differ in everything else (spec, status, data, subsets, ...).
  [field: string]: unknown
}

/** A structural deep copy: stored objects are plain JSON. */
export function clone<T>(obj: T): T {
  return obj === undefined ? obj : (JSON.parse(JSON.stringify(obj)) as T)
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name
}

export function keyOf(obj: { metadata: ObjectMeta }): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '')
}

export function controllerRef(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/')
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) }
}
