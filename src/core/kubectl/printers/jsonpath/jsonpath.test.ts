import { describe, expect, it } from 'vitest'
import { JSONPathPrinter, PrinterError } from './printer'

const doc = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { replicas: 1, ok: true }, list: [1, 2, 3] },
    { metadata: { name: 'b' }, spec: { replicas: 3, ok: false, ratio: 0.5 }, list: [] },
  ],
}

const run = (t: string, obj: unknown = doc, allowMissing = true, asJSON = false) => new JSONPathPrinter(t, allowMissing, asJSON).print(obj)

describe('kubectl JSONPath templates', () => {
  it('walks fields, slices and unions, separating several results with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b')
    expect(run('{.items[-1:].metadata.name}')).toBe('b')
    expect(run('{.items[0].list[1:]}')).toBe('2 3')
    expect(run('{.items[0].list[::2]}')).toBe('1 3')
    expect(run('{.items[0,1].spec.replicas}')).toBe('1 3')
    // As upstream, a bracketed key is split at its dots unless they are escaped.
    expect(run("{.items[0].metadata.labels['app.kubernetes.io/name']}")).toBe('')
    expect(run("{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}")).toBe('x')
    expect(run('{.items[1].spec.ratio} {.items[0].spec.ok}')).toBe('0.5 true')
  })

  it('prints maps and lists as compact JSON with sorted keys', () => {
    expect(run('{.items[0].spec}')).toBe('{"ok":true,"replicas":1}')
    expect(run('{.items[1].list}')).toBe('[]')
  })

  it('ranges over results, nested, with literal text', () => {
    expect(run('{range .items[*]}{.metadata.name}:{range .list[*]}{@},{end};{end}')).toBe('a:1,2,3,;b:;')
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}')).toBe('a\t1\nb\t3\n')
  })

  it('filters by comparison and by existence', () => {
    expect(run('{.items[?(@.spec.replicas>1)].metadata.name}')).toBe('b')
    expect(run('{.items[?(@.metadata.name=="a")].spec.replicas}')).toBe('1')
    expect(run('{.items[?(@.metadata.labels)].metadata.name}')).toBe('a')
    expect(() => run('{.items[?(@.spec.replicas=="1")].metadata.name}')).toThrow(/incompatible types for comparison/)
  })

  it('prints one JSON array per group with jsonpath-as-json', () => {
    expect(run('{.items[*].metadata.name}', doc, true, true)).toBe('[\n    "a",\n    "b"\n]\n')
  })

  it('reports parse errors the way kubectl does', () => {
    expect(() => run('{.a')).toThrow(new PrinterError('error parsing jsonpath {.a, unclosed action'))
    expect(() => run('{%}')).toThrow("error parsing jsonpath {%}, unrecognized character in action: U+0025 '%'")
    expect(() => run('{.a[x]}')).toThrow('error parsing jsonpath {.a[x]}, invalid array index x')
  })

  it('dumps the object with Go syntax when a key is missing and missing keys are not allowed', () => {
    expect(run('{.nope}', { a: 1 })).toBe('')
    expect(() => run('{.nope}', { a: 1, b: [null, 'x'] }, false)).toThrow(
      'error executing jsonpath "{.nope}": Error executing template: nope is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.nope}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":1, "b":[]interface {}{interface {}(nil), "x"}}\n\n\n',
    )
  })
})
