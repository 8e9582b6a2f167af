import { describe, expect, it } from 'vitest'
import { gaussKrugerZoneForLongitude, loadGaussKrugerConverter } from '../../shared/gauss-kruger'
import { gkGrid, gridStep } from './gkGrid'

describe('gridStep', () => {
  it('is a round spacing near span / lines', () => {
    expect(gridStep(4300, 5)).toBe(1000)
    expect(gridStep(900, 5)).toBe(200)
    expect(gridStep(22_000, 5)).toBe(5000)
    expect(gridStep(140, 5)).toBe(20)
  })
})

describe('gkGrid', () => {
  it('draws lines of constant easting and northing at round values over the visible map', async () => {
    const converter = await loadGaussKrugerConverter(gaussKrugerZoneForLongitude(115.4))
    // An identity "projection" in degrees scaled to pixels: what matters is that every point of a
    // line converts back to the same grid value.
    const project = ([lon, lat]: [number, number]): [number, number] => [lon * 1e4, -lat * 1e4]
    const corners: [number, number][] = [[115.37, 28.68], [115.43, 28.68], [115.43, 28.72], [115.37, 28.72]]
    const grid = gkGrid({ converter, corners, project })
    const eastings = grid.filter((l) => l.axis === 'easting')
    const northings = grid.filter((l) => l.axis === 'northing')
    expect(eastings.length).toBeGreaterThanOrEqual(3)
    expect(northings.length).toBeGreaterThanOrEqual(3)
    const step = eastings[1]!.value - eastings[0]!.value
    expect([500, 1000, 2000]).toContain(step)
    for (const line of grid) {
      expect(line.value % step).toBe(0)
      for (const [x, y] of line.points) {
        const [e, n] = converter.toPlane(x / 1e4, -y / 1e4)
        expect(Math.abs((line.axis === 'easting' ? e : n) - line.value)).toBeLessThan(1e-3)
      }
    }
    // Survey labels in km: zone 38 in front of eastings (central meridian 114°E).
    expect(eastings[0]!.label).toMatch(/^38 \d{3}(\.\d)?$/)
    expect(Number(northings[0]!.label)).toBeCloseTo(northings[0]!.value / 1000, 9)
  })
})
