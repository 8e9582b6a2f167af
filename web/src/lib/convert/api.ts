/** The planner's file conversion calls: a file (or a pasted table) to the server, its shapes back. */
import { sendBytes } from '../api'
import type { ConvertFormat, ConvertImportAnswer } from '../../shared/api/convert'

function isImportAnswer(body: unknown): body is ConvertImportAnswer {
  const b = body as ConvertImportAnswer | null
  return typeof b === 'object' && b !== null && b.type === 'FeatureCollection' && Array.isArray(b.features) && Array.isArray(b.notes) && typeof b.crs_detected?.epsg === 'number'
}

/**
 * POST /api/convert/import: the server reads the file with the same converters as the browser and
 * adds PostGIS's validity check; nothing is saved.
 */
export function importFile(bytes: Uint8Array, format: ConvertFormat, epsg?: number): Promise<ConvertImportAnswer> {
  const query = new URLSearchParams({ format })
  if (epsg !== undefined) query.set('epsg', String(epsg))
  return sendBytes(`/api/convert/import?${query.toString()}`, bytes, isImportAnswer)
}
