/**
 * The park's vocabulary: every coded value the database stores and the API speaks, written once
 * for the server (route schemas, SQL, generators) and the browser (legend, forms, labels).
 * The migrations' CHECK lists are the same values; tests/api/vocabulary-checks.test.ts reads them
 * back from the database and compares. Order is the life-cycle order tables and legends show.
 */

/** The map's layers, as the API names them. */
export const LAYER_IDS = ['zones', 'scenarios', 'chemical_clusters', 'parcels', 'idle_plots', 'projects', 'utilities', 'enterprises', 'basemap'] as const
export type LayerId = (typeof LAYER_IDS)[number]

/**
 * park_zone: a district; approved_boundary: the approved park outline. Proposed boundaries
 * (调区扩区方案) are scenarios, not zones: a zone changes when a scenario's version is approved.
 */
export const ZONE_KINDS = ['park_zone', 'approved_boundary'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]
/** A district's state: current, built out, expanding. */
export const ZONE_STATUSES = ['current', 'built_out', 'expanding'] as const
export type ZoneStatus = (typeof ZONE_STATUSES)[number]
/**
 * A scenario version's review, in order: saved (draft) → submitted by a planner → approved or
 * rejected by an admin. Approved is final: the version is frozen and its boundary is the zone's.
 */
export const SCENARIO_VERSION_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const
export type ScenarioVersionStatus = (typeof SCENARIO_VERSION_STATUSES)[number]
/** The admin's decisions on a submitted version. */
export const SCENARIO_DECISIONS = ['approved', 'rejected'] as const
export type ScenarioDecision = (typeof SCENARIO_DECISIONS)[number]

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

/**
 * An idle-land case file's stages. Idle land (国土资源部令第53号《闲置土地处置办法》): investigation
 * (调查, 第七、八条) → notice to the holder (告知, 第十五条: the right to a hearing) → determination
 * (认定, the 闲置土地认定书, 第九条) → disposal plan (处置方案, 第十二、十三条) → implementing →
 * revitalised. Low-efficiency land (国土资发〔2016〕147号) has no notice or hearing: investigation →
 * determination → disposal plan → implementing → revitalised. From any open stage a case may be
 * closed with a reason (the holder started work, the flag was wrong, …).
 */
export const IDLE_STAGES = ['investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised', 'closed'] as const
export type IdleStage = (typeof IDLE_STAGES)[number]
/** Where a case ends: it is no longer open (a new case may be opened on the parcel). */
export const IDLE_END_STAGES = ['revitalised', 'closed'] as const satisfies readonly IdleStage[]
/** The stages in which a case is under way. */
export const IDLE_OPEN_STAGES = IDLE_STAGES.filter((s) => !(IDLE_END_STAGES as readonly string[]).includes(s))

/** The statutory path of each category, closing aside. */
export const IDLE_PATHS: Record<IdleCategory, readonly IdleStage[]> = {
  idle: ['investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised'],
  low_efficiency: ['investigation', 'determination', 'disposal_plan', 'implementing', 'revitalised'],
}

/**
 * The stages a case may move to next: the next one on its category's path, or `closed`, from any
 * open stage; nothing from an end stage (a revitalised plot idle again is a new case). Migration
 * 012 holds the same graph (idle_stage_move_allowed), tested against this function.
 * @example allowedNextStages('idle', 'investigation') // ['notice', 'closed']
 * @example allowedNextStages('low_efficiency', 'investigation') // ['determination', 'closed']
 */
export function allowedNextStages(category: IdleCategory, from: IdleStage): IdleStage[] {
  const path = IDLE_PATHS[category]
  const at = path.indexOf(from)
  if (at < 0 || (IDLE_END_STAGES as readonly string[]).includes(from)) return []
  return [path[at + 1]!, 'closed']
}

/**
 * Whether a case of this category may go from one stage to another (one edge of the graph).
 * @example isAllowedStageMove('idle', 'notice', 'determination') // true
 * @example isAllowedStageMove('low_efficiency', 'investigation', 'notice') // false
 */
export function isAllowedStageMove(category: IdleCategory, from: IdleStage, to: IdleStage): boolean {
  return allowedNextStages(category, from).includes(to)
}

/**
 * How a case is disposed of (53号令 第十二、十三、十四条; 147号文's 盘活 ways; the report's 腾笼换鸟
 * and 能耗换鸟): extend the start date, change the use, temporary use, paid recovery by agreement,
 * land exchange, the idle-land fee, recovery without compensation, court auction, lease of idle
 * buildings, purchase into the land reserve, transfer to a new firm, energy-quota swap; `negotiation`
 * (协商盘活) and `reclaim` are the older sample terms kept for the report's cases.
 */
export const IDLE_DISPOSALS = [
  'extend_start', 'change_use', 'temporary_use', 'paid_recovery', 'land_exchange', 'idle_fee', 'recovery_without_compensation',
  'court_auction', 'lease', 'land_reserve_purchase', 'swap_cage', 'swap_energy', 'negotiation', 'reclaim',
] as const
export type IdleDisposal = (typeof IDLE_DISPOSALS)[number]

/**
 * The parcel status that follows a case: investigation, notice, determination → its category
 * (idle, low_efficiency); disposal plan, implementing → revitalising; revitalised → revitalised;
 * closed → occupied (the holder keeps the land). While a case is open its parcel has this status
 * (migration 012 holds it, as parcel_status_for_case); an ended case sets it once, and the parcel
 * may move on.
 * @example parcelStatusForCase('implementing', 'idle') // 'revitalising'
 */
export function parcelStatusForCase(stage: IdleStage, category: IdleCategory): ParcelStatus {
  switch (stage) {
    case 'investigation': case 'notice': case 'determination': return category
    case 'disposal_plan': case 'implementing': return 'revitalising'
    case 'revitalised': return 'revitalised'
    case 'closed': return 'occupied'
  }
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
