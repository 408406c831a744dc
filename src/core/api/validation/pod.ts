/** Pod spec validation (pkg/apis/core/validation): the checks a learner's first manifests hit. */

/* eslint-disable @typescript-eslint/no-explicit-any -- validation walks free-form manifests */
import { fieldErr, type FieldError } from '../../machinery/errors'
import { isDNS1123Label } from '../../machinery/names'
import { parseQuantity } from '../../machinery/quantity'

function validateContainers(list: any, path: string, errs: FieldError[], required: boolean, seen: Set<string>): void {
  if (!Array.isArray(list) || list.length === 0) {
    if (required) errs.push(fieldErr.required(path))
    return
  }
  list.forEach((c: any, i: number) => {
    const p = `${path}[${i}]`
    if (!c || typeof c !== 'object') {
      errs.push(fieldErr.required(`${p}.name`))
      return
    }
    if (!c.name) errs.push(fieldErr.required(`${p}.name`))
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(fieldErr.invalid(`${p}.name`, c.name, m))
      if (seen.has(c.name)) errs.push(fieldErr.duplicate(`${p}.name`, c.name))
      seen.add(c.name)
    }
    if (!c.image) errs.push(fieldErr.required(`${p}.image`))
    ;(Array.isArray(c.ports) ? c.ports : []).forEach((port: any, j: number) => {
      const pp = `${p}.ports[${j}]`
      if (!port?.containerPort) errs.push(fieldErr.required(`${pp}.containerPort`))
      else if (port.containerPort < 1 || port.containerPort > 65535)
        errs.push(fieldErr.invalid(`${pp}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'))
      if (port?.protocol && !['TCP', 'UDP', 'SCTP'].includes(port.protocol))
        errs.push(fieldErr.notSupported(`${pp}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']))
    })
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of Object.keys(req)) {
      if (lim[r] === undefined) continue
      try {
        if (parseQuantity(req[r]) > parseQuantity(lim[r]))
          errs.push(fieldErr.invalid(`${p}.resources.requests`, String(req[r]), `must be less than or equal to ${r} limit of ${lim[r]}`))
      } catch {
        // Malformed quantities are rejected while decoding, before validation.
      }
    }
    if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy))
      errs.push(fieldErr.notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']))
  })
}

export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!spec || typeof spec !== 'object') return [fieldErr.required(`${path}.containers`)]
  const seen = new Set<string>()
  validateContainers(spec.initContainers, `${path}.initContainers`, errs, false, seen)
  validateContainers(spec.containers, `${path}.containers`, errs, true, seen)
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy))
    errs.push(fieldErr.notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']))
  if (spec.dnsPolicy && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy))
    errs.push(fieldErr.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']))
  return errs
}
