import type { Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { geodesicSquare, PARK } from '../../../tests/helpers/geodesy'
import { geodesicDistance, pathLength } from '../shared/geodesic-area'
import { closedRing, measurePoints } from './measure'
import { formatAreaFigures, formatLength } from './measureFormat'
import { areaSummary, M2_PER_MU } from '../shared/units'

// WGS84 as published (EPSG:7030): the figures below follow from these, not from the code under test.
const A = 6_378_137
const F = 1 / 298.257223563
const E = Math.sqrt(F * (2 - F))
const B = A * (1 - F)

/**
 * Ellipsoidal area of the lon/lat quadrangle lat1…lat2 × dLon (degrees), in closed form
 * (the authalic-latitude formula, e.g. Snyder 1987, "Map Projections: A Working Manual", eq. 3-12).
 */
function quadrangleArea(lat1: number, lat2: number, dLon: number): number {
  const q = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180)
    return s / (1 - E * E * s * s) + (1 / (2 * E)) * Math.log((1 + E * s) / (1 - E * s))
  }
  return ((B * B * ((dLon * Math.PI) / 180)) / 2) * (q(lat2) - q(lat1))
}

describe('geodesic length', () => {
  it('is 110 574.389 m for 1° of meridian at the equator (GeographicLib\'s published figure)', () => {
    expect(geodesicDistance([0, 0], [0, 1])).toBeCloseTo(110_574.389, 2)
  })

  it('is a·Δλ along the equator, where the geodesic is the equator itself', () => {
    expect(geodesicDistance([10, 0], [10.5, 0])).toBeCloseTo((A * 0.5 * Math.PI) / 180, 4)
  })

  it('adds up the legs of a path, and is 0 for fewer than two points', () => {
    const path: Position[] = [[0, 0], [0, 1], [1, 1]]
    expect(pathLength(path)).toBeCloseTo(geodesicDistance([0, 0], [0, 1]) + geodesicDistance([0, 1], [1, 1]), 6)
    expect(pathLength([[115.4, 28.7]])).toBe(0)
    expect(pathLength([])).toBe(0)
  })

  it('does not care about the direction', () => {
    expect(geodesicDistance([115.4, 28.7], [115.41, 28.71])).toBeCloseTo(geodesicDistance([115.41, 28.71], [115.4, 28.7]), 6)
  })
})

describe('area and perimeter', () => {
  it('gives 1 ha = 15 mu and 400 m of perimeter for a geodesic square of 100 m sides at the park', () => {
    const [sw, se, ne, nw] = geodesicSquare(100) // built with Direct only
    const m = measurePoints('area', [sw!, se!, ne!, nw!])
    expect(m.area!.m2 / 10_000).toBeCloseTo(1, 4)
    expect(m.area!.mu).toBeCloseTo(15, 3)
    expect(m.area!.ha).toBeCloseTo(1, 4)
    expect(m.perimeterM).toBeCloseTo(400, 2)
    expect(m.points).toBe(4)
  })

  it('matches the closed-form area of a 0.001° quadrangle at 28.7°N 115.4°E', () => {
    const { lon, lat } = PARK
    const corners: Position[] = [[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001]]
    const expected = quadrangleArea(lat, lat + 0.001, 0.001)
    // Geodesic edges instead of parallels change it by ~1e-6 relative at this size.
    const { area } = measurePoints('area', corners)
    expect(Math.abs(area!.m2 - expected) / expected).toBeLessThan(1e-5)
    expect(area!.mu).toBeCloseTo(expected / M2_PER_MU, 2)
  })

  it('gives no area in distance mode or before a third point, and the length either way', () => {
    expect(measurePoints('distance', geodesicSquare(100).slice(0, 4)).area).toBeNull()
    const two = measurePoints('area', [[0, 0], [0, 1]])
    expect(two.area).toBeNull()
    expect(two.perimeterM).toBeNull()
    expect(two.lengthM).toBeCloseTo(110_574.389, 2)
  })

  it('gives zero area for points on one geodesic (a meridian), not an error', () => {
    // Not a parallel: that is no geodesic, and three points on one enclose a sliver (~0.04 m² here).
    const m = measurePoints('area', [[115.4, 28.7], [115.4, 28.701], [115.4, 28.702]])
    expect(m.area!.m2).toBeCloseTo(0, 3)
  })

  it('gives no area, rather than throwing, for coordinates out of range', () => {
    expect(measurePoints('area', [[0, 0], [1, 0], [1, 95]]).area).toBeNull()
  })

  it('closes a ring only from three points', () => {
    expect(closedRing([[0, 0], [1, 0]])).toBeNull()
    expect(closedRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]])
  })
})

describe('formatting', () => {
  it('shows metres below 1 km and kilometres above, in either language', () => {
    expect(formatLength(123.456, 'en')).toBe('123.46 m')
    expect(formatLength(999.99, 'en')).toBe('999.99 m')
    expect(formatLength(999.996, 'en')).toBe('1.000 km')
    expect(formatLength(12_345.6, 'en')).toBe('12.346 km')
    expect(formatLength(850, 'zh-CN')).toBe('850.00 米')
    expect(formatLength(1500, 'zh-CN')).toBe('1.500 公里')
    expect(formatLength(Number.NaN, 'en')).toBe('—')
  })

  it('gives mu, ha and m² as bare numbers for the panel string', () => {
    expect(formatAreaFigures(areaSummary(10_000), 'en')).toEqual({ mu: '15.00', ha: '1.0000', m2: '10,000' })
    expect(formatAreaFigures(areaSummary(5.5), 'zh-CN')).toEqual({ mu: '0.01', ha: '0.0006', m2: '5.50' })
  })
})
