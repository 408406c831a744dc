/**
 * kubectl reads a manifest stream as sigs.k8s.io/yaml does: one document at a time (split at
 * `---` lines, so line numbers count from the document's start), each converted by go-yaml,
 * or as JSON when the stream starts with `{`. This file turns the `yaml` package's parse
 * errors into go-yaml's words. go-yaml numbers lines in two ways: parser errors print the
 * 0-based line of the problem, scanner errors the 1-based one; either is left out when the
 * 0-based line is 0.
 */

export interface YamlProblem {
  code: string
  message: string
  /** 1-based line of the `yaml` package's error position. */
  line: number
}

type Kind = 'parser' | 'scanner'

function withLine(kind: Kind, line0: number, text: string): string {
  if (line0 <= 0) return text
  return `line ${kind === 'scanner' ? line0 + 1 : line0}: ${text}`
}

/** 0-based line of the end of the document (where unclosed constructs are noticed). */
function endLine0(doc: string): number {
  return doc.split('\n').length - 1
}

/** go-yaml's message (after `yaml: `) for the first problem of a document. */
export function goYamlMessage(p: YamlProblem, doc: string): string {
  const here0 = p.line - 1
  if (p.code === 'BAD_INDENT' && p.message.startsWith('Flow sequence')) return withLine('parser', here0, 'did not find expected node content')
  if (p.code === 'BAD_INDENT' && p.message.startsWith('Flow map')) return withLine('parser', here0, "did not find expected ',' or '}'")
  if (p.code === 'BAD_INDENT') return withLine('parser', here0, 'did not find expected key')
  if (p.code === 'TAB_AS_INDENT') return withLine('scanner', here0, 'found character that cannot start any token')
  if (p.code === 'MISSING_CHAR' && p.message.includes('quote')) return withLine('scanner', endLine0(doc), 'found unexpected end of stream')
  if (p.code === 'BLOCK_AS_IMPLICIT_KEY' || p.code === 'MULTILINE_IMPLICIT_KEY') {
    // go-yaml stops at the second `:`, on the key's line or on the line below it.
    const sameLine = (doc.split('\n')[here0] ?? '').split(': ').length > 2
    return withLine('scanner', sameLine ? here0 : here0 + 1, 'mapping values are not allowed in this context')
  }
  if (p.code === 'MISSING_CHAR') return withLine('parser', here0, 'did not find expected key')
  return withLine('parser', here0, p.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''))
}

/** Go's encoding/json syntax error for a JSON stream (`json: offset 30: invalid character 'C' ...`). */
export function goJSONSyntaxError(text: string, _err?: unknown): string {
  const r = scanJSON(text)
  if (!r) return 'unexpected EOF'
  return `json: offset ${r.at + 1}: invalid character '${text[r.at]}' ${r.context}`
}

/**
 * A JSON scanner that finds where encoding/json's scanner would stop, and with which of its
 * phrases; undefined when the text only runs out (Go's decoder then says "unexpected EOF").
 */
function scanJSON(text: string): { at: number; context: string } | undefined {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++
  }
  const fail = (context: string): never => {
    throw { at: i, context }
  }
  const value = (): void => {
    ws()
    if (i >= text.length) throw 'eof'
    const c = text[i]!
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (i >= text.length) throw 'eof'
        if (text[i] !== '"') fail('looking for beginning of object key string')
        string()
        ws()
        if (i >= text.length) throw 'eof'
        if (text[i] !== ':') fail('after object key')
        i++
        value()
        ws()
        if (i >= text.length) throw 'eof'
        if (text[i] === '}') return void i++
        if (text[i] !== ',') fail('after object key:value pair')
        i++
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (i >= text.length) throw 'eof'
        if (text[i] === ']') return void i++
        if (text[i] !== ',') fail('after array element')
        i++
      }
    }
    if (c === '"') return string()
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i))
    if (!m) fail('looking for beginning of value')
    i += m![0].length
  }
  const string = (): void => {
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) throw 'eof'
    i++
  }
  try {
    value()
    return undefined
  } catch (e) {
    if (e === 'eof') return undefined
    return e as { at: number; context: string }
  }
}

/** The documents of a stream as kubectl's YAMLReader cuts them: at lines that are just `---`. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    if (/^---\s*$/.test(line)) {
      // Each line before the separator kept its newline.
      docs.push(current.map((l) => `${l}\n`).join(''))
      current = []
    } else current.push(line)
  }
  docs.push(current.join('\n'))
  return docs
}
