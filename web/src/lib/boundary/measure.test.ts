import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { geodesicArea } from '../../shared/geodesic-area'
import { M2_PER_MU } from '../../shared/units'
import { measureBoundary, ringCorners, ringPerimeter } from './measure'

const square: Polygon = Object.freeze({
  type: 'Polygon',
  coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.7]]],
}) as Polygon

describe('measureBoundary', () => {
  it('gives the GeographicLib area in m², mu and ha — the figure geodesicArea gives', () => {
    const m = measureBoundary(square)!
    expect(m.m2).toBe(geodesicArea(square))
    expect(m.m2).toBeCloseTo(10830.22, 1)
    expect(m.mu).toBeCloseTo(m.m2 / M2_PER_MU, 12)
    expect(m.ha).toBeCloseTo(m.m2 / 10000, 12)
    expect(m.vertices).toBe(4)
  })

  it('reads lower than turf’s spherical area (0.14 % high at 28.7°N)', async () => {
    const { area } = await import('@turf/turf')
    const m = measureBoundary(square)!
    expect(area(square) / m.m2 - 1).toBeGreaterThan(0.001)
  })

  it('measures the geodesic perimeter, closing edge included', () => {
    // 0.001° of longitude at 28.7°N ≈ 97.74 m, of latitude ≈ 110.85 m.
    expect(ringPerimeter(square.coordinates[0]!)).toBeCloseTo(2 * (97.74 + 110.85), 0)
    expect(measureBoundary(square)!.perimeterM).toBe(ringPerimeter(square.coordinates[0]!))
    // An open ring counts its closing edge too.
    expect(ringPerimeter(square.coordinates[0]!.slice(0, -1))).toBeCloseTo(ringPerimeter(square.coordinates[0]!), 9)
  })

  it('returns null, never throws, for the first clicks of a drawing', () => {
    expect(measureBoundary(null)).toBeNull()
    expect(measureBoundary({ type: 'Polygon', coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.4, 28.7]]] })).toBeNull()
    expect(measureBoundary({ type: 'Polygon', coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.702]]] })).toBeNull()
  })

  it('gives zero for a degenerate ring of one repeated point', () => {
    const p = [115.4, 28.7]
    expect(measureBoundary({ type: 'Polygon', coordinates: [[p, p, p, p]] })?.m2).toBe(0)
  })

  it('ringCorners drops only the closing repeat', () => {
    expect(ringCorners(square.coordinates[0]!)).toHaveLength(4)
    expect(ringCorners([[1, 2], [3, 4]])).toHaveLength(2)
  })
})
