import { describe, expect, it } from 'vitest'
import {
  M2_PER_MU,
  MISSING_VALUE,
  areaSummary,
  formatArea,
  formatMu,
  haToM2,
  haToMu,
  km2ToM2,
  km2ToMu,
  m2ToHa,
  m2ToKm2,
  m2ToMu,
  muToHa,
  muToKm2,
  muToM2,
} from './units'

describe('unit constants and conversions', () => {
  it('defines 1 mu as 10000/15 m²', () => {
    expect(M2_PER_MU).toBe(10000 / 15)
    expect(muToM2(1)).toBeCloseTo(666.6666666666666, 12)
  })

  it('maps whole hectares and square kilometres to whole mu exactly', () => {
    expect(m2ToMu(10_000)).toBe(15)
    expect(haToMu(1)).toBe(15)
    expect(m2ToMu(1_000_000)).toBe(1500)
    expect(km2ToMu(1)).toBe(1500)
    expect(muToM2(15)).toBe(10_000)
    expect(muToM2(1500)).toBe(1_000_000)
    expect(muToHa(15)).toBe(1)
    expect(muToKm2(1500)).toBe(1)
  })

  it('converts between m², ha and km²', () => {
    expect(m2ToHa(25_000)).toBe(2.5)
    expect(haToM2(2.5)).toBe(25_000)
    expect(m2ToKm2(3_500_000)).toBe(3.5)
    expect(km2ToM2(3.5)).toBe(3_500_000)
  })

  it('round-trips every pair of conversions', () => {
    for (const value of [0, 1e-6, 0.5, 1, 666.6666, 1234.5678, 1e6, 3.7e9]) {
      expect(muToM2(m2ToMu(value))).toBeCloseTo(value, 9)
      expect(haToM2(m2ToHa(value))).toBeCloseTo(value, 9)
      expect(km2ToM2(m2ToKm2(value))).toBeCloseTo(value, 9)
      expect(muToHa(haToMu(value))).toBeCloseTo(value, 9)
      expect(muToKm2(km2ToMu(value))).toBeCloseTo(value, 9)
    }
  })

  it('summarises an area in m², mu and ha without rounding', () => {
    expect(areaSummary(10_000)).toEqual({ m2: 10_000, mu: 15, ha: 1 })
    expect(areaSummary(1000)).toEqual({ m2: 1000, mu: 1.5, ha: 0.1 })
    // the README's example (web/src/shared/README.md, "Why not turf.area"): turf's 0.14 % on a 1,600-mu plot is ≈ 2.3 mu
    expect(areaSummary(muToM2(1600) * 0.0014).mu).toBeCloseTo(2.24, 2)
  })
})

describe('formatMu', () => {
  it('shows mu with two decimals and grouping, in Chinese and English', () => {
    expect(formatMu(muToM2(1234.5678), 'zh-CN')).toBe('1,234.57 亩')
    expect(formatMu(muToM2(1234.5678), 'en')).toBe('1,234.57 mu')
    expect(formatMu(10_000, 'zh-CN')).toBe('15.00 亩')
    expect(formatMu(0, 'en')).toBe('0.00 mu')
    expect(formatMu(muToM2(0.004), 'en')).toBe('0.00 mu')
  })

  it('defaults to Chinese', () => {
    expect(formatMu(muToM2(2))).toBe('2.00 亩')
  })

  it('never shows "-0.00"', () => {
    expect(formatMu(-0.001, 'en')).toBe('0.00 mu')
    expect(formatMu(muToM2(-3), 'en')).toBe('-3.00 mu')
  })

  it('shows a dash for NaN and infinities', () => {
    expect(formatMu(Number.NaN)).toBe(MISSING_VALUE)
    expect(formatMu(Number.POSITIVE_INFINITY, 'en')).toBe(MISSING_VALUE)
  })
})

describe('formatArea', () => {
  it('uses m² below one hectare', () => {
    expect(formatArea(850, 'en')).toBe('850 m²')
    expect(formatArea(5.123, 'en')).toBe('5.12 m²')
    expect(formatArea(9_876.4, 'zh-CN')).toBe('9,876 平方米')
  })

  it('uses ha below one square kilometre', () => {
    expect(formatArea(125_000, 'zh-CN')).toBe('12.50 公顷')
    expect(formatArea(10_000, 'en')).toBe('1.00 ha')
  })

  it('uses km² from one square kilometre up', () => {
    expect(formatArea(3_456_000, 'en')).toBe('3.46 km²')
    expect(formatArea(100_000_000, 'zh-CN')).toBe('100.00 平方公里')
  })

  it('moves to the larger unit where the smaller one would round up to it', () => {
    expect(formatArea(9_999.6, 'en')).toBe('1.00 ha')
    expect(formatArea(999_960, 'en')).toBe('1.00 km²')
  })

  it('shows a dash for NaN', () => {
    expect(formatArea(Number.NaN, 'en')).toBe(MISSING_VALUE)
  })
})
