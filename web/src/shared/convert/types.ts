/**
 * The one interface every file format implements (placemark's `FileType` shape): read bytes into
 * lon/lat polygons with notes on what was repaired, write polygons back into bytes. Plain
 * TypeScript, no DOM or Node; the heavy libraries a format needs are imported inside it on demand.
 */
import type { CrsDetected, ConvertFormat, ImportedFeatureCollection } from '../api/convert'
import type { CoordinateTableLabels } from './coords-csv'

export interface ReadOptions {
  /** CGCS2000 3° GK zone (4513–4554) of plane coordinates, when the file does not say. */
  epsg?: number
}

export interface WriteOptions {
  /** Write plane coordinates in this GK zone (4513–4554); default: the zone of the shapes' centroid (formats in metres) or lon/lat. */
  epsg?: number
  /** Text formats: `gbk` for survey tools on Chinese Windows; default UTF-8. */
  encoding?: 'utf-8' | 'gbk'
  /** File name without extension; default "boundary". */
  name?: string
  /** coords-csv: the table's words in the reader's language (default Chinese). */
  tableLabels?: CoordinateTableLabels
}

export interface ReadResult {
  features: ImportedFeatureCollection
  crs_detected: CrsDetected
  notes: string[]
}

export interface WriteResult {
  bytes: Uint8Array
  contentType: string
  filename: string
}

export interface Converter {
  name: ConvertFormat
  /** Words for a menu: Chinese first, the English gloss after. */
  label: string
  /** File name endings this format reads, lower case with the dot. */
  extensions: readonly string[]
  contentType: string
  /** Throws ConvertError when nothing usable survives. */
  read(bytes: Uint8Array, options?: ReadOptions): Promise<ReadResult>
  /** Throws ConvertError for input it cannot write (e.g. not polygons). */
  write(features: ImportedFeatureCollection, options?: WriteOptions): Promise<WriteResult>
}

/**
 * A file (or a FeatureCollection to write) that cannot be converted. `where` names the line,
 * feature or part at fault, e.g. "line 12" or "features[1]", and leads the message.
 * `kind`: `malformed` (not this format at all) or `unacceptable` (well-formed, but the shape
 * cannot be used) — 400 and 422 on the API.
 */
export class ConvertError extends Error {
  readonly code = 'invalid_file'
  constructor(
    message: string,
    readonly where: string,
    readonly kind: 'malformed' | 'unacceptable' = 'unacceptable',
  ) {
    super(where ? `${where}: ${message}` : message)
    this.name = 'ConvertError'
  }
}
