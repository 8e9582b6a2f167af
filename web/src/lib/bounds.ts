import { bbox } from '@turf/bbox'
import type { ParkFeatureCollection } from '../shared/api/layers'

export type Bounds = [number, number, number, number]

/**
 * The lon/lat box around all features of the given collections, or null when they hold no geometry.
 *
 * @example parkBounds([zones]) // [115.37, 28.68, 115.43, 28.73]
 */
export function parkBounds(collections: readonly ParkFeatureCollection[]): Bounds | null {
  let box: Bounds | null = null
  for (const collection of collections) {
    const withGeometry = collection.features.filter((f) => f.geometry)
    if (withGeometry.length === 0) continue
    const [minX, minY, maxX, maxY] = bbox({ ...collection, features: withGeometry }) as Bounds
    if (![minX, minY, maxX, maxY].every(Number.isFinite)) continue
    box = box ? [Math.min(box[0], minX), Math.min(box[1], minY), Math.max(box[2], maxX), Math.max(box[3], maxY)] : [minX, minY, maxX, maxY]
  }
  return box
}
