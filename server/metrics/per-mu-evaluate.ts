import { m2ToMu } from '../../web/src/shared/units'
import {
  INDICATOR_CODES, NOT_GRADED_REASONS, WEIGHT_SETS,
  type Benchmark, type Grade, type GradingSettings, type IndicatorCode, type NotGradedReason, type WeightSet,
} from '../../web/src/shared/per-mu-vocabulary'
import type { Benchmarks, EvaluationSummary, FigureField, FirmResult, YearFigures } from '../../web/src/shared/api/per-mu'
import { indicatorValues, missingInputs, perMuFigures } from './indicators'
import { rankAndGrade } from './per-mu-rank'

/**
 * The 亩均效益 evaluation of one year, the Zhejiang model: per group (above-scale / small firms),
 * score = Σ over the group's weighted indicators of (value ÷ benchmark × weight), the benchmark
 * being the mean (or median) of that indicator over the group's graded firms; then rank and grade
 * (per-mu-rank.ts). Pure: the rows come from per-mu-report.ts.
 */

/** One firm as the database gives it: the land it holds and its figures for the year (or null). */
export interface FirmInput {
  id: string
  name_zh: string
  name_en: string
  industry: string
  above_scale: boolean
  started_year: number | null
  parcel_ids: string[]
  /** Σ ST_Area(geom::geography) over its parcels, m² (0 when it holds none). */
  held_m2: number
  figures: YearFigures | null
}

export interface Evaluation {
  firms: FirmResult[]
  benchmarks: Benchmarks
  summary: EvaluationSummary
}

const weightedIndicators = (s: GradingSettings, group: WeightSet): IndicatorCode[] =>
  INDICATOR_CODES.filter((c) => (s.weights[group][c] ?? 0) > 0)

function notGradedReason(f: FirmInput, mu: number, year: number, s: GradingSettings, group: WeightSet): { reason: NotGradedReason; missing?: FigureField[] } | null {
  if (f.parcel_ids.length === 0) return { reason: 'no_parcel' }
  if (f.figures === null) return { reason: 'no_figures' }
  // A firm that started production in (or after) the year has no full year to be judged on.
  if (f.started_year !== null && f.started_year >= year) return { reason: 'started_this_year' }
  if (mu < s.min_mu) return { reason: 'under_min_mu' }
  const missing = [...new Set(weightedIndicators(s, group).flatMap((c) => missingInputs(c, f.figures!, mu)))]
  return missing.length ? { reason: 'incomplete_figures', missing } : null
}

/**
 * The mean or the median of the values (nulls skipped); null when there are none.
 * @example centre([1, 2, 6], 'mean') // 3
 * @example centre([1, 2, 6], 'median') // 2
 */
export function centre(values: readonly (number | null)[], how: Benchmark): number | null {
  const xs = values.filter((v): v is number => v !== null)
  if (xs.length === 0) return null
  if (how === 'mean') return xs.reduce((s, x) => s + x, 0) / xs.length
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const zeroGrades = (): Record<Grade, number> => ({ A: 0, B: 0, C: 0, D: 0 })

/**
 * Evaluates every firm for `year` under settings `s`. Firms not graded keep their per-mu figures
 * and indicators (where computable) with score, rank and grade null and a reason.
 */
export function evaluatePerMu(inputs: readonly FirmInput[], year: number, s: GradingSettings): Evaluation {
  const firms: FirmResult[] = inputs.map((f) => {
    const mu = m2ToMu(f.held_m2)
    const group: WeightSet = f.above_scale ? 'above_scale' : 'small'
    const why = notGradedReason(f, mu, year, s, group)
    return {
      id: f.id, name_zh: f.name_zh, name_en: f.name_en, industry: f.industry, above_scale: f.above_scale, group,
      started_year: f.started_year, parcel_ids: f.parcel_ids, mu,
      ...perMuFigures(f.figures, mu),
      indicators: indicatorValues(f.figures, mu),
      points: null, score: null, rank: null, grade: null,
      reason: why?.reason ?? null,
      ...(why?.missing ? { missing: why.missing } : {}),
    }
  })

  const benchmarks = {} as Benchmarks
  const summary: EvaluationSummary = {
    firms: firms.length, graded: 0, grades: zeroGrades(),
    groups: { above_scale: { graded: 0, grades: zeroGrades() }, small: { graded: 0, grades: zeroGrades() } },
    not_graded: Object.fromEntries(NOT_GRADED_REASONS.map((r) => [r, 0])) as Record<NotGradedReason, number>,
  }
  for (const group of WEIGHT_SETS) {
    const graded = firms.filter((f) => f.group === group && f.reason === null)
    benchmarks[group] = Object.fromEntries(INDICATOR_CODES.map((c) => [c, centre(graded.map((f) => f.indicators[c]), s.benchmark)])) as Record<IndicatorCode, number | null>
    for (const f of graded) {
      f.points = {}
      for (const c of weightedIndicators(s, group)) {
        const b = benchmarks[group][c]
        // A benchmark of zero or less (no graded firm spends on R&D, say) cannot scale anything: the indicator scores 0.
        f.points[c] = b !== null && b > 0 ? (f.indicators[c]! / b) * s.weights[group][c]! : 0
      }
      f.score = Object.values(f.points).reduce((t, p) => t + p, 0)
    }
    const byId = new Map(rankAndGrade(graded.map((f) => ({ id: f.id, score: f.score! })), s.thresholds).map((r) => [r.id, r]))
    for (const f of graded) {
      const r = byId.get(f.id)!
      f.rank = r.rank
      f.grade = r.grade
      summary.grades[r.grade]++
      summary.groups[group].grades[r.grade]++
    }
    summary.groups[group].graded = graded.length
    summary.graded += graded.length
  }
  for (const f of firms) if (f.reason) summary.not_graded[f.reason]++

  // Above-scale group first, each by rank; then the firms not graded, by reason and id.
  const order = (f: FirmResult) => [f.reason === null ? 0 : 1, f.reason ? NOT_GRADED_REASONS.indexOf(f.reason) : WEIGHT_SETS.indexOf(f.group), f.rank ?? 0] as const
  firms.sort((a, b) => {
    const [x, y] = [order(a), order(b)]
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
  return { firms, benchmarks, summary }
}
