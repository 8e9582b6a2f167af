/**
 * The park map's colours and dashes, in one place so the map style and the legend cannot drift apart.
 * Keys are the park's vocabulary (web/src/shared/park-vocabulary.ts): a value without a colour
 * does not compile.
 */
import type { ClusterCode, IdleCategory, IdleStage, ParcelStatus, ProjectStage, UtilityKind, UtilityStatus } from '../shared/park-vocabulary'

// Red/orange carry the land officer's alarm (idle, low efficiency), green the investor's offer (available);
// the rest stay calm so the alarms read first.
export const PARCEL_STATUS_COLORS: Record<ParcelStatus, string> = {
  occupied: '#9fb3c8',
  available: '#3fae49',
  idle: '#e0312b',
  low_efficiency: '#f28c28',
  revitalising: '#9c5fc7',
  revitalised: '#1b9e8f',
  reserved: '#e8d36a',
  under_acquisition: '#b08468',
}

export const PROJECT_STAGE_COLORS: Record<ProjectStage, string> = {
  reserve: '#8d99a6',
  negotiating: '#f5b700',
  signed: '#2f7fd8',
  under_construction: '#e8590c',
  in_production: '#2b8a3e',
  infrastructure: '#6f5543',
}

// Close to the colours of Chinese utility drawings (电力红, 给水蓝, 燃气黄, 雨水青, 污水棕, 通信绿).
export const UTILITY_KIND_COLORS: Record<UtilityKind, string> = {
  power_line: '#d7263d',
  substation: '#d7263d',
  water_main: '#1c6fd1',
  gas_pipeline: '#d9a400',
  steam_pipeline: '#c2379e',
  rain_sewer: '#14a3b8',
  sewage_pipe: '#7b5a3c',
  sewage_plant: '#7b5a3c',
  water_plant: '#1c6fd1',
  telecom_cable: '#2f9e44',
}

/** Dashes in line widths; `null` is a solid line. */
export const UTILITY_STATUS_DASH: Record<UtilityStatus, number[] | null> = {
  existing: null,
  under_construction: [4, 2],
  planned: [2, 2],
  temporary: [0.6, 1.6],
}

export const ZONE_STYLE = {
  parkFill: '#7e6bc4',
  parkFillOpacity: 0.07,
  parkOutline: '#5b4a9e',
  approvedOutline: '#2d3a4a',
  approvedDash: [5, 2.5],
  approvedBand: '#9fb0c4',
  draftOutline: '#d62828',
  draftDash: [3, 2],
} as const

/**
 * A scenario's comparison: the older version dashed violet, the newer solid orange, what the newer
 * adds blue and what it gives up red (not green: the park's parcels are green already); review pins magenta.
 */
export const SCENARIO_COMPARE_COLORS = {
  from: '#6d28d9',
  to: '#ea580c',
  added: '#0369a1',
  removed: '#dc2626',
  pin: '#c026d3',
  pinResolved: '#9ca3af',
} as const

/** Hatch per cluster (spacing and width in device pixels of the 2× tile): A (built) dense and dark, B (planned) sparse, at the opposite angle. */
export const CLUSTER_STYLE: Record<ClusterCode, { color: string; pattern: string; dash: number[] | null; spacing: number; angle: 45 | 135; lineWidth: number }> = {
  A: { color: '#c43e00', pattern: 'hatch-cluster-a', dash: null, spacing: 14, angle: 45, lineWidth: 2.6 },
  B: { color: '#e07b00', pattern: 'hatch-cluster-b', dash: [4, 2], spacing: 28, angle: 135, lineWidth: 2.4 },
}

export const IDLE_CATEGORY_COLORS: Record<IdleCategory, string> = { idle: '#b3001b', low_efficiency: '#e85d04' }
/**
 * An idle-land case's outline by its stage (the register's map): reds while it is investigated and
 * determined, ambers while disposed of, green when revitalised, grey when closed — the same tones as
 * the stage badges in the case panel and the register.
 */
export const IDLE_STAGE_COLORS: Record<IdleStage, string> = {
  investigation: '#d7263d', notice: '#b3001b', determination: '#7a0010', disposal_plan: '#e85d04', implementing: '#c77700',
  revitalised: '#1f8a4c', closed: '#7d8793',
}
/** The dash of a case that has ended (revitalised or closed): it stays on the record. */
export const IDLE_REVITALISED_DASH = [1.5, 1]

export const ENTERPRISE_STYLE = {
  fill: '#1f4e8c',
  chemicalFill: '#8e24aa',
  stroke: '#ffffff',
} as const

export const BASEMAP_COLORS = {
  background: '#efede6',
  forest: '#d3e6c4',
  water: '#aed3ec',
  river: '#7fb7de',
  village: '#e9e0d0',
  villageOutline: '#d2c3a8',
  // Main roads soft yellow as on Chinese town plans; secondary white, both cased so they read on pale ground.
  roadMain: '#fbe3a1',
  roadMainCasing: '#c2a866',
  roadSecondary: '#ffffff',
  roadSecondaryCasing: '#bdb6a7',
} as const

export const SELECTION_COLOR = '#00e5ff'
