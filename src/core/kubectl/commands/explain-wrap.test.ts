import { describe, expect, it } from 'vitest'
import { wrapString } from './explain-wrap'

describe('explain word wrapping (go-wordwrap 1.0.1)', () => {
  it('breaks at the last space that keeps a line within the limit', () => {
    expect(wrapString('foo bar baz', 4)).toBe('foo\nbar\nbaz')
    expect(wrapString('foo bar baz', 7)).toBe('foo bar\nbaz')
  })

  it('lets a word longer than the limit overflow', () => {
    expect(wrapString('foobarbaz', 4)).toBe('foobarbaz')
    expect(wrapString('a https://example.com/very/long b', 10)).toBe('a\nhttps://example.com/very/long\nb')
  })

  it('keeps the text newlines and drops trailing spaces only past the limit', () => {
    expect(wrapString('foo   \nbar', 10)).toBe('foo   \nbar')
    expect(wrapString('foo   \nbar', 4)).toBe('foo\nbar')
    expect(wrapString('a\n\n\tb', 4)).toBe('a\n\n\tb')
  })

  it('never breaks at a no-break space and counts characters, not bytes', () => {
    expect(wrapString('ab\u00a0cd ef', 5)).toBe('ab\u00a0cd\nef')
    expect(wrapString('éé éé', 5)).toBe('éé éé')
  })
})
