import type { ParkFeature } from '../shared/api/layers'
import { labelAnchor } from './labels'

/**
 * Where a popup about a feature points when nobody clicked it (a link, a search, a table row): where
 * its name goes (labels.ts) — a point inside a polygon, never a centroid that may fall outside an
 * L-shaped parcel; the middle of a line; the point itself.
 */
export function anchorOf(feature: ParkFeature): [number, number] {
  return labelAnchor(feature.geometry) ?? [0, 0]
}
