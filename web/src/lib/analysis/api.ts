/**
 * Calls for the planner's journey: overlap analysis, the chemical-firms question, rezoning drafts
 * and their history. Reads and writes go through lib/api.ts (session cookie, CSRF header on writes).
 */
import type { MultiPolygon, Polygon } from 'geojson'
import { ApiError, fetchLayerFeatures, getJson, sendJson } from '../api'
import { FEATURE_LIMIT } from '../../shared/api/layers'
import type { AuditRecord, HistoryAnswer } from '../../shared/api/audit'
import type { DraftChanges, DraftFields, NewDraft, ZoneRow } from '../../shared/api/edits'
import { OVERLAP_LAYERS, type ChemicalFirmsReport, type OverlapLayerId, type OverlapResult } from '../../shared/api/overlap'
import { mergeOverlapResults } from './overlapFormat'
import { DRAFT_STATUSES, isOneOf } from '../../shared/park-vocabulary'
import { TAKE_IN_LEAVE_OUT_LAYERS, type Draft, type OverlapSubject } from './types'

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null

function isOverlapResult(body: unknown): body is OverlapResult {
  return isObject(body) && isObject(body.subject) && Array.isArray(body.layers)
}

function isChemicalReport(body: unknown): body is ChemicalFirmsReport {
  return isObject(body) && Array.isArray(body.firms)
}

function isZoneRow(body: unknown): body is ZoneRow {
  return isObject(body) && typeof body.id === 'string' && typeof body.version === 'number'
}

function isHistory(body: unknown): body is HistoryAnswer {
  return isObject(body) && Array.isArray(body.history)
}

/**
 * POST /api/analysis/overlap for some layers. `include: 'all'` lists every feature of those layers
 * (what a draft leaves out, too), 'touching' only those the subject meets.
 */
export function requestOverlap(subject: OverlapSubject, layers: readonly OverlapLayerId[], include: 'touching' | 'all'): Promise<OverlapResult> {
  return sendJson('POST', '/api/analysis/overlap', { ...subject, layers, include }, isOverlapResult)
}

/**
 * The overlap for "what a draft takes in or leaves out": with `takeInLeaveOut`, parcels and
 * projects are asked with include:'all' (every one, inside or not) in a request of their own, the
 * other layers with 'touching'; the answers come back as one, layers in the form's order.
 */
export async function requestOverlapTakingAll(subject: OverlapSubject, layers: readonly OverlapLayerId[], takeInLeaveOut: boolean): Promise<OverlapResult> {
  const all = takeInLeaveOut ? layers.filter((l) => TAKE_IN_LEAVE_OUT_LAYERS.includes(l)) : []
  const touching = layers.filter((l) => !all.includes(l))
  const parts: OverlapResult[] = []
  // One after the other: the embedded database serves one connection.
  if (touching.length > 0) parts.push(await requestOverlap(subject, touching, 'touching'))
  if (all.length > 0) parts.push(await requestOverlap(subject, all, 'all'))
  const merged = mergeOverlapResults(parts, OVERLAP_LAYERS)
  if (!merged) throw new Error('no layers to analyse')
  return merged
}

/** GET /api/analysis/chemical-firms-outside-cluster — the report's own question. */
export function requestChemicalFirms(signal?: AbortSignal): Promise<ChemicalFirmsReport> {
  return getJson('/api/analysis/chemical-firms-outside-cluster', isChemicalReport, signal)
}

function toDraft(row: Record<string, unknown>): Draft {
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const geometry = isObject(row.geometry) ? (row.geometry as unknown as Polygon | MultiPolygon) : null
  return {
    id: String(row.id),
    name_zh: text(row.name_zh) ?? '',
    name_en: text(row.name_en) ?? '',
    note: text(row.note),
    status: isOneOf(DRAFT_STATUSES, row.status) ? row.status : 'draft',
    version: Number(row.version),
    updated_at: text(row.updated_at),
    geometry,
  }
}

/** Every rezoning draft the signed-in user may see (the zones layer's internal view), newest first. */
export async function fetchDrafts(signal?: AbortSignal): Promise<Draft[]> {
  const zones = await fetchLayerFeatures('zones', { limit: FEATURE_LIMIT.max, ...(signal ? { signal } : {}) })
  return zones.features
    .filter((f) => f.properties?.kind === 'rezoning_draft')
    .map((f) => toDraft({ ...f.properties, id: f.id ?? f.properties?.id, geometry: f.geometry }))
    .sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''))
}

/** POST /api/zones: a new rezoning draft at version 1. */
export async function createDraft(fields: DraftFields, geometry: Polygon): Promise<Draft> {
  const body: NewDraft = { ...fields, geometry }
  return toDraft({ ...(await sendJson('POST', '/api/zones', body, isZoneRow)) })
}

/**
 * PUT /api/zones/:id with the version the planner edited (the server's If-Match check, sent as the
 * body's `version`, which the API takes in place of the header). A stale version fails with 409.
 */
export async function updateDraft(id: string, version: number, fields: Partial<DraftFields> & { geometry?: Polygon }): Promise<Draft> {
  const body: DraftChanges = { ...fields, version }
  return toDraft({ ...(await sendJson('PUT', `/api/zones/${encodeURIComponent(id)}`, body, isZoneRow)) })
}

/** GET /api/zones/:id/history, oldest first. */
export async function fetchDraftHistory(id: string, signal?: AbortSignal): Promise<AuditRecord[]> {
  return (await getJson(`/api/zones/${encodeURIComponent(id)}/history`, isHistory, signal)).history
}

/** 401 (nobody signed in) or 403 (a role without access): the panel shows "sign in as a planner". */
export function isAccessError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403)
}

/**
 * Where PostGIS found a boundary invalid, from a 422 invalid_geometry answer: the server's
 * ST_IsValidDetail message ends "… at [lon, lat]". Null when the error names no place.
 * @example invalidLocation(new ApiError('invalid_geometry', 'geometry 0 is invalid: Self-intersection at [115.4, 28.7]', 422, '/api/zones')) // [115.4, 28.7]
 */
export function invalidLocation(error: unknown): [number, number] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_geometry') return null
  const match = /at \[(-?\d+(?:\.\d+)?(?:e-?\d+)?), (-?\d+(?:\.\d+)?(?:e-?\d+)?)\]/.exec(error.message)
  return match ? [Number(match[1]), Number(match[2])] : null
}
