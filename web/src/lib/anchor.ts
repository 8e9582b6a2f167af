import { pointOnFeature } from '@turf/turf'
import type { ParkFeature } from '../shared/api/layers'

/** Where a popup about a feature points when nobody clicked it (a link, a search): a point on it, not a centroid that may fall outside an L-shaped parcel. */
export function anchorOf(feature: ParkFeature): [number, number] {
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number]
  return [lng, lat]
}
