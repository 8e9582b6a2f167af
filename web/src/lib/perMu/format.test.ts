import { describe, expect, it } from 'vitest'
import { formatFigure, formatGrowth, formatKwh, formatLandMu, formatNumber, formatWan, formatYi } from './format'

describe('per-mu number formats', () => {
  it('shows land in mu with exactly two decimals, through units.ts', () => {
    expect(formatFigure('mu', 309.5760244670659, 'zh-CN')).toBe('309.58 亩')
    expect(formatFigure('mu', 2.6871632422618568, 'en')).toBe('2.69 mu')
    expect(formatLandMu(21599.78343398292, 'zh-CN')).toBe('21,599.78 亩')
    expect(formatLandMu(110.75497646576912, 'en')).toBe('110.75 mu')
    expect(formatLandMu(0, 'en')).toBe('0.00 mu')
  })

  it('rounds each figure to its own precision', () => {
    expect(formatFigure('tax_per_mu', 19.498603001932953, 'zh-CN')).toBe('19.50')
    expect(formatFigure('revenue_per_mu', 512.6349828711725, 'en')).toBe('512.63')
    expect(formatFigure('electricity_kwh_per_mu', 187269.34716537633, 'en')).toBe('187,269')
    expect(formatFigure('score', 180.7204032793811, 'zh-CN')).toBe('180.7')
  })

  it('shows a dash for missing or non-finite values', () => {
    expect(formatFigure('tax_per_mu', null, 'en')).toBe('—')
    expect(formatFigure('mu', Number.NaN, 'en')).toBe('—')
    expect(formatNumber(undefined, 'en', 2)).toBe('—')
    expect(formatWan(Infinity, 'zh-CN')).toBe('—')
    expect(formatGrowth(null, 'en')).toBe('—')
  })

  it('writes money in 万元 / 亿元 in Chinese and yuan in English', () => {
    expect(formatWan(1543820.8, 'zh-CN')).toBe('154.38 亿元')
    expect(formatWan(6491.8, 'zh-CN')).toBe('6,491.80 万元')
    expect(formatWan(1543820.8, 'en')).toBe('CNY 15.44 bn')
    expect(formatWan(6491.8, 'en')).toBe('CNY 64.92 M')
    expect(formatYi(388.7, 'zh-CN')).toBe('388.70 亿元')
    expect(formatYi(388.7, 'en')).toBe('CNY 38.87 bn')
  })

  it('writes electricity in 亿 / 万千瓦时 or bn / M kWh', () => {
    expect(formatKwh(1747138700, 'zh-CN')).toBe('17.47 亿千瓦时')
    expect(formatKwh(52_000_000, 'zh-CN')).toBe('5,200.00 万千瓦时')
    expect(formatKwh(1747138700, 'en')).toBe('1.75 bn kWh')
    expect(formatKwh(52_000_000, 'en')).toBe('52.00 M kWh')
  })

  it('signs growth rates', () => {
    expect(formatGrowth(18.307842084225356, 'zh-CN')).toBe('+18.3%')
    expect(formatGrowth(-2.05, 'en')).toBe('-2.1%')
    expect(formatGrowth(0, 'en')).toBe('0.0%')
  })
})
