import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../app'
import { NotFound } from '../errors'
import { availableParcels, PARCEL_ID, type ParcelFilter } from '../parcels/public-view'

const LAND_USE = ['industrial', 'warehouse', 'commercial', 'public', 'residential', 'utility', 'green']
export const PUBLIC_PARCEL_LIMIT = { max: 1000, fallback: 500 } as const

interface ListQuery {
  land_use?: string
  zone_id?: string
  min_mu?: number
  max_mu?: number
  limit?: number
}

const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      land_use: { type: 'string', enum: LAND_USE },
      zone_id: { type: 'string', pattern: PARCEL_ID.source },
      min_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      max_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      limit: { type: 'integer', minimum: 1, maximum: PUBLIC_PARCEL_LIMIT.max },
    },
    additionalProperties: false,
  },
} as const

const sheetSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] },
} as const

/** Unknown, not available and malformed ids get the same answer: the public learns nothing about parcels not on offer. */
const NO_SUCH_PARCEL = 'no available parcel with this id; see /api/public/parcels'

/**
 * GET /api/public/parcels and /api/public/parcels/:id — the investor view, no sign-in: available
 * parcels only, public fields only (server/parcels/public-view.ts), as GeoJSON.
 */
export async function publicParcelRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: ListQuery }>('/api/public/parcels', { schema: listSchema }, async (req, reply) => {
    const { limit = PUBLIC_PARCEL_LIMIT.fallback, ...filter } = req.query
    const features = await availableParcels(ctx.db.pool, { ...filter, limit } satisfies ParcelFilter)
    reply.type('application/geo+json; charset=utf-8')
    return { type: 'FeatureCollection', numberReturned: features.length, features }
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
