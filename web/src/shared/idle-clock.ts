/**
 * The idle-land clock of 国土资源部令第53号《闲置土地处置办法》(2012): land not started one full year
 * after the agreed start date is idle and owes an idle-land fee of 20 % of the land price (第十四条(一));
 * not started two full years after it, it is recovered without compensation (第十四条(二)).
 * Periods are counted as 民法典 第二百零一、二百零二条 say: from the day after the agreed date, ending on
 * the corresponding day (the month's last day when there is none, e.g. 29 Feb → 28 Feb), so a year is
 * "full" on the day after that anniversary. The clock assumes work has not started: it is the officer's
 * record of that fact (the case) that makes it apply.
 */

/** Where a plot stands on the clock on a given day. */
export type IdleClockStage =
  /** the agreed start date has not come */
  | 'before_start'
  /** past the agreed date, within the year of grace */
  | 'grace'
  /** a full year late: idle land, the 20 % fee is due */
  | 'idle_fee'
  /** two full years late: recovery without compensation */
  | 'recovery'

export interface IdleClock {
  stage: IdleClockStage
  agreedStart: string
  /** first day the plot counts as idle and the fee is due (YYYY-MM-DD) */
  idleFrom: string
  /** first day the land may be recovered without compensation (YYYY-MM-DD) */
  recoveryFrom: string
  /** whole days from `today` to the next threshold; null once recovery is reached */
  daysToNext: number | null
}

/** The idle-land fee as a share of the land price (第十四条(一)). */
export const IDLE_FEE_SHARE = 0.2

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A calendar date YYYY-MM-DD as a UTC day number; null when it is not a real date.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null
  return ms / 86_400_000
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The same day `years` later, or the month's last day when it has none (29 Feb → 28 Feb).
 * @example addYears('2020-02-29', 1) // '2021-02-28'
 */
export function addYears(date: string, years: number): string {
  const m = DATE.exec(date)
  if (!m || dayNumber(date) === null) throw new RangeError(`not a date: ${date}`)
  const y = Number(m[1]) + years
  const mo = Number(m[2])
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return `${String(y).padStart(4, '0')}-${m[2]}-${String(Math.min(Number(m[3]), lastDay)).padStart(2, '0')}`
}

/**
 * The clock for a plot with this agreed start date, on `today` (both YYYY-MM-DD); null when either
 * is not a date (returns null rather than throwing: a case may have no agreed date at all).
 * @example idleClock('2020-03-01', '2021-03-02').stage // 'idle_fee'
 */
export function idleClock(agreedStart: string, today: string): IdleClock | null {
  const start = dayNumber(agreedStart)
  const now = dayNumber(today)
  if (start === null || now === null) return null
  const idleDay = dayNumber(addYears(agreedStart, 1))! + 1
  const recoveryDay = dayNumber(addYears(agreedStart, 2))! + 1
  const stage: IdleClockStage = now >= recoveryDay ? 'recovery' : now >= idleDay ? 'idle_fee' : now > start ? 'grace' : 'before_start'
  const next = stage === 'recovery' ? null : stage === 'idle_fee' ? recoveryDay : idleDay
  return { stage, agreedStart, idleFrom: isoOf(idleDay), recoveryFrom: isoOf(recoveryDay), daysToNext: next === null ? null : next - now }
}

/**
 * The idle-land fee in 万元: 20 % of the land price (price per mu × mu); null without a price.
 * @example idleLandFeeWan(30, 50) // 300
 */
export function idleLandFeeWan(priceWanPerMu: number | null | undefined, mu: number): number | null {
  if (priceWanPerMu === null || priceWanPerMu === undefined || !Number.isFinite(priceWanPerMu) || !Number.isFinite(mu)) return null
  return Math.round(priceWanPerMu * mu * IDLE_FEE_SHARE * 100) / 100
}

/**
 * Today as the park's officers count days (China Standard Time, UTC+8), YYYY-MM-DD: the day a
 * step is recorded on and deadlines are measured from — the same in the server (whatever its time
 * zone) and in a browser anywhere, so a step the form dates "today" is never after the server's today
 * nor before a step the server recorded today.
 */
export function parkToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
