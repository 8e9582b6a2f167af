import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { postgisVersion } from '../db/connect'
import type { HealthAnswer } from '../../web/src/shared/api/health'

/** GET /api/health — liveness for everyone; the database's kind and PostGIS version for admins. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', async (req): Promise<HealthAnswer> => {
    if (req.user?.role !== 'admin') return { ok: true }
    return { ok: true, db: ctx.db.kind, postgis: await postgisVersion(ctx.db.pool) }
  })
}
