import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { withTransaction } from '../db/transaction'
import { BadRequest, NotFound } from '../errors'
import { actorOf } from '../http/actor'
import { etagOf, expectedVersion } from '../http/if-match'
import { nullableFreeText } from '../http/text-schema'
import { checkConditions, loadConditions, saveConditions } from '../parcels/conditions'
import { dropFavourite, favouritesOf, keepFavourite } from '../parcels/favourites'
import { allInquiries, ownInquiries, updateInquiry } from '../parcels/inquiries'
import { loadThresholds, saveThresholds } from '../parcels/readiness-thresholds'
import { CONDITION_FIELDS, CONDITION_RANGES } from '../../web/src/shared/api/portal'
import type { ConditionsUpdate, FavouritesAnswer, InquiriesAnswer, InquiryChanges, ReadinessUpdate } from '../../web/src/shared/api/portal'
import { PARCEL_ID_PATTERN } from '../../web/src/shared/api/public-parcels'
import { INDUSTRIES, INQUIRY_STATUSES } from '../../web/src/shared/park-vocabulary'
import { NETWORK_ITEMS, THRESHOLD_RANGE_M } from '../../web/src/shared/readiness'

const parcelParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } }, required: ['id'] } as const
const favouriteParams = { type: 'object', properties: { parcelId: { type: 'string', maxLength: 64, pattern: PARCEL_ID_PATTERN } }, required: ['parcelId'] } as const
const inquiryParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } as const
const version = { type: 'integer', minimum: 1 } as const

const thresholdsBody = {
  type: 'object',
  properties: {
    thresholds: {
      type: 'object',
      properties: Object.fromEntries(NETWORK_ITEMS.map((i) => [i, { type: 'number', minimum: THRESHOLD_RANGE_M.min, maximum: THRESHOLD_RANGE_M.max }])),
      required: [...NETWORK_ITEMS],
      additionalProperties: false,
    },
    version,
  },
  required: ['thresholds'],
  additionalProperties: false,
} as const

/** A figure a person types: finite (the validator never lets NaN or Infinity through JSON) and bounded. */
const figure = ({ above, min, max }: { above?: number; min?: number; max: number }) =>
  ({ type: 'number', ...(above === undefined ? {} : { exclusiveMinimum: above }), ...(min === undefined ? {} : { minimum: min }), maximum: max }) as const

const conditionsBody = {
  type: 'object',
  properties: {
    ...Object.fromEntries(Object.entries(CONDITION_RANGES).map(([field, range]) => [field, figure(range)])),
    industries: { type: 'array', items: { type: 'string', enum: [...INDUSTRIES] }, minItems: 1, maxItems: INDUSTRIES.length },
    // 0: the parcel has no conditions yet, and this creates them
    version: { type: 'integer', minimum: 0 },
  },
  required: [...CONDITION_FIELDS],
  additionalProperties: false,
} as const

const inquiryChangesBody = {
  type: 'object',
  properties: { status: { type: 'string', enum: [...INQUIRY_STATUSES] }, note: nullableFreeText(2000), version },
  additionalProperties: false,
  minProperties: 1,
} as const

/** Setting bodies are a few hundred bytes. */
const SMALL_BODY = 16 * 1024

/**
 * The investor portal's internal side: readiness thresholds (admins), planning conditions (land
 * officers and admins), and the inquiries investors send (land officers answer; an investor sees
 * their own). Every change is one transaction, checked against the version the client saw
 * (If-Match or `version`; 409 when stale) and audited with before and after. Investors keep
 * favourites among the parcels on offer (PUT / DELETE are idempotent: 204 whatever was there).
 */
export async function portalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const pool = ctx.db.pool

  app.get('/api/admin/readiness-thresholds', async (_req, reply) => {
    const config = await loadThresholds(pool)
    return reply.header('etag', etagOf(config.version)).send(config)
  })

  app.put<{ Body: ReadinessUpdate }>('/api/admin/readiness-thresholds', { bodyLimit: SMALL_BODY, schema: { body: thresholdsBody } }, async (req, reply) => {
    const saved = await saveThresholds(pool, req.body.thresholds, expectedVersion(req, req.body.version), actorOf(req))
    return reply.header('etag', etagOf(saved.version)).send(saved)
  })

  app.get<{ Params: { id: string } }>('/api/parcels/:id/conditions', { schema: { params: parcelParams } }, async (req, reply) => {
    const row = await loadConditions(pool, req.params.id)
    if (!row) throw new NotFound(`parcel "${req.params.id}" has no planning conditions (PUT them with If-Match: "0")`)
    return reply.header('etag', etagOf(row.version)).send(row)
  })

  app.put<{ Params: { id: string }; Body: ConditionsUpdate }>('/api/parcels/:id/conditions', {
    bodyLimit: SMALL_BODY,
    schema: { params: parcelParams, body: conditionsBody },
  }, async (req, reply) => {
    const expected = expectedVersion(req, req.body.version)
    const { version: _v, ...conditions } = req.body
    const saved = await withTransaction(pool, (c) => saveConditions(c, req.params.id, expected, checkConditions(conditions), actorOf(req)))
    return reply.status(expected === 0 ? 201 : 200).header('etag', etagOf(saved.version)).send(saved)
  })

  app.get('/api/inquiries', async (req): Promise<InquiriesAnswer> => {
    // The policy lets in land officers, admins and investors; an investor sees only their own.
    const user = req.user!
    return { inquiries: user.role === 'investor' ? await ownInquiries(pool, user.id) : await allInquiries(pool) }
  })

  app.patch<{ Params: { id: string }; Body: InquiryChanges }>('/api/inquiries/:id', {
    bodyLimit: SMALL_BODY,
    schema: { params: inquiryParams, body: inquiryChangesBody },
  }, async (req, reply) => {
    const expected = expectedVersion(req, req.body.version)
    const { version: _v, ...changes } = req.body
    if (changes.status === undefined && changes.note === undefined) throw new BadRequest('send a status or a note: a version alone changes nothing')
    const saved = await withTransaction(pool, (c) => updateInquiry(c, req.params.id, expected, changes, actorOf(req)))
    return reply.header('etag', etagOf(saved.version)).send(saved)
  })

  app.get('/api/favourites', async (req): Promise<FavouritesAnswer> => ({ parcel_ids: await favouritesOf(pool, req.user!.id) }))

  app.put<{ Params: { parcelId: string } }>('/api/favourites/:parcelId', { schema: { params: favouriteParams } }, async (req, reply) => {
    await withTransaction(pool, (c) => keepFavourite(c, req.user!.id, req.params.parcelId, actorOf(req)))
    return reply.status(204).send()
  })

  app.delete<{ Params: { parcelId: string } }>('/api/favourites/:parcelId', { schema: { params: favouriteParams } }, async (req, reply) => {
    await withTransaction(pool, (c) => dropFavourite(c, req.user!.id, req.params.parcelId, actorOf(req)))
    return reply.status(204).send()
  })
}
