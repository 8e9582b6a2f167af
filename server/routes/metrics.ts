import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../app'
import { actorOf } from '../http/actor'
import { dashboard } from '../metrics/dashboard'
import { parseGradingUpdate } from '../metrics/grading-config'
import { loadGrading, saveGrading } from '../metrics/grading-store'
import { perMuCsv } from '../metrics/per-mu-csv'
import { perMuReport } from '../metrics/per-mu-report'

type YearQuery = { Querystring: { year?: string } }

const yearQuery = {
  querystring: { type: 'object', properties: { year: { type: 'string', maxLength: 12 } }, additionalProperties: false },
} as const

/** A grading configuration is a few hundred bytes; anything near this is not one. */
const GRADING_BODY_LIMIT = 16 * 1024

/**
 * The 亩均效益 evaluation (亩产论英雄) and the report's headline numbers:
 * GET /api/metrics/per-mu[.csv]?year=, GET|PUT /api/metrics/grading, GET /api/metrics/dashboard?year=.
 * Each route is one plain handler on a fixed path, so an access policy can wrap it by method and path.
 */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<YearQuery>('/api/metrics/per-mu', { schema: yearQuery }, async (req) => perMuReport(ctx.db.pool, req.query.year))

  app.get<YearQuery>('/api/metrics/per-mu.csv', { schema: yearQuery }, async (req, reply) => {
    const report = await perMuReport(ctx.db.pool, req.query.year)
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="per-mu-${report.year}.csv"`)
    return perMuCsv(report)
  })

  app.get('/api/metrics/grading', async () => loadGrading(ctx.db.pool))

  app.put('/api/metrics/grading', { bodyLimit: GRADING_BODY_LIMIT }, async (req) => {
    const update = parseGradingUpdate(req.body)
    return saveGrading(ctx.db.pool, update, actorOf(req))
  })

  app.get<YearQuery>('/api/metrics/dashboard', { schema: yearQuery }, async (req) => dashboard(ctx.db.pool, req.query.year))
}
