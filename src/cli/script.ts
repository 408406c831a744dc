/**
 * The scenario script language of design/headless.md: kubectl lines with shell quoting,
 * heredocs fed to standard input, sleep, echo, set -e / set +e, sim verbs, comments.
 */

import { ParseError, splitWords } from '../core/kubectl/shell-words'

export interface ScriptCommand {
  line: number
  words: string[]
  stdin?: string
  text: string
}

export class ScriptParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`)
  }
}

const VERBS = new Set(['kubectl', 'sleep', 'echo', 'set', 'sim'])

export function parseScript(source: string): ScriptCommand[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n')
  const out: ScriptCommand[] = []
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    let text = lines[i]!
    // A trailing backslash continues the command on the next line.
    while (text.endsWith('\\') && i + 1 < lines.length) text = text.slice(0, -1) + lines[++i]!
    const trimmed = text.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    let stdin: string | undefined
    let commandText = trimmed
    const here = /\s<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2\s*$/.exec(trimmed)
    if (here) {
      commandText = trimmed.slice(0, here.index).trim()
      const stripTabs = here[1] === '-'
      const delim = here[3]!
      const body: string[] = []
      let closed = false
      while (++i < lines.length) {
        const l = stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!
        if (l === delim || l.trimEnd() === delim) {
          closed = true
          break
        }
        body.push(l)
      }
      if (!closed) throw new ScriptParseError(lineNo, `here-document delimited by end-of-file (wanted \`${delim}')`)
      stdin = body.length ? `${body.join('\n')}\n` : ''
    }
    let words: string[]
    try {
      words = splitWords(commandText)
    } catch (e) {
      throw new ScriptParseError(lineNo, e instanceof ParseError ? e.message : String(e))
    }
    if (words.some((w) => w === '|' || w === '>' || w === '>>' || w === '<' || w === '&&' || w === '||' || w === ';')) {
      throw new ScriptParseError(lineNo, `pipes, redirections and command lists are not supported in scripts: ${commandText}`)
    }
    const verb = words[0]!
    if (!VERBS.has(verb)) throw new ScriptParseError(lineNo, `unknown command "${verb}" (scripts run kubectl, sleep, echo, set and sim)`)
    out.push({ line: lineNo, words, stdin, text: commandText })
  }
  return out
}
