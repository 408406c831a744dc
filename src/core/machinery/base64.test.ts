import { expect, it } from 'vitest'
import { decodeBase64, encodeBase64 } from './base64'

it('encodes and decodes base64 as Secret data uses it', () => {
  const cases: [string, string][] = [['', ''], ['a', 'YQ=='], ['ab', 'YWI='], ['abc', 'YWJj'], ['admin', 'YWRtaW4='], ['héllo ✓', 'aMOpbGxvIOKckw==']]
  for (const [plain, b64] of cases) {
    expect(encodeBase64(plain)).toBe(b64)
    expect(decodeBase64(b64)).toBe(plain)
  }
  expect(encodeBase64('ab', true)).toBe('YWI')
})
