import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import type { HealthAnswer } from '../../web/src/shared/api/health'

/** GET /api/health — is the database there, which one, and which PostGIS. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', async (): Promise<HealthAnswer> => {
    const { rows } = await ctx.db.pool.query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis')
    return { ok: true, db: ctx.db.kind, postgis: rows[0]?.postgis ?? null }
  })
}
