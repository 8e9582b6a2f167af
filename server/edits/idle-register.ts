import type pg from 'pg'
import { NotFound } from '../errors'
import { perMuReport } from '../metrics/per-mu-report'
import type {
  Attachment, CaseFile, CaseStep, CountAndMu, RegisterAnswer, RegisterFilters, RegisterItem, WatchAnswer,
} from '../../web/src/shared/api/idle-cases'
import { caseDeadlines } from '../../web/src/shared/idle-deadlines'
import {
  HELD_PARCEL_STATUSES, IDLE_CATEGORIES, IDLE_END_STAGES, IDLE_STAGES, allowedNextStages, type IdleCategory, type IdleStage,
} from '../../web/src/shared/park-vocabulary'
import { m2ToMu } from '../../web/src/shared/units'
import { IDLE_SQL as Q } from './idle-plots'
import { parkToday } from './park-today'

/** Reads of the case files: one case, the register, the parcels to watch. Writes: ./idle-plots.ts. */

type Db = pg.Pool | pg.PoolClient

interface CaseRow extends Omit<CaseFile, 'steps' | 'allowed_next' | 'area_mu' | keyof ReturnType<typeof caseDeadlines>> {
  area_m2: number
}

async function loadCases(db: Db, id: string | null, f: RegisterFilters = {}) {
  const { rows } = await db.query<CaseRow>(Q.cases, [id, f.stage ?? null, f.category ?? null, f.zone ?? null])
  const ids = rows.map((r) => r.id)
  const steps = (await db.query<CaseStep & { case_id: string }>(Q.steps, [ids])).rows
  const attachments = (await db.query<Attachment & { case_id: string; seq: number }>(Q.attachments, [ids])).rows
  const today = parkToday()
  return {
    today,
    cases: rows.map(({ area_m2, ...row }) => {
      const own = steps.filter((s) => s.case_id === row.id).map(({ case_id: _c, ...s }) => ({
        ...s,
        attachments: attachments.filter((a) => a.case_id === row.id && a.seq === s.seq).map(({ case_id: _a, seq: _s, ...a }) => a),
      }))
      const area_mu = m2ToMu(area_m2)
      const deadlines = caseDeadlines({ ...row, opened_on: row.opened_at, area_mu, steps: own }, today)
      return { ...row, area_mu, ...deadlines, steps: own, allowed_next: allowedNextStages(row.category, row.stage) }
    }),
  }
}

/** GET /api/idle-plots/:id: the case with its steps, deadlines and the moves it may make next. */
export async function caseFile(db: Db, id: string): Promise<CaseFile> {
  const found = (await loadCases(db, id)).cases[0]
  if (!found) throw new NotFound(`no idle-land case "${id}"`)
  return found
}

const empty = (): CountAndMu => ({ count: 0, mu: 0 })
const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * GET /api/idle-plots: every case (filtered) with its deadlines, overdue ones first, and the totals
 * by stage and category in mu — the sums of the parcels' ellipsoidal areas.
 */
export async function register(db: Db, filters: RegisterFilters): Promise<RegisterAnswer> {
  const { today, cases } = await loadCases(db, null, filters)
  const byStage = Object.fromEntries(IDLE_STAGES.map((s) => [s, empty()])) as Record<IdleStage, CountAndMu>
  const byCategory = Object.fromEntries(IDLE_CATEGORIES.map((c) => [c, empty()])) as Record<IdleCategory, CountAndMu>
  let revitalisedMu = 0
  const year = today.slice(0, 4)
  const items: RegisterItem[] = cases.map((c) => {
    byStage[c.stage].count += 1
    byStage[c.stage].mu += c.area_mu
    byCategory[c.category].count += 1
    byCategory[c.category].mu += c.area_mu
    const last = c.steps.at(-1)
    if (c.stage === 'revitalised' && last?.happened_on.startsWith(year)) revitalisedMu += c.area_mu
    return {
      id: c.id, parcel_id: c.parcel_id, name_zh: c.name_zh, name_en: c.name_en, category: c.category, stage: c.stage,
      disposal: c.disposal, zone_id: c.zone_id, area_mu: c.area_mu, opened_at: c.opened_at, last_step_on: last?.happened_on ?? c.opened_at,
      successor_zh: c.successor_zh, version: c.version,
      next_due: c.next_due, overdue: c.overdue, idle_from: c.idle_from, recovery_from: c.recovery_from, fee_wan: c.fee_wan,
    }
  })
  const ended = (s: IdleStage) => (IDLE_END_STAGES as readonly string[]).includes(s)
  items.sort((a, b) =>
    Number(b.overdue) - Number(a.overdue) || Number(ended(a.stage)) - Number(ended(b.stage)) ||
    (a.next_due ?? '9999').localeCompare(b.next_due ?? '9999') || a.opened_at.localeCompare(b.opened_at) || a.id.localeCompare(b.id))
  for (const t of [...Object.values(byStage), ...Object.values(byCategory)]) t.mu = round2(t.mu)
  return {
    items,
    summary: {
      by_stage: byStage, by_category: byCategory, revitalised_this_year_mu: round2(revitalisedMu),
      overdue: items.filter((i) => i.overdue).length, today,
    },
  }
}

/** Enterprises graded D in the latest per-mu evaluation (none when no firm has figures). */
async function gradeD(pool: pg.Pool): Promise<Set<string>> {
  try {
    const report = await perMuReport(pool, undefined)
    return new Set(report.enterprises.filter((e) => e.grade === 'D').map((e) => e.id))
  } catch (err) {
    if (err instanceof NotFound) return new Set()
    throw err
  }
}

/**
 * GET /api/idle-watch: 动态巡查 — held parcels past an agreed start or completion date without the
 * actual one — and the low-efficiency candidates: the holder graded D (亩均效益), or built below the
 * contract's investment intensity or plot ratio. Parcels under an open case are left out.
 */
export async function watchList(pool: pg.Pool): Promise<WatchAnswer> {
  const today = parkToday()
  const dates = await pool.query<WatchAnswer['overdue_dates'][number] & { area_m2: number }>(Q['watch-dates'], [today])
  const built = await pool.query<{ parcel_id: string; name_zh: string | null; zone_id: string; area_m2: number; enterprise_id: string; below_investment: boolean; below_plot_ratio: boolean }>(
    Q['watch-built'], [[...HELD_PARCEL_STATUSES]],
  )
  const d = await gradeD(pool)
  return {
    overdue_dates: dates.rows.map(({ area_m2, ...r }) => ({ ...r, area_mu: m2ToMu(area_m2) })),
    low_efficiency: built.rows.flatMap((r) => {
      const reasons = [
        ...(d.has(r.enterprise_id) ? ['grade_d' as const] : []),
        ...(r.below_investment ? ['investment_intensity' as const] : []),
        ...(r.below_plot_ratio ? ['plot_ratio' as const] : []),
      ]
      return reasons.length ? [{ parcel_id: r.parcel_id, name_zh: r.name_zh, zone_id: r.zone_id, area_mu: m2ToMu(r.area_m2), reasons }] : []
    }),
    today,
  }
}
