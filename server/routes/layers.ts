import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { NotFound } from '../errors'
import { parseBbox } from '../http/params'
import { audienceOf } from '../../web/src/shared/access-policy'
import { FEATURE_LIMIT, type LayerInfo } from '../../web/src/shared/api/layers'
import { readPoolFor } from '../db/read-pool'
import { findLayerView, layerViews } from '../layers/catalog'
import { countQuery, featuresQuery } from '../layers/features-query'
import { rowsQuery } from '../layers/rows-query'

const featuresSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] },
  querystring: {
    type: 'object',
    properties: {
      bbox: { type: 'string', maxLength: 200 },
      limit: { type: 'integer', minimum: FEATURE_LIMIT.min, maximum: FEATURE_LIMIT.max },
    },
    additionalProperties: false,
  },
} as const

const rowsSchema = {
  params: featuresSchema.params,
  querystring: { type: 'object', properties: {}, additionalProperties: false },
} as const

/**
 * GET /api/layers, GET /api/layers/:id/features and GET /api/layers/:id/rows — the map's layers as RFC 7946 GeoJSON, each as
 * the caller's audience sees it (catalog.ts): the public gets public columns and rows, and no idle plots.
 * `rows` is the attribute table (shared/api/layers.ts LayerRows): the same view, without geometry.
 */
export async function layerRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get('/api/layers', async (req) => {
    const out: LayerInfo[] = []
    // Sequential on purpose: the embedded database has one connection.
    for (const view of layerViews(audienceOf(req.user?.role))) {
      const { layer } = view
      const q = countQuery(view)
      const { rows } = await readPoolFor(ctx.db, req).query<{ n: number }>(q.text, q.values)
      out.push({ id: layer.id, title: layer.title, title_en: layer.title_en, count: rows[0]?.n ?? 0, geometryType: layer.geometryType })
    }
    return out
  })

  app.get<{ Params: { id: string }; Querystring: { bbox?: string; limit?: number } }>(
    '/api/layers/:id/features',
    { schema: featuresSchema },
    async (req, reply) => {
      const view = findLayerView(req.params.id, audienceOf(req.user?.role))
      if (!view) throw new NotFound(`unknown layer "${req.params.id}"; see /api/layers`)
      const bbox = parseBbox(req.query.bbox)
      const q = featuresQuery(view, { bbox, limit: req.query.limit ?? FEATURE_LIMIT.fallback })
      const { rows } = await readPoolFor(ctx.db, req).query<{ fc: string }>(q.text, q.values)
      reply.type('application/geo+json; charset=utf-8')
      return rows[0]?.fc
    },
  )

  app.get<{ Params: { id: string } }>('/api/layers/:id/rows', { schema: rowsSchema }, async (req, reply) => {
    const view = findLayerView(req.params.id, audienceOf(req.user?.role))
    if (!view) throw new NotFound(`unknown layer "${req.params.id}"; see /api/layers`)
    const q = rowsQuery(view)
    const { rows } = await readPoolFor(ctx.db, req).query<{ body: string }>(q.text, q.values)
    reply.type('application/json; charset=utf-8')
    return rows[0]?.body
  })

  // The optional online base map, for everyone (it is drawn under the public map too).
  app.get('/api/basemap', async () => ctx.basemap)
}
