/**
 * Builds the whole sample park in memory: file name → file text, byte for byte what
 * scripts/generate-sample-park.ts writes to data/.
 */
import { pointOnFeature, polygon } from '@turf/turf'
import type { Ring, XY } from './frame'
import { M2_PER_MU } from '../../web/src/shared/units'
import { area, centroid, pointInRing, unionRings } from './geometry'
import { APPROVED_BOUNDARY, CLUSTER_A, CLUSTER_B, DRAFT_SOUTH_PART, ZONE_GRIDS } from './layout'
import { buildParcels, type Parcel } from './parcels'
import { AUCTION_BUYER, CLUSTER_A_SAMPLES, FT_SAMPLES, HX_CHEM_SAMPLE, HX_SAMPLES, NAMED_ENTERPRISES, SMALL_SAMPLES, type EnterpriseDef } from './enterprises'
import { buildFigures, FIGURE_COLUMNS } from './figures'
import { IDLE_PLOT_COLUMNS, IDLE_STEP_COLUMNS, idlePlotRows, idleStepRows } from './idle'
import { PROJECT_COLUMNS, PROJECTS, projectSite } from './projects'
import { buildUtilities, UTILITY_COLUMNS } from './utilities'
import { BASEMAP_COLUMNS, buildBasemap } from './basemap'
import { buildOffers, CONDITION_COLUMNS } from './offer'
import { areaGeometry, csvText, featureCollectionText, lineGeometry, pick, pointGeometry } from './write'

export const ZONE_COLUMNS = ['id', 'name_zh', 'name_en', 'kind', 'status', 'note'] as const
export const SCENARIO_COLUMNS = ['id', 'zone_id', 'name_zh', 'name_en', 'note', 'created_by', 'created_at'] as const
export const SCENARIO_VERSION_COLUMNS = [
  'scenario_id', 'n', 'base', 'comment', 'status', 'created_by', 'created_at', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'review_comment',
] as const
export const CLUSTER_COLUMNS = ['id', 'code', 'name_zh', 'name_en', 'stage', 'note'] as const
export const ENTERPRISE_COLUMNS = ['id', 'name_zh', 'name_en', 'industry', 'is_chemical', 'above_scale', 'started_year', 'note'] as const
export const PARCEL_COLUMNS = [
  'id', 'zone_id', 'land_use', 'status', 'enterprise_id', 'land_approval', 'forest_approval',
  'demolished_buildings', 'relocated_graves', 'price_wan_per_mu', 'note', 'site_state',
  'contract_signed_on', 'land_delivered_on', 'agreed_start_on', 'agreed_completion_on', 'actual_start_on', 'actual_completion_on',
  'investment_wan_per_mu', 'plot_ratio',
] as const

export const ENTERPRISES: EnterpriseDef[] = [
  ...NAMED_ENTERPRISES, ...CLUSTER_A_SAMPLES, HX_CHEM_SAMPLE, ...FT_SAMPLES, ...SMALL_SAMPLES, ...HX_SAMPLES, AUCTION_BUYER,
]

/** Firms without a parcel of their own are drawn at the site they are tied to. */
const SITE_OF_LANDLESS: Record<string, { tag: string; shift: XY }> = {
  xiandao: { tag: 'project:xiandao', shift: [0, 0] },
  dongmu: { tag: 'project:dongmu', shift: [0, 0] },
  yili: { tag: 'idle:oubiao', shift: [40, 40] }, // beside 欧标's own point on the same plot
}

/** A point inside the ring: its centroid, or turf's point-on-surface for odd shapes. */
function inside(ring: Ring, shift: XY = [0, 0]): XY {
  const c = centroid(ring)
  const shifted: XY = [c[0] + shift[0], c[1] + shift[1]]
  if (pointInRing(shifted, ring)) return shifted
  const p = pointOnFeature(polygon([[...ring, ring[0]!]])).geometry.coordinates
  return [p[0]!, p[1]!]
}

function enterprisePoint(e: EnterpriseDef, parcels: Parcel[]): XY {
  const own = parcels.filter((p) => p.enterprise_id === e.id).sort((a, b) => b.mu - a.mu)
  if (own[0]) return inside(own[0].ring)
  const site = SITE_OF_LANDLESS[e.id]
  const p = site && parcels.find((q) => q.tag === site.tag)
  if (!site || !p) throw new Error(`enterprise ${e.id} has neither a parcel nor a site`)
  return inside(p.ring, site.shift)
}

export interface SamplePark {
  files: Map<string, string>
  parcels: Parcel[]
  figuresRows: number
}

export function buildSamplePark(): SamplePark {
  const { parcels, blocks } = buildParcels()
  const ids = new Set(ENTERPRISES.map((e) => e.id))
  const dangling = parcels.filter((p) => p.enterprise_id && !ids.has(p.enterprise_id))
  if (dangling.length) throw new Error(`parcels point to unknown firms: ${dangling.map((p) => p.id).join(', ')}`)

  const zone = (id: string, name_zh: string, name_en: string, kind: string, status: string, note: string, ring: Ring) => ({
    properties: pick(ZONE_COLUMNS, { id, name_zh, name_en, kind, status, note }), geometry: areaGeometry([ring]),
  })
  const outline = (id: string): Ring => ZONE_GRIDS.find((g) => g.zoneId === id)!.outline
  const zones = [
    zone('fengtian', '冯田区', 'Fengtian built area', 'park_zone', 'built_out', '2022年冯田区已全部建成，用地已经饱和', outline('fengtian')),
    zone('huangxi', '黄溪新区', 'Huangxi new area', 'park_zone', 'current', '控制性详规已编制并通过专家评审', outline('huangxi')),
    zone('south', '南区', 'South district', 'park_zone', 'expanding', '调区范围土地征用、地面附着物补偿已完成；尚未纳入国土空间规划，须调区扩区', outline('south')),
    zone('approved-boundary', '高新园区批准范围', 'Approved high-tech park boundary', 'approved_boundary', 'current', '覆盖冯田区与黄溪新区，不含南区（示意范围）', APPROVED_BOUNDARY),
  ]
  // The rezoning draft of the report (调区扩区): the approved boundary plus the south district, as a
  // scenario revising the approved boundary, at its first version, not yet submitted.
  const scenarioAt = '2022-06-30T09:00:00+08:00'
  const scenarios = [pick(SCENARIO_COLUMNS, {
    id: 'draft-2022-south', zone_id: 'approved-boundary', name_zh: '调区扩区方案（草案）', name_en: 'Rezoning and expansion plan (draft)',
    note: '批准范围加南区；粗略边界，含部分林地；调区环评修改中（示意）', created_by: 'sample-park', created_at: scenarioAt,
  })]
  const scenarioVersions = [{
    properties: pick(SCENARIO_VERSION_COLUMNS, {
      scenario_id: 'draft-2022-south', n: 1, base: null, comment: '粗略边界（示意）', status: 'draft', created_by: 'sample-park', created_at: scenarioAt,
      submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, review_comment: null,
    }),
    geometry: areaGeometry([unionRings(APPROVED_BOUNDARY, DRAFT_SOUTH_PART)]),
  }]
  const clusters = [
    { properties: pick(CLUSTER_COLUMNS, { id: 'cluster-a', code: 'A', name_zh: '化工集中区A区（建成区）', name_en: 'Chemical cluster area A (built)', stage: 'built', note: '建成区A区已调整边界：东北角职工宿舍地块划出，拟制定搬迁计划（示意）' }), geometry: areaGeometry([CLUSTER_A]) },
    { properties: pick(CLUSTER_COLUMNS, { id: 'cluster-b', code: 'B', name_zh: '化工集中区B区（规划发展区）', name_en: 'Chemical cluster area B (planned development)', stage: 'planned', note: '较上一次申请范围不变' }), geometry: areaGeometry([CLUSTER_B]) },
  ]
  const offers = buildOffers(parcels)
  const parcelFeatures = parcels.map((p) => ({
    properties: pick(PARCEL_COLUMNS, { ...p, site_state: offers.siteState.get(p.id) ?? null }), geometry: areaGeometry([p.ring]),
  }))
  const enterprises = ENTERPRISES.map((e) => ({ properties: pick(ENTERPRISE_COLUMNS, e), geometry: pointGeometry(enterprisePoint(e, parcels)) }))
  const projects = PROJECTS.map((def) => ({ properties: pick(PROJECT_COLUMNS, def), geometry: areaGeometry(projectSite(def, parcels, blocks)) }))
  const utilities = buildUtilities(parcels, blocks).map((u) => ({
    properties: pick(UTILITY_COLUMNS, u),
    geometry: u.geometry.type === 'area' ? areaGeometry(u.geometry.rings) : lineGeometry(u.geometry.lines),
  }))
  const basemap = buildBasemap(blocks).map((b) => ({
    properties: pick(BASEMAP_COLUMNS, b),
    geometry: b.geometry.type === 'area' ? areaGeometry([b.geometry.ring]) : lineGeometry([b.geometry.line]),
  }))
  const figures = buildFigures(ENTERPRISES, parcels)
  const parcelIdByTag = new Map(parcels.filter((p) => p.tag).map((p) => [p.tag!, p.id]))

  const files = new Map<string, string>([
    ['zones.geojson', featureCollectionText(zones)],
    ['scenarios.csv', csvText(SCENARIO_COLUMNS, scenarios)],
    ['scenario_versions.geojson', featureCollectionText(scenarioVersions)],
    ['chemical_clusters.geojson', featureCollectionText(clusters)],
    ['parcels.geojson', featureCollectionText(parcelFeatures)],
    ['enterprises.geojson', featureCollectionText(enterprises)],
    ['projects.geojson', featureCollectionText(projects)],
    ['utilities.geojson', featureCollectionText(utilities)],
    ['basemap.geojson', featureCollectionText(basemap)],
    ['enterprise_figures.csv', csvText(FIGURE_COLUMNS, figures)],
    ['idle_plots.csv', csvText(IDLE_PLOT_COLUMNS, idlePlotRows(parcelIdByTag))],
    ['idle_case_steps.csv', csvText(IDLE_STEP_COLUMNS, idleStepRows())],
    ['parcel_conditions.csv', csvText(CONDITION_COLUMNS, offers.conditions)],
  ])
  return { files, parcels, figuresRows: figures.length }
}

/** Planar (local-frame) mu per zone, for the generator's summary line. */
export function muByZone(parcels: Parcel[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of parcels) out[p.zone_id] = (out[p.zone_id] ?? 0) + area(p.ring) / M2_PER_MU
  return out
}
