import { getJson, sendJson } from '../api'
import type { GradingConfig, GradingUpdate } from '../../shared/per-mu-vocabulary'
import type { PerMuReport } from '../../shared/api/per-mu'
import type { Dashboard } from '../../shared/api/dashboard'

/** The per-mu endpoints. All need a signed-in internal role (401 signed out, 403 investors); the PUT needs admin. */

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null

function isReport(body: unknown): body is PerMuReport {
  return isObject(body) && typeof body.year === 'number' && Array.isArray(body.years) && Array.isArray(body.enterprises) && isObject(body.config)
}

function isDashboard(body: unknown): body is Dashboard {
  return isObject(body) && typeof body.year === 'number' && isObject(body.land) && isObject(body.above_scale)
}

function isGrading(body: unknown): body is GradingConfig {
  return isObject(body) && typeof body.version === 'number' && isObject(body.weights) && isObject(body.thresholds)
}

/** `?year=…`, or nothing: the server then takes the latest year with figures. */
function yearQuery(year: number | null): string {
  return year === null ? '' : `?year=${encodeURIComponent(String(year))}`
}

export function fetchPerMuReport(year: number | null, signal?: AbortSignal): Promise<PerMuReport> {
  return getJson(`/api/metrics/per-mu${yearQuery(year)}`, isReport, signal)
}

export function fetchDashboard(year: number | null, signal?: AbortSignal): Promise<Dashboard> {
  return getJson(`/api/metrics/dashboard${yearQuery(year)}`, isDashboard, signal)
}

export function fetchGrading(signal?: AbortSignal): Promise<GradingConfig> {
  return getJson('/api/metrics/grading', isGrading, signal)
}

/** Replaces the grading configuration; 409 when `update.version` is stale, 400/422 with the server's reason. */
export function saveGrading(update: GradingUpdate): Promise<GradingConfig> {
  return sendJson('PUT', '/api/metrics/grading', update, isGrading)
}

/** The CSV of a year's evaluation (a plain link: the session cookie goes along, the server names the file). */
export function perMuCsvUrl(year: number): string {
  return `/api/metrics/per-mu.csv${yearQuery(year)}`
}
