import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { actorOf } from '../http/actor'
import { dashboard } from '../metrics/dashboard'
import { checkGradingRules, GRADING_UPDATE_SCHEMA } from '../metrics/grading-config'
import { loadGrading, saveGrading } from '../metrics/grading-store'
import { perMuCsv } from '../metrics/per-mu-csv'
import { perMuReport } from '../metrics/per-mu-report'
import { YEAR_RANGE, type YearQuery } from '../../web/src/shared/api/per-mu'
import type { GradingUpdate } from '../../web/src/shared/per-mu-vocabulary'

type WithYear = { Querystring: YearQuery }

const yearQuery = {
  querystring: {
    type: 'object',
    properties: { year: { type: 'integer', minimum: YEAR_RANGE.min, maximum: YEAR_RANGE.max } },
    additionalProperties: false,
  },
} as const

/** A grading configuration is a few hundred bytes; anything near this is not one. */
const GRADING_BODY_LIMIT = 16 * 1024

/**
 * The 亩均效益 evaluation (亩产论英雄) and the report's headline numbers:
 * GET /api/metrics/per-mu[.csv]?year=, GET|PUT /api/metrics/grading, GET /api/metrics/dashboard?year=.
 * Each route is one plain handler on a fixed path, so an access policy can wrap it by method and path.
 */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<WithYear>('/api/metrics/per-mu', { schema: yearQuery }, async (req) => perMuReport(ctx.db.pool, req.query.year))

  app.get<WithYear>('/api/metrics/per-mu.csv', { schema: yearQuery }, async (req, reply) => {
    const report = await perMuReport(ctx.db.pool, req.query.year)
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="per-mu-${report.year}.csv"`)
    return perMuCsv(report)
  })

  app.get('/api/metrics/grading', async () => loadGrading(ctx.db.pool))

  app.put<{ Body: GradingUpdate }>('/api/metrics/grading', { bodyLimit: GRADING_BODY_LIMIT, schema: { body: GRADING_UPDATE_SCHEMA } }, async (req) =>
    saveGrading(ctx.db.pool, checkGradingRules(req.body), actorOf(req)))

  app.get<WithYear>('/api/metrics/dashboard', { schema: yearQuery }, async (req) => dashboard(ctx.db.pool, req.query.year))
}
