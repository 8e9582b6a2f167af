import type pg from 'pg'
import { m2ToMu } from '../../web/src/shared/units'
import { ratio } from './indicators'
import { namedSql } from '../db/named-sql'
import { IDLE_OPEN_STAGES, PARCEL_STATUSES, PROJECT_STAGES, type ParcelStatus, type ProjectStage, type ZoneStatus } from '../../web/src/shared/park-vocabulary'
import { ABOVE_SCALE_MEASURES, type Dashboard, type IndustryPerMu } from '../../web/src/shared/api/dashboard'
import { resolveYear } from './per-mu-report'

/**
 * GET /api/metrics/dashboard: the half-year report's headline numbers, computed from the tables
 * rather than typed in — land by district and status, idle / available / revitalised land, per-mu
 * output by industry, the above-scale firms' totals, major projects by stage.
 * Money sums are done in SQL numeric, so 万元 totals carry no binary noise.
 */

const Q = namedSql(new URL('./sql/dashboard.sql', import.meta.url), ['zones', 'parcel-status', 'industry', 'above-scale', 'major-projects', 'open-cases'])

interface ZoneRow { id: string; name_zh: string; name_en: string; status: ZoneStatus; zone_m2: number; parcels: number; parcel_m2: number }
interface IndustryRow { industry: string | null; firms: number; m2: number; revenue_wan: number; tax_wan: number; revenue_m2: number; tax_m2: number }
interface MeasureRow { measure: string; firms: number; reporting: number; total: number; comparable_firms: number; comparable_current: number; comparable_previous: number }
interface StageRow { stage: ProjectStage | null; projects: number; investment_yi: number }

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

function perMuOf(r: IndustryRow): IndustryPerMu {
  return {
    firms: r.firms,
    mu: m2ToMu(r.m2),
    revenue_wan: r.revenue_wan,
    tax_wan: r.tax_wan,
    revenue_per_mu: ratio(r.revenue_wan, m2ToMu(r.revenue_m2)),
    tax_per_mu: ratio(r.tax_wan, m2ToMu(r.tax_m2)),
  }
}

function aboveScale(rows: readonly MeasureRow[]): Dashboard['above_scale'] {
  const totals = {} as Record<(typeof ABOVE_SCALE_MEASURES)[number], number>
  const yoy = {} as Dashboard['above_scale']['year_on_year']
  for (const m of ABOVE_SCALE_MEASURES) {
    const r = rows.find((x) => x.measure === m)
    totals[m] = r?.total ?? 0
    yoy[m] = {
      firms: r?.comparable_firms ?? 0,
      current: r?.comparable_current ?? 0,
      previous: r?.comparable_previous ?? 0,
      // null when there is no previous year to compare with (a share of zero is no growth rate)
      growth_pct: r ? ratio(r.comparable_current - r.comparable_previous, r.comparable_previous, 100) : null,
    }
  }
  return { firms: rows[0]?.firms ?? 0, reporting: rows[0]?.reporting ?? 0, ...totals, year_on_year: yoy }
}

/** The dashboard of `rawYear` (or the latest year with figures); land and projects are as of now. */
export async function dashboard(pool: pg.Pool, asked: number | undefined): Promise<Dashboard> {
  const { year } = await resolveYear(pool, asked)
  // Sequential on purpose: the embedded database has one connection.
  const zones = (await pool.query<ZoneRow>(Q.zones)).rows
  const statusRows = (await pool.query<{ status: ParcelStatus; parcels: number; m2: number }>(Q['parcel-status'])).rows
  const industries = (await pool.query<IndustryRow>(Q.industry, [year])).rows
  const measures = (await pool.query<MeasureRow>(Q['above-scale'], [year])).rows
  const stageRows = (await pool.query<StageRow>(Q['major-projects'])).rows
  const openCases = (await pool.query<{ parcels: number; m2: number }>(Q['open-cases'])).rows[0]!

  const byStatus = PARCEL_STATUSES.map((status) => {
    const r = statusRows.find((s) => s.status === status)
    return { status, parcels: r?.parcels ?? 0, mu: m2ToMu(r?.m2 ?? 0) }
  })
  const landOf = (statuses: readonly ParcelStatus[]) => {
    const rows = byStatus.filter((s) => statuses.includes(s.status))
    return { parcels: sum(rows.map((s) => s.parcels)), mu: sum(rows.map((s) => s.mu)) }
  }
  const park = industries.find((r) => r.industry === null)
  const allMajor = stageRows.find((r) => r.stage === null)

  return {
    year,
    land: {
      ...landOf(PARCEL_STATUSES),
      by_zone: zones.map((z) => ({ id: z.id, name_zh: z.name_zh, name_en: z.name_en, status: z.status, zone_mu: m2ToMu(z.zone_m2), parcels: z.parcels, mu: m2ToMu(z.parcel_m2) })),
      by_status: byStatus,
      idle: { stages: IDLE_OPEN_STAGES, parcels: openCases.parcels, mu: m2ToMu(openCases.m2) },
      available: landOf(['available']),
      revitalised: landOf(['revitalised']),
    },
    per_mu_by_industry: {
      industries: industries.filter((r) => r.industry !== null).map((r) => ({ industry: r.industry!, ...perMuOf(r) })),
      park: park ? perMuOf(park) : perMuOf({ industry: null, firms: 0, m2: 0, revenue_wan: 0, tax_wan: 0, revenue_m2: 0, tax_m2: 0 }),
    },
    above_scale: aboveScale(measures),
    major_projects: {
      projects: allMajor?.projects ?? 0,
      investment_yi: allMajor?.investment_yi ?? 0,
      by_stage: PROJECT_STAGES.map((stage) => {
        const r = stageRows.find((s) => s.stage === stage)
        return { stage, projects: r?.projects ?? 0, investment_yi: r?.investment_yi ?? 0 }
      }),
    },
  }
}
