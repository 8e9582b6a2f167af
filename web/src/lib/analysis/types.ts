/**
 * The analysis panel's own shapes. What the API sends and takes is web/src/shared/api
 * (overlap.ts, scenarios.ts), imported from there.
 */
import type { Polygon } from 'geojson'
import type { OverlapLayerId } from '../../shared/api/overlap'
import type { ScenarioSummary } from '../../shared/api/scenarios'

/** "What the draft takes in or leaves out": these layers are asked with include:'all'. */
export const TAKE_IN_LEAVE_OUT_LAYERS: readonly OverlapLayerId[] = ['parcels', 'projects']

/** What to analyse: the drawn boundary, or a rezoning scenario's latest version (the scenarios layer). */
export type OverlapSubject = { geometry: Polygon } | { ref: { layer: 'scenarios'; ids: string[] } }

/** The rezoning scenario open in the panel (the overlap subject list and the export name it). */
export type Draft = ScenarioSummary
