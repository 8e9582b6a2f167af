/**
 * The analysis panel's own shapes. What the API sends and takes is web/src/shared/api
 * (overlap.ts, edits.ts, audit.ts), imported from there.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import type { OverlapLayerId } from '../../shared/api/overlap'
import type { DraftStatus } from '../../shared/park-vocabulary'

/** "What the draft takes in or leaves out": these layers are asked with include:'all'. */
export const TAKE_IN_LEAVE_OUT_LAYERS: readonly OverlapLayerId[] = ['parcels', 'projects']

/** What to analyse: the drawn boundary, or saved features (a rezoning draft). */
export type OverlapSubject = { geometry: Polygon } | { ref: { layer: 'zones'; ids: string[] } }

/** A rezoning draft (zones row of kind rezoning_draft) as the client keeps it, read from the zones layer. */
export interface Draft {
  id: string
  name_zh: string
  name_en: string
  note: string | null
  status: DraftStatus
  version: number
  updated_at: string | null
  geometry: Polygon | MultiPolygon | null
}
