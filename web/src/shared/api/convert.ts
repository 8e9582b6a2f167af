/** POST /api/convert/import and POST /api/convert/export: files in the survey's own formats ⇄ lon/lat GeoJSON. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

/** Every format the converters speak, by the name the API and the UI use (web/src/shared/convert/). */
export const CONVERT_FORMATS = ['jzd-txt', 'coords-csv', 'geojson', 'kml', 'kmz', 'shp', 'dxf'] as const
export type ConvertFormat = (typeof CONVERT_FORMATS)[number]

/**
 * An upload's bound: a survey institute's file of a county's parcels is a few MB; 50 MB is room for
 * a zipped Shapefile of a district without letting one request hold the server's memory.
 */
export const CONVERT_BODY_LIMIT_BYTES = 50 * 1024 * 1024
/** Vertices one import may hold (after repair): what ST_IsValidDetail is then asked to check. */
export const CONVERT_MAX_VERTICES = 100_000

export interface ConvertQuery {
  format: ConvertFormat
  /** CGCS2000 3° Gauss-Krüger zone of plane coordinates, EPSG:4513–4554 (else from the file). */
  epsg?: number
  /** Export only: the text encoding of jzd-txt / coords-csv, `gbk` as survey tools on Windows write it. */
  encoding?: 'utf-8' | 'gbk'
}

/** The coordinate reference the importer found: where it came from, so the user can check it. */
export interface CrsDetected {
  /** 4490 (CGCS2000 lon/lat), 4326 (WGS84 lon/lat) or a GK zone 4513–4554. */
  epsg: number
  /** How it was decided: `file` (the file says so), `easting-prefix`, `option` (?epsg=), `default` (lon/lat format). */
  source: 'file' | 'easting-prefix' | 'option' | 'default'
  /** Plain words, e.g. "CGCS2000 3° Gauss-Krüger, central meridian 114°E (EPSG:4526)". */
  name: string
}

export type ImportedFeatureCollection = FeatureCollection<Polygon | MultiPolygon>

/** The import's answer: lon/lat features (nothing is saved), the CRS found and what was repaired. */
export interface ConvertImportAnswer extends ImportedFeatureCollection {
  crs_detected: CrsDetected
  /** What the importer repaired or left out, one sentence each (e.g. "parcel 2, ring 1: closed (first point repeated)"). */
  notes: string[]
}
