import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import type { ParkFeature } from '../shared/api/layers'
import { describeFeature, featureNames } from './featureDetails'
import { resourceTranslator } from '../i18n/resourceTranslator'

const translator = resourceTranslator

const parcel: ParkFeature = Object.freeze<ParkFeature>({
  type: 'Feature',
  id: 'P-017',
  geometry: { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.7]]] },
  properties: Object.freeze({
    status: 'idle', land_use: 'industrial', enterprise_id: 'E-3', enterprise_zh: '宁新新材料', enterprise_en: 'Ningxin New Materials',
    zone_id: 'Z-HX', price_wan_per_mu: 18.5, note: null, area_m2: 100000,
  }),
})
const noLookup = () => null

describe('describeFeature', () => {
  it('translates labels and enum values and gives the area in mu and ha', () => {
    const d = describeFeature('parcels', parcel, translator(zhCN), 'zh-CN', () => ({ name_zh: '黄溪新区', name_en: 'Huangxi' }))
    expect(d.layerTitle).toBe('地块')
    expect(d.title).toBe('地块 P-017')
    expect(d.rows.map((r) => r.label)).not.toContain('编号')  // already in the title
    expect(d.area).toEqual({ mu: '150.00 亩', ha: '10.00' })
    expect(d.rows).toContainEqual({ label: '状态', value: '闲置' })
    expect(d.rows).toContainEqual({ label: '用地性质', value: '工业用地' })
    expect(d.rows).toContainEqual({ label: '用地企业', value: '宁新新材料' })
    expect(d.rows).toContainEqual({ label: '所在片区', value: '黄溪新区' })
    expect(d.rows).toContainEqual({ label: '参考地价', value: '18.5 万元/亩' })
    expect(d.rows.map((r) => r.label)).not.toContain('备注')  // null values are left out
  })

  it('speaks English when asked', () => {
    const d = describeFeature('parcels', parcel, translator(en), 'en', noLookup)
    expect(d.area).toEqual({ mu: '150.00 mu', ha: '10.00' })
    expect(d.rows).toContainEqual({ label: 'Status', value: 'Idle' })
    expect(d.rows).toContainEqual({ label: 'Land user', value: 'Ningxin New Materials' })
    expect(d.rows).toContainEqual({ label: 'Zone', value: 'Z-HX' })  // not loaded: the id stands in
  })

  it('shows an unknown enum value as it is rather than a key', () => {
    const odd = { ...parcel, properties: { ...parcel.properties, status: 'mothballed' } }
    expect(describeFeature('parcels', odd, translator(en), 'en', noLookup).rows).toContainEqual({ label: 'Status', value: 'mothballed' })
  })

  it('has no area for points', () => {
    const firm: ParkFeature = { type: 'Feature', id: 'E-1', geometry: { type: 'Point', coordinates: [115.4, 28.7] }, properties: { name_zh: '璞泰来', name_en: 'Putailai', is_chemical: false } }
    const d = describeFeature('enterprises', firm, translator(zhCN), 'zh-CN', noLookup)
    expect(d.area).toBeNull()
    expect([d.title, d.gloss]).toEqual(['璞泰来', 'Putailai'])
    expect(d.rows).toContainEqual({ label: '化工企业', value: '否' })
    // A firm is known by its name; its id is an internal slug (the popup once showed "编号 boteng").
    expect(d.rows.map((r) => r.label)).not.toContain('编号')
  })

  it('shows the register number of a facility', () => {
    const station: ParkFeature = { type: 'Feature', id: 'UT-001', geometry: { type: 'Point', coordinates: [115.4, 28.7] }, properties: { name_zh: '变电站', kind: 'substation' } }
    expect(describeFeature('utilities', station, translator(zhCN), 'zh-CN', noLookup).rows).toContainEqual({ label: '编号', value: 'UT-001' })
  })

  it('shows no opaque public id (a random UUID stands in for the real one)', () => {
    const project: ParkFeature = {
      type: 'Feature', id: '0f8c2a4e-5b7d-4c1e-9a3f-2d6b8e0c4a17', geometry: { type: 'Point', coordinates: [115.4, 28.7] },
      properties: { name_zh: '宁德时代项目', name_en: 'CATL project', stage: 'signed' },
    }
    const d = describeFeature('projects', project, translator(zhCN), 'zh-CN', noLookup)
    expect(d.title).toBe('宁德时代项目')
    expect(d.rows.map((r) => r.label)).not.toContain('编号')
  })
})

describe('featureNames', () => {
  it('names idle plots by their holder and glosses in the other language', () => {
    expect(featureNames({ holder_zh: '翔天木业', holder_en: 'Xiangtian Wood' }, 'en')).toEqual({ name: 'Xiangtian Wood', gloss: '翔天木业' })
  })
})
