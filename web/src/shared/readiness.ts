/**
 * 七通一平 — what "land ready to build on" (拿地即开工) means, item by item: 通路, 通电, 通给水,
 * 通排水, 通讯, 通燃气, 通热力 and 场地平整. The server computes each item in PostGIS
 * (server/parcels/readiness.ts); the portal lists and filters by them.
 */
import type { BasemapKind, UtilityKind, UtilityStatus } from './park-vocabulary'

/** The readiness items, in the order sheets and filters show them. */
export const READINESS_ITEMS = ['road', 'power', 'water_supply', 'drainage', 'telecom', 'gas', 'heat', 'leveled'] as const
export type ReadinessItem = (typeof READINESS_ITEMS)[number]

/** The items a network serves, judged by distance; `leveled` is the parcel's own site state. */
export const NETWORK_ITEMS = ['road', 'power', 'water_supply', 'drainage', 'telecom', 'gas', 'heat'] as const satisfies readonly ReadinessItem[]
export type NetworkItem = (typeof NETWORK_ITEMS)[number]

/**
 * Which utility kinds serve which item. Sites count as well as lines: a parcel beside a
 * substation or a water plant is fed from it directly. Every kind serves exactly one item.
 */
export const UTILITY_ITEM: Readonly<Record<UtilityKind, NetworkItem>> = {
  power_line: 'power',
  substation: 'power',
  water_main: 'water_supply',
  water_plant: 'water_supply',
  rain_sewer: 'drainage',
  sewage_pipe: 'drainage',
  sewage_plant: 'drainage',
  telecom_cable: 'telecom',
  gas_pipeline: 'gas',
  steam_pipeline: 'heat',
}

/** Roads come from the base map (which has no status: every road drawn there is built). */
export const ROAD_KINDS = ['road_main', 'road_secondary'] as const satisfies readonly BasemapKind[]

/**
 * Only an existing network makes an item ready. Planned and under-construction ones are listed
 * apart (`planned`); temporary lines (施工临时用电/用水) serve construction sites and are neither.
 */
export const READY_STATUS = 'existing' as const satisfies UtilityStatus
export const PLANNED_STATUSES = ['planned', 'under_construction'] as const satisfies readonly UtilityStatus[]
export type PlannedStatus = (typeof PLANNED_STATUSES)[number]

/** Per network item: within this many metres of the parcel's boundary the item is ready. */
export type ReadinessThresholds = Record<NetworkItem, number>

/** Bounds on a threshold: a connection further than 5 km is no connection. */
export const THRESHOLD_RANGE_M = { min: 0, max: 5000 } as const

/** The defaults migration 011 writes (an admin changes them: PUT /api/admin/readiness-thresholds). */
export const DEFAULT_THRESHOLDS: Readonly<ReadinessThresholds> = {
  road: 50,
  power: 200,
  water_supply: 200,
  drainage: 200,
  telecom: 200,
  gas: 300,
  heat: 500,
}
