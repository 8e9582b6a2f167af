/**
 * Calls for rezoning scenarios (/api/scenarios…): list, open, save a version with If-Match, compare,
 * review, comment. Shapes are web/src/shared/api/scenarios.ts; requests go through lib/api.ts.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import { ApiError, getJson, sendJson } from '../api'
import type {
  DecisionRequest, NewScenario, NewScenarioComment, ScenarioComment, ScenarioDetail, ScenarioDiff, ScenarioList, ScenarioVersion, StaleVersionDetails,
} from '../../shared/api/scenarios'

const isObject = (b: unknown): b is Record<string, unknown> => typeof b === 'object' && b !== null
const isList = (b: unknown): b is ScenarioList => isObject(b) && Array.isArray(b.items)
const isDetail = (b: unknown): b is ScenarioDetail => isObject(b) && typeof b.id === 'string' && Array.isArray(b.versions)
const isVersion = (b: unknown): b is ScenarioVersion => isObject(b) && typeof b.n === 'number' && isObject(b.geometry)
const isReviewed = (b: unknown): b is Omit<ScenarioVersion, 'geometry'> => isObject(b) && typeof b.n === 'number' && typeof b.status === 'string'
const isDiff = (b: unknown): b is ScenarioDiff => isObject(b) && isObject(b.added) && isObject(b.entering)
const isComment = (b: unknown): b is ScenarioComment => isObject(b) && typeof b.id === 'number' && typeof b.body === 'string'

const path = (id: string, rest = '') => `/api/scenarios/${encodeURIComponent(id)}${rest}`

export function fetchScenarios(signal?: AbortSignal): Promise<ScenarioList> {
  return getJson('/api/scenarios', isList, signal)
}

export function fetchScenario(id: string, signal?: AbortSignal): Promise<ScenarioDetail> {
  return getJson(path(id), isDetail, signal)
}

export function fetchVersion(id: string, n: number, signal?: AbortSignal): Promise<ScenarioVersion> {
  return getJson(path(id, `/versions/${n}`), isVersion, signal)
}

export function createScenario(body: NewScenario): Promise<ScenarioDetail> {
  return sendJson('POST', '/api/scenarios', body, isDetail)
}

/** A new version drawn from `base` (If-Match). A stale base fails with 409: see staleVersionOf. */
export function saveVersion(id: string, base: number, geometry: Polygon | MultiPolygon, comment: string | null): Promise<ScenarioVersion> {
  return sendJson('POST', path(id, '/versions'), { geometry, comment }, isVersion, { 'If-Match': `"${base}"` })
}

/** The version saved in between, from a 409 on save: its number and shape, for comparing and re-applying. */
export function staleVersionOf(error: unknown): StaleVersionDetails | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'conflict') return null
  const d = error.details as Partial<StaleVersionDetails> | undefined
  return d && typeof d.current_version === 'number' && isVersion(d.current) ? (d as StaleVersionDetails) : null
}

export function fetchDiff(id: string, from: number, to: number, signal?: AbortSignal): Promise<ScenarioDiff> {
  return getJson(path(id, `/diff?from=${from}&to=${to}`), isDiff, signal)
}

export function submitVersion(id: string, n: number, comment: string | null) {
  return sendJson('POST', path(id, `/versions/${n}/submit`), { comment }, isReviewed)
}

export function decideVersion(id: string, n: number, body: DecisionRequest) {
  return sendJson('POST', path(id, `/versions/${n}/decision`), body, isReviewed)
}

export function addComment(id: string, body: NewScenarioComment): Promise<ScenarioComment> {
  return sendJson('POST', path(id, '/comments'), body, isComment)
}

export function resolveComment(id: string, commentId: number): Promise<ScenarioComment> {
  return sendJson('POST', path(id, `/comments/${commentId}/resolve`), {}, isComment)
}
