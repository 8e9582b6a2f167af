/** GET /api/layers and GET /api/layers/:id/features. */
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { LayerId } from '../park-vocabulary'

export interface LayerInfo {
  id: LayerId
  title: string
  title_en: string
  count: number
  geometryType: 'MultiPolygon' | 'Point' | 'Geometry'
}

/** Column values as the API sends them: the table's columns plus `area_m2` (ellipsoidal) on polygons. */
export type ParkProperties = Record<string, string | number | boolean | null>
export type ParkFeature = Feature<Geometry, ParkProperties>
export type ParkFeatureCollection = FeatureCollection<Geometry, ParkProperties> & { numberReturned?: number }

/**
 * The form of a public id of a row the public view can hide (projects, enterprises): a random
 * UUID (migration 008), standing in for the real id, which could count or name the hidden rows.
 * It names nothing a reader knows, so the map does not show it.
 */
export const OPAQUE_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'

/** `limit` of one page of features. */
export const FEATURE_LIMIT = { min: 1, max: 10000, fallback: 1000 } as const
