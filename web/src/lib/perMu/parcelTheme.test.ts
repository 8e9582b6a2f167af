import { describe, expect, it } from 'vitest'
import { GRADE_COLORS, UNTHEMED_FILL } from './palette'
import { parcelTheme } from './parcelTheme'
import type { FirmResult, PerMuReport } from '../../shared/api/per-mu'

function firm(id: string, parcel_ids: string[], over: Partial<FirmResult>): FirmResult {
  return {
    id, name_zh: id, name_en: id, industry: 'other', above_scale: true, group: 'above_scale', started_year: 2010,
    parcel_ids, mu: 10, revenue_per_mu: null, tax_per_mu: null, profit_per_mu: null, value_added_per_mu: null,
    electricity_kwh_per_mu: null, revenue_per_kwh: null, value_added_per_tce: null,
    indicators: {} as FirmResult['indicators'], points: null, score: null, rank: null, grade: null, reason: null,
    ...over,
  }
}

const report = {
  year: 2022,
  years: [2021, 2022],
  enterprises: [
    firm('a', ['P1', 'P2'], { grade: 'A', rank: 1, tax_per_mu: 30, electricity_kwh_per_mu: 100 }),
    firm('b', ['P3'], { grade: 'B', rank: 2, tax_per_mu: 20, electricity_kwh_per_mu: 300 }),
    firm('c', ['P4'], { grade: 'D', rank: 3, tax_per_mu: 2, electricity_kwh_per_mu: 900 }),
    firm('s', ['P5'], { reason: 'under_min_mu', tax_per_mu: 8 }),
    firm('n', ['P6'], { reason: 'no_figures' }),
    firm('z', [], { reason: 'no_parcel' }),
  ],
} as unknown as PerMuReport

describe('parcelTheme', () => {
  it('colours a firm\'s parcels by its grade and hatches the firms without one', () => {
    const theme = parcelTheme(report, { kind: 'grade' })
    expect(theme.classes.map((c) => [c.grade, c.color, c.firms, c.parcelIds])).toEqual([
      ['A', GRADE_COLORS.A, 1, ['P1', 'P2']],
      ['B', GRADE_COLORS.B, 1, ['P3']],
      ['C', GRADE_COLORS.C, 0, []],
      ['D', GRADE_COLORS.D, 1, ['P4']],
    ])
    expect(theme.hatchedIds).toEqual(['P5', 'P6'])
    expect(theme.hatchedFirms).toBe(2)
    expect(theme.year).toBe(2022)
  })

  it('classes a figure over firms, hatching firms without the figure', () => {
    const theme = parcelTheme(report, { kind: 'figure', figure: 'tax_per_mu', method: 'quantile' })
    // 4 firms with a value, 4 distinct values: 4 classes at most.
    expect(theme.classes.map((c) => [c.from, c.to, c.parcelIds])).toEqual([[2, 2, ['P4']], [2, 8, ['P5']], [8, 20, ['P3']], [20, 30, ['P1', 'P2']]])
    expect(theme.classes.every((c) => c.color !== UNTHEMED_FILL)).toBe(true)
    expect(theme.hatchedIds).toEqual(['P6'])
  })

  it('uses the cost ramp for electricity, light for little use', () => {
    const output = parcelTheme(report, { kind: 'figure', figure: 'tax_per_mu', method: 'natural' })
    const cost = parcelTheme(report, { kind: 'figure', figure: 'electricity_kwh_per_mu', method: 'natural' })
    expect(cost.classes[0]!.color).not.toBe(output.classes[0]!.color)
    expect(cost.classes.at(-1)!.parcelIds).toEqual(['P4'])
  })

  it('lists each parcel once even if the data names it twice', () => {
    const twice = { ...report, enterprises: [...report.enterprises, firm('dup', ['P1'], { grade: 'D', rank: 4 })] } as PerMuReport
    const ids = parcelTheme(twice, { kind: 'grade' }).classes.flatMap((c) => c.parcelIds)
    expect(ids.filter((id) => id === 'P1')).toHaveLength(1)
  })
})
