import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { geodesicArea } from '../../shared/geodesic-area'
import { boundaryFeatureCollection, boundaryFileName } from './geojsonExport'

const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.7]]],
}

describe('boundary GeoJSON export', () => {
  it('is a FeatureCollection with the boundary and its ellipsoidal area', () => {
    const fc = boundaryFeatureCollection(square, { name_zh: '南区扩区', name_en: 'South', exported_at: '2024-05-01T00:00:00Z' })
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(1)
    const [feature] = fc.features
    expect(feature!.geometry).toEqual(square)
    expect(feature!.geometry.coordinates).not.toBe(square.coordinates)
    expect(feature!.properties).toMatchObject({ name_zh: '南区扩区', name_en: 'South', area_m2: Math.round(geodesicArea(square) * 100) / 100 })
    expect(feature!.properties!.area_mu).toBeCloseTo(geodesicArea(square) / (10000 / 15), 4)
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc)
  })

  it('makes file names safe on every OS', () => {
    expect(boundaryFileName('南区扩区 方案一', '2024-05-01', 'geojson')).toBe('南区扩区-方案一-2024-05-01.geojson')
    expect(boundaryFileName('a/b:c*?', '2024-05-01', 'csv')).toBe('a-b-c-2024-05-01.csv')
    expect(boundaryFileName('  ', '2024-05-01', 'csv')).toBe('boundary-2024-05-01.csv')
    expect(boundaryFileName(null, '2024-05-01', 'csv')).toBe('boundary-2024-05-01.csv')
  })
})
