// Whatever is piped into `kubectl apply -f -`, the learner gets kubectl's own words (checked
// against kubectl v1.31.9) and a bad document changes nothing in the cluster.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const INVALID_OBJECT =
  'error: error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n'

const CASES: [string, string, string][] = [
  ['nothing at all', '', 'error: no objects passed to apply\n'],
  ['only separators', '---\n---\n', 'error: no objects passed to apply\n'],
  ['a bare word', 'hello', INVALID_OBJECT],
  ['a number', '42\n', INVALID_OBJECT],
  ['a list', '- a\n- b\n', INVALID_OBJECT],
  ['an unclosed flow sequence', 'apiVersion: v1\nkind: [\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: did not find expected node content\n'],
  ['an unclosed flow map', 'a: {b: 1\n', "error: error parsing STDIN: error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'\n"],
  ['a compact nested mapping', 'a: b: c\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: mapping values are not allowed in this context\n'],
  ['a key indented under a value', 'x: 1\n  y: 2\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\n'],
  ['a tab as indentation', '\tapiVersion: v1\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: found character that cannot start any token\n'],
  ['an unterminated quote', 'key: "unterminated\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: found unexpected end of stream\n'],
  ['a misaligned key', 'a:\n  b: 1\n c: 2\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: did not find expected key\n'],
  ['broken JSON', '{"apiVersion": "v1", "kind": ConfigMap', "error: error parsing STDIN: json: offset 30: invalid character 'C' looking for beginning of value\n"],
  ['no kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n'],
  [
    'an unknown kind',
    'apiVersion: v1\nkind: Podz\nmetadata: {name: x}\n',
    'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Podz" in version "v1"\nensure CRDs are installed first\n',
  ],
  [
    'a name that is not a string',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 5}\n',
    'error: unable to decode "STDIN": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string\n',
  ],
  [
    'metadata that is not a map',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: "x"\n',
    'error: unable to decode "STDIN": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta\n',
  ],
  [
    'a 5 MB document',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "${'a'.repeat(5 * 1024 * 1024)}"}\n`,
    'Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728\n',
  ],
  [
    'an object too big for the last-applied annotation',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mid}\ndata: {x: "${'a'.repeat(300 * 1024)}"}\n`,
    'The ConfigMap "mid" is invalid: metadata.annotations: Too long: must have at most 262144 bytes\n',
  ],
]

describe('bad input to kubectl apply', () => {
  it.each(CASES)('%s', (_name, input, stderr) => {
    const c = createCluster({ seed: 1, workers: 0 })
    const before = c.revision()
    expect(c.apply(input)).toMatchObject({ stdout: '', stderr, exitCode: 1 })
    expect(c.revision()).toBe(before)
  })

  it('keeps the documents before a broken one, as kubectl\'s stream reader does, and reports at the end', () => {
    const c = createCluster({ seed: 1, workers: 0 })
    const r = c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nfoo: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n')
    expect(r).toMatchObject({
      stdout: 'configmap/a created\n',
      stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 1: did not find expected node content\n',
      exitCode: 1,
    })
    expect(c.kubectl('get configmap b').stderr).toBe('Error from server (NotFound): configmaps "b" not found\n')
  })

  it('skips an unknown kind but applies the rest, printing the error after the created lines', () => {
    const c = createCluster({ seed: 1, workers: 0 })
    const r = c.apply('apiVersion: v1\nkind: Podz\nmetadata: {name: z}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n')
    expect(r).toMatchObject({
      stdout: 'configmap/b created\n',
      stderr: 'error: resource mapping not found for name: "z" namespace: "" from "STDIN": no matches for kind "Podz" in version "v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    })
  })

  it('kubectl create -f reads streams the same way', () => {
    const c = createCluster({ seed: 1, workers: 0 })
    expect(c.kubectl('create -f -', { stdin: '' })).toMatchObject({ stderr: 'error: no objects passed to create\n', exitCode: 1 })
    const r = c.kubectl('create -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nhello\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' })
    expect(r).toMatchObject({ stdout: 'configmap/a created\n', stderr: INVALID_OBJECT, exitCode: 1 })
  })
})
