import { describe, expect, it } from 'vitest'
import { INDICATORS, indicatorValues, missingInputs, perMuFigures, ratio } from './indicators'
import { INDICATOR_CODES } from '../../web/src/shared/per-mu-vocabulary'
import type { YearFigures } from '../../web/src/shared/api/per-mu'

const figures: YearFigures = Object.freeze({
  revenue_wan: 10_000, value_added_wan: 2_500, profit_wan: 800, tax_wan: 600,
  electricity_kwh: 5_000_000, energy_tce: 1_250, rnd_wan: 300, employees: 250,
})

describe('ratio', () => {
  it('divides and scales', () => expect(ratio(30, 4, 10)).toBe(75))
  it.each([
    ['missing numerator', null, 4],
    ['missing denominator', 3, null],
    ['zero denominator', 3, 0],
    ['negative denominator', 3, -1],
  ])('%s → null', (_, n, d) => expect(ratio(n, d)).toBeNull())
  it('overflow → null, never Infinity', () => expect(ratio(1e308, 1e-10)).toBeNull())
})

describe('indicatorValues', () => {
  it('computes each indicator in its unit', () => {
    const v = indicatorValues(figures, 50)
    expect(v).toEqual({
      tax_per_mu: 12, // 万元/亩
      value_added_per_mu: 50,
      value_added_per_tce: 2, // 万元/tce
      value_added_per_kwh: 5, // 2,500 万元 = 25,000,000 元 over 5,000,000 kWh
      labour_productivity: 10, // 万元/人
      rnd_share: 3, // %
      tax_per_kwh: 1.2, // 元/kWh
    })
    expect(Object.keys(v)).toEqual([...INDICATOR_CODES])
  })

  it('no figures → every indicator null', () => {
    expect(Object.values(indicatorValues(null, 50)).every((x) => x === null)).toBe(true)
  })

  it('zero energy → value added per tce is null, the rest stand', () => {
    const v = indicatorValues({ ...figures, energy_tce: 0 }, 50)
    expect(v.value_added_per_tce).toBeNull()
    expect(v.tax_per_mu).toBe(12)
  })

  it('no land → the per-mu indicators are null', () => {
    const v = indicatorValues(figures, 0)
    expect(v.tax_per_mu).toBeNull()
    expect(v.value_added_per_mu).toBeNull()
    expect(v.tax_per_kwh).toBe(1.2)
  })

  it('does not mutate its input', () => {
    expect(() => indicatorValues(figures, 50)).not.toThrow()
  })
})

describe('missingInputs', () => {
  it('names the missing numerator and the non-positive denominator', () => {
    expect(missingInputs('rnd_share', { ...figures, rnd_wan: null, revenue_wan: 0 }, 5)).toEqual(['rnd_wan', 'revenue_wan'])
    expect(missingInputs('labour_productivity', { ...figures, employees: null }, 5)).toEqual(['employees'])
    expect(missingInputs('tax_per_mu', figures, 5)).toEqual([])
  })
  it('every indicator has a catalogue entry', () => {
    expect(INDICATORS.map((d) => d.code)).toEqual([...INDICATOR_CODES])
  })
})

describe('perMuFigures', () => {
  it('per mu in 万元 and kWh; revenue per kWh in 元', () => {
    expect(perMuFigures(figures, 50)).toEqual({
      revenue_per_mu: 200, tax_per_mu: 12, profit_per_mu: 16, value_added_per_mu: 50,
      electricity_kwh_per_mu: 100_000, revenue_per_kwh: 20, value_added_per_tce: 2,
    })
  })
  it('no figures → all null', () => {
    expect(Object.values(perMuFigures(null, 50)).every((x) => x === null)).toBe(true)
  })
})
