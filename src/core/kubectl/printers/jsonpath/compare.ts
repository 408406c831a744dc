/**
 * Filter comparisons (`?(@.x==1)`, `<`, `>=`...) with the rules of Go's text/template
 * comparison functions that client-go forks: only booleans, integers, floats and strings
 * compare, and only with their own kind; an integer field never equals `1.0`.
 */

import { GoFloat, JSONPathExecError } from './nodes'

type Kind = 'bool' | 'int' | 'float' | 'string' | 'uint'

function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (v instanceof GoFloat) return 'float'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  throw new JSONPathExecError('invalid type for comparison')
}

function raw(v: unknown): number | string | boolean {
  return v instanceof GoFloat ? v.value : (v as number | string | boolean)
}

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a)
  const kb = basicKind(b)
  if (ka !== kb) throw new JSONPathExecError('incompatible types for comparison')
  return raw(a) === raw(b)
}

function less(a: unknown, b: unknown): boolean {
  const ka = basicKind(a)
  const kb = basicKind(b)
  if (ka !== kb) throw new JSONPathExecError('incompatible types for comparison')
  if (ka === 'bool') throw new JSONPathExecError('invalid type for comparison')
  return raw(a) < raw(b)
}

export function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right)
    case '!=':
      return !equal(left, right)
    case '<':
      return less(left, right)
    case '<=':
      return less(left, right) || equal(left, right)
    case '>':
      return !(less(left, right) || equal(left, right))
    case '>=':
      return !less(left, right)
    default:
      throw new JSONPathExecError(`unrecognized filter operator ${operator}`)
  }
}
