import { describe, expect, it } from 'vitest'
import { ExplainError, renderPlaintext, typeGuess, type OpenAPIDocument } from './explain-plaintext'

const S = '#/components/schemas/'
// A small document in upstream's shape: a namespaced kind with a nested struct, a list of
// structs, maps, an enum, a required field and a self-referencing schema.
const doc: OpenAPIDocument = {
  paths: {
    '/apis/demo.io/v1/namespaces/{namespace}/widgets': { get: { 'x-kubernetes-group-version-kind': { group: 'demo.io', kind: 'Widget', version: 'v1' } } },
  },
  components: {
    schemas: {
      'io.demo.v1.Widget': {
        description: 'Widget is a thing.',
        type: 'object',
        properties: {
          spec: { allOf: [{ $ref: `${S}io.demo.v1.WidgetSpec` }], description: 'Spec of the widget.' },
          kind: { type: 'string', description: 'Kind of object.' },
        },
        'x-kubernetes-group-version-kind': [{ group: 'demo.io', kind: 'Widget', version: 'v1' }],
      },
      'io.demo.v1.WidgetSpec': {
        description: 'WidgetSpec says what a widget wants.',
        type: 'object',
        required: ['size'],
        properties: {
          size: { type: 'integer', format: 'int32', description: 'How big.' },
          mode: { type: 'string', enum: ['', 'Fast', 'Slow', 'Steady', 'Still'], description: 'How it runs.' },
          parts: { type: 'array', items: { allOf: [{ $ref: `${S}io.demo.v1.Part` }] }, description: 'The parts.' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          limits: { type: 'object', additionalProperties: { $ref: `${S}io.demo.Quantity` }, description: 'Limits.' },
          when: { allOf: [{ $ref: `${S}io.demo.Time` }], description: 'When.' },
          raw: { description: 'Anything.' },
        },
      },
      'io.demo.v1.Part': { description: 'A part.', type: 'object', properties: { name: { type: 'string', description: 'Name.' }, sub: { allOf: [{ $ref: `${S}io.demo.v1.Part` }], description: 'Nested.' } } },
      'io.demo.Quantity': { description: 'Quantity.', oneOf: [{ type: 'string' }, { type: 'number' }] },
      'io.demo.Time': { description: 'Time.', type: 'string', format: 'date-time' },
    },
  },
}
const gvr = { group: 'demo.io', version: 'v1', resource: 'widgets' }

function explain(fields: string[], recursive = false): { out: string; error?: string } {
  let out = ''
  try {
    renderPlaintext(doc, gvr, fields, recursive, (t) => (out += t))
  } catch (e) {
    if (e instanceof ExplainError) return { out, error: e.message }
    throw e
  }
  return { out }
}

describe('kubectl explain plaintext', () => {
  it('guesses the type names kubectl shows', () => {
    const spec = doc.components!.schemas!['io.demo.v1.WidgetSpec']!.properties as Record<string, Record<string, unknown>>
    const guess = (f: string) => typeGuess(spec[f]!, doc)
    expect([guess('size'), guess('mode'), guess('parts'), guess('labels'), guess('limits'), guess('when'), guess('raw')]).toEqual([
      'integer', 'string', '[]Part', 'map[string]string', 'map[string]Quantity', 'string', 'Object',
    ])
  })

  it('prints a kind: header, description, then each field with its wrapped description', () => {
    expect(explain([]).out).toBe(
      'GROUP:      demo.io\nKIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    Widget is a thing.\n    \nFIELDS:\n' +
        '  kind\t<string>\n    Kind of object.\n\n  spec\t<WidgetSpec>\n    Spec of the widget.\n\n\n',
    )
  })

  it('prints a field: FIELD line, both descriptions, -required- and a cut enum list', () => {
    const { out } = explain(['spec'])
    expect(out).toContain('FIELD: spec <WidgetSpec>\n\n\nDESCRIPTION:\n    Spec of the widget.\n    WidgetSpec says what a widget wants.\n    \nFIELDS:\n')
    expect(out).toContain('  mode\t<string>\n  enum: "", Fast, Slow, Steady, ....\n    How it runs.\n\n')
    expect(out).toContain('  size\t<integer> -required-\n    How big.\n\n')
    expect(out).toContain('  labels\t<map[string]string>\n    <no description>\n\n')
  })

  it('lists every enum value under ENUM: for a single field', () => {
    expect(explain(['spec', 'mode']).out).toContain('FIELD: mode <string>\nENUM:\n    ""\n    Fast\n    Slow\n    Steady\n    Still\n\nDESCRIPTION:\n    How it runs.\n    \n')
  })

  it('walks into list items and map values', () => {
    expect(explain(['spec', 'parts', 'name']).out).toContain('FIELD: name <string>\n\n\nDESCRIPTION:\n    Name.\n    \n\n')
  })

  it('recursive: names only, two spaces per level, a cycle printed once', () => {
    const { out } = explain(['spec'], true)
    expect(out.slice(out.indexOf('FIELDS:'))).toBe(
      'FIELDS:\n  labels\t<map[string]string>\n  limits\t<map[string]Quantity>\n  mode\t<string>\n  enum: "", Fast, Slow, Steady, ....\n' +
        '  parts\t<[]Part>\n    name\t<string>\n    sub\t<Part>\n  raw\t<Object>\n  size\t<integer> -required-\n  when\t<string>\n\n',
    )
  })

  it('answers an unknown field in kubectl words, after the header', () => {
    expect(explain(['spec', 'nope'])).toEqual({ out: 'GROUP:      demo.io\nKIND:       Widget\nVERSION:    v1\n\n', error: 'error: field "nope" does not exist' })
  })

  it('says when the document has no path for the resource', () => {
    let out = ''
    expect(() => renderPlaintext(doc, { group: '', version: 'v1', resource: 'pods' }, [], false, (t) => (out += t))).toThrow('error: GVR (/v1, Resource=pods) not found in OpenAPI schema')
    expect(out).toBe('')
  })
})
