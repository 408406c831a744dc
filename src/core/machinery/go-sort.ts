/**
 * Go's sort.Sort (pattern-defeating quicksort, Go 1.19+, as in the go1.23 that builds kubectl
 * 1.31): NOT stable, and deterministic, so items that compare equal come out in the order
 * Go's algorithm leaves them. kubectl sorts with it where ties are common (`get --sort-by`
 * on second-resolution timestamps, describe's events), so matching its output byte for byte
 * needs the same algorithm, step for step; Array.prototype.sort (stable) would not do.
 */

type Less = (i: number, j: number) => boolean

const MAX_INSERTION = 12
const SHORTEST_NINTHER = 50
const MAX_SWAPS = 4 * 3
const MAX_STEPS = 5
const SHORTEST_SHIFTING = 50
const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

/** bits.Len: the number of bits needed to write n. */
function bitsLen(n: number): number {
  return n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1
}

/** Sorts `items` in place with `less`, exactly as Go's sort.Sort would; returns it. */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const n = items.length
  if (n <= 1) return items
  const s = new Sorter(items, less)
  s.pdqsort(0, n, bitsLen(n))
  return items
}

class Sorter<T> {
  readonly less: Less
  constructor(
    private readonly data: T[],
    cmp: (a: T, b: T) => boolean,
  ) {
    this.less = (i, j) => cmp(data[i]!, data[j]!)
  }

  swap(i: number, j: number): void {
    const d = this.data
    const t = d[i]!
    d[i] = d[j]!
    d[j] = t
  }

  insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1)
  }

  siftDown(lo: number, hi: number, first: number): void {
    let root = lo
    for (;;) {
      let child = 2 * root + 1
      if (child >= hi) return
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++
      if (!this.less(first + root, first + child)) return
      this.swap(first + root, first + child)
      root = child
    }
  }

  heapSort(a: number, b: number): void {
    const first = a
    const hi = b - a
    for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, first)
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(first, first + i)
      this.siftDown(0, i, first)
    }
  }

  pdqsort(a: number, b: number, limit: number): void {
    let wasBalanced = true
    let wasPartitioned = true
    for (;;) {
      const length = b - a
      if (length <= MAX_INSERTION) {
        this.insertionSort(a, b)
        return
      }
      if (limit === 0) {
        this.heapSort(a, b)
        return
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b)
        limit--
      }
      let [pivot, hint] = this.choosePivot(a, b)
      if (hint === Hint.Decreasing) {
        this.reverseRange(a, b)
        pivot = b - 1 - (pivot - a)
        hint = Hint.Increasing
      }
      if (wasBalanced && wasPartitioned && hint === Hint.Increasing && this.partialInsertionSort(a, b)) return
      // Many equal elements: split off those equal to the pivot.
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot)
        continue
      }
      const [mid, already] = this.partition(a, b, pivot)
      wasPartitioned = already
      const leftLen = mid - a
      const rightLen = b - mid
      const balanceThreshold = Math.trunc(length / 8)
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold
        this.pdqsort(a, mid, limit)
        a = mid + 1
      } else {
        wasBalanced = rightLen >= balanceThreshold
        this.pdqsort(mid + 1, b, limit)
        b = mid
      }
    }
  }

  partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    while (i <= j && this.less(i, a)) i++
    while (i <= j && !this.less(j, a)) j--
    if (i > j) {
      this.swap(j, a)
      return [j, true]
    }
    this.swap(i, j)
    i++
    j--
    for (;;) {
      while (i <= j && this.less(i, a)) i++
      while (i <= j && !this.less(j, a)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    this.swap(j, a)
    return [j, false]
  }

  partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    for (;;) {
      while (i <= j && !this.less(a, i)) i++
      while (i <= j && this.less(a, j)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    return i
  }

  partialInsertionSort(a: number, b: number): boolean {
    let i = a + 1
    for (let step = 0; step < MAX_STEPS; step++) {
      while (i < b && !this.less(i, i - 1)) i++
      if (i === b) return true
      if (b - a < SHORTEST_SHIFTING) return false
      this.swap(i, i - 1)
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
    }
    return false
  }

  breakPatterns(a: number, b: number): void {
    const length = b - a
    if (length < 8) return
    // xorshift seeded with the length, in uint64 (go1.23's shift triple 13, 7, 17).
    const mask64 = (1n << 64n) - 1n
    let r = BigInt(length)
    const next = () => {
      r ^= (r << 13n) & mask64
      r ^= r >> 7n
      r ^= (r << 17n) & mask64
      return r
    }
    const modulus = 2 ** bitsLen(length)
    const mid = a + Math.trunc(length / 4) * 2
    for (let idx = mid - 1; idx <= mid + 1; idx++) {
      let other = Number(next() & BigInt(modulus - 1))
      if (other >= length) other -= length
      this.swap(idx, a + other)
    }
  }

  choosePivot(a: number, b: number): [number, Hint] {
    const l = b - a
    const swaps = { n: 0 }
    let i = a + Math.trunc(l / 4)
    let j = a + Math.trunc(l / 4) * 2
    let k = a + Math.trunc(l / 4) * 3
    if (l >= 8) {
      if (l >= SHORTEST_NINTHER) {
        i = this.median(i - 1, i, i + 1, swaps)
        j = this.median(j - 1, j, j + 1, swaps)
        k = this.median(k - 1, k, k + 1, swaps)
      }
      j = this.median(i, j, k, swaps)
    }
    if (swaps.n === 0) return [j, Hint.Increasing]
    if (swaps.n === MAX_SWAPS) return [j, Hint.Decreasing]
    return [j, Hint.Unknown]
  }

  order2(a: number, b: number, swaps: { n: number }): [number, number] {
    if (this.less(b, a)) {
      swaps.n++
      return [b, a]
    }
    return [a, b]
  }

  median(a: number, b: number, c: number, swaps: { n: number }): number {
    ;[a, b] = this.order2(a, b, swaps)
    ;[b, c] = this.order2(b, c, swaps)
    ;[a, b] = this.order2(a, b, swaps)
    void c
    return b
  }

  reverseRange(a: number, b: number): void {
    for (let i = a, j = b - 1; i < j; i++, j--) this.swap(i, j)
  }
}
