/**
 * The write routes' bodies and answers: rezoning drafts (POST /api/zones, PUT /api/zones/:id),
 * parcels (PATCH /api/parcels/:id); idle-land case files are ./idle-cases.ts.
 * Every answer is the saved row with its new `version`, also sent as the ETag.
 */
import type { MultiPolygon } from 'geojson'
import type {
  DraftStatus, ForestApproval, IdleCategory, IdleDisposal, IdleStage, LandApproval, LandUse, ParcelStatus, ZoneKind, ZoneStatus,
} from '../park-vocabulary'

/** The version the client last saw: in the body, or as `If-Match: "<version>"`. */
export interface Versioned {
  version?: number
}

export interface DraftFields {
  name_zh: string
  name_en: string
  note?: string | null
}
export interface NewDraft extends DraftFields {
  geometry: unknown
}
export interface DraftChanges extends Partial<DraftFields>, Versioned {
  status?: DraftStatus
  geometry?: unknown
}

/** A zones row as the write routes answer it (and the audit log keeps it). */
export interface ZoneRow {
  id: string
  name_zh: string
  name_en: string
  kind: ZoneKind
  status: ZoneStatus
  note: string | null
  version: number
  updated_at: string
  geometry: MultiPolygon
}

export interface ParcelChanges extends Versioned {
  status?: ParcelStatus
  land_use?: LandUse
  enterprise_id?: string | null
  price_wan_per_mu?: number | null
  land_approval?: LandApproval
  forest_approval?: ForestApproval
  note?: string | null
}

/** One idle / low-efficiency case row, as the idle_plots layer carries it (its file with steps: ./idle-cases.ts CaseFile). */
export interface IdleCase {
  id: string
  parcel_id: string
  holder_zh: string | null
  holder_en: string | null
  category: IdleCategory
  stage: IdleStage
  disposal: IdleDisposal | null
  agreed_start_date: string | null
  flagged_on: string
  flagged_by: string
  reason: string
  successor_zh: string | null
  successor_en: string | null
  version: number
  updated_at: string
}
