import fs from 'node:fs'
import path from 'node:path'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import proj4 from 'proj4'
import { describe, expect, it } from 'vitest'
import { deepFreeze, referenceArea, referenceRingArea } from '../../../../tests/helpers/geodesy'
import { jzdTxt } from './jzd-txt'
import { decodeText } from './text-encoding'
import { ConvertError } from './types'

const FIXTURES = path.join(__dirname, '../../../../tests/fixtures/convert/in')
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)))

/** The fixture's points read with a plain regex (not the module's parser): parcel → ring → [X, Y]. */
function filePoints(text: string): Map<string, [number, number][]>[] {
  const parcels: Map<string, [number, number][]>[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.endsWith(',@')) parcels.push(new Map())
    const m = /^J\d+,(\d+),([\d.]+),([\d.]+)$/.exec(line)
    if (m) {
      const rings = parcels[parcels.length - 1]!
      rings.set(m[1]!, [...(rings.get(m[1]!) ?? []), [Number(m[2]), Number(m[3])]])
    }
  }
  return parcels
}

/** proj4 itself, from the zone's EPSG parameters: the independent inverse of the file's X/Y. */
const inverse = proj4('+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', '+proj=longlat +ellps=GRS80 +no_defs')
const lonLatOf = ([x, y]: [number, number]) => inverse.forward([y % 1_000_000, x]) as [number, number]

const ringsOf = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat())

describe('jzd-txt reads the 界址点 exchange file', () => {
  it.each([
    ['jzd-prefixed-utf8.txt', 4526, 'easting-prefix'],
    ['jzd-plain-gbk.txt', 4547, 'file'],
    ['jzd-12-fields-gbk.txt', 4526, 'easting-prefix'],
    ['jzd-no-description.txt', 4526, 'easting-prefix'],
  ])('%s: two parcels, the second with a hole, at the file’s coordinates', async (name, epsg, source) => {
    const bytes = fixture(name)
    const expected = filePoints(decodeText(bytes).text)
    const { features, crs_detected, notes } = await jzdTxt.read(bytes)
    expect(crs_detected).toMatchObject({ epsg, source })
    expect(features.features).toHaveLength(2)
    const [one, two] = features.features
    expect(one!.properties).toMatchObject({ 编号: 'NQ-01', 名称: '南区扩区一号地块', 用途: '工业用地', 地类码: '0601' })
    expect(two!.properties).toMatchObject({ 编号: 'NQ-02', 名称: '南区扩区二号地块' })
    expect(two!.geometry.type).toBe('Polygon')
    expect((two!.geometry as Polygon).coordinates).toHaveLength(2) // outer ring and the pond
    if (name.includes('gbk')) expect(notes).toContain('read as GBK')
    features.features.forEach((feature, p) => {
      const reference = [...expected[p]!.values()].map((ring) => ring.map(lonLatOf))
      const got = ringsOf(feature.geometry)
      expect(got).toHaveLength(reference.length)
      got.forEach((ring, r) => {
        // same corners (the module orients rings counter-clockwise, the file runs clockwise)
        const key = (p: Position) => `${(p[0] as number).toFixed(10)},${(p[1] as number).toFixed(10)}`
        expect(new Set(ring.map(key))).toEqual(new Set(reference[r]!.map(key)))
      })
      // ellipsoidal area within 1e-9 relative of GeographicLib's on the independently projected rings
      const want = referenceRingArea(reference[0]!) - reference.slice(1).reduce((s, q) => s + referenceRingArea(q), 0)
      expect(Math.abs(referenceArea(feature.geometry) - want) / want).toBeLessThan(1e-9)
    })
  })

  it('writes the same layout back, to the millimetre, in UTF-8 and in GBK', async () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const source = fixture('jzd-prefixed-utf8.txt')
      const read = await jzdTxt.read(source)
      const written = await jzdTxt.write(deepFreeze(read.features), { epsg: 4526, encoding })
      const text = decodeText(written.bytes)
      expect(text.encoding).toBe(encoding)
      expect(text.text).toContain('带号=38')
      const want = filePoints(decodeText(source).text)
      const got = filePoints(text.text)
      expect(got.map((rings) => [...rings.values()])).toEqual(want.map((rings) => [...rings.values()]))
      // the parcel header: point count, plane area in 公顷, code, name, 面, …
      expect(text.text).toMatch(/^10,3\.9681,NQ-02,南区扩区二号地块,面,H50G001001,工业用地,0601,@$/m)
      expect(written.contentType).toContain(encoding === 'gbk' ? 'GBK' : 'utf-8')
    }
  })

  it('writes eastings without the zone number for EPSG:4547', async () => {
    const read = await jzdTxt.read(fixture('jzd-plain-gbk.txt'))
    const written = await jzdTxt.write(read.features, { epsg: 4547, encoding: 'gbk' })
    const got = filePoints(decodeText(written.bytes).text)
    expect(got.map((r) => [...r.values()])).toEqual(filePoints(decodeText(fixture('jzd-plain-gbk.txt')).text).map((r) => [...r.values()]))
  })

  it('repairs an unclosed ring and a doubled point, and says so', async () => {
    const text = '[地块坐标]\n4,1.0,A,甲,面,,,,@\nJ1,1,3178613.898,38634117.078\nJ2,1,3178695.891,38634258.451\nJ2,1,3178695.891,38634258.451\nJ3,1,3178517.020,38634493.487\n'
    const { features, notes } = await jzdTxt.read(new TextEncoder().encode(text))
    expect((features.features[0]!.geometry as Polygon).coordinates[0]).toHaveLength(4)
    expect(notes.join('\n')).toMatch(/repeated point dropped/)
    expect(notes.join('\n')).toMatch(/ring closed/)
  })

  it.each([
    ['garbage', 'hello world', /no \[地块坐标\] section/],
    ['a point line before any header', '[地块坐标]\nJ1,1,3178613.898,38634117.078\n', /line 2: .*before any parcel header/],
    ['a point line without numbers', '[地块坐标]\n3,1,A,甲,面,,,,@\nJ1,1,abc,38634117.078\n', /line 3: expected a point line/],
    ['a ring of three points', '[地块坐标]\n3,1,A,甲,面,,,,@\nJ1,1,3178613.898,38634117.078\nJ2,1,3178695.891,38634258.451\nJ1,1,3178613.898,38634117.078\n', /ring 1 \(line 3\): a ring needs at least 3 distinct corners/],
    ['no zone at all', '[地块坐标]\n4,1,A,甲,面,,,,@\nJ1,1,3178613.898,634117.078\nJ2,1,3178695.891,634258.451\nJ3,1,3178517.020,634493.487\nJ1,1,3178613.898,634117.078\n', /give the zone as \?epsg=/],
    ['a northing beyond China', '[地块坐标]\n4,1,A,甲,面,,,,@\nJ1,1,6578613.898,38634117.078\nJ2,1,6578695.891,38634258.451\nJ3,1,6578517.020,38634493.487\nJ1,1,6578613.898,38634117.078\n', /ring 1 \(line 3\): X 6578613.898, Y 38634117.078 lies outside any Chinese Gauss-Krüger zone/],
    ['an easting prefix of no zone', '[地块坐标]\n4,1,A,甲,面,,,,@\nJ1,1,3178613.898,50634117.078\nJ2,1,3178695.891,50634258.451\nJ3,1,3178517.020,50634493.487\nJ1,1,3178613.898,50634117.078\n', /easting prefix 50 is no CGCS2000 3° zone number/],
    ['Xi’an 80', '[属性描述]\n坐标系=1980西安坐标系\n[地块坐标]\n', /only CGCS2000/],
  ])('refuses %s, naming the place', async (_, text, message) => {
    await expect(jzdTxt.read(new TextEncoder().encode(text))).rejects.toThrow(message)
    await expect(jzdTxt.read(new TextEncoder().encode(text))).rejects.toBeInstanceOf(ConvertError)
  })
})
