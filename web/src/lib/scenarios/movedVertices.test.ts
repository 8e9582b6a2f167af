import { describe, expect, it } from 'vitest'
import type { Polygon } from 'geojson'
import { geographiclib } from '../../../../tests/helpers/geodesy'
import { movedVertices } from './movedVertices'

const square: Polygon = Object.freeze({ type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.7], [115.41, 28.71], [115.4, 28.71], [115.4, 28.7]]] }) as Polygon

describe('movedVertices', () => {
  it('finds nothing between equal shapes', () => {
    expect(movedVertices(square, structuredClone(square))).toEqual([])
  })

  it('pairs a dragged corner with its old place, at the geodesic distance', () => {
    const dragged = structuredClone(square)
    dragged.coordinates[0]![1] = [115.412, 28.7]
    const before = JSON.stringify(square)
    const moved = movedVertices(square, dragged)
    expect(moved).toHaveLength(1)
    expect(moved[0]!.was).toEqual([115.41, 28.7])
    expect(moved[0]!.is).toEqual([115.412, 28.7])
    expect(moved[0]!.metres).toBeCloseTo(geographiclib.Geodesic.WGS84.Inverse(28.7, 115.41, 28.7, 115.412).s12!, 6)
    expect(JSON.stringify(square)).toBe(before)
  })

  it('reports an inserted vertex as added (nothing was lost)', () => {
    const more = structuredClone(square)
    more.coordinates[0]!.splice(1, 0, [115.405, 28.699])
    expect(movedVertices(square, more)).toEqual([{ was: null, is: [115.405, 28.699], metres: 0 }])
  })
})
