import { describe, expect, it } from 'vitest'
import { clusterHatch, hatchPattern, hexToRgb } from './hatch'

describe('hatchPattern', () => {
  it('repeats seamlessly: the left column continues the right, the top row the bottom', () => {
    const size = 32
    const { data } = hatchPattern({ size, spacing: 8, lineWidth: 2, angle: 45, rgb: [0, 0, 0] })
    const alpha = (x: number, y: number) => data[(((y + size) % size) * size + ((x + size) % size)) * 4 + 3]!
    for (let y = 0; y < size; y++) expect(alpha(-1, y)).toBe(alpha(7, y))  // period 8 along x
    for (let x = 0; x < size; x++) expect(alpha(x, -1)).toBe(alpha(x, 7))
  })

  it('draws lines of the given colour over transparency', () => {
    const { data, width, height } = hatchPattern({ size: 16, spacing: 8, lineWidth: 2, angle: 135, rgb: [10, 20, 30] })
    expect([width, height]).toEqual([16, 16])
    const alphas = [...data.filter((_, i) => i % 4 === 3)]
    expect(Math.min(...alphas)).toBe(0)
    expect(Math.max(...alphas)).toBe(255)
    expect([data[0], data[1], data[2]]).toEqual([10, 20, 30])
  })

  it('throws when the tile would not repeat', () => {
    expect(() => hatchPattern({ size: 30, spacing: 8, lineWidth: 2, angle: 45, rgb: [0, 0, 0] })).toThrow(RangeError)
  })
})

describe('clusterHatch', () => {
  it('gives the built area A a denser hatch than the planned area B', () => {
    const ink = (code: 'A' | 'B') => clusterHatch(code).data.filter((_, i) => i % 4 === 3).reduce((sum, a) => sum + a, 0)
    expect(ink('A')).toBeGreaterThan(ink('B'))
  })
})

describe('hexToRgb', () => {
  it('parses #rrggbb and rejects anything else', () => {
    expect(hexToRgb('#c43e00')).toEqual([196, 62, 0])
    expect(() => hexToRgb('red')).toThrow(RangeError)
  })
})
