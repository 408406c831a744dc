/**
 * `npx tsx tests/conformance/run.ts [SCRIPT...]`: plays the conformance scripts and prints
 * the table (script, commands, matched) with every difference, for working on a mismatch.
 */

import { readdirSync } from 'node:fs'
import { compare, playOurs, playReal, readScript, SCRIPTS_DIR, verdictTable, type Verdict } from './harness'

const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.sh')).sort()
const verdicts: Verdict[] = []
for (const name of names) {
  const source = readScript(name)
  const v = compare(name, await playOurs(source, 7), await playReal(source, 7))
  verdicts.push(v)
  for (const d of v.diffs) process.stdout.write(`== ${name} ${d}\n\n`)
}
process.stdout.write(verdictTable(verdicts))
process.exitCode = verdicts.every((v) => v.diffs.length === 0) ? 0 : 1
