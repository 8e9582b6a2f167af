import type { FeatureCollection } from 'geojson'
import type { BasemapInfo } from '../shared/api/basemap'
import type { ErrorBody } from '../shared/api/errors'
import type { PublicParcelQuery, PublicParcelsAnswer } from '../shared/api/public-parcels'
import { FEATURE_LIMIT, type LayerInfo, type LayerRows, type ParkFeature, type ParkFeatureCollection } from '../shared/api/layers'
import type { LayerId } from '../shared/park-vocabulary'
import { parseReadableJson } from './readableJson'

/**
 * A failed API call. `code` is the server's error code, or one of ours:
 * `network` (no answer), `bad_response` (not the JSON we expect), `http_<status>` (no error body).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null,
    readonly path: string,
    /** The error body's `details` (a 409's current version, a 422's place), when it has some. */
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The session's CSRF token: the server sets it in the readable `pa_csrf` cookie at sign-in. */
function csrfToken(): string | null {
  const match = /(?:^|;\s*)pa_csrf=([^;]+)/.exec(document.cookie)
  return match ? decodeURIComponent(match[1]!) : null
}

/**
 * One request to the API, with the session cookie (same origin) and, on writes, the CSRF header the
 * server checks; JSON back (its text without bidi controls: parseReadableJson), or undefined for
 * 204. Errors become ApiError.
 */
async function requestJson<T>(path: string, init: RequestInit, isValid: (body: unknown) => body is T, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) }
  // JSON text, or a file's own bytes (POST /api/convert/import); a caller's own Content-Type stands.
  if (init.body !== undefined && headers['Content-Type'] === undefined) headers['Content-Type'] = typeof init.body === 'string' ? 'application/json' : 'application/octet-stream'
  const csrf = init.method && init.method !== 'GET' ? csrfToken() : null
  if (csrf) headers['X-CSRF-Token'] = csrf
  let response: Response
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin', signal: signal ?? null })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError('network', `No answer from ${path}`, null, path)
  }
  if (response.status === 204 && isValid(undefined)) return undefined as T
  let body: unknown
  try {
    body = parseReadableJson(await response.text())
  } catch {
    throw new ApiError(response.ok ? 'bad_response' : `http_${response.status}`, `${path} did not return JSON (HTTP ${response.status})`, response.status, path)
  }
  if (!response.ok) {
    const error = errorBody(body)
    throw new ApiError(error?.code ?? `http_${response.status}`, error?.message ?? `HTTP ${response.status}`, response.status, path, error?.details)
  }
  if (!isValid(body)) throw new ApiError('bad_response', `${path} returned an unexpected shape`, response.status, path)
  return body
}

/** A read; the session cookie goes along, so signed-in users get their own view of the layers. */
export function getJson<T>(path: string, isValid: (body: unknown) => body is T, signal?: AbortSignal): Promise<T> {
  return requestJson(path, { method: 'GET' }, isValid, signal)
}

/** A write (POST, PUT, PATCH, DELETE) with a JSON body: carries the CSRF token of the session (and `headers`, e.g. If-Match). */
export function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, isValid: (body: unknown) => body is T, headers: Record<string, string> = {},
): Promise<T> {
  return requestJson(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, isValid)
}

/** A POST whose body is a file's bytes, as they are; JSON back. */
export function sendBytes<T>(path: string, bytes: Uint8Array, isValid: (body: unknown) => body is T): Promise<T> {
  return requestJson(path, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> }, isValid)
}

function errorBody(body: unknown): ErrorBody['error'] | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null
  const error = (body as { error: unknown }).error
  if (typeof error !== 'object' || error === null) return null
  const { code, message, details } = error as Record<string, unknown>
  return typeof code === 'string' && typeof message === 'string' ? { code, message, ...(details === undefined ? {} : { details }) } : null
}

function isLayerList(body: unknown): body is LayerInfo[] {
  return Array.isArray(body) && body.every((l) => typeof l?.id === 'string' && typeof l?.count === 'number')
}

function isFeatureCollection(body: unknown): body is ParkFeatureCollection {
  return typeof body === 'object' && body !== null && (body as FeatureCollection).type === 'FeatureCollection' && Array.isArray((body as FeatureCollection).features)
}

export function fetchLayers(signal?: AbortSignal): Promise<LayerInfo[]> {
  return getJson('/api/layers', isLayerList, signal)
}

/** All features of a layer in one page (up to the API's cap); `bbox` is minLon,minLat,maxLon,maxLat. */
export function fetchLayerFeatures(
  id: string,
  options: { limit?: number; bbox?: [number, number, number, number]; signal?: AbortSignal } = {},
): Promise<ParkFeatureCollection> {
  const params = new URLSearchParams()
  if (options.bbox) params.set('bbox', options.bbox.join(','))
  if (options.limit !== undefined) params.set('limit', String(Math.min(Math.max(1, Math.round(options.limit)), FEATURE_LIMIT.max)))
  const query = params.toString()
  const path = `/api/layers/${encodeURIComponent(id)}/features${query ? `?${query}` : ''}`
  return getJson(path, isFeatureCollection, options.signal)
}

function isFeature(body: unknown): body is ParkFeature & { links?: unknown } {
  const b = body as ParkFeature | null
  return typeof b === 'object' && b !== null && b.type === 'Feature' && typeof b.properties === 'object'
}

/**
 * One feature of a layer by id, whole and with the caller's audience's properties (the OGC API item,
 * GET /ogc/collections/{layer}/items/{id}): what a map drawn from tiles knows of a feature is only
 * its piece in a tile. null when this visitor may not see it or it is gone (404).
 */
export async function fetchFeature(layer: LayerId, id: string, signal?: AbortSignal): Promise<ParkFeature | null> {
  try {
    const { type, id: fid, geometry, properties } = await getJson(`/ogc/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(id)}?f=json`, isFeature, signal)
    return { type, id: fid ?? id, geometry, properties }
  } catch (cause) {
    if (cause instanceof ApiError && cause.status === 404) return null
    throw cause
  }
}

function isLayerRows(body: unknown): body is LayerRows {
  const b = body as LayerRows | null
  return typeof b === 'object' && b !== null && Array.isArray(b.columns) && Array.isArray(b.rows) && Array.isArray(b.bboxes)
}

/** A layer's attribute table as the caller's audience sees it (no geometry; up to ROW_LIMIT rows). */
export function fetchLayerRows(id: LayerId, signal?: AbortSignal): Promise<LayerRows> {
  return getJson(`/api/layers/${encodeURIComponent(id)}/rows`, isLayerRows, signal)
}

function isBasemapInfo(body: unknown): body is BasemapInfo {
  const b = body as BasemapInfo | null
  return typeof b === 'object' && b !== null && Array.isArray(b.tiles) && b.tiles.every((t) => typeof t === 'string')
}

/** The server's online base map (BASEMAP_TILES); `tiles` is empty when there is none. */
export function fetchBasemap(signal?: AbortSignal): Promise<BasemapInfo> {
  return getJson('/api/basemap', isBasemapInfo, signal)
}

/** Parcels on offer as the public sees them, filtered by the server (GET /api/public/parcels). */
export function fetchOffer(query: PublicParcelQuery, signal?: AbortSignal): Promise<PublicParcelsAnswer> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
  return getJson(`/api/public/parcels?${params.toString()}`, (b): b is PublicParcelsAnswer => isFeatureCollection(b), signal)
}
