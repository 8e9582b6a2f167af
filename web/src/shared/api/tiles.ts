/**
 * GET /tiles/:layer/:z/:x/:y.mvt and GET /tiles/:layer/tiles.json — the layers as Mapbox Vector
 * Tiles (v2, Web Mercator XYZ), each as the caller's audience sees it. One MVT layer per tile,
 * named after the park layer; every feature carries its `id` as a property (the park's ids are
 * text, which an MVT feature id cannot hold) and, on polygon layers, `area_m2` (ellipsoidal).
 */
export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile'
/** Tile coordinates' extent and the buffer around a tile, in its own units (MapLibre's defaults). */
export const TILE_EXTENT = 4096
export const TILE_BUFFER = 64
export const TILE_MAX_ZOOM = 22
/** Bookkeeping a map does not draw: left out of tiles. */
export const TILE_OMITTED_COLUMNS: readonly string[] = ['version', 'updated_at']

/** TileJSON 3.0.0, as much of it as a client needs. */
export interface TileJson {
  tilejson: '3.0.0'
  name: string
  tiles: string[]
  minzoom: number
  maxzoom: number
  /** [west, south, east, north] of the layer's features for this audience; the world when it has none. */
  bounds: [number, number, number, number]
  vector_layers: { id: string; fields: Record<string, 'String' | 'Number' | 'Boolean'> }[]
}
