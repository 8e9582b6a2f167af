import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

export interface TileAddress {
  z: number
  x: number
  y: number
}

/** The XYZ tile holding a lon/lat at a zoom (Web Mercator, as every tile server counts). */
export function tileOf(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z
  const phi = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n) }
}

/** The path of a layer's tile: /tiles/{layer}/{z}/{x}/{y}.mvt. */
export function tilePath(layer: string, { z, x, y }: TileAddress): string {
  return `/tiles/${layer}/${z}/${x}/${y}.mvt`
}

/** A Mapbox Vector Tile's bytes, decoded as MapLibre would read them. */
export function decodeTile(body: Uint8Array): VectorTile {
  return new VectorTile(new PbfReader(body))
}
