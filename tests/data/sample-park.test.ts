/**
 * Consistency of the sample park dataset in data/: schema fit, foreign keys, topology
 * (parcels inside zones, no overlaps), the report's story (chemical firms outside the
 * cluster, the south district outside the approved boundary, idle plots) and that the
 * generator reproduces the files byte for byte.
 */
import { describe, expect, it } from 'vitest'
import {
  bbox, booleanPointInPolygon, booleanValid, centroid, featureCollection, intersect, kinks, lineIntersect, lineString, area as turfArea,
} from '@turf/turf'
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { buildSamplePark } from '../../scripts/generate-sample-park'
import { STEP_FIELDS } from '../../web/src/shared/api/idle-cases'
import { IDLE_PATHS, parcelStatusForCase, type IdleCategory, type IdleStage } from '../../web/src/shared/park-vocabulary'
import { fileColumns, geodesicArea, readCsv, readLayer, readSchema, readText, type ParkFeature, type Props } from './sample-park-files'

const schema = readSchema()
const LAYERS = ['zones', 'chemical_clusters', 'parcels', 'enterprises', 'projects', 'utilities', 'basemap'] as const
const layers = Object.fromEntries(LAYERS.map((l) => [l, readLayer(l)])) as Record<(typeof LAYERS)[number], ParkFeature[]>
const figures = readCsv('enterprise_figures.csv')
const idle = readCsv('idle_plots.csv')
const conditions = readCsv('parcel_conditions.csv')
const steps = readCsv('idle_case_steps.csv')
const { zones, chemical_clusters: clusters, parcels, enterprises, projects, utilities, basemap } = layers
const byId = (fs: ParkFeature[]): Map<string, ParkFeature> => new Map(fs.map((f) => [String(f.properties.id), f]))
const zoneById = byId(zones)
const parcelById = byId(parcels)
const enterpriseById = byId(enterprises)
const clusterA = clusters.find((c) => c.properties.code === 'A')!
const clusterB = clusters.find((c) => c.properties.code === 'B')!
const M2_PER_MU = 10000 / 15
type Area = Feature<Polygon | MultiPolygon, Props>
type Drawn = LineString | MultiLineString | Polygon | MultiPolygon
const asArea = (f: ParkFeature): Area => f as Area

function vertices(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates]
  if (g.type === 'LineString') return g.coordinates
  if (g.type === 'Polygon' || g.type === 'MultiLineString') return g.coordinates.flat()
  if (g.type === 'MultiPolygon') return g.coordinates.flat(2)
  return []
}

/** Inside: every vertex in (or on) the outer shape and no boundary crossing or touching. */
function within(inner: ParkFeature, outer: ParkFeature): boolean {
  const o = asArea(outer)
  return vertices(inner.geometry).every((v) => booleanPointInPolygon(v, o)) && lineIntersect(asArea(inner), o).features.length === 0
}

const parcelsOf = (enterpriseId: string): ParkFeature[] => parcels.filter((p) => p.properties.enterprise_id === enterpriseId)
const inCluster = (p: ParkFeature): boolean => [clusterA, clusterB].some((c) => booleanPointInPolygon(centroid(p), asArea(c)))

describe('sample park files fit the schema', () => {
  it('are FeatureCollections whose properties are exactly the table columns', () => {
    for (const name of LAYERS) {
      const text = readText(`${name}.geojson`)
      const fc = JSON.parse(text)
      expect(fc.type).toBe('FeatureCollection')
      expect(fc.crs).toBeUndefined()
      const columns = fileColumns(schema, name).map((c) => c.name)
      const ids = new Set<string>()
      for (const f of layers[name]) {
        expect(f.type).toBe('Feature')
        expect(Object.keys(f.properties), `${name} ${f.properties.id}`).toEqual(columns)
        ids.add(String(f.properties.id))
        for (const [lon, lat] of vertices(f.geometry)) {
          expect(lon! > 115.3 && lon! < 115.5 && lat! > 28.6 && lat! < 28.8, `${name} ${f.properties.id} near 115.4E 28.7N`).toBe(true)
          expect(Math.abs(lon! * 1e7 - Math.round(lon! * 1e7)) < 1e-3 && Math.abs(lat! * 1e7 - Math.round(lat! * 1e7)) < 1e-3).toBe(true)
        }
      }
      expect(ids.size, `${name} ids unique`).toBe(layers[name].length)
    }
  })

  it('CSV headers are the table columns', () => {
    expect(figures.header).toEqual(fileColumns(schema, 'enterprise_figures').map((c) => c.name))
    expect(idle.header).toEqual(fileColumns(schema, 'idle_plots').map((c) => c.name))
    expect(steps.header).toEqual(fileColumns(schema, 'idle_case_steps').map((c) => c.name))
    expect(conditions.header).toEqual(fileColumns(schema, 'parcel_conditions').map((c) => c.name))
  })

  it('every parcel on offer, and only those, has a site state and planning conditions', () => {
    const offered = parcels.filter((p) => p.properties.status === 'available').map((p) => String(p.properties.id)).sort()
    expect(parcels.filter((p) => p.properties.site_state !== null).map((p) => String(p.properties.id)).sort()).toEqual(offered)
    expect(conditions.rows.map((r) => r.parcel_id).sort()).toEqual(offered)
    for (const r of conditions.rows) expect(Number(r.min_plot_ratio)).toBeLessThanOrEqual(Number(r.max_plot_ratio))
  })

  it('every value passes the NOT NULL and CHECK constraints', () => {
    const rowsOf: [string, Record<string, unknown>[]][] = [
      ...LAYERS.map((l): [string, Record<string, unknown>[]] => [l, layers[l].map((f) => f.properties)]),
      ['enterprise_figures', figures.rows],
      ['idle_plots', idle.rows],
      ['idle_case_steps', steps.rows],
      ['parcel_conditions', conditions.rows],
    ]
    for (const [table, rows] of rowsOf) {
      for (const col of fileColumns(schema, table)) {
        for (const row of rows) {
          const v = row[col.name]
          if (col.notNull) expect(v, `${table}.${col.name} not null`).not.toBeNull()
          if (col.allowed && v !== null) expect(col.allowed, `${table}.${col.name} = ${String(v)}`).toContain(v)
        }
      }
    }
    expect(new Set(clusters.map((c) => c.properties.code)).size).toBe(clusters.length)
    for (const p of parcels) {
      const { price_wan_per_mu: price, demolished_buildings: d, relocated_graves: g } = p.properties
      expect(price === null || (price as number) > 0).toBe(true)
      expect(Number.isInteger(d) && (d as number) >= 0 && Number.isInteger(g) && (g as number) >= 0).toBe(true)
    }
    for (const p of projects) expect(p.properties.investment_yi === null || (p.properties.investment_yi as number) >= 0).toBe(true)
    for (const r of figures.rows) {
      expect(Number(r.year) >= 2000 && Number(r.year) <= 2100).toBe(true)
      expect(Number.isInteger(Number(r.employees))).toBe(true)
    }
  })

  it('geometry types match each table', () => {
    const types = (fs: ParkFeature[]): Set<string> => new Set(fs.map((f) => f.geometry.type))
    for (const fs of [zones, clusters, parcels, projects]) expect([...types(fs)].every((t) => t === 'Polygon' || t === 'MultiPolygon')).toBe(true)
    expect([...types(enterprises)]).toEqual(['Point'])
    for (const t of types(utilities)) expect(['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']).toContain(t)
  })

  it('every foreign key resolves', () => {
    const missing: string[] = []
    const check = (what: string, id: unknown, set: Map<string, unknown>): void => {
      if (id !== null && !set.has(String(id))) missing.push(`${what} → ${String(id)}`)
    }
    for (const p of parcels) check(`parcel ${p.properties.id}`, p.properties.enterprise_id, enterpriseById)
    for (const p of parcels) check(`parcel ${p.properties.id}`, p.properties.zone_id, zoneById)
    for (const p of projects) check(`project ${p.properties.id}`, p.properties.enterprise_id, enterpriseById)
    for (const p of projects) check(`project ${p.properties.id}`, p.properties.zone_id, zoneById)
    for (const r of idle.rows) check(`idle ${r.id}`, r.parcel_id, parcelById)
    for (const r of figures.rows) check(`figures ${r.enterprise_id}`, r.enterprise_id, enterpriseById)
    expect(missing).toEqual([])
    expect(new Set(figures.rows.map((r) => `${r.enterprise_id}/${r.year}`)).size).toBe(figures.rows.length)
  })
})

describe('sample park geometry', () => {
  it('is valid everywhere (turf booleanValid, no self-intersections)', () => {
    for (const name of LAYERS) {
      for (const f of layers[name]) {
        expect(booleanValid(f), `${name} ${f.properties.id} valid`).toBe(true)
        // A network's lines may meet at junctions; each line on its own must not cross itself.
        const parts: Feature<Drawn>[] =
          f.geometry.type === 'MultiLineString' ? f.geometry.coordinates.map((c) => lineString(c)) : f.geometry.type === 'Point' ? [] : [f as Feature<Drawn>]
        for (const part of parts) expect(kinks(part).features, `${name} ${f.properties.id} kinks`).toHaveLength(0)
      }
    }
  })

  it('has ≥ 150 parcels, all eight statuses, 10–300 mu parcels and a few small-firm lots', () => {
    expect(parcels.length).toBeGreaterThanOrEqual(150)
    expect(new Set(parcels.map((p) => p.properties.status)).size).toBe(8)
    const mu = parcels.map((p) => geodesicArea(p.geometry) / M2_PER_MU)
    expect(Math.max(...mu)).toBeLessThanOrEqual(300)
    const small = parcels.filter((_, i) => mu[i]! < 3)
    expect(small.length).toBeGreaterThanOrEqual(2)
    expect(small.some((p) => p.properties.enterprise_id !== null)).toBe(true)
    expect(mu.filter((m) => m >= 3 && m < 5)).toEqual([])
  })

  it('keeps every parcel inside its park zone', () => {
    const outside = parcels.filter((p) => {
      const z = zoneById.get(String(p.properties.zone_id))!
      return z.properties.kind !== 'park_zone' || !within(p, z)
    })
    expect(outside.map((p) => p.properties.id)).toEqual([])
  })

  it('has no two parcels overlapping (shared edges are fine)', () => {
    const boxes = parcels.map((p) => bbox(p))
    const overlaps: string[] = []
    for (let i = 0; i < parcels.length; i++) {
      for (let j = i + 1; j < parcels.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!]
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue
        const x = intersect(featureCollection([asArea(parcels[i]!), asArea(parcels[j]!)]))
        if (x && turfArea(x) > 0.01) overlaps.push(`${parcels[i]!.properties.id}/${parcels[j]!.properties.id}: ${turfArea(x).toFixed(3)} m²`)
      }
    }
    expect(overlaps).toEqual([])
  })

  it('sizes the zones as the design says and keeps the south district outside the approved boundary', () => {
    const km2 = (id: string): number => geodesicArea(zoneById.get(id)!.geometry) / 1e6
    expect(km2('fengtian')).toBeGreaterThan(6)
    expect(km2('fengtian')).toBeLessThan(8)
    expect(km2('huangxi')).toBeGreaterThan(4)
    expect(km2('huangxi')).toBeLessThan(5)
    expect(km2('south')).toBeGreaterThan(5)
    expect(km2('south')).toBeLessThan(6)
    const approved = zoneById.get('approved-boundary')!
    // the report's rezoning draft is a scenario of the approved boundary (migration 013)
    const draft = readLayer('scenario_versions').find((v) => v.properties.scenario_id === 'draft-2022-south')!
    expect(readCsv('scenarios.csv').rows.find((s) => s.id === 'draft-2022-south')?.zone_id).toBe('approved-boundary')
    expect(within(zoneById.get('fengtian')!, approved)).toBe(true)
    expect(within(zoneById.get('huangxi')!, approved)).toBe(true)
    expect(intersect(featureCollection([asArea(zoneById.get('south')!), asArea(approved)]))).toBeNull()
    expect(within(zoneById.get('south')!, draft)).toBe(true)
    expect(geodesicArea(draft.geometry)).toBeGreaterThan(geodesicArea(approved.geometry))
    const forestInDraft = basemap.filter((b) => b.properties.kind === 'forest' && intersect(featureCollection([asArea(b), asArea(draft)])))
    expect(forestInDraft.length).toBeGreaterThan(0)
  })

  it('puts chemical cluster A inside Fengtian and B in the approved park, clear of Fengtian parcels', () => {
    expect(within(clusterA, zoneById.get('fengtian')!)).toBe(true)
    expect(within(clusterB, zoneById.get('approved-boundary')!)).toBe(true)
    const ftUnderB = parcels.filter((p) => p.properties.zone_id === 'fengtian' && intersect(featureCollection([asArea(p), asArea(clusterB)])))
    expect(ftUnderB).toEqual([])
  })

  it('places each project inside its zone and each firm on its own parcel or site', () => {
    for (const p of projects) expect(within(p, zoneById.get(String(p.properties.zone_id))!), `project ${p.properties.id}`).toBe(true)
    for (const e of enterprises) {
      const own = parcelsOf(String(e.properties.id))
      const sites = own.length ? own : projects.filter((p) => p.properties.enterprise_id === e.properties.id)
      expect(sites.some((s) => booleanPointInPolygon((e.geometry as Point).coordinates, asArea(s))), `enterprise ${e.properties.id}`).toBe(true)
    }
  })
})

describe('the report’s story holds', () => {
  const byName = (zh: string): ParkFeature => enterprises.find((e) => e.properties.name_zh === zh)!

  it('has several chemical firms outside cluster A ∪ B, Boteng among them, Tonghe inside A', () => {
    const chemical = enterprises.filter((e) => e.properties.is_chemical && parcelsOf(String(e.properties.id)).length)
    const outside = chemical.filter((e) => parcelsOf(String(e.properties.id)).every((p) => !inCluster(p)))
    expect(chemical.length).toBeGreaterThanOrEqual(5)
    expect(outside.length).toBeGreaterThanOrEqual(2)
    expect(outside.length).toBeLessThan(chemical.length)
    expect(outside).toContain(byName('博腾药业'))
    const tonghe = parcelsOf(String(byName('同和药业').properties.id))
    expect(tonghe.every((p) => booleanPointInPolygon(centroid(p), asArea(clusterA)))).toBe(true)
  })

  it('gives idle plots a parcel whose status follows the case', () => {
    const statusFor = (r: Record<string, string | null>): string => parcelStatusForCase(r.stage as IdleStage, r.category as IdleCategory)
    for (const r of idle.rows) {
      const parcel = parcelById.get(String(r.parcel_id))!
      expect(parcel.properties.status, `idle ${r.id}`).toBe(statusFor(r))
      // the lessee holds the parcel: named as the successor once revitalised, in the plan before
      const lessee = String(enterpriseById.get(String(parcel.properties.enterprise_id))?.properties.name_zh)
      if (r.disposal === 'lease' && r.stage === 'revitalised') expect(lessee).toBe(r.successor_zh)
      if (r.disposal === 'lease') expect(steps.rows.find((s) => s.case_id === r.id && s.stage === 'disposal_plan')?.note).toContain(lessee)
      if (r.category === 'idle') expect(r.agreed_start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(String(r.flagged_on) >= '2020-01-01' && String(r.flagged_on) <= '2022-12-31').toBe(true)
    }
    expect(new Set(idle.rows.map((r) => r.parcel_id)).size).toBe(idle.rows.length)
    const oubiao = idle.rows.find((r) => r.holder_zh === '欧标')!
    expect(oubiao).toMatchObject({ disposal: 'swap_cage', stage: 'implementing' })
    expect(steps.rows.find((s) => s.case_id === oubiao.id && s.stage === 'disposal_plan')?.note).toContain('亿利洁能')
    expect(idle.rows.find((r) => r.holder_zh === '翔天木业')).toMatchObject({ disposal: 'court_auction', stage: 'revitalised' })
  })

  it("gives each case its steps along its category's path, dated in order, with each step's fields, all marked as samples", () => {
    for (const r of idle.rows) {
      const own = steps.rows.filter((s) => s.case_id === r.id)
      const path = IDLE_PATHS[r.category as IdleCategory]
      expect(own.map((s) => s.stage), String(r.id)).toEqual(path.slice(0, own.length))
      expect(own.at(-1)!.stage).toBe(r.stage)
      expect(own.map((s) => Number(s.seq))).toEqual(own.map((_, i) => i + 1))
      expect(own[0]).toMatchObject({ happened_on: r.flagged_on, note: r.reason })
      const days = own.map((s) => String(s.happened_on))
      expect(days).toEqual([...days].sort())
      for (const s of own) {
        expect(s.is_sample).toBe('true')
        for (const f of STEP_FIELDS[s.stage as IdleStage].required) expect(s[f], `${String(r.id)} ${String(s.stage)} ${f}`).not.toBeNull()
        if (s.doc_no !== null) expect(s.doc_no).toMatch(/示例/)
      }
    }
  })

  it('holds figures for producing firms with land, with the deliberate gaps', () => {
    const rows = (id: string, year: number) => figures.rows.filter((r) => r.enterprise_id === id && Number(r.year) === year)
    const producing = enterprises.filter((e) => e.properties.started_year !== null && parcelsOf(String(e.properties.id)).length)
    const missing2022 = producing.filter((e) => !rows(String(e.properties.id), 2022).length)
    expect(missing2022).toHaveLength(1)
    for (const e of producing) {
      if ((e.properties.started_year as number) <= 2021) expect(rows(String(e.properties.id), 2021), `${e.properties.id} 2021`).toHaveLength(1)
    }
    for (const e of enterprises.filter((x) => x.properties.started_year === null)) expect(figures.rows.filter((r) => r.enterprise_id === e.properties.id)).toEqual([])
    expect(enterprises.some((e) => !parcelsOf(String(e.properties.id)).length)).toBe(true)
    expect(figures.rows.every((r) => r.is_sample === 'true')).toBe(true)
    for (const r of figures.rows.filter((x) => Number(x.year) === 2022)) {
      expect(enterpriseById.get(String(r.enterprise_id))!.properties.above_scale, `${r.enterprise_id} 规上`).toBe(Number(r.revenue_wan) >= 2000)
    }
    const newlyAbove = enterprises.filter((e) => e.properties.above_scale && rows(String(e.properties.id), 2021).some((r) => Number(r.revenue_wan) < 2000))
    expect(newlyAbove.map((e) => e.properties.name_zh)).toEqual(['天恩新材料'])
  })

  it('shows the south district under acquisition, CATL and Gotion on reserved land awaiting approval', () => {
    const south = parcels.filter((p) => p.properties.zone_id === 'south')
    for (const id of ['catl', 'gotion']) {
      const own = parcelsOf(id)
      expect(own.length).toBeGreaterThan(0)
      expect(own.every((p) => p.properties.zone_id === 'south' && p.properties.status === 'reserved' && p.properties.land_approval === 'pending')).toBe(true)
    }
    expect(parcelsOf('catl').every((p) => p.properties.forest_approval === 'approved')).toBe(true)
    expect(south.some((p) => p.properties.forest_approval === 'pending')).toBe(true)
    expect(south.some((p) => p.properties.status === 'under_acquisition')).toBe(true)
    expect(south.reduce((s, p) => s + (p.properties.demolished_buildings as number), 0)).toBeGreaterThan(0)
    expect(south.reduce((s, p) => s + (p.properties.relocated_graves as number), 0)).toBeGreaterThan(0)
    const ft = parcels.filter((p) => p.properties.zone_id === 'fengtian')
    expect(ft.filter((p) => p.properties.status === 'occupied').length / ft.length).toBeGreaterThan(0.8)
    for (const p of parcels.filter((x) => x.properties.status === 'available')) expect(p.properties.price_wan_per_mu).not.toBeNull()
  })

  it('names every entity of the report in Chinese', () => {
    const names = (fs: ParkFeature[], key = 'name_zh'): string[] => fs.map((f) => String(f.properties[key]))
    const expected: [string, string[], string[]][] = [
      ['enterprises', names(enterprises), ['璞泰来产业园', '紫宸科技', '宁新新材料', '云威新材料', '飞宇新能源', '宁昱鸿新材料', '深泓新材料', '博腾药业', '同和药业', '金源纺织', '宝源', '华春', '中江纺织', '天恩新材料', '金利股份', '九岭新能源', '昊能新材料', '锦赛义纺织', '远瑞工艺制品', '东岛新能源', '金大高科', '赣锋锂业', '宁德时代', '国轩高科', '先导新材料', '东慕科隆', '亿利洁能', '联熙水务']],
      ['projects', names(projects), ['宁德时代项目', '国轩高科一期', '璞泰来产业园', '宁新新材料二期', '云威新材料', '飞宇新能源技改', '宁昱鸿新材料', '深泓新材料', '博腾药业原料药及中间体项目', '同和药业原料药', '金源5G智能织造', '先导新材料', '东慕科隆', '亿利洁能南区集中供汽', '污水处理厂扩容', '新能源新材料产业园土方平整', '欣旺达锂电材料项目', '亿纬锂能项目']],
      ['idle plots', idle.rows.map((r) => String(r.holder_zh)), ['翔天木业', '颖盛纺织', '欧标', '庆丰包装', '宏伟汽配']],
      ['utilities', names(utilities), ['天工南大道高压线', '宁德时代专用变电站', '宁德时代变电站输电线路', '陶家线', '南区临时供水管', '南区临时用电线路', '天然气一期管道', '亿利洁能集中供汽管网', '联熙水务污水处理厂', '高新园区110kV变电站']],
      ['zones', names(zones), ['冯田区', '黄溪新区', '南区', '高新园区批准范围']],
      ['clusters', names(clusters), ['化工集中区A区（建成区）', '化工集中区B区（规划发展区）']],
      ['basemap', names(basemap), ['天工南大道', '冯水']],
    ]
    for (const [layer, have, want] of expected) expect(want.filter((n) => !have.includes(n)), layer).toEqual([])
  })
})

describe('the generator', () => {
  it('reproduces data/ byte for byte', () => {
    const { files } = buildSamplePark()
    expect(files.size).toBe(13)
    for (const [name, text] of files) expect(text === readText(name), `${name} differs: run npm run generate:park`).toBe(true)
  })
})
