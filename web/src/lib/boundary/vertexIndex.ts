/**
 * Corners of existing features (parcels, zones) on a coarse lon/lat grid, so that snapping a drawn
 * vertex to the nearest corner looks at a few cells instead of every parcel on each pointer move.
 */
import type { Geometry, Position } from 'geojson'

export interface VertexIndex {
  readonly cellDeg: number
  readonly cells: ReadonlyMap<string, readonly Position[]>
  readonly size: number
}

const cellKey = (i: number, j: number) => `${i}:${j}`

function collectPositions(geometry: Geometry | null, out: Position[]): void {
  if (!geometry) return
  switch (geometry.type) {
    case 'Point': out.push(geometry.coordinates); break
    case 'MultiPoint': case 'LineString': out.push(...geometry.coordinates); break
    case 'MultiLineString': case 'Polygon': for (const ring of geometry.coordinates) out.push(...ring); break
    case 'MultiPolygon': for (const polygon of geometry.coordinates) for (const ring of polygon) out.push(...ring); break
    case 'GeometryCollection': for (const g of geometry.geometries) collectPositions(g, out); break
  }
}

/**
 * Indexes every vertex of the geometries (duplicates, such as shared parcel corners, once).
 * `cellDeg` ~0.0005° is ~50 m at the park: a cell holds a handful of corners.
 * @example buildVertexIndex([parcel.geometry]).size // its distinct corners
 */
export function buildVertexIndex(geometries: readonly (Geometry | null)[], cellDeg = 0.0005): VertexIndex {
  const positions: Position[] = []
  for (const g of geometries) collectPositions(g, positions)
  const cells = new Map<string, Position[]>()
  const seen = new Set<string>()
  for (const p of positions) {
    const [lon, lat] = p as [number, number]
    const id = `${lon},${lat}`
    if (seen.has(id)) continue
    seen.add(id)
    const key = cellKey(Math.floor(lon / cellDeg), Math.floor(lat / cellDeg))
    const cell = cells.get(key)
    if (cell) cell.push([lon, lat])
    else cells.set(key, [[lon, lat]])
  }
  return { cellDeg, cells, size: seen.size }
}

/**
 * The indexed vertex nearest to a point by `distance` (the caller's metric, e.g. screen pixels),
 * if within `tolerance`; else null. Looks only in cells within `reachDeg` (lon, lat) of the point.
 * Gives up (null) when the reach spans more than `maxCells` cells: zoomed far out, snapping means nothing.
 */
export function nearestVertex(
  index: VertexIndex,
  at: readonly [number, number],
  reachDeg: readonly [number, number],
  distance: (p: Position) => number,
  tolerance: number,
  maxCells = 400,
): Position | null {
  const { cellDeg } = index
  const [i0, i1] = [Math.floor((at[0] - reachDeg[0]) / cellDeg), Math.floor((at[0] + reachDeg[0]) / cellDeg)]
  const [j0, j1] = [Math.floor((at[1] - reachDeg[1]) / cellDeg), Math.floor((at[1] + reachDeg[1]) / cellDeg)]
  if ((i1 - i0 + 1) * (j1 - j0 + 1) > maxCells) return null
  let best: Position | null = null
  let bestDistance = tolerance
  for (let i = i0; i <= i1; i++) {
    for (let j = j0; j <= j1; j++) {
      for (const p of index.cells.get(cellKey(i, j)) ?? []) {
        const d = distance(p)
        if (d <= bestDistance) {
          best = p
          bestDistance = d
        }
      }
    }
  }
  return best
}
