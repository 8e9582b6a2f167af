import { describe, expect, it } from 'vitest'
import { muToM2 } from '../../web/src/shared/units'
import type { GradingSettings } from '../../web/src/shared/per-mu-vocabulary'
import type { YearFigures } from '../../web/src/shared/api/per-mu'
import { centre, evaluatePerMu, type FirmInput } from './per-mu-evaluate'
import { SEED_GRADING } from '../../tests/helpers/per-mu-reference'

const SETTINGS: GradingSettings = Object.freeze(structuredClone(SEED_GRADING) as GradingSettings)

const figures = (k: number): YearFigures => ({
  revenue_wan: 1000 * k, value_added_wan: 250 * k, profit_wan: 80 * k, tax_wan: 60 * k,
  electricity_kwh: 500_000 * k, energy_tce: 100 * k, rnd_wan: 30 * k, employees: 50,
})

function firm(id: string, over: Partial<FirmInput> = {}): FirmInput {
  return {
    id, name_zh: id, name_en: id, industry: 'other', above_scale: true, started_year: 2015,
    parcel_ids: [`P-${id}`], held_m2: muToM2(10), figures: figures(1), ...over,
  }
}

describe('centre', () => {
  it('mean and median, nulls skipped', () => {
    expect(centre([1, null, 2, 6], 'mean')).toBe(3)
    expect(centre([1, null, 2, 6], 'median')).toBe(2)
    expect(centre([1, 2, 6, 7], 'median')).toBe(4)
    expect(centre([null], 'mean')).toBeNull()
  })
})

describe('evaluatePerMu', () => {
  it('reasons, in order: no parcel, no figures, started this year, under min mu, incomplete figures', () => {
    const r = evaluatePerMu(
      [
        firm('nothing', { parcel_ids: [], held_m2: 0, figures: null }),
        firm('no-parcel', { parcel_ids: [], held_m2: 0 }),
        firm('no-figures', { figures: null }),
        firm('new', { started_year: 2022, held_m2: muToM2(1) }),
        firm('tiny', { held_m2: muToM2(2.99) }),
        firm('no-energy', { figures: { ...figures(1), energy_tce: 0, employees: null } }),
        firm('ok'),
      ],
      2022,
      SETTINGS,
    )
    const reasons = Object.fromEntries(r.firms.map((f) => [f.id, f.reason]))
    expect(reasons).toEqual({
      nothing: 'no_parcel', 'no-parcel': 'no_parcel', 'no-figures': 'no_figures', new: 'started_this_year',
      tiny: 'under_min_mu', 'no-energy': 'incomplete_figures', ok: null,
    })
    expect(r.firms.find((f) => f.id === 'no-energy')!.missing).toEqual(['energy_tce', 'employees'])
    for (const f of r.firms.filter((x) => x.reason)) expect([f.score, f.grade, f.rank, f.points]).toEqual([null, null, null, null])
    expect(r.summary.not_graded).toEqual({ no_parcel: 2, no_figures: 1, started_this_year: 1, under_min_mu: 1, incomplete_figures: 1 })
  })

  it('a small firm is not held to indicators outside its weight set', () => {
    const r = evaluatePerMu([firm('s', { above_scale: false, figures: { ...figures(1), energy_tce: null, employees: null, rnd_wan: null } })], 2022, SETTINGS)
    expect(r.firms[0]!.reason).toBeNull()
    expect(r.firms[0]!.group).toBe('small')
  })

  it('score = Σ value ÷ group mean × weight; a firm at the mean scores 100', () => {
    // k = 1, 2, 3 on every figure but employees: per-mu values scale with k, per-energy ones do not
    const r = evaluatePerMu([firm('a'), firm('b', { figures: figures(2) }), firm('c', { figures: figures(3) })], 2022, SETTINGS)
    const b = r.firms.find((f) => f.id === 'b')!
    expect(r.benchmarks.above_scale.tax_per_mu).toBeCloseTo(12, 12) // (6 + 12 + 18) / 3
    expect(b.score).toBeCloseTo(100, 9)
    const c = r.firms.find((f) => f.id === 'c')!
    // tax, value added per mu and labour productivity scale ×1.5 over the mean; the ratios stay at 1
    expect(c.points).toEqual({
      tax_per_mu: expect.closeTo(45, 9), value_added_per_mu: expect.closeTo(30, 9), value_added_per_tce: expect.closeTo(20, 9),
      value_added_per_kwh: expect.closeTo(10, 9), labour_productivity: expect.closeTo(15, 9), rnd_share: expect.closeTo(10, 9),
    })
    // three firms: rank 1 is the 33rd percentile (B), rank 2 the 67th (C), rank 3 the 100th (D)
    expect(r.firms.map((f) => [f.id, f.rank, f.grade])).toEqual([['c', 1, 'B'], ['b', 2, 'C'], ['a', 3, 'D']])
  })

  it('groups are benchmarked, ranked and graded apart', () => {
    const r = evaluatePerMu([firm('big'), firm('small', { above_scale: false, figures: figures(0.01) })], 2022, SETTINGS)
    expect(r.firms.map((f) => [f.id, f.group, f.rank])).toEqual([['big', 'above_scale', 1], ['small', 'small', 1]])
    expect(r.firms[1]!.score).toBeCloseTo(100, 9)
  })

  it('median benchmark', () => {
    const r = evaluatePerMu([firm('a'), firm('b', { figures: figures(2) }), firm('c', { figures: figures(10) })], 2022, { ...SETTINGS, benchmark: 'median' })
    expect(r.benchmarks.above_scale.tax_per_mu).toBeCloseTo(12, 12)
  })

  it('a benchmark of zero scores that indicator 0 instead of dividing by it', () => {
    const r = evaluatePerMu([firm('a', { figures: { ...figures(1), rnd_wan: 0 } }), firm('b', { figures: { ...figures(2), rnd_wan: 0 } })], 2022, SETTINGS)
    for (const f of r.firms) {
      expect(f.points!.rnd_share).toBe(0)
      expect(Number.isFinite(f.score)).toBe(true)
    }
  })

  it('a weight of 0 takes an indicator out of the score and of the completeness check', () => {
    const s: GradingSettings = { ...SETTINGS, weights: { ...SETTINGS.weights, above_scale: { tax_per_mu: 100, rnd_share: 0 } } }
    const r = evaluatePerMu([firm('a', { figures: { ...figures(1), rnd_wan: null } })], 2022, s)
    expect(r.firms[0]!.reason).toBeNull()
    expect(r.firms[0]!.points).toEqual({ tax_per_mu: 100 })
  })
})
