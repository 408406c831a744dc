/**
 * Cron schedules as the CronJob controller reads them (robfig/cron ParseStandard: five fields
 * or a descriptor such as @hourly, in the CronJob's timeZone, UTC by default), and the
 * missed-run arithmetic of pkg/controller/cronjob/utils.go mostRecentScheduleTime.
 */

import { Cron } from 'croner'

export interface Schedule {
  /** The first run strictly after `ms`. */
  next(ms: number): number | undefined
}

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'])

/** Parses a schedule; throws with robfig/cron's wording for the common mistakes. */
export function parseSchedule(text: string, timeZone?: string): Schedule {
  const t = text.trim()
  if (!t) throw new Error('empty spec string')
  if (t.startsWith('@')) {
    if (!DESCRIPTORS.has(t)) throw new Error(`unrecognized descriptor: ${t}`)
  } else {
    const fields = t.split(/\s+/)
    if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  }
  // croner's legacyMode is vixie cron's rule: day-of-month OR day-of-week when both are set.
  const cron = new Cron(t, { paused: true, timezone: timeZone || 'UTC', legacyMode: true })
  return {
    next(ms) {
      const d = cron.nextRun(new Date(ms))
      return d ? d.getTime() : undefined
    },
  }
}

export interface MostRecent {
  /** The latest missed run, if any run is due. */
  time?: number
  missed: number
}

/** The most recent due run after `earliest` (capped count: enough to know "more than 100"). */
export function mostRecentScheduleTime(sched: Schedule, earliest: number, now: number): MostRecent {
  let t = sched.next(earliest)
  if (t === undefined || t > now) return { missed: 0 }
  let missed = 0
  let last = t
  while (t !== undefined && t <= now) {
    last = t
    missed++
    if (missed > 101) {
      // Jump close to now rather than walking every run (a minute schedule over weeks).
      const fast = sched.next(now - 60_000 * 60)
      if (fast !== undefined && fast > t) t = fast
    }
    t = sched.next(t)
  }
  return { time: last, missed }
}
