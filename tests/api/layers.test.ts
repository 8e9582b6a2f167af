import { expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

const REQUIRED = ['zones', 'chemical_clusters', 'parcels', 'enterprises', 'projects', 'utilities']

forEachDatabase((ctx) => {
  it('GET /api/layers lists every layer with its row count', async () => {
    const res = await ctx.app.inject('/api/layers')
    expect(res.statusCode).toBe(200)
    const layers = res.json() as { id: string; title: string; title_en: string; count: number; geometryType: string }[]
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(REQUIRED))
    for (const layer of layers) {
      expect(layer).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        title_en: expect.any(String),
        count: expect.any(Number),
        geometryType: expect.stringMatching(/^(MultiPolygon|Point|Geometry)$/),
      })
      expect(layer.count, layer.id).toBeGreaterThan(0)
    }
    // The count is the table's, not a cached or typed-in number.
    const parcels = await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels')
    expect(layers.find((l) => l.id === 'parcels')?.count).toBe(parcels.rows[0]?.n)
  })
})
