import { describe, expect, it } from 'vitest'
import type { ParkFeatureCollection } from '../../shared/api/layers'
import { loadRomanizer } from './romanizer'
import { buildSearchIndex, searchIndex } from './searchIndex'
import { parseCoordinate } from './coordinates'
import { loadGaussKrugerConverter, gaussKrugerZoneByEpsg } from '../../shared/gauss-kruger'

const point = { type: 'Point' as const, coordinates: [115.4, 28.7] }
const fc = (features: { id: string; properties: Record<string, unknown> }[]): ParkFeatureCollection =>
  ({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', geometry: point, ...f })) }) as unknown as ParkFeatureCollection

const layers = [
  { id: 'enterprises' as const, data: fc([
    { id: 'e1', properties: { name_zh: '宁德时代', name_en: 'CATL (Contemporary Amperex Technology)' } },
    { id: 'e2', properties: { name_zh: '宁德配套', name_en: 'Ningde Supply' } },
    { id: 'e3', properties: { name_zh: '博腾化工', name_en: 'Boteng Chemical' } },
  ]) },
  { id: 'parcels' as const, data: fc([{ id: 'FT-001', properties: {} }, { id: 'FT-010', properties: {} }]) },
  { id: 'basemap' as const, data: fc([
    { id: 'r1', properties: { kind: 'road_main', name_zh: '天工大道' } },
    { id: 'f1', properties: { kind: 'forest', name_zh: '南岭林地' } },
  ]) },
]

describe('the search index', async () => {
  const index = buildSearchIndex(layers, await loadRomanizer())

  it('finds a firm by Chinese, by full pinyin and by pinyin initials, exact match first', () => {
    expect(searchIndex(index, '宁德').map((e) => e.id)).toEqual(['e1', 'e2'])
    expect(searchIndex(index, 'ndsd').map((e) => e.id)).toEqual(['e1'])
    expect(searchIndex(index, 'ningdeshidai').map((e) => e.id)).toEqual(['e1'])
    expect(searchIndex(index, 'NING DE').map((e) => e.id)).toEqual(['e2', 'e1'])  // "ningde…" is e2's English name's start too
    expect(searchIndex(index, 'catl')[0]?.id).toBe('e1')
  })

  it('finds parcels by number and roads by name, but not scenery', () => {
    expect(searchIndex(index, 'ft-001').map((e) => e.id)).toEqual(['FT-001'])
    expect(searchIndex(index, 'FT-0').map((e) => e.id)).toEqual(['FT-001', 'FT-010'])
    expect(searchIndex(index, 'tgdd')).toMatchObject([{ id: 'r1', kind: 'road' }])
    expect(searchIndex(index, '南岭')).toEqual([])
    expect(searchIndex(index, '   ')).toEqual([])
  })
})

describe('typed coordinates', () => {
  it('reads lon/lat in either order and with Chinese commas', async () => {
    expect(await parseCoordinate('115.4, 28.7', 115)).toMatchObject({ kind: 'lonlat', lngLat: [115.4, 28.7] })
    expect(await parseCoordinate('28.7 115.4', 115)).toMatchObject({ kind: 'lonlat', lngLat: [115.4, 28.7] })
    expect(await parseCoordinate('115.4，28.7', 115)).toMatchObject({ kind: 'lonlat', lngLat: [115.4, 28.7] })
  })

  it('reads CGCS2000 Gauss-Krüger X/Y, the zone from an 8-digit easting or from the map', async () => {
    const withPrefix = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4526))
    const [e8, n] = withPrefix.toPlane(115.4, 28.7)
    const hit = await parseCoordinate(`${n.toFixed(3)}, ${e8.toFixed(3)}`, 0)
    expect(hit?.kind).toBe('gk')
    expect(hit!.lngLat[0]).toBeCloseTo(115.4, 7)
    expect(hit!.lngLat[1]).toBeCloseTo(28.7, 7)
    expect(hit!.label).toMatch(/EPSG:4526/)
    const [e6] = (await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547))).toPlane(115.4, 28.7)
    const near = await parseCoordinate(`${e6.toFixed(3)} ${n.toFixed(3)}`, 115.3)
    expect(near!.lngLat[0]).toBeCloseTo(115.4, 7)
    expect(near!.label).toMatch(/EPSG:4547/)
  })

  it('reads nothing else as a place', async () => {
    for (const text of ['宁德', '1 2', '115.4', '115.4 28.7 3', '200 100', '3176822 99999999', 'FT-001']) {
      expect(await parseCoordinate(text, 115), text).toBeNull()
    }
  })
})
