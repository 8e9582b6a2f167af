import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { NotFound } from '../errors'
import { availableParcels } from '../parcels/available-parcels'
import { createInquiry } from '../parcels/inquiries'
import { nameText, nullableNameText } from '../http/text-schema'
import {
  PARCEL_ID_PATTERN, PUBLIC_PARCEL_LIMIT, READY_PARAM_PATTERN, type PublicParcelQuery, type PublicParcelsAnswer,
} from '../../web/src/shared/api/public-parcels'
import { INQUIRY_LIMITS, type InquiryReceipt, type NewInquiry } from '../../web/src/shared/api/portal'
import { INDUSTRIES, LAND_USES } from '../../web/src/shared/park-vocabulary'
import type { ReadinessItem } from '../../web/src/shared/readiness'

const price = { type: 'number', minimum: 0, maximum: 1e6 } as const

const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      land_use: { type: 'string', enum: [...LAND_USES] },
      zone_id: { type: 'string', pattern: PARCEL_ID_PATTERN },
      min_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      max_mu: { type: 'number', minimum: 0, maximum: 1e7 },
      min_price: price,
      max_price: price,
      ready: { type: 'string', maxLength: 200, pattern: READY_PARAM_PATTERN },
      chemical: { type: 'boolean' },
      industry: { type: 'string', enum: [...INDUSTRIES] },
      limit: { type: 'integer', minimum: PUBLIC_PARCEL_LIMIT.min, maximum: PUBLIC_PARCEL_LIMIT.max },
    },
    additionalProperties: false,
  },
} as const

const sheetSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] },
} as const

const inquirySchema = {
  ...sheetSchema,
  body: {
    type: 'object',
    properties: {
      name: nameText(INQUIRY_LIMITS.name),
      company: nullableNameText(INQUIRY_LIMITS.company),
      contact: nameText(INQUIRY_LIMITS.contact),
      message: nameText(INQUIRY_LIMITS.message),
    },
    required: ['name', 'contact', 'message'],
    additionalProperties: false,
  },
} as const

/** An inquiry is a few kilobytes at most (4,000 characters of message, 3 bytes each). */
const INQUIRY_BODY_LIMIT = 16 * 1024

const PARCEL_ID = new RegExp(PARCEL_ID_PATTERN)
/** Unknown, not available and malformed ids get the same answer: the public learns nothing about parcels not on offer. */
const NO_SUCH_PARCEL = 'no available parcel with this id; see /api/public/parcels'

/**
 * GET /api/public/parcels and /api/public/parcels/:id — the investor view, no sign-in: available
 * parcels only, public fields only (server/parcels/available-parcels.ts), as GeoJSON, with
 * readiness, planned networks and planning conditions. POST …/:id/inquiries — anyone may ask
 * about a parcel on offer (rate-limited per address by the access policy's perMinute).
 */
export async function publicParcelRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get<{ Querystring: PublicParcelQuery }>('/api/public/parcels', { schema: listSchema }, async (req, reply) => {
    const { limit = PUBLIC_PARCEL_LIMIT.fallback, ready, ...filter } = req.query
    const items = ready === undefined ? undefined : ([...new Set(ready.split(','))] as ReadinessItem[])
    const features = await availableParcels(ctx.db.pool, { ...filter, ready: items, limit })
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

  app.post<{ Params: { id: string }; Body: NewInquiry }>('/api/public/parcels/:id/inquiries', {
    schema: inquirySchema,
    bodyLimit: INQUIRY_BODY_LIMIT,
  }, async (req, reply) => {
    const id = req.params.id
    if (!PARCEL_ID.test(id)) throw new NotFound(NO_SUCH_PARCEL)
    // Only an investor's own account is kept with the inquiry (so they can see it again); an
    // internal user asking on the public form is asking as the public.
    const sender = req.user?.role === 'investor' ? req.user.id : null
    const receipt = await createInquiry(ctx.db.pool, id, req.body, sender)
    if (!receipt) throw new NotFound(NO_SUCH_PARCEL)
    return reply.status(201).send({ id: receipt.id, status: receipt.status } satisfies InquiryReceipt)
  })
}
