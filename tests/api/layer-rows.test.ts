import { expect, it } from 'vitest'
import type { LayerInfo, LayerRows, ParkFeatureCollection } from '../../web/src/shared/api/layers'
import { forEachDatabase } from '../helpers/databases'

/** Every coordinate of a GeoJSON geometry, however nested. */
function positions(value: unknown): [number, number][] {
  if (Array.isArray(value) && typeof value[0] === 'number') return [value as [number, number]]
  return Array.isArray(value) ? value.flatMap(positions) : []
}

forEachDatabase((ctx) => {
  // The attribute table must say exactly what the map's features say, for each audience.
  for (const audience of ['internal', 'public'] as const) {
    it(`the ${audience} rows of every layer are its features' properties, row for row, with their bounding boxes`, async () => {
      const app = audience === 'internal' ? ctx.app : ctx.anonymous
      const layers = (await app.inject('/api/layers')).json() as LayerInfo[]
      expect(layers.length).toBeGreaterThan(5)
      for (const info of layers) {
        const res = await app.inject(`/api/layers/${info.id}/rows`)
        expect(res.statusCode, info.id).toBe(200)
        expect(res.headers['content-type']).toMatch(/^application\/json/)
        const table = res.json() as LayerRows
        const fc = (await app.inject(`/api/layers/${info.id}/features?limit=10000`)).json() as ParkFeatureCollection
        expect(table.layer).toBe(info.id)
        expect(table.numberMatched, info.id).toBe(info.count)
        expect(table.rows).toHaveLength(fc.features.length)
        expect(table.bboxes).toHaveLength(fc.features.length)
        expect(table.columns[0]).toBe('id')
        const feature0 = fc.features[0]!
        expect([...table.columns].sort(), info.id).toEqual(['id', ...Object.keys(feature0.properties)].sort())
        fc.features.forEach((feature, i) => {
          const row = table.rows[i]!
          expect(row[0], `${info.id} row ${i}`).toBe(feature.id)
          table.columns.slice(1).forEach((column, c) => {
            const value = row[c + 1]
            const expected = feature.properties[column]
            if (column === 'area_m2') expect(Math.abs((value as number) - (expected as number)) / (expected as number)).toBeLessThan(1e-12)
            else expect(value, `${info.id} ${String(feature.id)} ${column}`).toEqual(expected)
          })
          const xs = positions(feature.geometry.type === 'GeometryCollection' ? [] : feature.geometry.coordinates)
          const [w, s, e, n] = table.bboxes[i]!
          expect(w).toBeCloseTo(Math.min(...xs.map((p) => p[0])), 6)
          expect(s).toBeCloseTo(Math.min(...xs.map((p) => p[1])), 6)
          expect(e).toBeCloseTo(Math.max(...xs.map((p) => p[0])), 6)
          expect(n).toBeCloseTo(Math.max(...xs.map((p) => p[1])), 6)
        })
      }
    })
  }

  it('the public table of parcels carries only the public columns; idle plots have no public table', async () => {
    const parcels = (await ctx.anonymous.inject('/api/layers/parcels/rows')).json() as LayerRows
    expect(parcels.columns).toEqual(['id', 'zone_id', 'land_use', 'status', 'price_wan_per_mu', 'site_state', 'area_m2'])
    // Flags are a land officer's: the public reads a held plot as occupied.
    const statuses = new Set(parcels.rows.map((r) => r[3]))
    for (const flag of ['idle', 'low_efficiency', 'revitalising']) expect(statuses).not.toContain(flag)
    const idle = await ctx.anonymous.inject('/api/layers/idle_plots/rows')
    expect(idle.statusCode).toBe(404)
    expect(idle.json()).toMatchObject({ error: { code: 'not_found' } })
    // A hidden project is absent, not blanked: the public table has the public's count.
    const { rows } = await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE stage NOT IN ('reserve', 'negotiating')`)
    expect(((await ctx.anonymous.inject('/api/layers/projects/rows')).json() as LayerRows).rows).toHaveLength(rows[0]!.n)
  })

  it('refuses unknown layers and parameters', async () => {
    const unknown = await ctx.app.inject('/api/layers/nope/rows')
    expect(unknown.statusCode).toBe(404)
    const extra = await ctx.app.inject('/api/layers/parcels/rows?limit=5')
    expect(extra.statusCode).toBe(400)
    const long = await ctx.app.inject(`/api/layers/${'x'.repeat(100)}/rows`)
    expect(long.statusCode).toBe(400)
  })
}, { signedInAs: 'planner' })
