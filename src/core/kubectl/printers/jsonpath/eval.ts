/**
 * Executes a parsed template on a decoded JSON document the way client-go's JSONPath does:
 * each top-level node gives one group of results; `{range X}` runs the nodes after it once
 * per result of X up to its `{end}`. Range state lives on the evaluator (as upstream keeps
 * it on the JSONPath object), so a template runs the same way it does in kubectl, quirks
 * included (a range without `{end}` runs its body once more on the whole document).
 */

import { compare } from './compare'
import { goV } from './go-format'
import { GoFloat, JSONPathExecError, type JPList, type JPNode } from './nodes'
import { utf8Bytes } from '../../../machinery/base64'

export { JSONPathExecError }

/** What reflect.ValueOf(nil) is in Go: no value at all, unlike a JSON null. */
export const INVALID = Symbol('invalid')

type Value = unknown

const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat)

/** reflect's name of a decoded JSON value's type, for "... is not array or slice". */
function goType(v: Value): string {
  if (isMap(v)) return 'map[string]interface {}'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (v instanceof GoFloat) return 'float64'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return 'interface {}'
}

/** The children `*` and `..` walk: map values (sorted keys), list items, a string's bytes. */
function children(v: Value): Value[] | undefined {
  if (isMap(v)) return Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => v[k])
  if (Array.isArray(v)) return v
  if (typeof v === 'string') return utf8Bytes(v)
  return undefined
}

export class JSONPathEvaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEnd = -1
  /** Where the node list currently starts: upstream narrows it on entering a range, for good. */
  private start = 0

  constructor(
    private readonly all: JPNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: Value): Value[][] {
    const base = this.start
    const count = this.all.length - base
    const cur = [data]
    const full: Value[][] = []
    for (let i = 0; i < count; i++) {
      const results = this.walk(cur, this.all[base + i]!)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEnd = base + i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const v of results) {
            this.start = base + i + 1
            full.push(...this.findResults(v === null ? INVALID : v))
          }
        } else {
          // The body still runs once, on nothing, so that its {end} is found.
          this.start = base + i + 1
          this.findResults(INVALID)
        }
        this.inRange--
        for (let k = i + 1; k < count; k++) {
          if (base + k === this.lastEnd) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: JPNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return this.evalArray(input, node)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
      case 'bool':
        return input.map(() => node.value)
      case 'float':
        return input.map(() => new GoFloat(node.value))
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : children(v) ?? []))
      case 'recursive':
        return this.evalRecursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l))
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalList(input: Value[], list: JPList): Value[] {
    let cur = input
    for (const n of list.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new JSONPathExecError('not in range, nothing to end')
    }
    throw new JSONPathExecError(`unrecognized identifier ${name}`)
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return []
    const results: Value[] = []
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JSONPathExecError(`${name} is not found`)
    return results
  }

  private evalArray(input: Value[], node: Extract<JPNode, { type: 'array' }>): Value[] {
    const result: Value[] = []
    for (const v of input) {
      if (v === null) continue
      if (!Array.isArray(v)) throw new JSONPathExecError(`${goType(v)} is not array or slice`)
      const [p0, p1, p2] = node.params
      const len = v.length
      let from = p0.known ? p0.value : 0
      if (from < 0) from += len
      let to = p1.known ? p1.value : len
      if (to < 0 || (to === 0 && p1.derived)) to += len
      // Asking for no elements at all is allowed, and ends the whole walk here.
      if (to === from) return result
      if (from >= len || from < 0) throw new JSONPathExecError(`array index out of bounds: index ${from}, length ${len}`)
      if (to > len || to < 0) throw new JSONPathExecError(`array index out of bounds: index ${to - 1}, length ${len}`)
      if (from > to) throw new JSONPathExecError(`starting index ${from} is greater than ending index ${to}`)
      let step = 1
      if (p2.known) {
        if (p2.value <= 0) throw new JSONPathExecError('step must be > 0')
        step = p2.value
      }
      const part = v.slice(from, to)
      for (let i = 0; i < part.length; i += step) result.push(part[i])
    }
    return result
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = []
    for (const v of input) {
      if (v === null) continue
      const kids = children(v)
      if (kids && kids.length > 0) {
        result.push(v)
        result.push(...this.evalRecursive(kids))
      }
    }
    return result
  }

  private evalFilter(input: Value[], node: Extract<JPNode, { type: 'filter' }>): Value[] {
    const results: Value[] = []
    for (const v of input) {
      if (!Array.isArray(v)) throw new JSONPathExecError(`${goV(v)} is not array or slice and cannot be filtered`)
      for (const item of v) {
        if (node.operator === 'exists') {
          let lefts: Value[] = []
          try {
            lefts = this.evalList([item], node.left)
          } catch {
            // upstream ignores a failed walk here: the item simply does not match
          }
          if (lefts.length > 0) results.push(item)
          continue
        }
        const lefts = this.evalList([item], node.left)
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JSONPathExecError('can only compare one element at a time')
        const rights = this.evalList([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JSONPathExecError('can only compare one element at a time')
        if (compare(node.operator, lefts[0], rights[0])) results.push(item)
      }
    }
    return results
  }
}
