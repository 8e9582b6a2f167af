import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

interface OverlapFeature {
  id: string
  properties: Record<string, unknown>
  class: 'inside' | 'partial' | 'outside'
  feature_m2: number | null
  overlap_m2: number | null
  outside_m2: number | null
  share: number
}
interface OverlapResponse {
  subject: { m2: number; mu: number }
  layers: { id: string; features: OverlapFeature[]; totals: { count: number; inside: number; partial: number; outside: number; overlap_m2: number; share_of_subject: number } }[]
}
type ParcelFeature = Feature<MultiPolygon, { status: string; enterprise_id: string | null; zone_id: string }> & { id: string }

forEachDatabase((ctx) => {
  const post = (body: unknown) => ctx.app.inject({ method: 'POST', url: '/api/analysis/overlap', payload: body as object })

  async function parcel(id: string): Promise<ParcelFeature> {
    const fc = (await ctx.app.inject('/api/layers/parcels/features?limit=10000')).json() as { features: ParcelFeature[] }
    const f = fc.features.find((x) => x.id === id)
    if (!f) throw new Error(`no parcel ${id}`)
    return f
  }

  async function overlapOf(body: unknown): Promise<OverlapResponse> {
    const res = await post(body)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as OverlapResponse
  }

  /** A parcel that shares an edge with another: the touching case. */
  async function parcelWithNeighbour(): Promise<{ id: string; neighbour: string }> {
    const { rows } = await ctx.db.pool.query<{ a: string; b: string }>(
      `SELECT a.id AS a, b.id AS b FROM parcels a JOIN parcels b ON a.id < b.id AND ST_Touches(a.geom, b.geom)
       WHERE ST_Dimension(ST_Intersection(a.geom, b.geom)) = 1 ORDER BY a.id, b.id LIMIT 1`,
    )
    expect(rows.length, 'the sample park has parcels sharing an edge').toBe(1)
    return { id: rows[0]!.a, neighbour: rows[0]!.b }
  }

  it('a parcel against itself: inside, share 1; a neighbour sharing an edge: outside with zero overlap', async () => {
    const { id, neighbour } = await parcelWithNeighbour()
    const p = await parcel(id)
    const body = await overlapOf({ geometry: p.geometry, layers: ['parcels'] })
    const byId = new Map(body.layers[0]!.features.map((f) => [f.id, f]))
    expect(byId.get(id)).toMatchObject({ class: 'inside', share: 1 })
    expect(byId.get(id)!.overlap_m2).toBe(byId.get(id)!.feature_m2)
    expect(byId.get(neighbour)).toMatchObject({ class: 'outside', overlap_m2: 0, share: 0 })
    expect(body.subject.m2).toBeCloseTo(byId.get(id)!.feature_m2!, 4)
    for (const f of body.layers[0]!.features) if (f.id !== id) expect(f.class, f.id).toBe('outside')
  })

  it('splitting a boundary in two splits every overlap in two: west + east = whole', async () => {
    const p = await parcel((await parcelWithNeighbour()).id)
    const [minX, minY, maxX, maxY] = turf.bbox(p)
    const midX = (minX + maxX) / 2
    const box = (x1: number, x2: number): Polygon => turf.bboxPolygon([x1, minY - 0.001, x2, maxY + 0.001]).geometry
    const west = await overlapOf({ geometry: box(minX - 0.001, midX), layers: ['parcels'] })
    const east = await overlapOf({ geometry: box(midX, maxX + 0.001), layers: ['parcels'] })
    const w = west.layers[0]!.features.find((f) => f.id === p.id)!
    const e = east.layers[0]!.features.find((f) => f.id === p.id)!
    expect(w.class).toBe('partial')
    expect(e.class).toBe('partial')
    expect(w.overlap_m2! + e.overlap_m2!).toBeCloseTo(w.feature_m2!, 3)
    expect(w.share + e.share).toBeCloseTo(1, 9)
    for (const f of [...west.layers[0]!.features, ...east.layers[0]!.features]) {
      // inside + outside always make the whole feature
      expect(f.overlap_m2! + f.outside_m2!).toBeCloseTo(f.feature_m2!, 6)
      expect(f.share).toBeGreaterThanOrEqual(0)
      expect(f.share).toBeLessThanOrEqual(1)
    }
  })

  it('a boundary away from everything touches nothing', async () => {
    const body = await overlapOf({ geometry: turf.bboxPolygon([110, 20, 110.01, 20.01]).geometry, layers: ['parcels', 'zones'] })
    for (const layer of body.layers) expect(layer.features).toEqual([])
    expect(body.subject.m2).toBeGreaterThan(1e6)
  })

  it('what the rezoning scenario takes in and leaves out: every parcel classified once', async () => {
    const body = await overlapOf({ ref: { layer: 'scenarios', ids: ['draft-2022-south'] }, layers: ['parcels', 'projects'], include: 'all' })
    const parcels = body.layers.find((l) => l.id === 'parcels')!
    const { rows } = await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels')
    expect(parcels.totals.count).toBe(rows[0]!.n)
    expect(parcels.totals.inside + parcels.totals.partial + parcels.totals.outside).toBe(parcels.totals.count)
    // the draft exists to take in the south district
    for (const f of parcels.features.filter((x) => x.properties.zone_id === 'south')) expect(f.class, f.id).toBe('inside')
    expect(parcels.totals.share_of_subject).toBeGreaterThan(0)
    expect(parcels.totals.share_of_subject).toBeLessThanOrEqual(1)
  })

  it('how much of the draft lies on forest: the base map land cover answers', async () => {
    const body = await overlapOf({ ref: { layer: 'scenarios', ids: ['draft-2022-south'] }, layers: ['basemap'] })
    const land = body.layers[0]!
    expect(land.features.every((f) => ['forest', 'water', 'village'].includes(String(f.properties.kind)))).toBe(true)
    expect(land.features.some((f) => f.properties.kind === 'forest' && f.overlap_m2! > 0)).toBe(true)
  })

  describe('GET /api/analysis/chemical-firms-outside-cluster', () => {
    it('answers the report: which chemical firms stand outside cluster A ∪ B', async () => {
      const res = await ctx.app.inject('/api/analysis/chemical-firms-outside-cluster')
      expect(res.statusCode).toBe(200)
      const body = res.json() as { chemical_firms: number; outside: number; firms: { id: string; class: string; parcel_ids: string[] }[] }
      const chem = await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprises WHERE is_chemical')
      expect(body.chemical_firms).toBe(chem.rows[0]!.n)
      expect(body.firms.find((f) => f.id === 'boteng')?.class).toBe('outside')
      expect(body.outside).toBeGreaterThan(0)

      // Independently, with turf on the layers' GeoJSON: a firm is outside when none of its parcels meets the cluster's interior.
      const clusters = (await ctx.app.inject('/api/layers/chemical_clusters/features')).json() as { features: Feature<MultiPolygon>[] }
      const parcels = (await ctx.app.inject('/api/layers/parcels/features?limit=10000')).json() as { features: ParcelFeature[] }
      for (const firm of body.firms) {
        const held = parcels.features.filter((p) => p.properties.enterprise_id === firm.id)
        expect(held.map((p) => p.id).sort()).toEqual(firm.parcel_ids)
        if (held.length === 0) continue
        const within = held.every((p) => clusters.features.some((c) => turf.booleanWithin(p, c)))
        const meets = held.some((p) => clusters.features.some((c) => (turf.intersect(turf.featureCollection([p, c])) ? turf.area(turf.intersect(turf.featureCollection([p, c]))!) > 1 : false)))
        expect(firm.class, firm.id).toBe(within ? 'inside' : meets ? 'partial' : 'outside')
      }
    })
  })

  describe('bad requests get a 4xx and a clear message', () => {
    const square = turf.bboxPolygon([115.39, 28.69, 115.4, 28.7]).geometry
    const cases: [string, unknown, number, RegExp][] = [
      ['no subject', { layers: ['parcels'] }, 400, /exactly one of "geometry" or "ref"/],
      ['two subjects', { geometry: square, ref: { layer: 'zones' }, layers: ['parcels'] }, 400, /exactly one/],
      ['no layers', { geometry: square, layers: [] }, 400, /layers/],
      ['unknown layer', { geometry: square, layers: ['secrets'] }, 400, /layers/],
      ['a layer twice', { geometry: square, layers: ['parcels', 'parcels'] }, 400, /duplicate|unique/i],
      ['ref to an unknown layer', { ref: { layer: 'basemap' }, layers: ['parcels'] }, 400, /ref/],
      ['ref to no feature', { ref: { layer: 'zones', ids: ["x' OR '1'='1"] }, layers: ['parcels'] }, 404, /no feature matched/],
      ['a self-intersecting boundary', { geometry: { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.71], [115.41, 28.7], [115.4, 28.71], [115.4, 28.7]]] }, layers: ['parcels'] }, 422, /Self-intersection/],
      ['a line as boundary', { geometry: { type: 'LineString', coordinates: [[115.4, 28.7], [115.41, 28.71]] }, layers: ['parcels'] }, 422, /Polygon/],
      ['an unknown field', { geometry: square, layers: ['parcels'], sql: 'DROP TABLE parcels' }, 400, /unknown field "sql"/],
    ]
    for (const [name, body, status, message] of cases) {
      it(name, async () => {
        const res = await post(body)
        expect(res.statusCode, res.body).toBe(status)
        expect((res.json() as { error: { message: string } }).error.message).toMatch(message)
      })
    }

    it('an invalid geometry among several is named as /api/analysis/area names it: index, PostGIS\'s reason, location', async () => {
      const bowTie = { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.71], [115.41, 28.7], [115.4, 28.71], [115.4, 28.7]]] }
      const collection = { type: 'FeatureCollection', features: [square, bowTie].map((geometry) => ({ type: 'Feature', properties: {}, geometry })) }
      const res = await post({ geometry: collection, layers: ['parcels', 'zones'] })
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json()).toMatchObject({
        error: { code: 'invalid_geometry', details: { index: 1, reason: 'Self-intersection', location: [expect.any(Number), expect.any(Number)] } },
      })
      const area = await ctx.app.inject({ method: 'POST', url: '/api/analysis/area', payload: collection })
      expect(area.statusCode, area.body).toBe(422)
      expect(res.json()).toEqual(area.json())
    })
  })
}, { signedInAs: 'planner' }) // overlap analysis is internal (web/src/shared/access-policy.ts)
