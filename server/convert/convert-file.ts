/**
 * The server's side of file conversion: the shared converters (web/src/shared/convert) run here
 * as in the browser, and PostGIS adds what only it can check — that no ring crosses itself or
 * another (ST_IsValidDetail, as for every boundary the API takes). Nothing is saved.
 */
import type pg from 'pg'
import { CONVERT_MAX_VERTICES, type ConvertFormat, type ConvertImportAnswer, type ImportedFeatureCollection } from '../../web/src/shared/api/convert'
import { loadConverter } from '../../web/src/shared/convert/index'
import { vertexCount } from '../../web/src/shared/convert/rings'
import { ConvertError, type WriteOptions, type WriteResult } from '../../web/src/shared/convert/types'
import { featureName } from '../../web/src/shared/convert/plane-write'
import { InvalidFile, InvalidGeometry, InvalidParameter, MalformedFile } from '../errors'
import { polygonsOf } from '../geometry/polygon-input'
import { assertValidTopology } from '../geometry/topology'

/** A converter's refusal in the API's terms: the epsg parameter's fault, a malformed file (400) or an unusable one (422). */
function refusal(err: ConvertError): Error {
  if (err.where === 'epsg') return new InvalidParameter(`query.epsg: ${err.message.slice('epsg: '.length)}`)
  const details = { where: err.where || null }
  return err.kind === 'malformed' ? new MalformedFile(err.message, details) : new InvalidFile(err.message, details)
}

async function converting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof ConvertError) throw refusal(err)
    throw err
  }
}

/** PostGIS's verdict on each feature, named by its number and name when it fails. */
async function assertValidFeatures(db: pg.Pool, collection: ImportedFeatureCollection): Promise<void> {
  try {
    await assertValidTopology(db, collection.features.map((f) => f.geometry))
  } catch (err) {
    if (!(err instanceof InvalidGeometry)) throw err
    const { index, reason, location } = err.details as { index: number; reason: string | null; location: [number, number] | null }
    const feature = collection.features[index]
    const name = featureName(feature?.properties, '')
    const at = location ? ` at [${location[0]}, ${location[1]}]` : ''
    throw new InvalidFile(`feature ${index + 1}${name ? ` (${name})` : ''}: ${reason ?? 'invalid geometry'}${at}`, { where: `features[${index}]`, reason, location })
  }
}

/**
 * A file's polygons in lon/lat, the CRS found and the notes on what was repaired. Throws
 * MalformedFile (400) or InvalidFile (422) naming the line or feature, InvalidParameter for a bad epsg.
 */
export async function importFile(db: pg.Pool, format: ConvertFormat, bytes: Uint8Array, epsg: number | undefined): Promise<ConvertImportAnswer> {
  if (bytes.length === 0) throw new MalformedFile('the body is empty: send the file itself (Content-Type: application/octet-stream)')
  const converter = await loadConverter(format)
  const result = await converting(() => converter.read(bytes, epsg === undefined ? {} : { epsg }))
  const vertices = result.features.features.reduce((n, f) => n + vertexCount(f.geometry), 0)
  if (vertices > CONVERT_MAX_VERTICES) {
    throw new InvalidFile(`the file holds ${vertices} vertices, over the ${CONVERT_MAX_VERTICES} one import may hold: split it`, { max_vertices: CONVERT_MAX_VERTICES })
  }
  await assertValidFeatures(db, result.features)
  return { ...result.features, crs_detected: result.crs_detected, notes: result.notes }
}

/**
 * The FeatureCollection as a file of the format. Refuses (422) what is not polygons, has too
 * many vertices or is invalid in PostGIS's eyes: no file of a self-crossing boundary leaves.
 */
export async function exportFile(db: pg.Pool, format: ConvertFormat, body: unknown, options: WriteOptions): Promise<WriteResult> {
  const geometries = polygonsOf(body, CONVERT_MAX_VERTICES)
  const input = body as { type?: string; properties?: Record<string, unknown> | null }
  const collection: ImportedFeatureCollection =
    input.type === 'FeatureCollection'
      ? (body as ImportedFeatureCollection)
      : { type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: input.type === 'Feature' ? (input.properties ?? {}) : {}, geometry })) }
  await assertValidFeatures(db, collection)
  const converter = await loadConverter(format)
  return converting(() => converter.write(collection, options))
}

/**
 * Content-Disposition for a download name that may be Chinese: an ASCII fallback and the UTF-8
 * name per RFC 5987 / RFC 6266 (every browser reads filename*).
 * @example contentDisposition('南区.txt') // `attachment; filename="__.txt"; filename*=UTF-8''%E5%8D%97%E5%8C%BA.txt`
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
