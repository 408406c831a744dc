/* eslint-disable @typescript-eslint/no-explicit-any -- tests read free-form JSON responses */
import { describe, expect, it } from 'vitest'
import { applyJSONPatch, JSONPatchError } from './json-patch'
import { mergePatch } from './merge-patch'
import { strategicMergePatch } from './strategic-merge'

const pod = {
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'side', image: 'busybox' },
    ],
    tolerations: [{ key: 't' }],
  },
}

describe('strategic merge patch', () => {
  it('merges lists by their merge key, replaces lists without one, deletes with null', () => {
    const out = strategicMergePatch(pod, {
      metadata: { labels: { b: null, c: '3' }, finalizers: ['y'] },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 443 }] }], tolerations: [{ key: 'u' }] },
    }) as any
    expect(out.metadata.labels).toEqual({ a: '1', c: '3' })
    expect(out.metadata.finalizers).toEqual(['x', 'y'])
    expect(out.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['app=nginx:1.27', 'side=busybox'])
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80 }, { containerPort: 443 }])
    expect(out.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }])
    expect(out.spec.tolerations).toEqual([{ key: 'u' }])
  })

  it('honours $patch delete/replace, $setElementOrder and $deleteFromPrimitiveList', () => {
    const out = strategicMergePatch(pod, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] },
      spec: {
        '$setElementOrder/containers': [{ name: 'side' }, { name: 'app' }],
        containers: [{ name: 'app', env: [{ $patch: 'replace' }, { name: 'Z', value: '9' }] }],
      },
    }) as any
    expect(out.metadata.finalizers).toEqual([])
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['side', 'app'])
    expect(out.spec.containers[1].env).toEqual([{ name: 'Z', value: '9' }])
    const gone = strategicMergePatch(pod, { spec: { containers: [{ name: 'side', $patch: 'delete' }] } }) as any
    expect(gone.spec.containers.map((c: any) => c.name)).toEqual(['app'])
    const replaced = strategicMergePatch(pod, { metadata: { $patch: 'replace', name: 'q' } }) as any
    expect(replaced.metadata).toEqual({ name: 'q' })
  })
})

describe('JSON merge patch and JSON patch', () => {
  it('merge patch replaces lists and deletes with null', () => {
    expect(mergePatch({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { c: null } })).toEqual({ a: [3], b: { d: 2 } })
  })

  it('JSON patch runs add, remove, replace, move, copy and test, and fails as a whole', () => {
    const doc = { a: { b: 1 }, l: [1, 2] }
    const out = applyJSONPatch(doc, [
      { op: 'add', path: '/l/-', value: 3 },
      { op: 'replace', path: '/a/b', value: 2 },
      { op: 'copy', from: '/a', path: '/c' },
      { op: 'move', from: '/l/0', path: '/first' },
      { op: 'remove', path: '/a' },
      { op: 'test', path: '/c/b', value: 2 },
    ])
    expect(out).toEqual({ l: [2, 3], c: { b: 2 }, first: 1 })
    expect(doc).toEqual({ a: { b: 1 }, l: [1, 2] })
    expect(() => applyJSONPatch(doc, [{ op: 'test', path: '/a/b', value: 5 }])).toThrow(JSONPatchError)
    expect(() => applyJSONPatch(doc, [{ op: 'remove', path: '/nope' }])).toThrow('Unable to remove nonexistent key: nope: missing value')
  })
})
