import { describe, expect, it } from 'vitest'
import { mostRecentScheduleTime, parseSchedule } from './schedule'

const at = (iso: string) => Date.parse(iso)

describe('parseSchedule', () => {
  it('reads five fields and descriptors, in UTC unless told', () => {
    expect(new Date(parseSchedule('*/15 * * * *').next(at('2025-01-01T00:00:00Z'))!).toISOString()).toBe('2025-01-01T00:15:00.000Z')
    expect(new Date(parseSchedule('@hourly').next(at('2025-01-01T00:30:00Z'))!).toISOString()).toBe('2025-01-01T01:00:00.000Z')
    expect(new Date(parseSchedule('0 9 * * *', 'America/New_York').next(at('2025-01-01T00:00:00Z'))!).toISOString()).toBe('2025-01-01T14:00:00.000Z')
  })

  it('uses vixie cron day rules: day-of-month OR day-of-week when both are set', () => {
    // The 13th, or any Friday: Friday 3 January comes first.
    expect(new Date(parseSchedule('0 0 13 * 5').next(at('2025-01-01T00:00:00Z'))!).toISOString()).toBe('2025-01-03T00:00:00.000Z')
  })

  it("rejects what robfig/cron's standard parser rejects, in its words", () => {
    expect(() => parseSchedule('* * * * * *')).toThrow('expected exactly 5 fields, found 6: [* * * * * *]')
    expect(() => parseSchedule('@every-day')).toThrow('unrecognized descriptor: @every-day')
    expect(() => parseSchedule('')).toThrow('empty spec string')
  })
})

describe('mostRecentScheduleTime', () => {
  const s = parseSchedule('* * * * *')
  it('finds nothing before the first run and the latest of several missed runs', () => {
    expect(mostRecentScheduleTime(s, at('2025-01-01T00:00:00Z'), at('2025-01-01T00:00:30Z'))).toEqual({ missed: 0 })
    expect(mostRecentScheduleTime(s, at('2025-01-01T00:00:00Z'), at('2025-01-01T00:03:30Z'))).toEqual({ time: at('2025-01-01T00:03:00Z'), missed: 3 })
  })
  it('counts past 100 missed runs without walking them all', () => {
    const r = mostRecentScheduleTime(s, at('2025-01-01T00:00:00Z'), at('2025-01-08T00:00:30Z'))
    expect(r.time).toBe(at('2025-01-08T00:00:00Z'))
    expect(r.missed).toBeGreaterThan(100)
  })
})
