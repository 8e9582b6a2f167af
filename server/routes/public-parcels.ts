import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { NotFound } from '../errors'
import { availableParcels } from '../parcels/available-parcels'
import { PARCEL_ID_PATTERN, PUBLIC_PARCEL_LIMIT, type PublicParcelQuery, type PublicParcelsAnswer } from '../../web/src/shared/api/public-parcels'
import { LAND_USES } from '../../web/src/shared/park-vocabulary'

const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      land_use: { type: 'string', enum: [...LAND_USES] },
      zone_id: { type: 'string', pattern: PARCEL_ID_PATTERN },
      min_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      max_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      limit: { type: 'integer', minimum: PUBLIC_PARCEL_LIMIT.min, maximum: PUBLIC_PARCEL_LIMIT.max },
    },
    additionalProperties: false,
  },
} as const

const sheetSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] },
} as const

const PARCEL_ID = new RegExp(PARCEL_ID_PATTERN)
/** Unknown, not available and malformed ids get the same answer: the public learns nothing about parcels not on offer. */
const NO_SUCH_PARCEL = 'no available parcel with this id; see /api/public/parcels'

/**
 * GET /api/public/parcels and /api/public/parcels/:id — the investor view, no sign-in: available
 * parcels only, public fields only (server/parcels/available-parcels.ts), as GeoJSON.
 */
export async function publicParcelRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: PublicParcelQuery }>('/api/public/parcels', { schema: listSchema }, async (req, reply) => {
    const { limit = PUBLIC_PARCEL_LIMIT.fallback, ...filter } = req.query
    const features = await availableParcels(ctx.db.pool, { ...filter, limit })
    reply.type('application/geo+json; charset=utf-8')
    return { type: 'FeatureCollection', numberReturned: features.length, features } satisfies PublicParcelsAnswer
  })

  app.get<{ Params: { id: string } }>('/api/public/parcels/:id', { schema: sheetSchema }, async (req, reply) => {
    const id = req.params.id
    if (!PARCEL_ID.test(id)) throw new NotFound(NO_SUCH_PARCEL)
    const [sheet] = await availableParcels(ctx.db.pool, { id, limit: 1 })
    if (!sheet) throw new NotFound(NO_SUCH_PARCEL)
    reply.type('application/geo+json; charset=utf-8')
    return sheet
  })
}
