import { describe, expect, it } from 'vitest'
import { MAX_WALL_STEP_MS, Pacer } from './pacer'

describe('Pacer', () => {
  it('advances by wall time times speed, starting from the first tick', () => {
    const p = new Pacer()
    expect(p.step(1000)).toBe(0)
    expect(p.step(1100)).toBe(100)
    p.speed = 20
    expect(p.step(1200)).toBe(2000)
  })

  it('carries fractions so the average speed is exact', () => {
    const p = new Pacer()
    p.step(0)
    let total = 0
    for (let t = 1; t <= 30; t++) total += p.step(t * 100.3)
    expect(total).toBe(3009)
  })

  it('stops while paused and does not simulate the pause on play', () => {
    const p = new Pacer()
    p.step(0)
    p.pause()
    expect(p.step(500)).toBe(0)
    p.play()
    expect(p.step(5000)).toBe(0)
    expect(p.step(5100)).toBe(100)
    expect(p.state(42)).toEqual({ now: 42, speed: 1, paused: false })
  })

  it('caps a long wall gap (a throttled background tab)', () => {
    const p = new Pacer()
    p.speed = 100
    p.step(0)
    expect(p.step(60_000)).toBe(MAX_WALL_STEP_MS * 100)
  })
})
