/**
 * Calls for the planner's journey: overlap analysis and the chemical-firms question (scenarios:
 * lib/scenarios/api.ts). Reads and writes go through lib/api.ts (session cookie, CSRF header on writes).
 */
import { ApiError, getJson, sendJson } from '../api'
import { OVERLAP_LAYERS, type ChemicalFirmsReport, type OverlapLayerId, type OverlapResult } from '../../shared/api/overlap'
import { mergeOverlapResults } from './overlapFormat'
import { TAKE_IN_LEAVE_OUT_LAYERS, type OverlapSubject } from './types'

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null

function isOverlapResult(body: unknown): body is OverlapResult {
  return isObject(body) && isObject(body.subject) && Array.isArray(body.layers)
}

function isChemicalReport(body: unknown): body is ChemicalFirmsReport {
  return isObject(body) && Array.isArray(body.firms)
}

/**
 * POST /api/analysis/overlap for some layers. `include: 'all'` lists every feature of those layers
 * (what a boundary leaves out, too), 'touching' only those the subject meets.
 */
export function requestOverlap(subject: OverlapSubject, layers: readonly OverlapLayerId[], include: 'touching' | 'all'): Promise<OverlapResult> {
  return sendJson('POST', '/api/analysis/overlap', { ...subject, layers, include }, isOverlapResult)
}

/**
 * The overlap for "what a boundary takes in or leaves out": with `takeInLeaveOut`, parcels and
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

/** 401 (nobody signed in) or 403 (a role without access): the panel shows "sign in as a planner". */
export function isAccessError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403)
}

/**
 * Where PostGIS found a boundary invalid, from a 422 invalid_geometry answer: the server's
 * ST_IsValidDetail message ends "… at [lon, lat]". Null when the error names no place.
 * @example invalidLocation(new ApiError('invalid_geometry', 'geometry 0 is invalid: Self-intersection at [115.4, 28.7]', 422, '/api/scenarios')) // [115.4, 28.7]
 */
export function invalidLocation(error: unknown): [number, number] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_geometry') return null
  const match = /at \[(-?\d+(?:\.\d+)?(?:e-?\d+)?), (-?\d+(?:\.\d+)?(?:e-?\d+)?)\]/.exec(error.message)
  return match ? [Number(match[1]), Number(match[2])] : null
}
