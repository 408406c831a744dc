/**
 * Seeded random numbers (sfc32 seeded through splitmix32). Its state is four numbers, saved
 * with a snapshot, so a restored or replayed simulation draws the same values.
 */

export type RandomState = [number, number, number, number]

function splitmix32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

export class Random {
  private s: RandomState

  constructor(seed: number = 1) {
    const sm = splitmix32(seed)
    this.s = [sm(), sm(), sm(), sm()]
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  static fromState(state: RandomState): Random {
    const r = new Random(0)
    r.s = [...state] as RandomState
    return r
  }

  state(): RandomState {
    return [...this.s] as RandomState
  }

  nextUint32(): number {
    let [a, b, c, d] = this.s
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    this.s = [a >>> 0, b, c, d]
    return t
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  string(length: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)]
    return out
  }

  /** RFC 4122 version 4 UUID. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0')
    const a = hex(this.nextUint32())
    const b = hex(this.nextUint32())
    const c = hex(this.nextUint32())
    const d = hex(this.nextUint32())
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
  }
}
