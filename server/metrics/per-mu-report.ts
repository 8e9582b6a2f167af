import type pg from 'pg'
import { NotFound } from '../errors'
import { namedSql } from '../db/named-sql'
import type { PerMuReport, YearFigures } from '../../web/src/shared/api/per-mu'
import { INDICATORS } from './indicators'
import { loadGrading } from './grading-store'
import { evaluatePerMu, type FirmInput } from './per-mu-evaluate'

/** GET /api/metrics/per-mu: the year's inputs from PostGIS, evaluated under the active configuration. */

const Q = namedSql(new URL('./sql/per-mu.sql', import.meta.url), ['years', 'firms'])

/**
 * The year asked for (the route's schema keeps it in YEAR_RANGE), or the latest with figures.
 * Throws NotFound (404) when no firm has figures for it.
 */
export async function resolveYear(pool: pg.Pool, asked: number | undefined): Promise<{ year: number; years: number[] }> {
  const { rows } = await pool.query<{ year: number }>(Q.years)
  const years = rows.map((r) => r.year)
  const year = asked ?? years.at(-1)
  if (year === undefined) throw new NotFound('no enterprise has figures for any year')
  if (!years.includes(year)) throw new NotFound(`no enterprise figures for ${year}; years with figures: ${years.join(', ') || 'none'}`)
  return { year, years }
}

/** A row of per-mu.sql: the firm, its land, and its figures for the year (null when it reported none). */
interface FirmRow extends Omit<FirmInput, 'figures'>, YearFigures {
  has_figures: boolean
}

/** Every enterprise with its land and its figures for `year`. */
export async function loadFirmInputs(pool: pg.Pool, year: number): Promise<FirmInput[]> {
  const { rows } = await pool.query<FirmRow>(Q.firms, [year])
  return rows.map(({ has_figures, revenue_wan, value_added_wan, profit_wan, tax_wan, electricity_kwh, energy_tce, rnd_wan, employees, ...firm }) => ({
    ...firm,
    figures: has_figures ? { revenue_wan, value_added_wan, profit_wan, tax_wan, electricity_kwh, energy_tce, rnd_wan, employees } : null,
  }))
}

/** The evaluation of `asked` (or the latest year), with the configuration and benchmarks it used. */
export async function perMuReport(pool: pg.Pool, asked: number | undefined): Promise<PerMuReport> {
  const { year, years } = await resolveYear(pool, asked)
  // Sequential on purpose: the embedded database has one connection.
  const config = await loadGrading(pool)
  const inputs = await loadFirmInputs(pool, year)
  const { firms, benchmarks, summary } = evaluatePerMu(inputs, year, config)
  return {
    year,
    years,
    config,
    benchmarks,
    indicators: INDICATORS.map(({ code, name_zh, name_en, unit }) => ({ code, name_zh, name_en, unit })),
    summary,
    enterprises: firms,
  }
}
