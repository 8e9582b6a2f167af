/** POST /api/analysis/overlap and GET /api/analysis/chemical-firms-outside-cluster. */
import type { LayerId } from '../park-vocabulary'

export type OverlapClass = 'inside' | 'partial' | 'outside'

/** Layers an overlap can be asked of, in the order the form lists them. */
export const OVERLAP_LAYERS = ['parcels', 'projects', 'zones', 'chemical_clusters', 'idle_plots', 'enterprises', 'basemap'] as const satisfies readonly LayerId[]
export type OverlapLayerId = (typeof OVERLAP_LAYERS)[number]
/** Layers whose features can be the subject (`ref`). */
export const SUBJECT_LAYERS = ['zones', 'scenarios', 'chemical_clusters', 'parcels', 'projects', 'idle_plots'] as const satisfies readonly LayerId[]
export type SubjectLayerId = (typeof SUBJECT_LAYERS)[number]

export interface OverlapRequest {
  /** A drawn boundary (Geometry, Feature or FeatureCollection of polygons)… */
  geometry?: unknown
  /** …or saved features as the subject. */
  ref?: { layer: SubjectLayerId; ids?: string[] }
  layers: OverlapLayerId[]
  /** `all`: every feature of the layers, the ones outside too. */
  include?: 'touching' | 'all'
}

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
  /** overlap_m2 ÷ the subject's area (summed, so layers whose features overlap each other can exceed 1). */
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
