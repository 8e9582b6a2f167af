/**
 * Rezoning scenarios (调区扩区方案): /api/scenarios and below. A scenario proposes a new boundary
 * for one zone (`zone_id`) or a new zone; every save is an immutable version, drawn from the
 * version named in `If-Match`. Review: a planner submits the latest version, an admin approves or
 * rejects it with a comment. An approved version is frozen, becomes the zone's boundary, and ends
 * the scenario: a further revision is a new scenario of that zone.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson'
import type { ScenarioDecision, ScenarioVersionStatus } from '../park-vocabulary'

/** The limits of a scenario's text fields, as the route schemas hold them. */
export const SCENARIO_LIMITS = { name: 200, note: 2000, comment: 2000 } as const

/** POST /api/scenarios. Without `geometry`, version 1 is the revised zone's current boundary. */
export interface NewScenario {
  name_zh: string
  name_en?: string | null
  note?: string | null
  zone_id?: string | null
  geometry?: Polygon | MultiPolygon
  comment?: string | null
}

/** POST /api/scenarios/:id/versions, with `If-Match: "<the version it was drawn from>"`. */
export interface NewScenarioVersion {
  geometry: Polygon | MultiPolygon
  comment?: string | null
}

/** POST /api/scenarios/:id/versions/:n/submit (planners), …/decision (admins). */
export interface SubmitRequest {
  comment?: string | null
}
export interface DecisionRequest {
  decision: ScenarioDecision
  comment: string
}

/** POST /api/scenarios/:id/comments: `pin` is a [lon, lat] on the map. */
export interface NewScenarioComment {
  body: string
  version?: number | null
  pin?: [number, number] | null
}

/** One version, without its geometry (lists) or with it (GET …/versions/:n). */
export interface ScenarioVersionSummary {
  n: number
  base: number | null
  comment: string | null
  status: ScenarioVersionStatus
  created_by: string
  created_at: string
  submitted_by: string | null
  submitted_at: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  review_comment: string | null
  /** Ellipsoidal area of the version. */
  area_m2: number
}
export interface ScenarioVersion extends ScenarioVersionSummary {
  scenario_id: string
  geometry: MultiPolygon
}

export interface ScenarioComment {
  id: number
  version_n: number | null
  body: string
  pin: Point | null
  created_by: string
  created_at: string
  resolved_by: string | null
  resolved_at: string | null
}

/** A scenario as the list gives it. `version` is the latest version's number, its ETag. */
export interface ScenarioSummary {
  id: string
  zone_id: string | null
  zone_zh: string | null
  zone_en: string | null
  name_zh: string
  name_en: string | null
  note: string | null
  created_by: string
  created_at: string
  version: number
  updated_at: string
  /** The latest version's review state; `approved`: the scenario is closed. */
  status: ScenarioVersionStatus
}

/** GET /api/scenarios */
export interface ScenarioList {
  items: ScenarioSummary[]
}

/** GET /api/scenarios/:id (ETag: the latest version) */
export interface ScenarioDetail extends ScenarioSummary {
  versions: ScenarioVersionSummary[]
  comments: ScenarioComment[]
}

/** An area as m² and mu (1 mu = 10000/15 m²), ellipsoidal. */
export interface AreaPair {
  m2: number
  mu: number
}

/** A feature that enters or leaves a scenario's boundary between two versions. */
export interface DiffFeature {
  id: string
  name_zh: string | null
  name_en: string | null
}
export interface DiffFeatures {
  parcels: DiffFeature[]
  enterprises: DiffFeature[]
  projects: DiffFeature[]
}

/**
 * GET /api/scenarios/:id/diff?from=&to=: what `to` adds to `from` and takes away. A feature
 * enters when its interior meets `to` but not `from`, and leaves the other way round.
 */
export interface ScenarioDiff {
  scenario_id: string
  from: number
  to: number
  added: AreaPair
  removed: AreaPair
  /** added − removed */
  net: AreaPair
  geometry: { added: MultiPolygon | null; removed: MultiPolygon | null }
  entering: DiffFeatures
  leaving: DiffFeatures
}

/** The details of a 409 on a stale save: the version that is current now, with its shape, so nothing is lost. */
export interface StaleVersionDetails {
  current_version: number
  current: ScenarioVersion
}
