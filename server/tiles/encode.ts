import { geoJSONToTile } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import type { FeatureCollection } from 'geojson'
import { TILE_BUFFER, TILE_EXTENT } from '../../web/src/shared/api/tiles'
import type { TileAddress } from './tile-query'

/**
 * One MVT layer from features PostGIS clipped (embedded PostGIS has no ST_AsMVT): geojson-vt
 * projects, clips to the buffered tile and quantises to the extent, as ST_AsMVTGeom does; vt-pbf
 * writes the protobuf. An empty tile is zero bytes, as ST_AsMVT answers.
 */
export function encodeTile(layer: string, features: FeatureCollection, tile: TileAddress): Buffer {
  if (features.features.length === 0) return Buffer.alloc(0)
  const vt = geoJSONToTile(features, tile.z, tile.x, tile.y, { extent: TILE_EXTENT, buffer: TILE_BUFFER, tolerance: 1, clip: true })
  if (!vt || vt.features.length === 0) return Buffer.alloc(0)
  return Buffer.from(fromGeojsonVt({ [layer]: vt }, { version: 2, extent: TILE_EXTENT }))
}
