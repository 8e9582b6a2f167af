import type pg from 'pg'
import { NotFound } from '../errors'
import { parseIntParam } from '../http/params'
import { INDICATORS, type YearFigures } from './indicators'
import type { GradingConfig } from './grading-config'
import { loadGrading } from './grading-store'
import { evaluatePerMu, type Evaluation, type FirmInput } from './per-mu-evaluate'
import { namedSql } from './named-sql'

/** GET /api/metrics/per-mu: the year's inputs from PostGIS, evaluated under the active configuration. */

const Q = namedSql('per-mu.sql', ['years', 'firms'])

/** enterprise_figures.year is CHECKed to this range (migration 001): outside it is a malformed request. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const

/**
 * The year asked for, or the latest with figures. Throws BadRequest (400) for a non-integer or a
 * year outside 2000–2100, NotFound (404) when no firm has figures for it.
 */
export async function resolveYear(pool: pg.Pool, raw: string | undefined): Promise<{ year: number; years: number[] }> {
  const asked = raw === undefined || raw === '' ? null : parseIntParam('year', raw, { ...YEAR_RANGE, fallback: YEAR_RANGE.min })
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

export interface PerMuReport {
  year: number
  years: number[]
  config: GradingConfig
  benchmarks: Evaluation['benchmarks']
  indicators: { code: string; name_zh: string; name_en: string; unit: string }[]
  summary: Evaluation['summary']
  enterprises: Evaluation['firms']
}

/** The evaluation of `rawYear` (or the latest year), with the configuration and benchmarks it used. */
export async function perMuReport(pool: pg.Pool, rawYear: string | undefined): Promise<PerMuReport> {
  const { year, years } = await resolveYear(pool, rawYear)
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
