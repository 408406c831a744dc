import { describe, expect, it } from 'vitest'
import { formatTabbed, PrefixWriter } from './tabwriter'

describe('formatTabbed (Go text/tabwriter with minwidth 0, padding 2)', () => {
  it('aligns a column over consecutive lines and pads with two spaces', () => {
    expect(formatTabbed('Name:\tweb\nNamespace:\tdefault\n')).toBe('Name:       web\nNamespace:  default\n')
  })

  it('cuts the alignment at a line without a tab', () => {
    expect(formatTabbed('A:\t1\nContainers:\n  LongerKey:\t2\n')).toBe('A:  1\nContainers:\n  LongerKey:  2\n')
  })

  it('aligns inner columns only within their own run; a last cell does not widen a column', () => {
    const text = 'Type\tStatus\tReason\n----\t------\t------\nAvailable \tTrue\tMinimumReplicasAvailable\nX:\tlonger-value-here\n'
    expect(formatTabbed(text)).toBe(
      'Type        Status  Reason\n' +
        '----        ------  ------\n' +
        'Available   True    MinimumReplicasAvailable\n' +
        'X:          longer-value-here\n',
    )
  })

  it('never pads the last cell of a line, but keeps a trailing space the text has', () => {
    expect(formatTabbed('  Ready \tTrue \n  Initialized \tTrue \n')).toBe('  Ready         True \n  Initialized   True \n')
  })

  it('pads an empty tab-terminated cell to the column width', () => {
    expect(formatTabbed('Namespace:\t\nName:\tx\n')).toBe('Namespace:  \nName:       x\n')
  })
})

describe('PrefixWriter', () => {
  it('indents two spaces a level and flushes blocks separately', () => {
    const w = new PrefixWriter()
    w.write(0, 'Lease:\n')
    w.write(1, 'HolderIdentity:\tnode-1\n')
    w.flush()
    w.write(0, 'Unschedulable:\tfalse\n')
    expect(w.toString()).toBe('Lease:\n  HolderIdentity:  node-1\nUnschedulable:  false\n')
  })
})
