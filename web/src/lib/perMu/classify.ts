/**
 * Class breaks for a choropleth: quantiles (equal counts) or natural breaks (Jenks, computed exactly
 * with Fisher's dynamic programme — the park has a few dozen firms, so O(k·n²) is nothing).
 *
 * Breaks are the class limits, lowest first: `[min, upper₁, …, max]`, so k classes have k + 1 numbers
 * (the first upper may equal min: that class holds only the tied lowest values).
 * A value belongs to the first class whose upper limit it does not exceed. Ties in the data can leave
 * fewer classes than asked for: limits are never repeated, so no class is empty by construction.
 * Null, NaN and ±Infinity are skipped. Pure; the input is not modified.
 */

export type ClassMethod = 'quantile' | 'natural'
export const CLASS_METHODS: readonly ClassMethod[] = ['natural', 'quantile']

function sortedFinite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
}

/**
 * `[min, …uppers, max]` with repeated upper limits dropped. The first upper may equal the minimum:
 * that class holds only the (tied) lowest values.
 */
function limits(xs: readonly number[], uppers: readonly number[]): number[] {
  const out = [xs[0]!]
  for (const u of [...uppers, xs.at(-1)!]) if (out.length === 1 || u > out.at(-1)!) out.push(u)
  return out
}

/**
 * Quantile breaks: each class takes (about) n ÷ k of the values; limits are data values.
 * @example quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5) // [1, 2, 4, 6, 8, 10]
 */
export function quantileBreaks(values: readonly (number | null | undefined)[], classes: number): number[] {
  const xs = sortedFinite(values)
  if (xs.length === 0) return []
  const k = Math.max(1, Math.floor(classes))
  const uppers: number[] = []
  for (let i = 1; i < k; i++) uppers.push(xs[Math.ceil((xs.length * i) / k) - 1]!)
  return limits(xs, uppers)
}

/**
 * Natural breaks (Jenks): the split into k classes of consecutive sorted values with the least
 * total within-class sum of squared deviations.
 * @example naturalBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3) // [1, 3, 12, 22]
 */
export function naturalBreaks(values: readonly (number | null | undefined)[], classes: number): number[] {
  const xs = sortedFinite(values)
  const n = xs.length
  if (n === 0) return []
  const k = Math.min(Math.max(1, Math.floor(classes)), new Set(xs).size)
  if (k === 1) return limits(xs, [])
  const sum = [0]
  const sumSq = [0]
  for (const x of xs) {
    sum.push(sum.at(-1)! + x)
    sumSq.push(sumSq.at(-1)! + x * x)
  }
  // Sum of squared deviations of xs[a..b] (inclusive), from prefix sums.
  const ssd = (a: number, b: number) => {
    const s = sum[b + 1]! - sum[a]!
    return Math.max(0, sumSq[b + 1]! - sumSq[a]! - (s * s) / (b - a + 1))
  }
  // cost[c][j]: least SSD of xs[0..j] in c + 1 classes; start[c][j]: where the last of them begins.
  const cost: number[][] = [xs.map((_, j) => ssd(0, j))]
  const start: number[][] = [xs.map(() => 0)]
  for (let c = 1; c < k; c++) {
    cost.push(new Array<number>(n).fill(Infinity))
    start.push(new Array<number>(n).fill(c))
    for (let j = c; j < n; j++) {
      for (let m = c; m <= j; m++) {
        const total = cost[c - 1]![m - 1]! + ssd(m, j)
        if (total < cost[c]![j]!) {
          cost[c]![j] = total
          start[c]![j] = m
        }
      }
    }
  }
  const uppers: number[] = []
  for (let c = k - 1, j = n - 1; c > 0; c--) {
    const m = start[c]![j]!
    uppers.unshift(xs[m - 1]!)
    j = m - 1
  }
  return limits(xs, uppers)
}

/**
 * The breaks of `method` with at most `classes` classes.
 * @example classBreaks([5, 1, 9], 'quantile', 3) // [1, 5, 9]
 */
export function classBreaks(values: readonly (number | null | undefined)[], method: ClassMethod, classes: number): number[] {
  return method === 'quantile' ? quantileBreaks(values, classes) : naturalBreaks(values, classes)
}

/**
 * Which class (0-based) a value falls in, for limits from {@link classBreaks}; values outside the
 * limits go to the nearest end class. -1 for a non-finite value or no classes.
 * @example classIndex(5, [1, 2, 4, 6, 8, 10]) // 2
 */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return -1
  const last = breaks.length - 2
  for (let i = 0; i < last; i++) if (value <= breaks[i + 1]!) return i
  return last
}
