import { expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

forEachDatabase((ctx, kind) => {
  it('GET /api/health says which database and which PostGIS', async () => {
    const res = await ctx.app.inject('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const body = res.json()
    expect(body).toEqual({ ok: true, db: kind, postgis: expect.stringMatching(/^3\.\d+/) })
  })

  it('unknown API paths are JSON 404s', async () => {
    const res = await ctx.app.inject('/api/nope')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/nope') } })
  })

  it.runIf(kind === 'postgres')('server sessions plan without parallel workers (the GiST plan is the fast one here)', async () => {
    const { rows } = await ctx.db.pool.query<{ max_parallel_workers_per_gather: string }>('SHOW max_parallel_workers_per_gather')
    expect(rows[0]!.max_parallel_workers_per_gather).toBe('0')
  })
})
