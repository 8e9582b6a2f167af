import { describe, expect, it } from 'vitest'
import type { ParkFeatureCollection } from '../shared/api/layers'
import { labelAnchor, layerLabels } from './labels'

// An L-shaped zone: its centre of mass lies outside it, so the anchor must move inside.
const lShape = [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]]

describe('labelAnchor', () => {
  it('keeps a polygon label inside the polygon', () => {
    const [x, y] = labelAnchor({ type: 'Polygon', coordinates: lShape })!
    expect(x <= 1 || y <= 1).toBe(true)
  })

  it('puts a line label at its middle and a point label on the point', () => {
    expect(labelAnchor({ type: 'LineString', coordinates: [[115.4, 28.7], [115.42, 28.7]] })![0]).toBeCloseTo(115.41, 6)
    expect(labelAnchor({ type: 'Point', coordinates: [115.4, 28.7] })).toEqual([115.4, 28.7])
    expect(labelAnchor(null)).toBeNull()
  })
})

describe('layerLabels', () => {
  const zones: ParkFeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'z1', geometry: { type: 'Polygon', coordinates: lShape }, properties: { kind: 'park_zone', name_zh: '冯田区', name_en: 'Fengtian' } },
      { type: 'Feature', id: 'z2', geometry: { type: 'Polygon', coordinates: lShape }, properties: { kind: 'approved_boundary', name_zh: '批复范围', name_en: 'Approved' } },
    ],
  }

  it('labels park zones in the chosen language and leaves the boundary unlabelled', () => {
    expect(layerLabels('zones', zones, 'zh-CN').map((l) => l.text)).toEqual(['冯田区'])
    expect(layerLabels('zones', zones, 'en').map((l) => l.text)).toEqual(['Fengtian'])
  })
})

describe('labels beside symbols and parcel numbers', () => {
  const point = { type: 'Point' as const, coordinates: [115.4, 28.7] }
  it('sets a firm’s name beside its dot, not on it', () => {
    const firms: ParkFeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'e1', geometry: point, properties: { name_zh: '宁德时代' } }] }
    expect(layerLabels('enterprises', firms, 'zh-CN')).toMatchObject([{ text: '宁德时代', placement: 'right' }])
  })
  it('labels parcels with their number, at large scales only', () => {
    const parcels: ParkFeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'FT-001', geometry: { type: 'Polygon', coordinates: lShape }, properties: { status: 'occupied' } }] }
    const [label] = layerLabels('parcels', parcels, 'en')
    expect(label).toMatchObject({ text: 'FT-001', placement: 'center', kind: 'parcel' })
    expect(label!.minZoom).toBeGreaterThanOrEqual(16)
  })
})
