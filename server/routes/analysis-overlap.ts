import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { chemicalFirmsOutsideCluster } from '../analysis/chemical-firms'
import { overlapJson, type Subject } from '../analysis/overlap'
import { BadRequest } from '../errors'
import { polygonsOf } from '../geometry/polygon-input'
import { vertexBudgetOf } from '../../web/src/shared/access-policy'
import { OVERLAP_LAYERS, SUBJECT_LAYERS, type OverlapRequest } from '../../web/src/shared/api/overlap'

const overlapSchema = {
  body: {
    type: 'object',
    properties: {
      geometry: { type: 'object' },
      ref: {
        type: 'object',
        properties: {
          layer: { type: 'string', enum: [...SUBJECT_LAYERS] },
          ids: { type: 'array', items: { type: 'string', maxLength: 64 }, minItems: 1, maxItems: 500 },
        },
        required: ['layer'],
        additionalProperties: false,
      },
      layers: { type: 'array', items: { type: 'string', enum: [...OVERLAP_LAYERS] }, minItems: 1, maxItems: OVERLAP_LAYERS.length, uniqueItems: true },
      include: { type: 'string', enum: ['touching', 'all'] },
    },
    required: ['layers'],
    additionalProperties: false,
  },
} as const

/**
 * POST /api/analysis/overlap — what a boundary (drawn, or existing features via `ref`) takes in,
 * per layer; GET /api/analysis/chemical-firms-outside-cluster — the report's own question.
 */
export async function analysisOverlapRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: OverlapRequest }>('/api/analysis/overlap', { schema: overlapSchema }, async (req, reply) => {
    const { geometry, ref, layers, include } = req.body
    if ((geometry === undefined) === (ref === undefined)) throw new BadRequest('give exactly one of "geometry" or "ref"')
    let subject: Subject
    if (geometry !== undefined) {
      // PostGIS's topology check runs in overlapJson's first statement, with the subject's area.
      subject = { geometries: polygonsOf(geometry, vertexBudgetOf(req.user?.role)) }
    } else {
      subject = { layer: ref!.layer, ids: ref!.ids ?? null }
    }
    // PostgreSQL built the JSON; it goes out as it came.
    reply.type('application/json; charset=utf-8')
    return overlapJson(ctx.db.pool, subject, layers, include === 'all')
  })

  app.get('/api/analysis/chemical-firms-outside-cluster', async () => chemicalFirmsOutsideCluster(ctx.db.pool))
}
