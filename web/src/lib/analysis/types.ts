/** Shapes of the analysis and draft endpoints (server/analysis/overlap.ts, server/routes/edits.ts). */
import type { MultiPolygon, Polygon } from 'geojson'

export type OverlapClass = 'inside' | 'partial' | 'outside'

/** Layers an overlap can be asked of, in the order the form lists them. */
export const OVERLAP_LAYERS = ['parcels', 'projects', 'zones', 'chemical_clusters', 'idle_plots', 'enterprises', 'basemap'] as const
export type OverlapLayerId = (typeof OVERLAP_LAYERS)[number]

/** "What the draft takes in or leaves out": these layers are asked with include:'all'. */
export const TAKE_IN_LEAVE_OUT_LAYERS: readonly OverlapLayerId[] = ['parcels', 'projects']

export interface OverlapFeature {
  id: string
  properties: Record<string, string | number | boolean | null>
  class: OverlapClass
  feature_m2: number | null
  overlap_m2: number | null
  overlap_mu: number | null
  outside_m2: number | null
  /** Share of the feature inside the subject, 0…1 (points: 1 inside, 0 outside). */
  share: number
}

export interface OverlapTotals {
  count: number
  inside: number
  partial: number
  outside: number
  overlap_m2: number
  overlap_mu: number
  /** overlap ÷ the subject's area. */
  share_of_subject: number
}

export interface OverlapLayerResult {
  id: OverlapLayerId
  features: OverlapFeature[]
  totals: OverlapTotals
}

export interface OverlapResult {
  subject: { m2: number; mu: number }
  layers: OverlapLayerResult[]
}

/** What to analyse: the drawn boundary, or saved features (a rezoning draft). */
export type OverlapSubject = { geometry: Polygon } | { ref: { layer: 'zones'; ids: string[] } }

export interface ChemicalFirm {
  id: string
  name_zh: string
  name_en: string
  industry: string
  parcel_ids: string[]
  held_m2: number | null
  inside_m2: number | null
  held_mu: number | null
  inside_mu: number | null
  class: OverlapClass
}

export interface ChemicalFirmsReport {
  chemical_firms: number
  outside: number
  partial: number
  inside: number
  firms: ChemicalFirm[]
}

/** A rezoning draft (zones row of kind rezoning_draft) as the client keeps it. */
export interface Draft {
  id: string
  name_zh: string
  name_en: string
  note: string | null
  status: string
  version: number
  updated_at: string | null
  geometry: Polygon | MultiPolygon | null
}

export interface DraftFields {
  name_zh: string
  name_en: string
  note: string | null
}

/** One audit entry of a draft: who saved which version, when. */
export interface DraftHistoryEntry {
  id: number
  at: string
  actor: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
