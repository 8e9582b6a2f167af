import {
  CLUSTER_CODES, IDLE_END_STAGES, IDLE_STAGES, PARCEL_STATUSES, PROJECT_STAGES, PUBLIC_PARCEL_STATUSES, UTILITY_LINE_KINDS, UTILITY_SITE_KINDS, UTILITY_STATUSES,
  type ClusterCode, type LayerId, type ParcelStatus,
} from '../shared/park-vocabulary'
import type { Audience } from '../shared/access-policy'
import {
  BASEMAP_COLORS, ENTERPRISE_STYLE, IDLE_REVITALISED_DASH, IDLE_STAGE_COLORS, PARCEL_STATUS_COLORS,
  PROJECT_STAGE_COLORS, UTILITY_KIND_COLORS, UTILITY_STATUS_DASH, ZONE_STYLE,
} from './symbology'

/** How one legend entry is drawn: a small picture of the map symbol. */
export type Swatch =
  | { type: 'fill'; fill: string; fillOpacity: number; stroke: string; strokeWidth: number; dash?: readonly number[] }
  | { type: 'line'; color: string; width: number; dash?: readonly number[]; casing?: string; casingWidth?: number }
  | { type: 'circle'; fill: string; stroke: string; radius: number }
  | { type: 'hatch'; cluster: ClusterCode }

/** `labelKey` is an i18n key, so the legend follows the language switch. */
export interface LegendEntry {
  labelKey: string
  swatch: Swatch
}

const enumKey = (layer: LayerId, field: string, value: string): string => `enum.${layer}.${field}.${value}`

function zones(): LegendEntry[] {
  return [
    { labelKey: enumKey('zones', 'kind', 'park_zone'), swatch: { type: 'fill', fill: ZONE_STYLE.parkFill, fillOpacity: 0.18, stroke: ZONE_STYLE.parkOutline, strokeWidth: 1.5 } },
    { labelKey: enumKey('zones', 'kind', 'approved_boundary'), swatch: { type: 'line', color: ZONE_STYLE.approvedOutline, width: 2, dash: ZONE_STYLE.approvedDash, casing: ZONE_STYLE.approvedBand, casingWidth: 7 } },
  ]
}

/** Open scenarios: internal only (the public's layer list has no scenarios layer, so no legend names one). */
function scenarios(): LegendEntry[] {
  return [{ labelKey: 'legend.scenario', swatch: { type: 'line', color: ZONE_STYLE.draftOutline, width: 2, dash: ZONE_STYLE.draftDash } }]
}

function chemicalClusters(): LegendEntry[] {
  return CLUSTER_CODES.map((code) => ({ labelKey: `legend.cluster${code}`, swatch: { type: 'hatch', cluster: code } }))
}

/** The statuses a parcel can show: all of them inside; for the public, a flagged plot reads as occupied (server/layers/catalog.ts). */
function parcelStatuses(audience: Audience): readonly ParcelStatus[] {
  const shown: readonly ParcelStatus[] = ['occupied', ...PUBLIC_PARCEL_STATUSES]
  return audience === 'public' ? PARCEL_STATUSES.filter((s) => shown.includes(s)) : PARCEL_STATUSES
}

function parcels(audience: Audience): LegendEntry[] {
  return parcelStatuses(audience).map((status) => ({
    labelKey: enumKey('parcels', 'status', status),
    swatch: { type: 'fill', fill: PARCEL_STATUS_COLORS[status], fillOpacity: 0.75, stroke: '#ffffff', strokeWidth: 1 },
  }))
}

function idlePlots(): LegendEntry[] {
  return IDLE_STAGES.map((stage) => ({
    labelKey: enumKey('idle_plots', 'stage', stage),
    swatch: {
      type: 'fill', fill: '#ffffff', fillOpacity: 0, stroke: IDLE_STAGE_COLORS[stage], strokeWidth: 3,
      ...((IDLE_END_STAGES as readonly string[]).includes(stage) ? { dash: IDLE_REVITALISED_DASH } : {}),
    },
  }))
}

function projects(): LegendEntry[] {
  return PROJECT_STAGES.map((stage) => ({
    labelKey: enumKey('projects', 'stage', stage),
    swatch: { type: 'fill', fill: PROJECT_STAGE_COLORS[stage], fillOpacity: 0.3, stroke: PROJECT_STAGE_COLORS[stage], strokeWidth: 2.5 },
  }))
}

function utilities(): LegendEntry[] {
  const lines: LegendEntry[] = UTILITY_LINE_KINDS.map((kind) => ({
    labelKey: enumKey('utilities', 'kind', kind),
    swatch: { type: 'line', color: UTILITY_KIND_COLORS[kind], width: 2.5 },
  }))
  const sites: LegendEntry[] = UTILITY_SITE_KINDS.map((kind) => ({
    labelKey: enumKey('utilities', 'kind', kind),
    swatch: { type: 'circle', fill: UTILITY_KIND_COLORS[kind], stroke: '#ffffff', radius: 5 },
  }))
  // Status is drawn as a dash pattern on any kind's colour; shown once, in neutral grey (existing is solid).
  const statuses: LegendEntry[] = UTILITY_STATUSES.filter((s) => s !== 'existing').map((status) => ({
    labelKey: enumKey('utilities', 'status', status),
    swatch: { type: 'line', color: '#555f6b', width: 2, dash: UTILITY_STATUS_DASH[status] ?? [] },
  }))
  return [...lines, ...sites, ...statuses]
}

function enterprises(): LegendEntry[] {
  return [
    { labelKey: 'legend.enterprise', swatch: { type: 'circle', fill: ENTERPRISE_STYLE.fill, stroke: ENTERPRISE_STYLE.stroke, radius: 4.5 } },
    { labelKey: 'legend.chemicalEnterprise', swatch: { type: 'circle', fill: ENTERPRISE_STYLE.chemicalFill, stroke: '#ffd54f', radius: 5 } },
  ]
}

function basemap(): LegendEntry[] {
  const b = BASEMAP_COLORS
  return [
    { labelKey: enumKey('basemap', 'kind', 'road_main'), swatch: { type: 'line', color: b.roadMain, width: 4, casing: b.roadMainCasing } },
    { labelKey: enumKey('basemap', 'kind', 'road_secondary'), swatch: { type: 'line', color: b.roadSecondary, width: 2.5, casing: b.roadSecondaryCasing } },
    { labelKey: enumKey('basemap', 'kind', 'river'), swatch: { type: 'fill', fill: b.water, fillOpacity: 1, stroke: b.river, strokeWidth: 1 } },
    { labelKey: enumKey('basemap', 'kind', 'forest'), swatch: { type: 'fill', fill: b.forest, fillOpacity: 1, stroke: b.forest, strokeWidth: 1 } },
    { labelKey: enumKey('basemap', 'kind', 'village'), swatch: { type: 'fill', fill: b.village, fillOpacity: 1, stroke: b.villageOutline, strokeWidth: 1 } },
  ]
}

const LEGENDS: Record<LayerId, (audience: Audience) => LegendEntry[]> = {
  zones,
  scenarios,
  chemical_clusters: chemicalClusters,
  parcels,
  idle_plots: idlePlots,
  projects,
  utilities,
  enterprises,
  basemap,
}

/** The symbology of one layer, in legend order, as the audience's map draws it (no classes it never sees). */
export function legendEntries(layer: LayerId, audience: Audience = 'internal'): LegendEntry[] {
  return LEGENDS[layer](audience)
}
