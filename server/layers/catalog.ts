import { escapeIdentifier, escapeLiteral } from 'pg'
import type { Audience } from '../../web/src/shared/access-policy'
import type { LayerInfo } from '../../web/src/shared/api/layers'
import { HELD_PARCEL_STATUSES, PUBLIC_PARCEL_STATUSES, PUBLIC_PROJECT_STAGES, type LayerId } from '../../web/src/shared/park-vocabulary'

/**
 * The map's layers: which table (or view-like join) each reads, its geometry type and the
 * columns it returns as properties. Routes only ever put identifiers from this table into SQL.
 * What investors and the public see of a layer is data here too (`public`), not code in routes.
 */

/** A column of a view: a column of `source`, or a fixed SQL expression over `t` under a name. */
export type ViewColumn = string | { name: string; sql: string }

/** The public's view of a layer: fewer columns (some masked), maybe fewer rows. */
export interface PublicView {
  columns: readonly ViewColumn[]
  /** A fixed predicate on `t`: the rows the public may see. */
  where?: string
  /**
   * The column of `source` the public sees as `id`, when the real one must not show: a layer with
   * a `where` whose ids could count or name the hidden rows (PRJ-001, PRJ-003: where is 002?)
   * answers with a random one (migration 008). Internal views keep the real id.
   */
  id?: string
}

export interface LayerDef {
  id: LayerId
  title: string
  title_en: string
  geometryType: LayerInfo['geometryType']
  /** A FROM item aliased `t`, exposing `id`, `geom` and every column in `columns`. */
  source: string
  columns: readonly string[]
  /** Polygon layers carry `area_m2` (ellipsoidal) in each feature's properties. */
  hasArea: boolean
  /** The few columns that name a feature in analysis results (overlap tables, reports). */
  summary: readonly string[]
  /**
   * The `date` column that places a feature in time, in every view of the layer: OGC API's
   * `datetime` filters on it and the collection's temporal extent spans it. Absent: the layer has none.
   */
  temporal?: string
  /** What investors and the public see; absent: the layer is internal only. */
  public?: PublicView
}

/** Constant values as an SQL list: `'a', 'b'`. */
const sqlList = (values: readonly string[]): string => values.map(escapeLiteral).join(', ')

/**
 * Parcel status as the public sees it: idle, low-efficiency and revitalising are a land officer's
 * flags, and investors never see flags, so a held plot reads `occupied` whatever its case.
 */
const PUBLIC_PARCEL_STATUS = `CASE WHEN t.status IN (${sqlList(PUBLIC_PARCEL_STATUSES)}) THEN t.status ELSE 'occupied' END`
/** Projects still being negotiated are confidential; signed ones are news. */
const PUBLIC_PROJECT_WHERE = `t.stage IN (${sqlList(PUBLIC_PROJECT_STAGES)})`
/**
 * A firm is public through what the public map shows of it: land the map shows as held (the
 * statuses PUBLIC_PARCEL_STATUS reads as `occupied`: a firm working at its gate is on any park
 * map), or a project that is public itself. A firm present only through a project under
 * negotiation or in reserve, or a reserved plot (a reservation is part of a negotiation), is not:
 * its name, and its point inside the hidden site, would show what the projects layer hides.
 */
const PUBLIC_ENTERPRISE_WHERE = `EXISTS (SELECT 1 FROM parcels p WHERE p.enterprise_id = t.id AND p.status IN (${sqlList(HELD_PARCEL_STATUSES)}))
  OR EXISTS (SELECT 1 FROM projects j WHERE j.enterprise_id = t.id AND j.stage IN (${sqlList(PUBLIC_PROJECT_STAGES)}))`

const versioned = ['version', 'updated_at'] as const

export const LAYERS: readonly LayerDef[] = [
  {
    id: 'zones',
    title: '园区分区',
    title_en: 'Park zones',
    geometryType: 'MultiPolygon',
    source: 'zones t',
    columns: ['name_zh', 'name_en', 'kind', 'status', 'note', ...versioned],
    hasArea: true,
    summary: ['name_zh', 'name_en', 'kind'],
    public: { columns: ['name_zh', 'name_en', 'kind', 'status'] },
  },
  {
    // Each open rezoning scenario at its latest version (an approved one is the zone it revised).
    // Internal only: proposals never reach investors or the public, on the map, in tiles or OGC.
    id: 'scenarios',
    title: '调区扩区方案',
    title_en: 'Rezoning scenarios',
    geometryType: 'MultiPolygon',
    source: `(SELECT s.id, s.zone_id, s.name_zh, s.name_en, v.status, v.created_by, s.version, s.updated_at, v.geom
              FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.version
              WHERE v.status <> 'approved') t`,
    columns: ['zone_id', 'name_zh', 'name_en', 'status', 'created_by', ...versioned],
    hasArea: true,
    summary: ['name_zh', 'name_en', 'status'],
  },
  {
    id: 'chemical_clusters',
    title: '化工集中区',
    title_en: 'Chemical cluster',
    geometryType: 'MultiPolygon',
    source: 'chemical_clusters t',
    columns: ['code', 'name_zh', 'name_en', 'stage', 'note', ...versioned],
    hasArea: true,
    summary: ['code', 'name_zh', 'name_en', 'stage'],
    public: { columns: ['code', 'name_zh', 'name_en', 'stage'] },
  },
  {
    id: 'parcels',
    title: '地块',
    title_en: 'Parcels',
    geometryType: 'MultiPolygon',
    source: `(SELECT p.*, e.name_zh AS enterprise_zh, e.name_en AS enterprise_en
              FROM parcels p LEFT JOIN enterprises e ON e.id = p.enterprise_id) t`,
    columns: [
      'zone_id', 'land_use', 'status', 'enterprise_id', 'enterprise_zh', 'enterprise_en', 'land_approval', 'forest_approval',
      'demolished_buildings', 'relocated_graves', 'price_wan_per_mu', 'site_state', 'note', ...versioned,
    ],
    hasArea: true,
    summary: ['status', 'land_use', 'zone_id', 'enterprise_id', 'enterprise_zh', 'enterprise_en'],
    public: {
      columns: [
        'zone_id', 'land_use', { name: 'status', sql: PUBLIC_PARCEL_STATUS },
        // the indicative price is an offer: shown for land on offer only
        { name: 'price_wan_per_mu', sql: `CASE WHEN t.status = 'available' THEN t.price_wan_per_mu END` },
        // 场地平整 is part of the offer too (七通一平, migration 011)
        { name: 'site_state', sql: `CASE WHEN t.status = 'available' THEN t.site_state END` },
      ],
    },
  },
  {
    id: 'enterprises',
    title: '企业',
    title_en: 'Enterprises',
    geometryType: 'Point',
    source: 'enterprises t',
    columns: ['name_zh', 'name_en', 'industry', 'is_chemical', 'above_scale', 'started_year', 'note', ...versioned],
    hasArea: false,
    summary: ['name_zh', 'name_en', 'industry', 'is_chemical'],
    public: { columns: ['name_zh', 'name_en', 'industry', 'is_chemical'], where: PUBLIC_ENTERPRISE_WHERE, id: 'public_id' },
  },
  {
    id: 'projects',
    title: '项目',
    title_en: 'Projects',
    geometryType: 'MultiPolygon',
    source: 'projects t',
    columns: ['name_zh', 'name_en', 'enterprise_id', 'stage', 'investment_yi', 'is_major', 'zone_id', 'note', ...versioned],
    hasArea: true,
    summary: ['name_zh', 'name_en', 'stage', 'investment_yi'],
    public: { columns: ['name_zh', 'name_en', 'stage', 'zone_id'], where: PUBLIC_PROJECT_WHERE, id: 'public_id' },
  },
  {
    id: 'utilities',
    title: '基础设施',
    title_en: 'Utilities',
    geometryType: 'Geometry',
    source: 'utilities t',
    columns: ['kind', 'name_zh', 'name_en', 'status', 'capacity', 'capacity_unit', 'operator', 'expected_date', 'note', ...versioned],
    hasArea: false,
    summary: ['kind', 'name_zh', 'name_en', 'status'],
    // When planned or building work is due to be in service (migration 011).
    temporal: 'expected_date',
    public: { columns: ['kind', 'name_zh', 'name_en', 'status', 'capacity', 'capacity_unit', 'operator', 'expected_date'] },
  },
  {
    id: 'idle_plots',
    title: '闲置低效用地',
    title_en: 'Idle and low-efficiency plots',
    geometryType: 'MultiPolygon',
    source: `(SELECT i.*, p.geom, p.zone_id, p.status AS parcel_status
              FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id) t`,
    columns: [
      'parcel_id', 'zone_id', 'parcel_status', 'holder_zh', 'holder_en', 'category', 'disposal', 'stage', 'agreed_start_date',
      'flagged_on', 'flagged_by', 'reason', 'successor_zh', 'successor_en', ...versioned,
    ],
    hasArea: true,
    summary: ['parcel_id', 'holder_zh', 'holder_en', 'category', 'stage'],
  },
  {
    id: 'basemap',
    title: '底图（道路、水系）',
    title_en: 'Base map (roads, water)',
    geometryType: 'Geometry',
    source: 'basemap t',
    columns: ['kind', 'name_zh', 'name_en'],
    hasArea: false,
    summary: ['kind', 'name_zh', 'name_en'],
    public: { columns: ['kind', 'name_zh', 'name_en'] },
  },
]

const byId = new Map<string, LayerDef>(LAYERS.map((l) => [l.id, l]))

/** The layer with this id, or undefined: callers turn that into a 404. */
export function findLayer(id: string): LayerDef | undefined {
  return byId.get(id)
}

/** A layer as one audience sees it: the columns it gets, the rows it may see, the id it is told. */
export interface LayerView {
  layer: LayerDef
  columns: readonly ViewColumn[]
  where: string | undefined
  /** The column of `source` answered as `id`. */
  id: string
}

/** The audience's view of a layer; undefined when the audience may not see the layer at all. */
export function viewOf(layer: LayerDef, audience: Audience): LayerView | undefined {
  if (audience === 'internal') return { layer, columns: layer.columns, where: undefined, id: 'id' }
  return layer.public && { layer, columns: layer.public.columns, where: layer.public.where, id: layer.public.id ?? 'id' }
}

/** The layers an audience sees, in catalogue order. */
export function layerViews(audience: Audience): LayerView[] {
  return LAYERS.flatMap((l) => viewOf(l, audience) ?? [])
}

/** The audience's view of the layer with this id; undefined (a 404) for unknown and hidden layers alike. */
export function findLayerView(id: string, audience: Audience): LayerView | undefined {
  const layer = findLayer(id)
  return layer && viewOf(layer, audience)
}

export function columnName(c: ViewColumn): string {
  return typeof c === 'string' ? c : c.name
}

/**
 * The layer as an audience sees it, as a FROM item named `alias`: `id` (the view's, text),
 * `sort_key`, `geom` and the view's columns under their names, only the rows the audience may see.
 * Every query that reads a layer for an audience (features, counts, the investor's parcel sheets)
 * reads it through this, so a masked column, a hidden row or a real id cannot be forgotten in one
 * of them. `sort_key` orders the rows stably: the id where it is the real one; behind an opaque id,
 * the row's rank among the rows shown (by real id), which tells nothing of the rows not shown
 * (ordering by the random id would reshuffle every database's answers).
 * @example viewRelation(publicParcels, 'p') // (SELECT t.id, t.id AS sort_key, t.geom, t."zone_id", … FROM … WHERE …) p
 */
export function viewRelation(view: LayerView, alias: string): string {
  const columns = view.columns.map((c) => (typeof c === 'string' ? `t.${escapeIdentifier(c)}` : `(${c.sql}) AS ${escapeIdentifier(c.name)}`))
  const id = view.id === 'id' ? 't.id, t.id AS sort_key' : `t.${escapeIdentifier(view.id)}::text AS id, row_number() OVER (ORDER BY t.id) AS sort_key`
  return `(SELECT ${id}, t.geom, ${columns.join(', ')} FROM ${view.layer.source} WHERE ${view.where ?? 'TRUE'}) ${alias}`
}

/** The public view of a layer that has one: a start-up error if the catalogue lost it. */
export function publicViewOf(id: LayerId): LayerView {
  const view = findLayerView(id, 'public')
  if (!view) throw new Error(`the ${id} layer has no public view in server/layers/catalog.ts`)
  return view
}
