/**
 * The syntax check of robfig/cron v3's ParseStandard, which CronJob validation runs on
 * spec.schedule: five fields (minute hour day-of-month month day-of-week) or a descriptor,
 * each field a list of `*`, `N`, `N-M` with an optional `/step`. Returns the parser's own
 * error text, which the API server puts after `spec.schedule: Invalid value: "...": `.
 */

interface Bounds {
  min: number
  max: number
  names?: Record<string, number>
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
]
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'])

class CronError extends Error {}

/** strconv.Atoi as Go words its failure. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`)
  const n = parseInt(s, 10)
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`)
  return n
}

/** mustParseInt */
function mustParseInt(s: string): number {
  const n = atoi(s)
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${s}`)
  return n
}

function parseIntOrName(s: string, names?: Record<string, number>): number {
  const named = names?.[s.toLowerCase()]
  return named !== undefined ? named : mustParseInt(s)
}

/** getRange */
function checkRange(expr: string, r: Bounds): void {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0]!.split('-')
  let start: number
  let end: number
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min
    end = r.max
  } else {
    start = parseIntOrName(lowAndHigh[0]!, r.names)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, r.names)
    else throw new CronError(`too many hyphens: ${expr}`)
  }
  let step = 1
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!)
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = r.max
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`)
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`)
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`)
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`)
}

/** ParseStandard's error for a schedule, or undefined when it parses. */
export function cronSyntaxError(spec: string): string | undefined {
  try {
    if (!spec) throw new CronError('empty spec string')
    let s = spec
    const tz = /^(?:CRON_)?TZ=(\S*)/.exec(s)
    if (tz) s = s.slice(s.indexOf(' ') + 1).trim()
    if (s.startsWith('@')) {
      if (s.startsWith('@every ')) return undefined
      if (!DESCRIPTORS.has(s)) throw new CronError(`unrecognized descriptor: ${s}`)
      return undefined
    }
    const fields = s.split(/\s+/).filter(Boolean)
    if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
    fields.forEach((f, i) => {
      for (const expr of f.split(',').filter(Boolean)) checkRange(expr, FIELDS[i]!)
    })
    return undefined
  } catch (e) {
    if (e instanceof CronError) return e.message
    throw e
  }
}
