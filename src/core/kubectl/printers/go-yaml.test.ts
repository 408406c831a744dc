import { describe, expect, it } from 'vitest'
import { toGoYaml } from './go-yaml'

describe('toGoYaml folding', () => {
  it('breaks a long plain string at the first space after column 80, as libyaml does', () => {
    const message = 'Container main for pod default/pfp-px4pg failed with exit code 42 matching FailJob rule at index 0'
    // "    message: ...42 matching" is 87 columns: the word crossing 80 stays on the line.
    expect(toGoYaml({ status: { conditions: [{ message }] } })).toBe(
      'status:\n  conditions:\n  - message: Container main for pod default/pfp-px4pg failed with exit code 42 matching\n      FailJob rule at index 0\n',
    )
    expect(toGoYaml({ a: { b: { message } } })).toBe('a:\n  b:\n    message: Container main for pod default/pfp-px4pg failed with exit code 42 matching\n      FailJob rule at index 0\n')
  })
})
