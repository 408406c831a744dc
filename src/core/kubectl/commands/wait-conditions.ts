/**
 * What `kubectl wait --for=...` waits for (pkg/cmd/wait conditionFuncFor): delete, create,
 * condition=NAME[=VALUE] (a status condition, compared case-insensitively, once the
 * controller has observed the current generation) or jsonpath=EXPR[=VALUE].
 */

import type { KubeObject } from '../../api/types'
import { KubectlError } from '../context'
import { relaxedJSONPathExpression } from '../printers/custom-columns'
import { JSONPathEvaluator } from '../printers/jsonpath/eval'
import { goQuote, goV } from '../printers/jsonpath/go-format'
import { JSONPathExecError, type JPNode } from '../printers/jsonpath/nodes'
import { JSONPathParseError, parseJSONPath } from '../printers/jsonpath/parser'
import { PrinterError } from '../printers/jsonpath/printer'

/** Whether an object meets the condition; throws KubectlError when it cannot be checked. */
export type Check = (obj: KubeObject) => boolean

export type WaitFor = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: Check }

const fail = (message: string): never => {
  throw new KubectlError(`error: ${message}`)
}

/** strings.EqualFold, close enough for condition types and statuses. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

function conditionCheck(name: string, value: string): Check {
  return (obj) => {
    const status = obj.status as { conditions?: unknown; observedGeneration?: unknown } | undefined
    const conditions = status?.conditions
    if (!Array.isArray(conditions)) return false
    for (const c of conditions as Record<string, unknown>[]) {
      if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue
      if (typeof c.status !== 'string') continue
      const generation = obj.metadata.generation
      if (typeof generation === 'number') {
        // A condition the controller set for an older generation says nothing yet.
        const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status?.observedGeneration
        if (typeof observed === 'number' && observed < generation) return false
      }
      return equalFold(c.status, value)
    }
    return false
  }
}

/** Splits at `=` but not at `==` (a filter's comparison inside the expression). */
function splitJSONPathInput(input: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '=='
        i++
        continue
      }
      out.push(cur)
      cur = ''
      continue
    }
    cur += input[i]
  }
  out.push(cur)
  return out
}

function jsonPathCheck(input: string): Check {
  const parts = splitJSONPathInput(input)
  if (parts.length > 2) fail("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
  let expression = ''
  try {
    expression = relaxedJSONPathExpression(parts[0]!)
  } catch (e) {
    if (e instanceof PrinterError) fail(e.message)
    throw e
  }
  const value = parts.length === 2 ? parts[1]!.replace(/^['"]+|['"]+$/g, '') : undefined
  if (value === '') fail("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  if (expression === '') fail('jsonpath expression cannot be empty')
  let nodes: JPNode[] = []
  try {
    nodes = parseJSONPath(expression)
  } catch (e) {
    if (e instanceof JSONPathParseError) fail(e.message)
    throw e
  }
  return (obj) => {
    let groups: unknown[][] = []
    try {
      groups = new JSONPathEvaluator(nodes, true).findResults(obj)
    } catch (e) {
      if (e instanceof JSONPathExecError) fail(e.message)
      throw e
    }
    if (groups.length === 0 || groups[0]!.length === 0) return false
    if (groups.length > 1) fail('given jsonpath expression matches more than one list')
    if (groups[0]!.length > 1) fail('given jsonpath expression matches more than one value')
    if (value === undefined) return true
    const found = groups[0]![0]
    if (typeof found === 'object' && found !== null) fail('jsonpath leads to a nested object or list which is not supported')
    return goV(found).trim() === value.trim()
  }
}

export function conditionFuncFor(condition: string): WaitFor {
  const lower = condition.toLowerCase()
  if (lower === 'delete') return { kind: 'delete' }
  if (lower === 'create') return { kind: 'create' }
  if (condition.startsWith('condition=')) {
    const spec = condition.slice('condition='.length)
    const eq = spec.indexOf('=')
    return { kind: 'check', check: eq < 0 ? conditionCheck(spec, 'true') : conditionCheck(spec.slice(0, eq), spec.slice(eq + 1)) }
  }
  if (condition.startsWith('jsonpath=')) return { kind: 'check', check: jsonPathCheck(condition.slice('jsonpath='.length)) }
  return fail(`unrecognized condition: ${goQuote(condition)}`)
}
