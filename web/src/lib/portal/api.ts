import { ApiError, getJson, sendJson } from '../api'
import type {
  ConditionsRow, ConditionsUpdate, FavouritesAnswer, InquiriesAnswer, InquiryChanges, InquiryReceipt, InquiryRow, NewInquiry, OwnInquiry,
  ReadinessConfig, ReadinessUpdate,
} from '../../shared/api/portal'
import type { ParcelSheet } from '../../shared/api/public-parcels'

/** The investor portal's calls beyond the list (lib/api.ts fetchOffer): loaded with the sheet and the inquiries tab. */

const isObject = (b: unknown): b is Record<string, unknown> => typeof b === 'object' && b !== null

function isSheet(b: unknown): b is ParcelSheet {
  return isObject(b) && b.type === 'Feature' && typeof b.id === 'string' && isObject(b.properties)
}

/** One parcel on offer (GET /api/public/parcels/:id); 404 when it is not on offer. */
export function fetchSheet(id: string, signal?: AbortSignal): Promise<ParcelSheet> {
  return getJson(`/api/public/parcels/${encodeURIComponent(id)}`, isSheet, signal)
}

export function sendInquiry(parcelId: string, inquiry: NewInquiry): Promise<InquiryReceipt> {
  return sendJson('POST', `/api/public/parcels/${encodeURIComponent(parcelId)}/inquiries`, inquiry,
    (b): b is InquiryReceipt => isObject(b) && typeof b.id === 'string')
}

/** Every inquiry (land officers, admins) or one's own (investors): the server decides by the session. */
export function fetchInquiries(signal?: AbortSignal): Promise<InquiriesAnswer> {
  return getJson('/api/inquiries', (b): b is InquiriesAnswer => isObject(b) && Array.isArray(b.inquiries), signal)
}

/** A land officer's answer at the version read (409 when someone answered in between). */
export function answerInquiry(id: string, changes: InquiryChanges & { version: number }): Promise<InquiryRow> {
  return sendJson('PATCH', `/api/inquiries/${encodeURIComponent(id)}`, changes, (b): b is InquiryRow => isObject(b) && b.id === id)
}

/** Whether an inquiry row carries the park's handling (land officers' view) or only the sender's own fields. */
export function isInternalInquiry(row: OwnInquiry | InquiryRow): row is InquiryRow {
  return 'version' in row
}

export function fetchFavourites(signal?: AbortSignal): Promise<FavouritesAnswer> {
  return getJson('/api/favourites', (b): b is FavouritesAnswer => isObject(b) && Array.isArray(b.parcel_ids), signal)
}

export function setFavourite(parcelId: string, kept: boolean): Promise<void> {
  return sendJson(kept ? 'PUT' : 'DELETE', `/api/favourites/${encodeURIComponent(parcelId)}`, undefined, (b): b is void => b === undefined)
}

/** A parcel's planning conditions with their version (land officers, admins); null when none are set yet. */
export async function fetchConditions(parcelId: string, signal?: AbortSignal): Promise<ConditionsRow | null> {
  try {
    return await getJson(`/api/parcels/${encodeURIComponent(parcelId)}/conditions`, (b): b is ConditionsRow => isObject(b) && typeof b.version === 'number', signal)
  } catch (cause) {
    if (cause instanceof ApiError && cause.status === 404) return null
    throw cause
  }
}

/** The whole set, at the version read (0 creates them); 409 when someone saved in between, 422 on a rule between fields. */
export function saveConditions(parcelId: string, update: ConditionsUpdate & { version: number }): Promise<ConditionsRow> {
  return sendJson('PUT', `/api/parcels/${encodeURIComponent(parcelId)}/conditions`, update, (b): b is ConditionsRow => isObject(b) && b.parcel_id === parcelId)
}

export function fetchReadinessConfig(signal?: AbortSignal): Promise<ReadinessConfig> {
  return getJson('/api/admin/readiness-thresholds', (b): b is ReadinessConfig => isObject(b) && isObject(b.thresholds), signal)
}

export function saveReadinessThresholds(update: ReadinessUpdate & { version: number }): Promise<ReadinessConfig> {
  return sendJson('PUT', '/api/admin/readiness-thresholds', update, (b): b is ReadinessConfig => isObject(b) && isObject(b.thresholds))
}
