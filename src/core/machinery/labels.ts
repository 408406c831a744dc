/**
 * Label selectors: the API's LabelSelector (matchLabels + matchExpressions) and kubectl's
 * `-l` syntax (=, ==, !=, in, notin, exists, !exists), both compiled to one matcher.
 */

export type Labels = Record<string, string>

export interface Requirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'Gt' | 'Lt'
  values: string[]
}

export interface LabelSelector {
  matchLabels?: Labels
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

export class Selector {
  constructor(readonly requirements: Requirement[]) {}

  static everything(): Selector {
    return new Selector([])
  }

  isEmpty(): boolean {
    return this.requirements.length === 0
  }

  matches(labels: Labels | undefined): boolean {
    const l = labels ?? {}
    for (const r of this.requirements) {
      const has = Object.prototype.hasOwnProperty.call(l, r.key)
      const v = l[r.key]
      switch (r.operator) {
        case 'In':
        case 'Equals':
          if (!has || !r.values.includes(v!)) return false
          break
        case 'NotIn':
        case 'NotEquals':
          if (has && r.values.includes(v!)) return false
          break
        case 'Exists':
          if (!has) return false
          break
        case 'DoesNotExist':
          if (has) return false
          break
        case 'Gt':
        case 'Lt': {
          if (!has) return false
          const n = parseInt(v!, 10)
          const bound = parseInt(r.values[0] ?? '', 10)
          if (Number.isNaN(n) || Number.isNaN(bound)) return false
          if (r.operator === 'Gt' ? !(n > bound) : !(n < bound)) return false
          break
        }
      }
    }
    return true
  }

  /** Canonical text: "app=web,tier in (a,b)". */
  toString(): string {
    return this.requirements
      .map((r) => {
        switch (r.operator) {
          case 'Equals':
            return `${r.key}=${r.values[0]}`
          case 'NotEquals':
            return `${r.key}!=${r.values[0]}`
          case 'In':
            return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`
          case 'NotIn':
            return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`
          case 'Exists':
            return r.key
          case 'DoesNotExist':
            return `!${r.key}`
          case 'Gt':
            return `${r.key}>${r.values[0]}`
          case 'Lt':
            return `${r.key}<${r.values[0]}`
        }
        return ''
      })
      .join(',')
  }
}

/** LabelSelectorAsSelector: nil matches nothing, {} matches everything. */
export function selectorFromLabelSelector(sel: LabelSelector | undefined | null): Selector | null {
  if (!sel) return null
  const reqs: Requirement[] = []
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) reqs.push({ key, operator: 'In', values: [sel.matchLabels![key]!] })
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator as Requirement['operator']
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])].sort() })
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return new Selector(reqs)
}

/** A plain map selector (Service, ReplicationController): empty matches nothing for services. */
export function selectorFromMap(m: Labels | undefined): Selector {
  return new Selector(
    Object.keys(m ?? {})
      .sort()
      .map((key) => ({ key, operator: 'Equals' as const, values: [m![key]!] })),
  )
}

/** kubectl's `-l` text. Throws Error with the parser's message on bad syntax. */
export function parseSelector(text: string): Selector {
  const reqs: Requirement[] = []
  const src = text.trim()
  if (src === '') return Selector.everything()
  let i = 0
  const skip = () => {
    while (i < src.length && src[i] === ' ') i++
  }
  const ident = () => {
    skip()
    const m = /^[A-Za-z0-9_./-]+/.exec(src.slice(i))
    if (!m) throw new Error(`unable to parse requirement: found '${src.slice(i, i + 1) || 'end of string'}', expected: identifier`)
    i += m[0].length
    return m[0]
  }
  while (i < src.length) {
    skip()
    if (src[i] === '!') {
      i++
      reqs.push({ key: ident(), operator: 'DoesNotExist', values: [] })
    } else {
      const key = ident()
      skip()
      const rest = src.slice(i)
      let m: RegExpExecArray | null
      if ((m = /^(==|=|!=)/.exec(rest))) {
        i += m[0].length
        skip()
        const vm = /^[A-Za-z0-9_.-]*/.exec(src.slice(i))!
        i += vm[0].length
        reqs.push({ key, operator: m[1] === '!=' ? 'NotEquals' : 'Equals', values: [vm[0]] })
      } else if ((m = /^(in|notin)\s*\(/.exec(rest))) {
        i += m[0].length
        const close = src.indexOf(')', i)
        if (close < 0) throw new Error(`unable to parse requirement: found '', expected: ')'`)
        const values = src
          .slice(i, close)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
        i = close + 1
        reqs.push({ key, operator: m[1] === 'in' ? 'In' : 'NotIn', values: values.sort() })
      } else if ((m = /^([<>])\s*(\d+)/.exec(rest))) {
        i += m[0].length
        reqs.push({ key, operator: m[1] === '>' ? 'Gt' : 'Lt', values: [m[2]!] })
      } else {
        reqs.push({ key, operator: 'Exists', values: [] })
      }
    }
    skip()
    if (i < src.length) {
      if (src[i] !== ',') throw new Error(`unable to parse requirement: found '${src[i]}', expected: ','`)
      i++
    }
  }
  return new Selector(reqs)
}

/** "app=web,tier=front" for a plain label map, sorted by key. */
export function formatLabels(m: Labels | undefined, empty = '<none>'): string {
  const keys = Object.keys(m ?? {}).sort()
  if (keys.length === 0) return empty
  return keys.map((k) => `${k}=${m![k]}`).join(',')
}

/** metav1.FormatLabelSelector: "app=web", "<none>" for an empty one. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const s = selectorFromLabelSelector(sel)
  if (!s) return '<none>'
  const text = s.toString()
  return text === '' ? '<none>' : text
}
