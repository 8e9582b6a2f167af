import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { PoolClient } from 'pg'
import type { AppContext } from '../app'
import { historyOf } from '../edits/audit'
import { advanceCase, flagPlot, type CaseChanges, type FlagFields } from '../edits/idle-plots'
import { updateParcel, type ParcelChanges } from '../edits/parcels'
import { withTransaction } from '../db/transaction'
import { createDraft, updateDraft, type DraftFields } from '../edits/zones'
import { actorOf } from '../http/actor'
import { etagOf, expectedVersion } from '../http/if-match'
import { NotFound } from '../errors'

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const
const idParams = { type: 'object', properties: { id }, required: ['id'] } as const
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const
const version = { type: 'integer', minimum: 1 } as const
const geometry = { type: 'object' } as const

const PARCEL_STATUS = ['occupied', 'available', 'idle', 'low_efficiency', 'revitalising', 'revitalised', 'reserved', 'under_acquisition']
const LAND_USE = ['industrial', 'warehouse', 'commercial', 'public', 'residential', 'utility', 'green']

function sendRow(reply: FastifyReply, row: Record<string, unknown>, status = 200) {
  return reply.status(status).header('etag', etagOf(row.version)).send(row)
}

/**
 * Edits of the park's objects: rezoning drafts (planners), parcel attributes and idle-land cases
 * (land officers). Each is one transaction, checked against the version the client saw
 * (If-Match → 409 when stale), and audited with before and after.
 */
export async function editRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const pool = ctx.db.pool

  const draftProperties = { name_zh: text(200), name_en: text(200), note: nullableText(2000), geometry }

  /**
   * An edit of an existing object: the version the client saw (If-Match or body), the changes
   * without it, one transaction, and the saved row with its new ETag.
   */
  const saveVersioned = async <B extends { version?: number }>(
    req: FastifyRequest,
    reply: FastifyReply,
    edit: { id: string; body: B },
    save: (client: PoolClient, id: string, expected: number, changes: Omit<B, 'version'>, actor: string) => Promise<Record<string, unknown>>,
  ) => {
    const expected = expectedVersion(req, edit.body.version)
    const { version: _v, ...changes } = edit.body
    return sendRow(reply, await withTransaction(pool, (c) => save(c, edit.id, expected, changes, actorOf(req))))
  }

  app.post<{ Body: DraftFields & { name_zh: string; name_en: string; geometry: unknown } }>('/api/zones', {
    schema: {
      body: {
        type: 'object',
        properties: draftProperties,
        required: ['name_zh', 'name_en', 'geometry'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => sendRow(reply, await withTransaction(pool, (c) => createDraft(c, req.body, actorOf(req))), 201))

  app.put<{ Params: { id: string }; Body: DraftFields & { version?: number } }>('/api/zones/:id', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: {
          ...draftProperties,
          version,
          status: { type: 'string', enum: ['draft', 'submitted', 'approved', 'rejected'] },
        },
        additionalProperties: false,
      },
    },
  }, (req, reply) => saveVersioned(req, reply, { id: req.params.id, body: req.body }, updateDraft))

  app.patch<{ Params: { id: string }; Body: ParcelChanges & { version?: number } }>('/api/parcels/:id', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: PARCEL_STATUS },
          land_use: { type: 'string', enum: LAND_USE },
          enterprise_id: { type: ['string', 'null'], pattern: '^[A-Za-z0-9_-]{1,64}$' },
          price_wan_per_mu: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 1e6 },
          land_approval: { type: 'string', enum: ['approved', 'pending', 'not_started'] },
          forest_approval: { type: 'string', enum: ['not_required', 'approved', 'pending'] },
          note: nullableText(2000),
          version,
        },
        additionalProperties: false,
        minProperties: 1,
      },
    },
  }, (req, reply) => saveVersioned(req, reply, { id: req.params.id, body: req.body }, updateParcel))

  app.post<{ Body: FlagFields }>('/api/idle-plots', {
    schema: {
      body: {
        type: 'object',
        properties: {
          parcel_id: id,
          category: { type: 'string', enum: ['idle', 'low_efficiency'] },
          reason: text(2000),
          agreed_start_date: { type: ['string', 'null'], format: 'date' },
        },
        required: ['parcel_id', 'category', 'reason'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => sendRow(reply, await withTransaction(pool, (c) => flagPlot(c, req.body, actorOf(req))), 201))

  app.patch<{ Params: { id: string }; Body: CaseChanges & { version?: number } }>('/api/idle-plots/:id', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: {
          stage: { type: 'string', enum: ['flagged', 'disposing', 'revitalised'] },
          disposal: { type: ['string', 'null'], enum: ['court_auction', 'lease', 'reclaim', 'swap_cage', 'swap_energy', 'negotiation', null] },
          successor_zh: nullableText(200),
          successor_en: nullableText(200),
          reason: text(2000),
          version,
        },
        additionalProperties: false,
        minProperties: 1,
      },
    },
  }, (req, reply) => saveVersioned(req, reply, { id: req.params.id, body: req.body }, advanceCase))

  for (const [path, entity] of [['/api/zones/:id/history', 'zones'], ['/api/parcels/:id/history', 'parcels'], ['/api/idle-plots/:id/history', 'idle_plots']] as const) {
    app.get<{ Params: { id: string } }>(path, { schema: { params: idParams } }, async (req) => {
      const history = await historyOf(pool, entity, req.params.id)
      if (history.length === 0) {
        const exists = await pool.query(`SELECT 1 FROM ${entity} WHERE id = $1`, [req.params.id])
        if (exists.rows.length === 0) throw new NotFound(`no ${entity} "${req.params.id}"`)
      }
      return { id: req.params.id, entity, history }
    })
  }
}
