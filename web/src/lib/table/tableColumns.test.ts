import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { resourceTranslator } from '../../i18n/resourceTranslator'
import { tableZhCN } from '../../i18n/table.zh-CN'
import { zhCN } from '../../i18n/zh-CN'
import type { LayerRows } from '../../shared/api/layers'
import { M2_PER_MU } from '../../shared/units'
import { cellMatches, sheetRows, tableColumns } from './tableColumns'

const rows: LayerRows = {
  layer: 'parcels',
  columns: ['id', 'zone_id', 'land_use', 'status', 'enterprise_id', 'enterprise_zh', 'enterprise_en', 'price_wan_per_mu', 'version', 'area_m2'],
  rows: [
    ['HX-001', 'huangxi', 'industrial', 'idle', 'E-1', '宁德时代', 'CATL', 18.5, 3, 100 * M2_PER_MU],
    ['HX-002', 'huangxi', 'industrial', 'available', null, null, null, null, 1, 12.5 * M2_PER_MU],
  ],
  bboxes: [[115.4, 28.7, 115.41, 28.71], [115.42, 28.7, 115.43, 28.71]],
  numberMatched: 2,
}
// The table's own strings come with its chunk (i18n/panelStrings.ts): here beside the first view's.
const zhStrings = resourceTranslator({ ...zhCN, table: { ...zhCN.table, ...tableZhCN } })
const zones = (layer: string, id: string) => (layer === 'zones' && id === 'huangxi' ? { name_zh: '黄溪片区', name_en: 'Huangxi' } : null)

describe('tableColumns', () => {
  const zh = tableColumns(rows, zhStrings, 'zh-CN', zones)
  const col = (key: string) => zh.find((c) => c.key === key)!

  it('labels columns as the popup does, and areas in mu', () => {
    expect(zh.map((c) => c.label)).toEqual(['编号', '所在片区', '用地性质', '状态', '用地企业', '用地企业', '用地企业（英文）', '参考地价', '版本', '面积（亩）'])
    expect(col('area_m2').kind).toBe('area')
    expect(col('price_wan_per_mu').kind).toBe('number')
  })

  it('shows enums translated, references by name, areas in mu', () => {
    expect(col('status').display('idle')).toBe('闲置')
    expect(col('zone_id').display('huangxi')).toBe('黄溪片区')
    expect(col('zone_id').display('unknown-zone')).toBe('unknown-zone')
    expect(col('area_m2').display(100 * M2_PER_MU)).toBe('100')
    expect(col('price_wan_per_mu').display(null)).toBe('')
  })

  it('hides bookkeeping and the other language by default', () => {
    expect(zh.filter((c) => !c.defaultVisible).map((c) => c.key)).toEqual(['enterprise_id', 'enterprise_en', 'version'])
    const english = tableColumns(rows, resourceTranslator(en), 'en', zones)
    expect(english.filter((c) => !c.defaultVisible).map((c) => c.key)).toEqual(['enterprise_id', 'enterprise_zh', 'version'])
    expect(english.find((c) => c.key === 'status')!.display('idle')).toBe('Idle')
  })

  it('sorts numbers as numbers, text as shown, missing values as undefined', () => {
    expect(col('area_m2').sortValue(70000)).toBe(70000)
    expect(col('status').sortValue('idle')).toBe('闲置')
    expect(col('enterprise_zh').sortValue(null)).toBeUndefined()
  })
})

describe('cellMatches', () => {
  const zh = tableColumns(rows, zhStrings, 'zh-CN', zones)
  const area = zh.find((c) => c.key === 'area_m2')!
  const status = zh.find((c) => c.key === 'status')!

  it('compares the mu shown on area columns', () => {
    expect(cellMatches(area, 100 * M2_PER_MU, '>99.9')).toBe(true)
    expect(cellMatches(area, 100 * M2_PER_MU, '>100')).toBe(false)
    expect(cellMatches(area, 100 * M2_PER_MU, '>=100')).toBe(true)
    expect(cellMatches(area, 12.5 * M2_PER_MU, '10..20')).toBe(true)
    expect(cellMatches(area, 12.5 * M2_PER_MU, '13..20')).toBe(false)
    expect(cellMatches(area, null, '<5')).toBe(false)
  })

  it('matches the translated text, case-insensitive, and passes everything on an empty filter', () => {
    expect(cellMatches(status, 'idle', '闲置')).toBe(true)
    expect(cellMatches(status, 'idle', 'idle')).toBe(false) // the code is not what the reader sees
    expect(cellMatches(status, 'available', '  ')).toBe(true)
    const english = tableColumns(rows, resourceTranslator(en), 'en', zones).find((c) => c.key === 'status')!
    expect(cellMatches(english, 'available', 'AVAIL')).toBe(true)
  })
})

describe('sheetRows', () => {
  it('writes the shown text and full-precision numbers, areas in mu and m²', () => {
    const zh = tableColumns(rows, zhStrings, 'zh-CN', zones)
    const shown = zh.filter((c) => ['id', 'status', 'price_wan_per_mu', 'area_m2'].includes(c.key))
    expect(sheetRows(shown, rows.rows, zhStrings)).toEqual([
      ['编号', '状态', '参考地价', '面积（亩）', '面积（m²）'],
      ['HX-001', '闲置', 18.5, 100, 100 * M2_PER_MU],
      ['HX-002', '可供地', null, 12.5, 12.5 * M2_PER_MU],
    ])
  })
})
