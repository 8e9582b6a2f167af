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

/**
 * GET /api/layers/:id/rows — a layer's attribute table: every row the caller's audience may see,
 * without geometry (the table holds a county's 100,000 parcels, which the map's GeoJSON cannot).
 * `rows[i]` holds the values of `columns` in order (`id` first; `area_m2`, ellipsoidal, last on
 * polygon layers); `bboxes[i]` is that row's [west, south, east, north] in lon/lat, so the map can
 * go to a row it has not loaded.
 */
export interface LayerRows {
  layer: LayerId
  columns: string[]
  rows: (string | number | boolean | null)[][]
  bboxes: [number, number, number, number][]
  /** Rows the layer holds for this audience; more than `rows.length` when ROW_LIMIT cut the answer. */
  numberMatched: number
}

/** The most rows one attribute-table answer carries (a county's parcels, with room to spare). */
export const ROW_LIMIT = 200_000
