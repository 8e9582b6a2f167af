import type { Grade, Thresholds } from '../../web/src/shared/per-mu-vocabulary'

/**
 * Ranking and grading by rank percentile, the Zhejiang way (A top 20 %, B to 60 %, C to 95 %,
 * D the rest). Pure.
 *
 * - Rank: by score, highest first; competition ranking ("1224"): firms whose scores are equal
 *   to 6 decimals share the best rank of their group, and the next firm's rank skips.
 * - Percentile of rank r among n graded firms: p = r ÷ n × 100 (the share of firms ranked at or
 *   above it). Grade A if p ≤ A, else B if p ≤ B, else C if p ≤ C, else D. Boundaries are
 *   inclusive and nothing is rounded: with n = 27 and A = 20, ranks 1–5 are A (5 ÷ 27 = 18.5 %,
 *   6 ÷ 27 = 22.2 %). So a grade never holds more than its share, except that tied firms all take
 *   the grade of their shared rank (ties are resolved in the firms' favour).
 */

/** Scores this close are a tie: the inputs carry at most a few decimals, floating sums do not. */
const TIE_DECIMALS = 6

function tieKey(score: number): number {
  return Math.round(score * 10 ** TIE_DECIMALS)
}

export interface Ranked {
  id: string
  rank: number
  grade: Grade
}

/**
 * The grade of rank `rank` among `n` graded firms.
 * @example gradeOfRank(5, 27, { A: 20, B: 60, C: 95 }) // 'A'
 * @example gradeOfRank(26, 27, { A: 20, B: 60, C: 95 }) // 'D'
 */
export function gradeOfRank(rank: number, n: number, t: Thresholds): Grade {
  // rank / n × 100 ≤ t, multiplied out so integer ranks compare exactly; the slack only absorbs
  // binary noise in fractional thresholds (33.3 × 3 = 99.89999…).
  const within = (pct: number) => rank * 100 <= pct * n + 1e-9
  if (within(t.A)) return 'A'
  if (within(t.B)) return 'B'
  if (within(t.C)) return 'C'
  return 'D'
}

/**
 * Ranks and grades one group's firms. Returns them best first (ties by id, for a stable list).
 * @example rankAndGrade([{ id: 'a', score: 120 }, { id: 'b', score: 80 }], { A: 20, B: 60, C: 95 })
 *   // [{ id: 'a', rank: 1, grade: 'B' }, { id: 'b', rank: 2, grade: 'D' }]
 */
export function rankAndGrade(firms: readonly { id: string; score: number }[], t: Thresholds): Ranked[] {
  const sorted = [...firms].sort((a, b) => tieKey(b.score) - tieKey(a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const n = sorted.length
  const out: Ranked[] = []
  sorted.forEach((f, i) => {
    const prev = out[i - 1]
    const tied = prev !== undefined && tieKey(sorted[i - 1]!.score) === tieKey(f.score)
    const rank = tied ? prev.rank : i + 1
    out.push({ id: f.id, rank, grade: gradeOfRank(rank, n, t) })
  })
  return out
}
