import { describe, expect, it } from 'vitest'
import { quantityString } from './quantity-string'

describe('quantityString (resource.Quantity String())', () => {
  it.each([
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1500m', '1500m'],
    ['2000', '2k'],
    ['4194304Ki', '4Gi'],
    ['4091904Ki', '3996Mi'],
    ['1536Mi', '1536Mi'],
    ['512', '512'],
    ['56403988070', '56403988070'],
    ['100M', '100M'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['0Mi', '0'],
  ])('%s -> %s', (input, want) => {
    expect(quantityString(input)).toBe(want)
  })
})
