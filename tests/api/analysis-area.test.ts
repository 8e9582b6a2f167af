import type { MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { geodesicArea } from '../../web/src/shared/geodesic-area'
import { M2_PER_MU } from '../../web/src/shared/units'
import { VERTEX_BUDGET } from '../../web/src/shared/access-policy'
import { forEachDatabase } from '../helpers/databases'
import { PARK, areaTolerance, geodesicSquare, polygon, referenceArea, seededRandom, starRing } from '../helpers/geodesy'

interface AreaFigures { m2: number; mu: number; ha: number }
interface AreaResponse { features: AreaFigures[]; total: AreaFigures; projected?: AreaFigures & { epsg: number; centralMeridian: number } }

forEachDatabase((ctx) => {
  const post = (body: unknown, query = '') =>
    ctx.app.inject({ method: 'POST', url: `/api/analysis/area${query}`, payload: body as object })

  async function apiArea(g: Polygon | MultiPolygon): Promise<number> {
    const res = await post(g)
    expect(res.statusCode, res.body).toBe(200)
    return (res.json() as AreaResponse).total.m2
  }

  describe('POST /api/analysis/area agrees with GeographicLib', () => {
    it.each([
      ['1 m²', 1],
      ['100 m²', 10],
      ['1 ha', 100],
      ['1 km²', 1000],
      ['100 km²', 10_000],
    ])('geodesic square of %s', async (_, side) => {
      const g = polygon(geodesicSquare(side))
      const expected = referenceArea(g)
      expect(Math.abs((await apiArea(g)) - expected)).toBeLessThanOrEqual(areaTolerance(expected))
      // and the browser's module gives the same figure
      expect(Math.abs(geodesicArea(g) - expected)).toBeLessThanOrEqual(areaTolerance(expected))
    })

    it('polygon with holes, in either ring orientation', async () => {
      const outer = geodesicSquare(800)
      const hole = starRing(24, 120, () => 1, PARK.lat + 0.003, PARK.lon + 0.004)
      const g = polygon(outer, hole)
      const expected = referenceArea(g)
      expect(Math.abs((await apiArea(g)) - expected)).toBeLessThanOrEqual(areaTolerance(expected))
      const reversed = polygon([...outer].reverse(), [...hole].reverse())
      expect(Math.abs((await apiArea(reversed)) - expected)).toBeLessThanOrEqual(areaTolerance(expected))
    })

    it('multipolygon: parts add up', async () => {
      const g: MultiPolygon = {
        type: 'MultiPolygon',
        coordinates: [[geodesicSquare(300)], [geodesicSquare(500, PARK.lat + 0.02)], [starRing(30, 50, () => 1, PARK.lat - 0.01)]],
      }
      const expected = referenceArea(g)
      expect(Math.abs((await apiArea(g)) - expected)).toBeLessThanOrEqual(areaTolerance(expected))
    })

    it('seeded random parcels from 1 m to 5 km across', async () => {
      const random = seededRandom(2022)
      const features: { type: 'Feature'; properties: object; geometry: Polygon }[] = []
      for (let i = 0; i < 40; i++) {
        const radius = 10 ** (random() * 3.7) // 1 m … 5 km
        const n = 3 + Math.floor(random() * 20)
        const ring = starRing(n, radius, () => 0.3 + random(), PARK.lat + (random() - 0.5) * 0.1, PARK.lon + (random() - 0.5) * 0.1)
        features.push({ type: 'Feature', properties: {}, geometry: polygon(ring) })
      }
      const res = await post({ type: 'FeatureCollection', features })
      expect(res.statusCode).toBe(200)
      const body = res.json() as AreaResponse
      expect(body.features).toHaveLength(40)
      body.features.forEach((f, i) => {
        const expected = referenceArea(features[i]!.geometry)
        expect(Math.abs(f.m2 - expected), `feature ${i}`).toBeLessThanOrEqual(areaTolerance(expected))
        expect(f.mu).toBeCloseTo(f.m2 / M2_PER_MU, 9)
        expect(f.ha).toBeCloseTo(f.m2 / 10_000, 9)
      })
      expect(body.total.m2).toBeCloseTo(body.features.reduce((s, f) => s + f.m2, 0), 6)
    })
  })

  it('returns the Gauss-Krüger plane area on request, zone from the centroid or overridden', async () => {
    const g = polygon(geodesicSquare(1000))
    const res = await post(g, '?projected=gk')
    expect(res.statusCode).toBe(200)
    const body = res.json() as AreaResponse
    expect(body.projected).toMatchObject({ epsg: 4547, centralMeridian: 114 })
    // 1.4° east of the central meridian the TM scale factor k ≈ 1 + (Δλ cos φ)² / 2, area ×k²
    const dl = (1.4 * Math.PI) / 180
    const k = 1 + (dl * Math.cos((PARK.lat * Math.PI) / 180)) ** 2 / 2
    expect(body.projected!.m2 / body.total.m2).toBeCloseTo(k * k, 4)
    const prefixed = (await post(g, '?projected=gk&epsg=4526')).json() as AreaResponse
    expect(prefixed.projected).toMatchObject({ epsg: 4526, centralMeridian: 114 })
    // the zone prefix only shifts eastings (by 38,000 km): same area to rounding
    expect(Math.abs(prefixed.projected!.m2 - body.projected!.m2) / body.projected!.m2).toBeLessThan(1e-9)
    const otherZone = (await post(g, '?projected=gk&cm=117')).json() as AreaResponse
    expect(otherZone.projected!.centralMeridian).toBe(117)
    expect(otherZone.projected!.m2).not.toBeCloseTo(body.projected!.m2, 0)
  })

  describe('a Gauss-Krüger zone the shape does not lie in is refused (422), naming its own zone', () => {
    const at115 = polygon(geodesicSquare(1000, PARK.lat, 115))
    const cases: [string, string, RegExp][] = [
      ['cm=75 for a shape at 115°E', '?projected=gk&cm=75', /^query\.cm: the shape \(115°E–115\.0\d+°E\) does not lie in the 3° Gauss-Krüger zone of central meridian 75°E .*its zone is 114°E \(EPSG:4547\)/],
      ['cm=120 (two zones east)', '?projected=gk&cm=120', /^query\.cm: .*central meridian 120°E/],
      ['epsg=4534 (75°E)', '?projected=gk&epsg=4534', /^query\.epsg: .*central meridian 75°E.*its zone is 114°E/],
      ['epsg=4513 (75°E, prefixed)', '?projected=gk&epsg=4513', /^query\.epsg: .*its zone is 114°E \(EPSG:4526\)/],
    ]
    for (const [name, query, message] of cases) {
      it(name, async () => {
        const res = await post(at115, query)
        expect(res.statusCode, res.body).toBe(422)
        expect(res.json()).toMatchObject({ error: { code: 'invalid_parameter', message: expect.stringMatching(message) } })
      })
    }

    it('the zone it lies in, and the neighbouring one within a quarter degree, still answer', async () => {
      expect((await post(at115, '?projected=gk&cm=114')).statusCode).toBe(200)
      expect((await post(polygon(geodesicSquare(1000)), '?projected=gk&cm=117')).statusCode).toBe(200)
    })

    it('a shape wider than any zone gets no plane area at all', async () => {
      const wide = polygon([[112, 28], [117.5, 28], [117.5, 29], [112, 29], [112, 28]])
      const res = await post(wide, '?projected=gk')
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().error.message).toMatch(/spans 112°E–117\.5°E, wider than one 3° Gauss-Krüger zone/)
      // the ellipsoidal area alone is still fine
      expect((await post(wide)).statusCode).toBe(200)
    })
  })

  describe('bad input gets a 4xx with a clear message', () => {
    const square = geodesicSquare(100)
    const bowtie = polygon([[115.4, 28.7], [115.401, 28.701], [115.401, 28.7], [115.4, 28.701], [115.4, 28.7]])
    const many = starRing(VERTEX_BUDGET.public, 1000, () => 1) // + the closing position: one over the public budget
    const cases: [string, unknown, number, RegExp][] = [
      ['a point', { type: 'Point', coordinates: [115.4, 28.7] }, 422, /Polygon (and|or) MultiPolygon/],
      ['a line', { type: 'LineString', coordinates: [[115.4, 28.7], [115.5, 28.7]] }, 422, /Polygon (and|or) MultiPolygon/],
      ['unclosed ring', polygon(square.slice(0, -1)), 422, /not closed/],
      ['a ring of 3 positions', polygon([[115.4, 28.7], [115.5, 28.7], [115.4, 28.7]]), 422, /at least 4 positions/],
      ['self-intersection', bowtie, 422, /Self-intersection at \[/],
      ['empty polygon', { type: 'Polygon', coordinates: [] }, 422, /outer ring/],
      ['empty collection', { type: 'FeatureCollection', features: [] }, 422, /empty/],
      ['NaN coordinate', { type: 'Polygon', coordinates: [[[115.4, 28.7], ['NaN', 28.7], [115.5, 28.8], [115.4, 28.7]]] }, 422, /finite/],
      ['latitude out of range', polygon([[115.4, 95], [115.5, 95], [115.5, 96], [115.4, 95]]), 422, /out of range/],
      ['projected metres', polygon([[38_500_000, 3_175_000], [38_501_000, 3_175_000], [38_501_000, 3_176_000], [38_500_000, 3_175_000]]), 422, /projected metres/],
      ['a Feature without geometry', { type: 'Feature', properties: {}, geometry: null }, 422, /Polygon (and|or) MultiPolygon/],
      ['a string', 'POLYGON((0 0,1 0,1 1,0 0))', 422, /GeoJSON/],
      ['more vertices than the public budget', polygon(many), 422, /too many vertices: at most 2000/],
    ]
    for (const [name, body, status, message] of cases) {
      it(name, async () => {
        const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/area', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        expect(res.statusCode, res.body).toBe(status)
        expect((res.json() as { error: { message: string } }).error.message).toMatch(message)
      })
    }

    it('broken JSON → 400', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/area', payload: '{"type": "Polygon", ', headers: { 'content-type': 'application/json' } })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ error: { message: expect.any(String) } })
    })

    it('a body over the limit → 413', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/area', payload: `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`, headers: { 'content-type': 'application/json' } })
      expect(res.statusCode).toBe(413)
    })

    it('an unknown projection option → 400', async () => {
      const res = await post(polygon(square), '?projected=utm')
      expect(res.statusCode).toBe(400)
    })
  })
})
