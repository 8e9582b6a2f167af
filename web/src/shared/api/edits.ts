/**
 * The write routes' bodies and answers: parcels (PATCH /api/parcels/:id); idle-land case files
 * are ./idle-cases.ts, rezoning scenarios ./scenarios.ts.
 * Every answer is the saved row with its new `version`, also sent as the ETag.
 */
import type { MultiPolygon } from 'geojson'
import type {
  ForestApproval, IdleCategory, IdleDisposal, IdleStage, LandApproval, LandUse, ParcelStatus, ZoneKind, ZoneStatus,
} from '../park-vocabulary'

/** The version the client last saw: in the body, or as `If-Match: "<version>"`. */
export interface Versioned {
  version?: number
}

/** A zones row as the audit log keeps it (GET /api/zones/:id/history; scenarios' approvals write it). */
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
