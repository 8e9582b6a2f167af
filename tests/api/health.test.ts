import { expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'
import { sessionAs } from '../helpers/auth'
import type { Role } from '../../web/src/shared/access-policy'

forEachDatabase((ctx, kind) => {
  it('GET /api/health tells the public only that the server answers', async () => {
    const res = await ctx.app.inject('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json()).toEqual({ ok: true })
  })

  it.each<Role>(['investor', 'planner', 'land_officer'])('the %s gets no more than the public', async (role) => {
    const { headers } = await sessionAs(ctx.db.pool, role)
    expect((await ctx.app.inject({ url: '/api/health', headers })).json()).toEqual({ ok: true })
  })

  it('an admin gets which database and which PostGIS', async () => {
    const { headers } = await sessionAs(ctx.db.pool, 'admin')
    const res = await ctx.app.inject({ url: '/api/health', headers })
    expect(res.json()).toEqual({ ok: true, db: kind, postgis: expect.stringMatching(/^3\.\d+/) })
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
