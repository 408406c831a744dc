/**
 * Go's %#v of an internal object, as some immutable-field errors print the whole new value
 * (`spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"", ...`).
 * ObjectMeta is rendered field by field as upstream's struct declares it; the pod spec keeps
 * only the fields that are set, in a Go-like syntax (upstream also lists every zero field,
 * in declaration order, which the playground does not track).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- renders free-form objects */

const ZERO_TIME = 'v1.Time{Time:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)}'

function goName(json: string): string {
  const special: Record<string, string> = { uid: 'UID', hostIPC: 'HostIPC', hostPID: 'HostPID', dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', tty: 'TTY' }
  return special[json] ?? json.charAt(0).toUpperCase() + json.slice(1)
}

function goStringMap(m: any): string {
  if (!m || typeof m !== 'object') return 'map[string]string(nil)'
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(m[k]))}`)
  return `map[string]string{${entries.join(', ')}}`
}

/** A loose Go-syntax rendering of any JSON value (fields that are set, JSON order). */
export function goLoose(v: any): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[]{${v.map(goLoose).join(', ')}}`
  return `{${Object.entries(v)
    .map(([k, x]) => `${goName(k)}:${goLoose(x)}`)
    .join(', ')}}`
}

export function goObjectMeta(m: any): string {
  const meta = m ?? {}
  const s = (x: unknown) => JSON.stringify(typeof x === 'string' ? x : '')
  return (
    `v1.ObjectMeta{Name:${s(meta.name)}, GenerateName:${s(meta.generateName)}, Namespace:${s(meta.namespace)}, SelfLink:"", ` +
    `UID:${s(meta.uid)}, ResourceVersion:${s(meta.resourceVersion)}, Generation:${Number(meta.generation ?? 0)}, CreationTimestamp:${ZERO_TIME}, ` +
    `DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:${goStringMap(meta.labels)}, Annotations:${goStringMap(meta.annotations)}, ` +
    'OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}'
  )
}

export function goPodTemplateSpec(t: any): string {
  const spec = t?.spec ?? {}
  const fields = Object.entries(spec).map(([k, x]) => `${goName(k)}:${goLoose(x)}`)
  return `core.PodTemplateSpec{ObjectMeta:${goObjectMeta(t?.metadata)}, Spec:core.PodSpec{${fields.join(', ')}}}`
}
