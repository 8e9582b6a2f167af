// Golden files: every file in tests/fixtures/convert/in/ read by its format's converter must give
// out/<name>.geojson (coordinates to 1e-9°, about 0.1 mm; the CRS found; the notes). REGEN=1
// rewrites out/ for review in the diff.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatOfFileName, loadConverter } from './index'

const ROOT = path.join(__dirname, '../../../../tests/fixtures/convert')
const inputs = fs.readdirSync(path.join(ROOT, 'in')).sort()

const rounded = (value: unknown): unknown =>
  typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(rounded) : value

describe('converters against golden files', () => {
  it.each(inputs)('%s', async (name) => {
    const format = formatOfFileName(name)!
    const result = await (await loadConverter(format)).read(new Uint8Array(fs.readFileSync(path.join(ROOT, 'in', name))))
    const got = {
      format,
      crs_detected: result.crs_detected,
      notes: result.notes,
      type: 'FeatureCollection',
      features: result.features.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: rounded(f.geometry.coordinates) } })),
    }
    const file = path.join(ROOT, 'out', `${name}.geojson`)
    if (process.env.REGEN === '1') fs.writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`)
    expect(got).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')))
  })
})
