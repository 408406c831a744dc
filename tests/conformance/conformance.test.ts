/**
 * Our kubectl against the real kubectl 1.31.9 on the same engine: every script in
 * scripts/ must print the same bytes, command by command (see harness.ts).
 */

import { readdirSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { compare, playOurs, playReal, readScript, realKubectlAvailable, SCRIPTS_DIR, verdictTable, type Verdict } from './harness'

const scripts = readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.sh')).sort()
const verdicts: Verdict[] = []

describe.skipIf(!realKubectlAvailable())('conformance with the real kubectl', { timeout: 120_000 }, () => {
  afterAll(() => {
    if (verdicts.length) process.stdout.write(`\n${verdictTable(verdicts)}`)
  })
  for (const name of scripts) {
    // One retry: where the real kubectl stops waiting depends on wall-clock timing (ADR 0003),
    // so a very busy machine can shift an AGE after a wait; a real difference fails twice.
    it(name, { retry: 1 }, async () => {
      const source = readScript(name)
      const seed = 7
      const ours = await playOurs(source, seed)
      const real = await playReal(source, seed)
      const v = compare(name, ours, real)
      const seen = verdicts.findIndex((x) => x.script === name)
      if (seen >= 0) verdicts.splice(seen, 1)
      verdicts.push(v)
      expect(v.diffs.join('\n\n')).toBe('')
      expect(v.commands).toBeGreaterThan(0)
    })
  }
})
