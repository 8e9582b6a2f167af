/**
 * The park's own base map (basemap table): named main roads, the secondary grid (the gaps
 * between blocks), the river 冯水 and its water surface, forests and villages.
 */
import type { Ring, XY } from './frame'
import { bbox, ccw, offsetPolyline } from './geometry'
import type { Block } from './blocks'
import { FORESTS, MAIN_ROAD_M, MAIN_ROADS, RIVER_HALF_WIDTH_M, VILLAGES, ZONE_GRIDS, riverCentreline, type ZoneGrid } from './layout'

export type BasemapKind = 'road_main' | 'road_secondary' | 'river' | 'water' | 'forest' | 'village'

export interface BasemapFeature {
  id: string
  kind: BasemapKind
  name_zh: string | null
  name_en: string | null
  geometry: { type: 'line'; line: XY[] } | { type: 'area'; ring: Ring }
}

export const BASEMAP_COLUMNS = ['id', 'kind', 'name_zh', 'name_en'] as const

/**
 * Secondary roads of one zone: each grid line that is not a main road, along the blocks that
 * front onto it (a block clipped away from the line by the zone outline does not count). An end
 * flush with a crossing road runs on to that road's centreline so the network connects.
 */
function secondaryRoads(grid: ZoneGrid, blocks: Block[]): XY[][] {
  const own = blocks.filter((b) => b.grid === grid)
  const out: XY[][] = []
  for (const axis of [0, 1] as const) {
    const across = axis === 0 ? grid.u : grid.v
    const along = axis === 0 ? grid.v : grid.u
    const o: 0 | 1 = axis === 0 ? 1 : 0
    for (const line of across) {
      if (line.width >= MAIN_ROAD_M) continue
      const fronting = own.map((b) => bbox(b.ring)).filter((bb) =>
        Math.abs(bb[axis] - (line.at + line.width / 2)) < 1 || Math.abs(bb[axis + 2]! - (line.at - line.width / 2)) < 1)
      if (!fronting.length) continue
      const snap = (x: number, side: -1 | 1): number =>
        along.find((l) => Math.abs(x - (l.at - (side * l.width) / 2)) < 1)?.at ?? x
      const from = snap(Math.min(...fronting.map((bb) => bb[o])), -1)
      const to = snap(Math.max(...fronting.map((bb) => bb[o + 2]!)), 1)
      out.push(axis === 0 ? [[line.at, from], [line.at, to]] : [[from, line.at], [to, line.at]])
    }
  }
  return out
}

export function buildBasemap(blocks: Block[]): BasemapFeature[] {
  const two = (n: number): string => String(n).padStart(2, '0')
  const river = riverCentreline()
  const banks = [...offsetPolyline(river, RIVER_HALF_WIDTH_M), ...offsetPolyline(river, -RIVER_HALF_WIDTH_M).reverse()]
  return [
    ...MAIN_ROADS.map((r, i): BasemapFeature => ({ id: `road-main-${two(i + 1)}`, kind: 'road_main', name_zh: r.name_zh, name_en: r.name_en, geometry: { type: 'line', line: [r.from, r.to] } })),
    ...ZONE_GRIDS.flatMap((g) => secondaryRoads(g, blocks)).map((line, i): BasemapFeature => ({
      id: `road-sec-${String(i + 1).padStart(3, '0')}`, kind: 'road_secondary', name_zh: null, name_en: null, geometry: { type: 'line', line },
    })),
    { id: 'river-01', kind: 'river', name_zh: '冯水', name_en: 'Feng River', geometry: { type: 'line', line: river } },
    { id: 'water-01', kind: 'water', name_zh: '冯水', name_en: 'Feng River (water surface)', geometry: { type: 'area', ring: ccw(banks) } },
    ...FORESTS.map((f): BasemapFeature => ({ id: f.id, kind: 'forest', name_zh: f.name_zh, name_en: f.name_en, geometry: { type: 'area', ring: f.ring } })),
    ...VILLAGES.map((v): BasemapFeature => ({ id: v.id, kind: 'village', name_zh: v.name_zh, name_en: v.name_en, geometry: { type: 'area', ring: v.ring } })),
  ]
}
