import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { selfIntersections } from './kinks'

const poly = (ring: number[][]): Polygon => ({ type: 'Polygon', coordinates: [ring] })
const square = poly([[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.7]])
const bowtie = poly([[115.4, 28.7], [115.401, 28.701], [115.401, 28.7], [115.4, 28.701], [115.4, 28.7]])

describe('selfIntersections', () => {
  it('finds none in a simple ring', () => {
    expect(selfIntersections(square)).toEqual([])
    expect(selfIntersections(null)).toEqual([])
  })

  it('finds the crossing of a bow tie, once', () => {
    const found = selfIntersections(bowtie)
    expect(found).toHaveLength(1)
    expect(found[0]![0]).toBeCloseTo(115.4005, 9)
    expect(found[0]![1]).toBeCloseTo(28.7005, 9)
  })

  it('ignores repeated consecutive corners (a double click, the cursor on the last corner)', () => {
    const repeated = poly([[115.4, 28.7], [115.401, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.701], [115.4, 28.7]])
    expect(selfIntersections(repeated)).toEqual([])
  })

  it('finds nothing in shapes too short to cross themselves', () => {
    expect(selfIntersections(poly([[115.4, 28.7], [115.401, 28.7], [115.4, 28.7]]))).toEqual([])
    expect(selfIntersections(poly([[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.7]]))).toEqual([])
  })

  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(bowtie)) as Polygon
    const copy = JSON.stringify(frozen)
    Object.freeze(frozen.coordinates[0])
    selfIntersections(frozen)
    expect(JSON.stringify(frozen)).toBe(copy)
  })
})
