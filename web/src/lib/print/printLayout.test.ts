import { describe, expect, it } from 'vitest'
import { scaleBarLabel, formatScale, mmPerPixel, scaleBar, scaleDenominator, sheetLayout } from './printLayout'

describe('sheetLayout', () => {
  it('lays A4 and A3 out in both orientations inside 10 mm margins, nothing overlapping', () => {
    for (const size of ['A4', 'A3'] as const) {
      for (const orientation of ['landscape', 'portrait'] as const) {
        const l = sheetLayout(size, orientation)
        const long = size === 'A4' ? 297 : 420
        const short = size === 'A4' ? 210 : 297
        expect(l.paper).toEqual(orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long })
        for (const box of [l.title, l.map, l.legend, l.footer]) {
          expect(box.x).toBeGreaterThanOrEqual(10)
          expect(box.y).toBeGreaterThanOrEqual(10)
          expect(box.x + box.width).toBeLessThanOrEqual(l.paper.width - 10 + 1e-9)
          expect(box.y + box.height).toBeLessThanOrEqual(l.paper.height - 10 + 1e-9)
        }
        expect(l.map.y).toBeGreaterThanOrEqual(l.title.y + l.title.height)
        expect(l.map.y + l.map.height).toBeLessThanOrEqual(l.footer.y)
        if (orientation === 'landscape') expect(l.map.x + l.map.width).toBeLessThanOrEqual(l.legend.x)
        else expect(l.map.y + l.map.height).toBeLessThanOrEqual(l.legend.y)
        // The map takes most of the sheet.
        expect(l.map.width * l.map.height).toBeGreaterThan(0.45 * l.paper.width * l.paper.height)
      }
    }
  })
})

describe('scale', () => {
  it('is the ground metres per paper metre of a map covering its frame', () => {
    // A 1000 × 500 px map into a 200 × 150 mm frame: the height decides (0.3 mm a pixel), the sides are cropped.
    expect(mmPerPixel({ width: 200, height: 150 }, { width: 1000, height: 500 })).toBeCloseTo(0.3, 12)
    // 3 m a pixel at 0.3 mm a pixel: 3 m per 0.3 mm is 1:10 000.
    expect(scaleDenominator(3, 0.3)).toBeCloseTo(10_000, 9)
  })

  it('picks a scale bar of 1, 2 or 5 × 10ⁿ m that fits', () => {
    expect(scaleBar(5000, 40)).toEqual({ metres: 200, mm: 40 })
    expect(scaleBar(10_000, 40)).toEqual({ metres: 200, mm: 20 })
    expect(scaleBar(25_000, 40)).toEqual({ metres: 1000, mm: 40 })
    expect(scaleBar(3_000, 40).metres).toBe(100)
    for (const d of [800, 4321, 12_000, 77_777, 250_000]) {
      const bar = scaleBar(d, 40)
      expect(bar.mm).toBeLessThanOrEqual(40 + 1e-9)
      expect(bar.mm).toBeGreaterThanOrEqual(16)
      expect(String(bar.metres)).toMatch(/^[125]0*$|^0\.[0-9]*[125]$/)
    }
  })

  it('writes the scale rounded to two figures and lengths in m or km', () => {
    expect(formatScale(12_345)).toBe('1:12 000')
    expect(formatScale(4_960)).toBe('1:5 000')
    expect(formatScale(250_400)).toBe('1:250 000')
    expect(formatScale(950)).toBe('1:950')
    expect(scaleBarLabel(500)).toBe('500 m')
    expect(scaleBarLabel(2000)).toBe('2 km')
  })
})
