import { describe, expect, it } from 'vitest'
import { classBreaks, classIndex, naturalBreaks, quantileBreaks } from './classify'

const counts = (values: number[], breaks: number[]) => {
  const out = new Array<number>(breaks.length - 1).fill(0)
  for (const v of values) out[classIndex(v, breaks)]!++
  return out
}

describe('quantileBreaks', () => {
  it('puts an equal share of values in each class', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantileBreaks(values, 5)).toEqual([1, 2, 4, 6, 8, 10])
    expect(counts(values, quantileBreaks(values, 5))).toEqual([2, 2, 2, 2, 2])
  })

  it('spreads uneven counts by at most one value', () => {
    const values = Array.from({ length: 23 }, (_, i) => i * 1.5)
    const sizes = counts(values, quantileBreaks(values, 5))
    expect(sizes).toHaveLength(5)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('merges classes when ties make limits repeat, never leaving an empty class', () => {
    const values = [1, 1, 1, 1, 1, 1, 2, 3]
    const breaks = quantileBreaks(values, 5)
    expect(breaks).toEqual([1, 1, 2, 3])
    expect(counts(values, breaks).every((c) => c > 0)).toBe(true)
  })
})

describe('naturalBreaks', () => {
  it('finds the gaps between clusters', () => {
    expect(naturalBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3)).toEqual([1, 3, 12, 22])
    expect(naturalBreaks([22, 1, 11, 3, 21, 2, 10, 20, 12], 3)).toEqual([1, 3, 12, 22])
  })

  it('matches a brute-force search for the least within-class variance', () => {
    // Seeded LCG: the same "random" firms every run.
    let seed = 42
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const values = Array.from({ length: 12 }, () => Math.round(rnd() * 1000) / 10)
    const xs = [...values].sort((a, b) => a - b)
    const ssd = (part: number[]) => {
      const mean = part.reduce((s, x) => s + x, 0) / part.length
      return part.reduce((s, x) => s + (x - mean) ** 2, 0)
    }
    let best = Infinity
    for (let a = 1; a < xs.length; a++) for (let b = a + 1; b < xs.length; b++) {
      best = Math.min(best, ssd(xs.slice(0, a)) + ssd(xs.slice(a, b)) + ssd(xs.slice(b)))
    }
    const breaks = naturalBreaks(values, 3)
    const parts: number[][] = [[], [], []]
    for (const x of xs) parts[classIndex(x, breaks)]!.push(x)
    expect(parts.reduce((s, p) => s + ssd(p), 0)).toBeCloseTo(best, 9)
  })

  it('gives no more classes than distinct values', () => {
    expect(naturalBreaks([4, 4, 9, 9, 9], 5)).toEqual([4, 4, 9])
    expect(naturalBreaks([7, 7, 7], 5)).toEqual([7, 7])
  })
})

describe('classBreaks and classIndex', () => {
  it('skips null, NaN and infinities and leaves the input alone', () => {
    const values = Object.freeze([3, null, Number.NaN, 1, Infinity, 2, undefined]) as readonly (number | null | undefined)[]
    expect(classBreaks(values, 'quantile', 3)).toEqual([1, 1, 2, 3])
    expect(classBreaks(values, 'natural', 3)).toEqual([1, 1, 2, 3])
    expect(values).toEqual([3, null, Number.NaN, 1, Infinity, 2, undefined])
  })

  it('returns no breaks for no values', () => {
    expect(classBreaks([], 'natural', 5)).toEqual([])
    expect(classBreaks([null], 'quantile', 5)).toEqual([])
    expect(classIndex(3, [])).toBe(-1)
  })

  it('assigns limits to the lower class and clamps values outside to the end classes', () => {
    const breaks = [1, 2, 4, 6, 8, 10]
    expect(classIndex(1, breaks)).toBe(0)
    expect(classIndex(2, breaks)).toBe(0)
    expect(classIndex(2.01, breaks)).toBe(1)
    expect(classIndex(10, breaks)).toBe(4)
    expect(classIndex(-5, breaks)).toBe(0)
    expect(classIndex(99, breaks)).toBe(4)
    expect(classIndex(null, breaks)).toBe(-1)
    expect(classIndex(7, [7, 7])).toBe(0)
  })
})
