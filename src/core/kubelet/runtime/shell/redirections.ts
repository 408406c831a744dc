/**
 * Redirections (XCU 2.7): `<` and here-documents feed standard input, `>` truncates and `>>`
 * appends to files in the container, `2>&1` joins the streams. A file that cannot be opened
 * fails the command with the image shell's own words.
 */

import { FsError } from '../fs/filesystem'
import { fsErrorText } from './commands/util'
import { expandToString } from './expand'
import type { Shell } from './interpreter'
import type { Redir } from './parser'
import type { Effect, IO } from './types'

/** The command's IO after its redirections, or the failure status. */
export function* applyRedirections(sh: Shell, redirs: Redir[], io: IO): Generator<Effect, IO | number, void> {
  let cur: IO = io
  for (const r of redirs) {
    if (r.op === '<<') {
      const doc = r.heredoc!
      const text = doc.expand ? yield* expandToString(doc.body, sh.ctx(io), true) : doc.body
      cur = { ...cur, stdin: text, reader: { data: text, pos: 0 } }
      continue
    }
    const target = yield* expandToString(r.target, sh.ctx(io))
    if (r.op === '>&' || r.op === '<&') {
      const to = target === '2' ? io.err : target === '1' ? io.out : undefined
      if (to) cur = r.fd === 2 ? { ...cur, err: to } : { ...cur, out: to }
      continue
    }
    const fs = sh.host.fs
    const path = sh.resolve(target)
    try {
      if (r.op === '<') {
        const text = fs.read(path)
        cur = { ...cur, stdin: text, reader: { data: text, pos: 0 } }
        continue
      }
      if (r.op !== '>>') fs.write(path, '', false)
      else if (!fs.exists(path)) fs.write(path, '', true)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      // ash: "can't create"; dash: "cannot create", status 2; bash names only the file.
      const verb = r.op === '<' ? 'open' : 'create'
      if (sh.bashLike()) io.err(`${sh.prefix()}${target}: ${fsErrorText(e)}\n`)
      else io.err(`${sh.prefix()}${sh.host.flavour === 'dash' ? 'cannot' : "can't"} ${verb} ${target}: ${fsErrorText(e)}\n`)
      return sh.host.flavour === 'dash' && !sh.bashLike() ? 2 : 1
    }
    const write = (t: string) => {
      try {
        fs.write(path, t, true)
      } catch {
        // The file's directory went away under the writer: the bytes are lost, as on Linux.
      }
    }
    cur = r.fd === 2 ? { ...cur, err: write } : { ...cur, out: write }
  }
  return cur
}
