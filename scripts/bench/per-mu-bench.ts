/**
 * GET /api/metrics/per-mu (the 亩均效益 ranking, internal: signed in as a planner) against the SQL
 * the route runs: the years with figures, the grading settings and weights, and every firm with
 * its land and figures (server/metrics/sql/per-mu.sql, sql/grading.sql), in sequence through pg.
 * The endpoint adds the evaluation in JavaScript (per-mu-evaluate.ts) and the JSON of every firm.
 * No peer: MapServer has no such report.
 */
import type pg from 'pg'
import { namedSql } from '../../server/db/named-sql'
import type { PerMuReport } from '../../web/src/shared/api/per-mu'
import { timeInterleaved, type Summary } from './timing'

const PER_MU = namedSql(new URL('../../server/metrics/sql/per-mu.sql', import.meta.url), ['years', 'firms'])
const GRADING = namedSql(new URL('../../server/metrics/sql/grading.sql', import.meta.url), ['settings', 'weights'])

export interface PerMuBenchResult {
  year: number
  firms: number
  graded: number
  bodyKb: number
  http: Summary
  raw: Summary
}

export async function benchPerMu(pool: pg.Pool, baseUrl: string, headers: Record<string, string>, warmup: number, runs: number): Promise<PerMuBenchResult> {
  const get = async () => {
    const res = await fetch(`${baseUrl}/api/metrics/per-mu`, { headers: { ...headers, 'accept-encoding': 'identity' } })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`per-mu endpoint answered ${res.status}: ${text.slice(0, 300)}`)
    return text
  }
  const body = await get()
  const report = JSON.parse(body) as PerMuReport
  const raw = async () => {
    await pool.query(PER_MU.years)
    await pool.query(GRADING.settings)
    await pool.query(GRADING.weights)
    return pool.query(PER_MU.firms, [report.year])
  }
  const { rows } = await raw()
  if (rows.length !== report.enterprises.length) throw new Error(`per-mu: the endpoint ranks ${report.enterprises.length} firms, its SQL returns ${rows.length}`)
  const timed = await timeInterleaved({ http: get, raw }, warmup, runs)
  return {
    year: report.year,
    firms: report.enterprises.length,
    graded: report.enterprises.filter((e) => e.grade !== null).length,
    bodyKb: Buffer.byteLength(body) / 1024,
    http: timed.http,
    raw: timed.raw,
  }
}
