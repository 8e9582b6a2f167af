import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { editablePolygon } from './editablePolygon'

const ring = (x: number, y: number, d: number): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]

describe('editablePolygon', () => {
  it('loads a one-part MultiPolygon unchanged, as a Polygon', () => {
    const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(115.4, 28.7, 0.001)]] }
    expect(editablePolygon(geometry)).toEqual({ polygon: { type: 'Polygon', coordinates: [ring(115.4, 28.7, 0.001)] }, pieces: 1, simplified: false })
  })

  it('keeps the largest part’s outer ring and reports what was left out', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ring(115.4, 28.7, 0.001)], [ring(115.41, 28.7, 0.003), ring(115.411, 28.701, 0.0005)]],
    }
    const result = editablePolygon(geometry)!
    expect(result.polygon.coordinates).toEqual([ring(115.41, 28.7, 0.003)])
    expect(result).toMatchObject({ pieces: 3, simplified: true })
  })

  it('drops the holes of a Polygon', () => {
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring(115.4, 28.7, 0.003), ring(115.401, 28.701, 0.0005)] }
    expect(editablePolygon(geometry)).toMatchObject({ polygon: { coordinates: [ring(115.4, 28.7, 0.003)] }, simplified: true })
  })

  it('returns null for nothing usable, and never mutates its input', () => {
    expect(editablePolygon(null)).toBeNull()
    expect(editablePolygon({ type: 'MultiPolygon', coordinates: [] })).toBeNull()
    const frozen = Object.freeze({ type: 'Polygon', coordinates: Object.freeze([Object.freeze(ring(115.4, 28.7, 0.001))]) }) as unknown as Polygon
    const out = editablePolygon(frozen)!
    expect(out.polygon.coordinates[0]).not.toBe(frozen.coordinates[0])
  })
})
