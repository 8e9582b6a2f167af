import gjv from 'geojson-validation'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

interface FeatureCollection {
  type: 'FeatureCollection'
  numberReturned: number
  features: { type: 'Feature'; id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]
}

const LAYER_TABLES: Record<string, string> = {
  zones: 'zones',
  chemical_clusters: 'chemical_clusters',
  parcels: 'parcels',
  enterprises: 'enterprises',
  projects: 'projects',
  utilities: 'utilities',
  idle_plots: 'idle_plots',
  basemap: 'basemap',
}

async function count(ctx: { db: { pool: import('pg').Pool } }, sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(sql, values)
  return rows[0]?.n ?? -1
}

forEachDatabase((ctx) => {
  describe('GET /api/layers/:id/features', () => {
    for (const [layer, table] of Object.entries(LAYER_TABLES)) {
      it(`${layer}: every row as valid RFC 7946 GeoJSON`, async () => {
        const res = await ctx.app.inject(`/api/layers/${layer}/features?limit=10000`)
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
        const fc = res.json() as FeatureCollection
        expect(gjv.valid(fc, true)).toEqual([])
        expect(fc.features.length).toBe(await count(ctx, `SELECT count(*)::int AS n FROM ${table}`))
        expect(fc.numberReturned).toBe(fc.features.length)
        for (const f of fc.features) {
          expect(typeof f.id).toBe('string')
          expect(f.properties).not.toHaveProperty('geom')
        }
      })
    }

    it('polygon layers carry the ellipsoidal area, equal to ST_Area on geography', async () => {
      const res = await ctx.app.inject('/api/layers/parcels/features?limit=5')
      const fc = res.json() as FeatureCollection
      expect(fc.features).toHaveLength(5)
      for (const f of fc.features) {
        const { rows } = await ctx.db.pool.query<{ a: number }>('SELECT ST_Area(geom::geography) AS a FROM parcels WHERE id = $1', [f.id])
        expect(f.properties.area_m2).toBeCloseTo(rows[0]!.a, 6)
        expect(f.properties.area_m2 as number).toBeGreaterThan(0)
      }
    })

    it('bbox keeps exactly the features whose geometry meets the box', async () => {
      const box = [115.38, 28.66, 115.41, 28.69] as const
      const res = await ctx.app.inject(`/api/layers/parcels/features?bbox=${box.join(',')}&limit=10000`)
      expect(res.statusCode).toBe(200)
      const fc = res.json() as FeatureCollection
      const expected = await count(ctx, 'SELECT count(*)::int AS n FROM parcels WHERE geom && ST_MakeEnvelope($1,$2,$3,$4,4326)', [...box])
      expect(fc.features.length).toBe(expected)
    })

    it('a box far from the park gives an empty collection, not an error', async () => {
      const res = await ctx.app.inject('/api/layers/parcels/features?bbox=10,10,11,11')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ type: 'FeatureCollection', numberReturned: 0, features: [] })
    })

    it('limit caps the number of features, in id order', async () => {
      const res = await ctx.app.inject('/api/layers/parcels/features?limit=3')
      const fc = res.json() as FeatureCollection
      const ids = fc.features.map((f) => f.id)
      expect(ids).toHaveLength(3)
      expect([...ids].sort()).toEqual(ids)
    })

    describe('bad parameters get a 4xx JSON error naming the problem', () => {
      const cases: [string, number, RegExp][] = [
        ['/api/layers/nope/features', 404, /unknown layer "nope"/],
        ['/api/layers/parcels%3B%20DROP%20TABLE%20parcels/features', 404, /unknown layer/],
        ['/api/layers/parcels/features?bbox=1,2,3', 422, /bbox must be 4 numbers/],
        ['/api/layers/parcels/features?bbox=a,b,c,d', 422, /finite numbers/],
        ['/api/layers/parcels/features?bbox=115,28,NaN,29', 422, /finite numbers/],
        ['/api/layers/parcels/features?bbox=115,28,,29', 422, /finite numbers/],
        ['/api/layers/parcels/features?bbox=-200,28,115,29', 422, /outside/],
        ['/api/layers/parcels/features?bbox=115,95,116,96', 422, /outside/],
        ['/api/layers/parcels/features?bbox=116,28,115,29', 422, /min must not exceed max/],
        ['/api/layers/parcels/features?limit=0', 400, /query.limit must be >= 1, got 0/],
        ['/api/layers/parcels/features?limit=10001', 400, /query.limit must be <= 10000/],
        ['/api/layers/parcels/features?limit=-5', 400, /query.limit must be >= 1/],
        ['/api/layers/parcels/features?limit=abc', 400, /query.limit must be integer, got "abc"/],
        ['/api/layers/parcels/features?limit=1.5', 400, /query.limit must be integer/],
        ["/api/layers/parcels/features?limit=1%20OR%201=1", 400, /query.limit must be integer/],
      ]
      for (const [url, status, message] of cases) {
        it(`${url} → ${status}`, async () => {
          const before = await count(ctx, 'SELECT count(*)::int AS n FROM parcels')
          const res = await ctx.app.inject(url)
          expect(res.statusCode).toBe(status)
          expect(res.headers['content-type']).toMatch(/^application\/json/)
          const body = res.json() as { error: { code: string; message: string } }
          expect(body.error.message).toMatch(message)
          expect(body.error.message).not.toMatch(/SELECT|postgres|at .*\.ts/i)
          expect(await count(ctx, 'SELECT count(*)::int AS n FROM parcels')).toBe(before)
        })
      }
    })
  })
}, { signedInAs: 'planner' }) // internal layers and columns: the public view is in access-matrix.test.ts
