import { describe, expect, it } from 'vitest'
import { goSort } from './go-sort'
import { Random } from '../sim/random'

describe("goSort (Go's sort.Sort)", () => {
  it('sorts every size and shape, including runs, reversed input and many duplicates', () => {
    const rnd = new Random(11)
    for (const n of [0, 1, 2, 7, 12, 13, 49, 50, 51, 200, 1000]) {
      const shapes = [
        Array.from({ length: n }, () => rnd.int(1_000_000)),
        Array.from({ length: n }, () => rnd.int(3)),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, (_, i) => i),
      ]
      for (const xs of shapes) expect(goSort([...xs], (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b))
    }
  })

  it('keeps equal items in input order up to 12 items (insertion sort), as kubectl shows them', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ k: i % 2, i }))
    expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11])
  })

  it('is not stable beyond that, like Go', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ k: i % 3, i }))
    const sorted = goSort(items, (a, b) => a.k < b.k)
    expect(sorted.map((x) => x.k)).toEqual([...Array(14).fill(0), ...Array(13).fill(1), ...Array(13).fill(2)])
    const zeros = sorted.filter((x) => x.k === 0).map((x) => x.i)
    expect(zeros).not.toEqual([...zeros].sort((a, b) => a - b))
  })
})
