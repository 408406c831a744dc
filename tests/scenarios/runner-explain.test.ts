import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('the scenario runner and kubectl explain', { timeout: 60_000 }, () => {
  it('loads the field documentation when a script explains something', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--seed', '1'], { input: 'kubectl explain cm.data\n', encoding: 'utf8', cwd: process.cwd() })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      'KIND:       ConfigMap\nVERSION:    v1\n\nFIELD: data <map[string]string>\n\n\nDESCRIPTION:\n' +
        '    Data contains the configuration data. Each key must consist of alphanumeric\n' +
        "    characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use\n" +
        '    the BinaryData field. The keys stored in Data must not overlap with the keys\n' +
        '    in the BinaryData field, this is enforced during validation process.\n    \n\n',
    )
  })
})
