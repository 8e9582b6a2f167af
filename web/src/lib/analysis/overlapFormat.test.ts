import { describe, expect, it } from 'vitest'
import {
  featureLabel, firmHighlightItems, formatMuValue, formatShare, highlightItems, mergeOverlapResults, OVERLAP_CLASS_COLORS, overlapRows, sortFirms,
} from './overlapFormat'
import type { ChemicalFirm, OverlapLayerResult, OverlapResult } from '../../shared/api/overlap'

const t = (key: string) => `t(${key})`
const totals = { count: 0, inside: 0, partial: 0, outside: 0, overlap_m2: 0, overlap_mu: 0, share_of_subject: 0 }

const parcels: OverlapLayerResult = {
  id: 'parcels',
  totals,
  features: [
    { id: 'P-3', properties: { status: 'available' }, class: 'outside', feature_m2: 1000, overlap_m2: 0, overlap_mu: 0, outside_m2: 1000, share: 0 },
    { id: 'P-1', properties: { enterprise_zh: '璞泰来', enterprise_en: 'Putailai', status: 'occupied' }, class: 'partial', feature_m2: 2000, overlap_m2: 666.6667, overlap_mu: 1.0000005, outside_m2: 1333, share: 0.3333 },
    { id: 'P-2', properties: { status: 'idle' }, class: 'inside', feature_m2: 500, overlap_m2: 500, overlap_mu: 0.75, outside_m2: 0, share: 1 },
  ],
}
const firms: OverlapLayerResult = {
  id: 'enterprises',
  totals,
  features: [{ id: 'E-1', properties: { name_zh: '博腾制药', name_en: 'Boteng Pharma', industry: 'chemical_pharma' }, class: 'inside', feature_m2: null, overlap_m2: null, overlap_mu: null, outside_m2: null, share: 1 }],
}

describe('overlap result formatting', () => {
  it('orders rows inside → partial → outside, with names, mu and shares', () => {
    const rows = overlapRows(parcels, 'zh-CN', t)
    expect(rows.map((r) => [r.id, r.cls, r.name, r.detail, r.overlapMu, r.share])).toEqual([
      ['P-2', 'inside', 'P-2', 't(enum.parcels.status.idle)', '0.75', '100.0%'],
      ['P-1', 'partial', 'P-1', '璞泰来', '1.00', '33.3%'],
      ['P-3', 'outside', 'P-3', 't(enum.parcels.status.available)', '0.00', '0.0%'],
    ])
    expect(overlapRows(parcels, 'en', t)[1]!.detail).toBe('Putailai')
  })

  it('shows points (enterprises) with a class but no area', () => {
    expect(overlapRows(firms, 'en', t)[0]).toMatchObject({ name: 'Boteng Pharma', detail: 't(enum.enterprises.industry.chemical_pharma)', overlapMu: '—', share: '—', cls: 'inside' })
  })

  it('names unnamed features by their kind, then id', () => {
    expect(featureLabel('basemap', 'B-7', { kind: 'forest', name_zh: null, name_en: null }, 'zh-CN', t)).toEqual({ name: 't(enum.basemap.kind.forest)', detail: 'B-7' })
    expect(featureLabel('zones', 'Z-1', { name_zh: '黄溪新区', name_en: 'Huangxi', kind: 'park_zone' }, 'zh-CN', t)).toEqual({ name: '黄溪新区', detail: 't(enum.zones.kind.park_zone)' })
  })

  it('formats mu with 2 decimals and grouping, shares with one decimal', () => {
    expect(formatMuValue(1234.567, 'en')).toBe('1,234.57')
    expect(formatMuValue(null, 'en')).toBe('—')
    expect(formatShare(0.4251, 'en')).toBe('42.5%')
    expect(formatShare(1, 'zh-CN')).toBe('100.0%')
    expect(formatShare(0.99999, 'en', 'partial')).toBe('>99.9%')
    expect(formatShare(0.0001, 'en', 'partial')).toBe('<0.1%')
    expect(formatShare(Number.NaN, 'en')).toBe('—')
  })

  it('merges a touching and an include-all answer in the requested layer order', () => {
    const a: OverlapResult = { subject: { m2: 10, mu: 0.015 }, layers: [firms] }
    const b: OverlapResult = { subject: { m2: 10, mu: 0.015 }, layers: [parcels] }
    expect(mergeOverlapResults([a, b], ['parcels', 'enterprises'])!.layers.map((l) => l.id)).toEqual(['parcels', 'enterprises'])
    expect(mergeOverlapResults([], ['parcels'])).toBeNull()
  })

  it('colours highlights by class; outside plots muted, containers outlined', () => {
    const zones: OverlapLayerResult = { id: 'zones', totals, features: [{ ...parcels.features[1]!, id: 'Z-1' }] }
    const items = highlightItems({ subject: { m2: 1, mu: 1 }, layers: [parcels, zones] })
    expect(items.find((i) => i.id === 'P-2')).toMatchObject({ color: OVERLAP_CLASS_COLORS.inside, style: 'fill' })
    expect(items.find((i) => i.id === 'P-3')).toMatchObject({ color: OVERLAP_CLASS_COLORS.outside, style: 'muted' })
    expect(items.find((i) => i.id === 'Z-1')).toMatchObject({ layer: 'zones', style: 'outline' })
    expect(items).toHaveLength(4)
  })
})

describe('chemical firms', () => {
  const firm = (id: string, cls: ChemicalFirm['class'], held: number | null, parcelIds: string[] = []): ChemicalFirm => ({
    id, name_zh: id, name_en: id, industry: 'chemical_pharma', parcel_ids: parcelIds, held_m2: held, inside_m2: 0, held_mu: held, inside_mu: 0, class: cls,
  })

  it('lists outside first, larger holdings first', () => {
    const sorted = sortFirms([firm('a', 'inside', 10), firm('b', 'outside', 5), firm('c', 'outside', 50), firm('d', 'partial', 1)])
    expect(sorted.map((f) => f.id)).toEqual(['c', 'b', 'd', 'a'])
  })

  it('highlights each firm’s parcels and works in the firm’s class colour', () => {
    const items = firmHighlightItems([firm('E-9', 'outside', 10, ['P-1', 'P-2'])])
    expect(items.map((i) => `${i.layer}:${i.id}`)).toEqual(['parcels:P-1', 'parcels:P-2', 'enterprises:E-9'])
    expect(new Set(items.map((i) => i.color)).size).toBe(1)
  })
})
