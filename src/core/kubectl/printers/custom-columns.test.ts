import { describe, expect, it } from 'vitest'
import { customColumnsPrinterFor, relaxedJSONPathExpression } from './custom-columns'
import { PrinterError } from './jsonpath/printer'

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'x' } }, spec: { ports: [80, 443] } },
    { metadata: { name: 'bb' }, spec: {} },
  ],
}
const none = () => undefined

describe('kubectl -o custom-columns', () => {
  it('prints one row per item, Go values joined by commas, <none> for nothing', () => {
    const p = customColumnsPrinterFor('custom-columns=NAME:.metadata.name,PORTS:spec.ports[*],LABELS:{.metadata.labels}', {}, none)
    expect(p.print(list)).toBe('NAME   PORTS    LABELS\na      80,443   map[app:x]\nbb     <none>   <none>\n')
  })

  it('reads headers and paths from a file, and honours --no-headers only for the inline spec', () => {
    const p = customColumnsPrinterFor('custom-columns-file=c.txt', { 'no-headers': true }, () => 'N  P\n.metadata.name .spec.ports[0]\n')
    expect(p.print(list)).toBe('N     P\na     80\nbb    <none>\n')
    expect(customColumnsPrinterFor('custom-columns=N:.metadata.name', { 'no-headers': true }, none).print(list)).toBe('a\nbb\n')
  })

  it('rejects malformed specs with kubectl texts', () => {
    expect(() => customColumnsPrinterFor('custom-columns=', {}, none)).toThrow('custom-columns format specified but no custom columns given')
    expect(() => customColumnsPrinterFor('custom-columns=NAME', {}, none)).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>')
    expect(() => relaxedJSONPathExpression('{.a}{.b}')).toThrow(PrinterError)
    expect(() => customColumnsPrinterFor('custom-columns=NAME:.spec.ports[9]', {}, none).print(list)).toThrow(
      expect.objectContaining({ message: 'array index out of bounds: index 9, length 2', printed: 'NAME\n' }),
    )
  })
})
