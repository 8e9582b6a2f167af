/**
 * The park's vocabulary: every coded value the database stores and the API speaks, written once
 * for the server (route schemas, SQL, generators) and the browser (legend, forms, labels).
 * The migrations' CHECK lists are the same values; tests/api/vocabulary-checks.test.ts reads them
 * back from the database and compares. Order is the life-cycle order tables and legends show.
 */

/** The map's layers, as the API names them. */
export const LAYER_IDS = ['zones', 'chemical_clusters', 'parcels', 'idle_plots', 'projects', 'utilities', 'enterprises', 'basemap'] as const
export type LayerId = (typeof LAYER_IDS)[number]

/** park_zone: a district; approved_boundary: the approved park outline; rezoning_draft: a proposed boundary (调区扩区). */
export const ZONE_KINDS = ['park_zone', 'approved_boundary', 'rezoning_draft'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]
/** A rezoning draft's review states. */
export const DRAFT_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const
export type DraftStatus = (typeof DRAFT_STATUSES)[number]
/** A district's state (current, built out, expanding), or a draft's review state. */
export const ZONE_STATUSES = ['current', 'built_out', 'expanding', ...DRAFT_STATUSES] as const
export type ZoneStatus = (typeof ZONE_STATUSES)[number]

/** 化工集中区, 一园两区: area A (built) and area B (planned). */
export const CLUSTER_CODES = ['A', 'B'] as const
export type ClusterCode = (typeof CLUSTER_CODES)[number]
export const CLUSTER_STAGES = ['built', 'planned'] as const
export type ClusterStage = (typeof CLUSTER_STAGES)[number]

export const INDUSTRIES = ['new_energy_materials', 'textile', 'chemical_pharma', 'other'] as const
export type Industry = (typeof INDUSTRIES)[number]

export const PARCEL_STATUSES = ['occupied', 'available', 'idle', 'low_efficiency', 'revitalising', 'revitalised', 'reserved', 'under_acquisition'] as const
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]
/** 闲置低效用地: the statuses of a plot a land officer flagged (the idle-case categories). */
export const IDLE_CATEGORIES = ['idle', 'low_efficiency'] as const satisfies readonly ParcelStatus[]
export type IdleCategory = (typeof IDLE_CATEGORIES)[number]
/**
 * The statuses the public sees as they are; any other status (a flag on held land) reads `occupied`,
 * since investors never see a land officer's flags.
 */
export const PUBLIC_PARCEL_STATUSES = ['available', 'reserved', 'under_acquisition'] as const satisfies readonly ParcelStatus[]
/** Parcels a firm works on: its land counts in per-mu figures whatever its case. */
export const HELD_PARCEL_STATUSES = ['occupied', 'idle', 'low_efficiency', 'revitalising', 'revitalised'] as const satisfies readonly ParcelStatus[]

export const LAND_USES = ['industrial', 'warehouse', 'commercial', 'public', 'residential', 'utility', 'green'] as const
export type LandUse = (typeof LAND_USES)[number]
/** 土地报批 and 林地报批 (south district). */
export const LAND_APPROVALS = ['approved', 'pending', 'not_started'] as const
export type LandApproval = (typeof LAND_APPROVALS)[number]
export const FOREST_APPROVALS = ['not_required', 'approved', 'pending'] as const
export type ForestApproval = (typeof FOREST_APPROVALS)[number]

export const PROJECT_STAGES = ['reserve', 'negotiating', 'signed', 'under_construction', 'in_production', 'infrastructure'] as const
export type ProjectStage = (typeof PROJECT_STAGES)[number]
/** Projects still in reserve or being negotiated are confidential; from signing on they are news. */
export const PUBLIC_PROJECT_STAGES = ['signed', 'under_construction', 'in_production', 'infrastructure'] as const satisfies readonly ProjectStage[]

/** An idle-land case: flagged → disposing → revitalised. */
export const IDLE_STAGES = ['flagged', 'disposing', 'revitalised'] as const
export type IdleStage = (typeof IDLE_STAGES)[number]

/**
 * Whether a case may go from one stage to another: it stays, or moves one stage on. It never goes
 * back (a revitalised plot is not idle again: that is a new case) and never skips disposal.
 * Migration 007 holds the same rule (idle_stage_move_allowed).
 * @example isAllowedStageMove('flagged', 'disposing') // true
 * @example isAllowedStageMove('revitalised', 'flagged') // false
 */
export function isAllowedStageMove(from: IdleStage, to: IdleStage): boolean {
  const step = IDLE_STAGES.indexOf(to) - IDLE_STAGES.indexOf(from)
  return step === 0 || step === 1
}
/** How a case is disposed of: court auction (法院拍卖), lease, reclaim, 腾笼换鸟, 能耗换鸟, negotiation. */
export const IDLE_DISPOSALS = ['court_auction', 'lease', 'reclaim', 'swap_cage', 'swap_energy', 'negotiation'] as const
export type IdleDisposal = (typeof IDLE_DISPOSALS)[number]

/**
 * The parcel status that follows a case: flagged → its category, disposing → revitalising,
 * revitalised → revitalised. While a case is open its parcel has this status (migration 007 holds
 * it, as parcel_status_for_case); a revitalised case sets it once, and the parcel may move on.
 * @example parcelStatusForCase('disposing', 'idle') // 'revitalising'
 */
export function parcelStatusForCase(stage: IdleStage, category: IdleCategory): ParcelStatus {
  return stage === 'flagged' ? category : stage === 'disposing' ? 'revitalising' : 'revitalised'
}

/** Lines and sites of the utility networks. */
export const UTILITY_LINE_KINDS = ['power_line', 'water_main', 'gas_pipeline', 'steam_pipeline', 'rain_sewer', 'sewage_pipe', 'telecom_cable'] as const
export const UTILITY_SITE_KINDS = ['substation', 'water_plant', 'sewage_plant'] as const
export const UTILITY_KINDS = [...UTILITY_LINE_KINDS, ...UTILITY_SITE_KINDS] as const
export type UtilityKind = (typeof UTILITY_KINDS)[number]
export const UTILITY_STATUSES = ['existing', 'planned', 'under_construction', 'temporary'] as const
export type UtilityStatus = (typeof UTILITY_STATUSES)[number]

/** 场地平整: whether a parcel on offer is levelled (七通一平's 一平); null on land not on offer. */
export const SITE_STATES = ['leveled', 'not_leveled'] as const
export type SiteState = (typeof SITE_STATES)[number]

/** An investor's inquiry about a parcel, as a land officer follows it. */
export const INQUIRY_STATUSES = ['new', 'answered', 'closed'] as const
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number]

export const BASEMAP_KINDS = ['road_main', 'road_secondary', 'river', 'water', 'forest', 'village'] as const
export type BasemapKind = (typeof BASEMAP_KINDS)[number]

/**
 * Whether `value` is one of `values`, narrowing its type.
 * @example isOneOf(LAND_USES, 'green') // true
 */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
}
