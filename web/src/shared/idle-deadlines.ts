/**
 * A case's deadlines and 53号令 figures, from its recorded dates: the same functions give the
 * server's register and the client's case panel. The clock itself (one and two full years after the
 * agreed start) is ./idle-clock.ts.
 */
import { addYears, dayNumber, idleClock, idleLandFeeWan } from './idle-clock'
import type { IdleCategory, IdleStage } from './park-vocabulary'
import { IDLE_END_STAGES } from './park-vocabulary'

/** 53号令 第七条: the holder answers the investigation notice within 30 days. */
export const HOLDER_STATEMENT_DAYS = 30

/**
 * The date `days` after `date` (YYYY-MM-DD).
 * @example addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: string, days: number): string {
  const d = dayNumber(date)
  if (d === null) throw new RangeError(`not a date: ${date}`)
  return new Date((d + days) * 86_400_000).toISOString().slice(0, 10)
}

/** What the deadline functions read of a case: its stage and the recorded steps, oldest first. */
export interface DeadlineInput {
  category: IdleCategory
  stage: IdleStage
  agreed_start_date: string | null
  opened_on: string
  price_wan_per_mu: number | null
  area_mu: number
  steps: readonly { stage: IdleStage; hearing_deadline?: string | null; due_date?: string | null }[]
}

/**
 * The next date something is due on an open case, or null:
 * - investigation (idle land): the holder's statement, 30 days after the case opened (第七条);
 * - notice: the last day to ask for a hearing, as the notice gave it (第十五条);
 * - determination (idle land): the next threshold of the idle-land clock still ahead
 *   (the fee from one full year, recovery from two), when the agreed start date is known;
 * - disposal plan, implementing: the due date the step recorded.
 * @example nextDue({ category: 'idle', stage: 'investigation', agreed_start_date: null, opened_on: '2024-01-31', price_wan_per_mu: null, area_mu: 1, steps: [] }, '2024-02-01') // '2024-03-01'
 */
export function nextDue(c: DeadlineInput, today: string): string | null {
  if ((IDLE_END_STAGES as readonly string[]).includes(c.stage)) return null
  const latest = [...c.steps].reverse().find((s) => s.stage === c.stage)
  switch (c.stage) {
    case 'investigation':
      return c.category === 'idle' ? addDays(c.opened_on, HOLDER_STATEMENT_DAYS) : null
    case 'notice':
      return latest?.hearing_deadline ?? null
    case 'determination': {
      if (c.category !== 'idle' || !c.agreed_start_date) return null
      const clock = idleClock(c.agreed_start_date, today)
      if (!clock || clock.stage === 'recovery') return null
      return clock.stage === 'idle_fee' ? clock.recoveryFrom : clock.idleFrom
    }
    default:
      return latest?.due_date ?? null
  }
}

/**
 * Deadlines and the fee, as the register and the case file carry them. The fee is 20 % of the
 * land price (price per mu × the parcel's mu) for idle land whose price is known; the recovery date
 * is the first day of the third year after the agreed start (第十四条).
 * @example caseDeadlines({ category: 'idle', stage: 'determination', agreed_start_date: '2020-03-01', opened_on: '2021-04-01', price_wan_per_mu: 30, area_mu: 50, steps: [] }, '2021-05-01').fee_wan // 300
 */
export function caseDeadlines(c: DeadlineInput, today: string) {
  const due = nextDue(c, today)
  const clock = c.category === 'idle' && c.agreed_start_date ? idleClock(c.agreed_start_date, today) : null
  const todayDay = dayNumber(today)
  return {
    next_due: due,
    overdue: due !== null && todayDay !== null && dayNumber(due)! < todayDay,
    idle_from: clock?.idleFrom ?? null,
    recovery_from: clock?.recoveryFrom ?? null,
    fee_wan: c.category === 'idle' ? idleLandFeeWan(c.price_wan_per_mu, c.area_mu) : null,
  }
}

/**
 * The latest due date a plan to extend the start may set: one year from the plan (第十二条(一):
 * 延长动工开发期限最长不得超过一年).
 * @example latestExtendedStart('2024-02-29') // '2025-02-28'
 */
export function latestExtendedStart(planDate: string): string {
  return addYears(planDate, 1)
}
