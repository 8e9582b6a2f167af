import type { DbTestContext } from './databases'

/**
 * An independent reference for the 亩均效益 evaluation, for the API tests: the rules of the README
 * ("Per-mu evaluation") written again in plain JavaScript over the raw tables, sharing no code with
 * server/metrics/. The sample park has no incomplete figures, so that case is tested separately.
 */

export const PER_MU_GROUPS = ['above_scale', 'small'] as const
export type PerMuGroup = (typeof PER_MU_GROUPS)[number]

/** The grading configuration server/migrations/003_per_mu_grading.sql seeds, without its version. */
export const SEED_GRADING = {
  benchmark: 'mean',
  thresholds: { A: 20, B: 60, C: 95 },
  min_mu: 3,
  weights: {
    above_scale: { tax_per_mu: 30, value_added_per_mu: 20, value_added_per_tce: 20, value_added_per_kwh: 10, labour_productivity: 10, rnd_share: 10 },
    small: { tax_per_mu: 50, tax_per_kwh: 50 },
  },
} as const

/** GET /api/metrics/grading, as the tests read it. */
export interface GradingJson {
  version: number
  benchmark: 'mean' | 'median'
  thresholds: { A: number; B: number; C: number }
  min_mu: number
  weights: Record<PerMuGroup, Record<string, number>>
  updated_at: string
  updated_by: string
}
export interface FirmJson {
  id: string
  group: PerMuGroup
  parcel_ids: string[]
  mu: number
  score: number | null
  grade: string | null
  rank: number | null
  reason: string | null
  indicators: Record<string, number | null>
  [k: string]: unknown
}
/** GET /api/metrics/per-mu, as the tests read it. */
export interface PerMuJson {
  year: number
  years: number[]
  config: GradingJson
  benchmarks: Record<PerMuGroup, Record<string, number | null>>
  summary: { graded: number; grades: Record<'A' | 'B' | 'C' | 'D', number>; not_graded: Record<string, number> }
  enterprises: FirmJson[]
}

// Written out, not imported: this reference checks the server from outside its code.
const M2_PER_MU = 10000 / 15

/** Paths of every number in `value` that is NaN or infinite. */
export function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`))
  return []
}

/** The whole evaluation, from the raw tables, by the rules in the README. */
export async function recomputePerMu(ctx: DbTestContext, year: number) {
  const q = async <T>(sql: string, values: unknown[] = []) => (await ctx.db.pool.query(sql, values)).rows as T[]
  const [g] = await q<{ benchmark: string; a: number; b: number; c: number; min_mu: number }>(
    'SELECT benchmark, grade_a_pct::float8 AS a, grade_b_pct::float8 AS b, grade_c_pct::float8 AS c, min_mu::float8 AS min_mu FROM per_mu_grading',
  )
  const weights = await q<{ weight_set: PerMuGroup; indicator: string; weight: number }>('SELECT weight_set, indicator, weight::float8 AS weight FROM per_mu_weights WHERE weight > 0')
  const firms = await q<{ id: string; above_scale: boolean; started_year: number | null }>('SELECT id, above_scale, started_year FROM enterprises')
  const land = await q<{ enterprise_id: string; m2: number }>('SELECT enterprise_id, ST_Area(geom::geography) AS m2 FROM parcels WHERE enterprise_id IS NOT NULL')
  const figures = await q<Record<string, number> & { enterprise_id: string }>(
    `SELECT enterprise_id, tax_wan::float8 AS tax, value_added_wan::float8 AS va, energy_tce::float8 AS tce,
            electricity_kwh::float8 AS kwh, employees::float8 AS staff, rnd_wan::float8 AS rnd, revenue_wan::float8 AS rev
     FROM enterprise_figures WHERE year = $1`,
    [year],
  )
  if (g!.benchmark !== 'mean') throw new Error(`the reference knows the mean benchmark only, not ${g!.benchmark}`)
  const out = new Map<string, { mu: number; reason: string | null; score: number | null; rank: number | null; grade: string | null; group: PerMuGroup }>()
  for (const group of PER_MU_GROUPS) {
    const w = weights.filter((x) => x.weight_set === group)
    const rows = firms.filter((f) => f.above_scale === (group === 'above_scale')).map((f) => {
      const parcels = land.filter((l) => l.enterprise_id === f.id)
      const mu = parcels.reduce((s, p) => s + p.m2, 0) / M2_PER_MU
      const fig = figures.find((x) => x.enterprise_id === f.id)
      const values: Record<string, number> = fig
        ? {
            tax_per_mu: fig.tax! / mu, value_added_per_mu: fig.va! / mu, value_added_per_tce: fig.va! / fig.tce!,
            value_added_per_kwh: (fig.va! * 1e4) / fig.kwh!, labour_productivity: fig.va! / fig.staff!,
            rnd_share: (fig.rnd! / fig.rev!) * 100, tax_per_kwh: (fig.tax! * 1e4) / fig.kwh!,
          }
        : {}
      const reason = !parcels.length ? 'no_parcel' : !fig ? 'no_figures' : f.started_year !== null && f.started_year >= year ? 'started_this_year' : mu < g!.min_mu ? 'under_min_mu' : null
      return { id: f.id, mu, reason, values }
    })
    const graded = rows.filter((r) => r.reason === null)
    const scores = graded.map((r) => ({
      id: r.id,
      score: w.reduce((s, x) => s + (r.values[x.indicator]! / (graded.reduce((t, o) => t + o.values[x.indicator]!, 0) / graded.length)) * x.weight, 0),
    }))
    for (const r of rows) {
      const s = scores.find((x) => x.id === r.id)
      if (!s) {
        out.set(r.id, { mu: r.mu, reason: r.reason, score: null, rank: null, grade: null, group })
        continue
      }
      const rank = 1 + scores.filter((o) => o.score > s.score + 1e-7).length
      const pct = (rank / graded.length) * 100
      const grade = pct <= g!.a + 1e-9 ? 'A' : pct <= g!.b + 1e-9 ? 'B' : pct <= g!.c + 1e-9 ? 'C' : 'D'
      out.set(r.id, { mu: r.mu, reason: null, score: s.score, rank, grade, group })
    }
  }
  return out
}

