import type { AuditRecord, HistoryAnswer } from '../../shared/api/audit'
import type { CaseChanges, FlagRequest, IdleCase } from '../../shared/api/edits'
import { FEATURE_LIMIT } from '../../shared/api/layers'
import type { IdleCategory, IdleDisposal, IdleStage } from '../../shared/park-vocabulary'
import { fetchLayerFeatures, getJson, sendJson } from '../api'



function isCase(body: unknown): body is IdleCase {
  const c = body as IdleCase
  return typeof body === 'object' && body !== null && typeof c.id === 'string' && typeof c.version === 'number'
}

function isHistory(body: unknown): body is HistoryAnswer {
  return typeof body === 'object' && body !== null && Array.isArray((body as { history: unknown }).history)
}

/** Dates come as `2021-03-01` or a full timestamp; the clock and the forms want the day. */
function dayOf(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null
}

/** A case from a feature's properties (the layer puts the case id on the feature). */
export function caseFromProperties(id: string, p: Record<string, unknown>): IdleCase {
  return {
    id,
    parcel_id: String(p.parcel_id),
    holder_zh: (p.holder_zh as string | null) ?? null,
    holder_en: (p.holder_en as string | null) ?? null,
    category: p.category as IdleCategory,
    stage: p.stage as IdleStage,
    disposal: (p.disposal as IdleDisposal | null) ?? null,
    agreed_start_date: dayOf(p.agreed_start_date),
    flagged_on: dayOf(p.flagged_on) ?? '',
    flagged_by: String(p.flagged_by ?? ''),
    reason: String(p.reason ?? ''),
    successor_zh: (p.successor_zh as string | null) ?? null,
    successor_en: (p.successor_en as string | null) ?? null,
    version: Number(p.version),
    updated_at: String(p.updated_at ?? ''),
  }
}

/**
 * The parcel's cases, newest open one first, read fresh (the map's copy may be older than the
 * version a write must name).
 */
export async function fetchParcelCases(parcelId: string, signal?: AbortSignal): Promise<IdleCase[]> {
  const all = await fetchLayerFeatures('idle_plots', { limit: FEATURE_LIMIT.max, ...(signal ? { signal } : {}) })
  return all.features
    .filter((f) => String(f.properties?.parcel_id) === parcelId)
    .map((f) => caseFromProperties(String(f.id ?? f.properties?.id), f.properties ?? {}))
    .sort((a, b) => Number(a.stage === 'revitalised') - Number(b.stage === 'revitalised') || b.flagged_on.localeCompare(a.flagged_on))
}

/** Flags a parcel (the server records who from the session); 409 when it already has an open case. */
export async function flagParcel(input: FlagRequest): Promise<IdleCase> {
  const body = await sendJson('POST', '/api/idle-plots', input, isCase)
  return { ...body, agreed_start_date: dayOf(body.agreed_start_date), flagged_on: dayOf(body.flagged_on) ?? '' }
}

/** Moves a case on at the version the officer saw: 409 (ApiError status 409) when someone saved in between. */
export async function advanceCase(id: string, version: number, changes: Omit<CaseChanges, 'version'>): Promise<IdleCase> {
  const body = await sendJson('PATCH', `/api/idle-plots/${encodeURIComponent(id)}`, { ...changes, version }, isCase)
  return { ...body, agreed_start_date: dayOf(body.agreed_start_date), flagged_on: dayOf(body.flagged_on) ?? '' }
}

/** Every saved version of a case or a parcel, oldest first. */
export async function fetchHistory(entity: 'idle-plots' | 'parcels', id: string, signal?: AbortSignal): Promise<AuditRecord[]> {
  return (await getJson(`/api/${entity}/${encodeURIComponent(id)}/history`, isHistory, signal)).history
}
