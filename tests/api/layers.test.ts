import { expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

const REQUIRED = ['zones', 'chemical_clusters', 'parcels', 'enterprises', 'projects', 'utilities']

interface LayerInfo { id: string; title: string; title_en: string; count: number; geometryType: string }

forEachDatabase((ctx) => {
  const count = async (sql: string) => (await ctx.db.pool.query<{ n: number }>(sql)).rows[0]?.n

  it('GET /api/layers lists every layer with its row count', async () => {
    const res = await ctx.app.inject('/api/layers')
    expect(res.statusCode).toBe(200)
    const layers = res.json() as LayerInfo[]
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining([...REQUIRED, 'idle_plots']))
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
    expect(layers.find((l) => l.id === 'parcels')?.count).toBe(await count('SELECT count(*)::int AS n FROM parcels'))
  })

  it('the public list has no idle plots, and counts only the rows the public may see', async () => {
    const res = await ctx.anonymous.inject('/api/layers')
    expect(res.statusCode).toBe(200)
    const layers = res.json() as LayerInfo[]
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(REQUIRED))
    expect(layers.map((l) => l.id)).not.toContain('idle_plots')
    const byId = Object.fromEntries(layers.map((l) => [l.id, l.count]))
    expect(byId.zones).toBe(await count(`SELECT count(*)::int AS n FROM zones`))
    expect(byId.projects).toBe(await count(`SELECT count(*)::int AS n FROM projects WHERE stage NOT IN ('reserve', 'negotiating')`))
    expect(byId.parcels).toBe(await count('SELECT count(*)::int AS n FROM parcels'))
  })
}, { signedInAs: 'planner' })
