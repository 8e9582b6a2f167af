import type { Geometry, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { buildVertexIndex, nearestVertex } from './vertexIndex'

const parcels: Geometry[] = [
  { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.7]]] },
  // shares the east edge with the first
  { type: 'MultiPolygon', coordinates: [[[[115.401, 28.7], [115.402, 28.7], [115.402, 28.701], [115.401, 28.701], [115.401, 28.7]]]] },
]
// A metric in "metres" for the test: 1e-5° ≈ 1 m.
const metres = (at: Position) => (p: Position) => Math.hypot((p[0]! - at[0]!) * 1e5, (p[1]! - at[1]!) * 1e5)

describe('vertex index for snapping', () => {
  it('indexes each distinct corner once', () => {
    expect(buildVertexIndex(parcels).size).toBe(6)
    expect(buildVertexIndex([null, { type: 'Point', coordinates: [115.4, 28.7] }]).size).toBe(1)
  })

  it('finds the nearest corner within the tolerance', () => {
    const index = buildVertexIndex(parcels)
    const at: [number, number] = [115.40102, 28.70003]
    expect(nearestVertex(index, at, [0.0002, 0.0002], metres(at), 10)).toEqual([115.401, 28.7])
  })

  it('finds nothing beyond the tolerance, or when the reach spans too many cells', () => {
    const index = buildVertexIndex(parcels)
    const at: [number, number] = [115.4005, 28.7005]
    expect(nearestVertex(index, at, [0.0002, 0.0002], metres(at), 10)).toBeNull()
    expect(nearestVertex(index, [115.401, 28.7], [1, 1], metres([115.401, 28.7]), 10)).toBeNull()
  })

  it('looks across cell borders', () => {
    const index = buildVertexIndex(parcels, 0.0005)
    // 115.4005 is a cell border; the corner at 115.401 sits in the next cell but one.
    const at: [number, number] = [115.40098, 28.70001]
    expect(nearestVertex(index, at, [0.0001, 0.0001], metres(at), 5)).toEqual([115.401, 28.7])
  })
})
