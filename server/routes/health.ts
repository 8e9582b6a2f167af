import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { postgisVersion, replayLagSeconds } from '../db/connect'
import type { HealthAnswer } from '../../web/src/shared/api/health'

/** GET /api/health — liveness for everyone; the database's kind, PostGIS version and replica lag for admins. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', async (req): Promise<HealthAnswer> => {
    if (req.user?.role !== 'admin') return { ok: true }
    const answer = { ok: true as const, db: ctx.db.kind, postgis: await postgisVersion(ctx.db.pool) }
    if (!ctx.db.readPool) return answer
    return { ...answer, read_replica: { replay_lag_s: await replayLagSeconds(ctx.db.readPool) } }
  })
}
