import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { PoolClient } from 'pg'
import type { AppContext } from '../context'
import { historyOf } from '../edits/audit'
import { updateParcel } from '../edits/parcels'
import { withTransaction } from '../db/transaction'
import { actorOf } from '../http/actor'
import { nameText, nullableFreeText } from '../http/text-schema'
import { etagOf, expectedVersion } from '../http/if-match'
import { NotFound } from '../errors'
import { HISTORY_ENTITIES, type HistoryAnswer, type HistoryEntity } from '../../web/src/shared/api/audit'
import type { ParcelChanges as ParcelBody } from '../../web/src/shared/api/edits'
import {
  FOREST_APPROVALS, LAND_APPROVALS, LAND_USES, PARCEL_STATUSES,
} from '../../web/src/shared/park-vocabulary'

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const
const idParams = { type: 'object', properties: { id }, required: ['id'] } as const
const version = { type: 'integer', minimum: 1 } as const

const oneOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] }) as const

function sendRow(reply: FastifyReply, row: Record<string, unknown>, status = 200) {
  return reply.status(status).header('etag', etagOf(row.version)).send(row)
}

/**
 * Edits of the park's objects: parcel attributes (land officers); idle-land cases are
 * ./idle-cases.ts, boundaries change through scenarios (./scenarios.ts). Each is one transaction, checked against the version the client saw
 * (If-Match → 409 when stale), and audited with before and after.
 */
export async function editRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const pool = ctx.db.pool

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

  app.patch<{ Params: { id: string }; Body: ParcelBody }>('/api/parcels/:id', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: {
          status: oneOf(PARCEL_STATUSES),
          land_use: oneOf(LAND_USES),
          enterprise_id: { type: ['string', 'null'], pattern: '^[A-Za-z0-9_-]{1,64}$' },
          price_wan_per_mu: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 1e6 },
          land_approval: oneOf(LAND_APPROVALS),
          forest_approval: oneOf(FOREST_APPROVALS),
          note: nullableFreeText(2000),
          version,
        },
        additionalProperties: false,
        minProperties: 1,
      },
    },
  }, (req, reply) => saveVersioned(req, reply, { id: req.params.id, body: req.body }, updateParcel))

  const historyPath: Record<HistoryEntity, string> = { zones: '/api/zones/:id/history', parcels: '/api/parcels/:id/history', idle_plots: '/api/idle-plots/:id/history' }
  for (const entity of HISTORY_ENTITIES) {
    app.get<{ Params: { id: string } }>(historyPath[entity], { schema: { params: idParams } }, async (req): Promise<HistoryAnswer> => {
      const history = await historyOf(pool, entity, req.params.id)
      if (!history) throw new NotFound(`no ${entity} "${req.params.id}"`)
      return { id: req.params.id, entity, history }
    })
  }
}
