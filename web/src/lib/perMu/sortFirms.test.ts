import { describe, expect, it } from 'vitest'
import { nextSort, sortFirms } from './sortFirms'
import type { FirmResult } from '../../shared/api/per-mu'

function firm(id: string, over: Partial<FirmResult>): FirmResult {
  return Object.freeze({
    id, name_zh: id, name_en: id, industry: 'other', above_scale: true, group: 'above_scale', started_year: 2010,
    parcel_ids: [], mu: 10, revenue_per_mu: null, tax_per_mu: null, profit_per_mu: null, value_added_per_mu: null,
    electricity_kwh_per_mu: null, indicators: {} as FirmResult['indicators'], score: null, rank: null, grade: null, reason: null,
    ...over,
  }) as FirmResult
}

const firms = Object.freeze([
  firm('c', { rank: 3, grade: 'C', score: 80, tax_per_mu: 4, name_zh: '宏伟', name_en: 'Hongwei' }),
  firm('x', { reason: 'under_min_mu', tax_per_mu: 9, name_zh: '阿里', name_en: 'Ali' }),
  firm('a', { rank: 1, grade: 'A', score: 150, tax_per_mu: 12, name_zh: '宁新', name_en: 'Ningxin' }),
  firm('y', { reason: 'no_parcel', name_zh: '先导', name_en: 'Xiandao' }),
  firm('b', { rank: 2, grade: 'B', score: 120, tax_per_mu: 12, name_zh: '博腾', name_en: 'Boteng' }),
])
const ids = (list: FirmResult[]) => list.map((f) => f.id)

describe('sortFirms', () => {
  it('by rank: graded firms first, then the others in the order of their reasons', () => {
    expect(ids(sortFirms(firms, { key: 'rank', direction: 'asc' }, (f) => f.name_en, 'en'))).toEqual(['a', 'b', 'c', 'y', 'x'])
    expect(ids(sortFirms(firms, { key: 'rank', direction: 'desc' }, (f) => f.name_en, 'en'))).toEqual(['c', 'b', 'a', 'y', 'x'])
  })

  it('keeps missing values last in both directions and breaks ties by rank', () => {
    expect(ids(sortFirms(firms, { key: 'tax_per_mu', direction: 'desc' }, (f) => f.name_en, 'en'))).toEqual(['a', 'b', 'x', 'c', 'y'])
    expect(ids(sortFirms(firms, { key: 'tax_per_mu', direction: 'asc' }, (f) => f.name_en, 'en'))).toEqual(['c', 'x', 'a', 'b', 'y'])
    expect(ids(sortFirms(firms, { key: 'grade', direction: 'desc' }, (f) => f.name_en, 'en'))).toEqual(['c', 'b', 'a', 'y', 'x'])
  })

  it('sorts names with the collation of the language (pinyin in Chinese)', () => {
    // a-li, bo-teng, hong-wei, ning-xin, xian-dao
    expect(ids(sortFirms(firms, { key: 'name', direction: 'asc' }, (f) => f.name_zh, 'zh-CN'))).toEqual(['x', 'b', 'c', 'a', 'y'])
    expect(ids(sortFirms(firms, { key: 'name', direction: 'desc' }, (f) => f.name_en, 'en'))).toEqual(['y', 'a', 'c', 'b', 'x'])
  })

  it('returns a copy and leaves the input unchanged', () => {
    const before = ids([...firms])
    sortFirms(firms, { key: 'score', direction: 'desc' }, (f) => f.name_en, 'en')
    expect(ids([...firms])).toEqual(before)
  })
})

describe('nextSort', () => {
  it('flips the same column and starts another at its natural direction', () => {
    expect(nextSort({ key: 'rank', direction: 'asc' }, 'rank')).toEqual({ key: 'rank', direction: 'desc' })
    expect(nextSort({ key: 'rank', direction: 'asc' }, 'tax_per_mu')).toEqual({ key: 'tax_per_mu', direction: 'desc' })
    expect(nextSort({ key: 'score', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' })
  })
})
