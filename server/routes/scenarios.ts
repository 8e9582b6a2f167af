import type { FastifyReply } from 'fastify'
import type { RouteModule } from '../context'
import { withTransaction } from '../db/transaction'
import { actorOf } from '../http/actor'
import { etagOf, expectedVersion } from '../http/if-match'
import { nameText, nullableFreeText, nullableNameText } from '../http/text-schema'
import { listScenarios, scenarioDetail, scenarioVersion } from '../scenarios/read'
import { createScenario, saveVersion } from '../scenarios/write'
import { addComment, decideVersion, resolveComment, submitVersion } from '../scenarios/review'
import { scenarioDiff } from '../scenarios/diff'
import { SCENARIO_LIMITS, type DecisionRequest, type NewScenario, type NewScenarioComment, type NewScenarioVersion, type SubmitRequest } from '../../web/src/shared/api/scenarios'
import { SCENARIO_DECISIONS } from '../../web/src/shared/park-vocabulary'

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const
const versionNumber = { type: 'integer', minimum: 1, maximum: 1e9 } as const
const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const
const versionParams = { type: 'object', properties: { id, n: versionNumber }, required: ['id', 'n'], additionalProperties: false } as const
const commentParams = { type: 'object', properties: { id, cid: versionNumber }, required: ['id', 'cid'], additionalProperties: false } as const
/** The shape is checked by the domain (polygonsOf, ST_IsValidDetail: 422 with the place). */
const geometry = { type: 'object' } as const
const comment = nullableFreeText(SCENARIO_LIMITS.comment)

const withEtag = <T extends { version: number }>(reply: FastifyReply, row: T, status = 200) => reply.status(status).header('etag', etagOf(row.version)).send(row)
/** A version's own number is the scenario's ETag once it is the latest (it is, just after a write). */
const versionReply = <T extends { n: number }>(reply: FastifyReply, row: T, status = 200) => reply.status(status).header('etag', etagOf(row.n)).send(row)

/**
 * Rezoning scenarios (server/scenarios/): versions saved with If-Match, compared, reviewed. Who may
 * call which is the access policy's; each write is one transaction, audited.
 */
export const scenarioRoutes: RouteModule = async (app, ctx) => {
  const pool = ctx.db.pool

  app.get('/api/scenarios', async () => listScenarios(pool))

  app.post<{ Body: NewScenario }>('/api/scenarios', {
    schema: {
      body: {
        type: 'object',
        properties: {
          name_zh: nameText(SCENARIO_LIMITS.name),
          name_en: nullableNameText(SCENARIO_LIMITS.name),
          note: nullableFreeText(SCENARIO_LIMITS.note),
          zone_id: { type: ['string', 'null'], pattern: '^[A-Za-z0-9_-]{1,64}$' },
          geometry,
          comment,
        },
        required: ['name_zh'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => withEtag(reply, await withTransaction(pool, (c) => createScenario(c, req.body, actorOf(req))), 201))

  app.get<{ Params: { id: string } }>('/api/scenarios/:id', { schema: { params: idParams } },
    async (req, reply) => withEtag(reply, await scenarioDetail(pool, req.params.id)))

  app.get<{ Params: { id: string; n: number } }>('/api/scenarios/:id/versions/:n', { schema: { params: versionParams } },
    async (req) => scenarioVersion(pool, req.params.id, req.params.n))

  app.post<{ Params: { id: string }; Body: NewScenarioVersion }>('/api/scenarios/:id/versions', {
    schema: {
      params: idParams,
      body: { type: 'object', properties: { geometry, comment }, required: ['geometry'], additionalProperties: false },
    },
  }, async (req, reply) => {
    const base = expectedVersion(req)
    return versionReply(reply, await withTransaction(pool, (c) => saveVersion(c, req.params.id, base, req.body, actorOf(req))), 201)
  })

  app.get<{ Params: { id: string }; Querystring: { from: number; to: number } }>('/api/scenarios/:id/diff', {
    schema: {
      params: idParams,
      querystring: { type: 'object', properties: { from: versionNumber, to: versionNumber }, required: ['from', 'to'], additionalProperties: false },
    },
  }, async (req) => scenarioDiff(pool, req.params.id, req.query.from, req.query.to))

  app.post<{ Params: { id: string; n: number }; Body: SubmitRequest }>('/api/scenarios/:id/versions/:n/submit', {
    schema: { params: versionParams, body: { type: 'object', properties: { comment }, additionalProperties: false } },
  }, async (req, reply) => versionReply(reply, await withTransaction(pool, (c) => submitVersion(c, req.params.id, req.params.n, req.body?.comment ?? null, actorOf(req)))))

  app.post<{ Params: { id: string; n: number }; Body: DecisionRequest }>('/api/scenarios/:id/versions/:n/decision', {
    schema: {
      params: versionParams,
      body: {
        type: 'object',
        properties: { decision: { type: 'string', enum: [...SCENARIO_DECISIONS] }, comment: nameText(SCENARIO_LIMITS.comment) },
        required: ['decision', 'comment'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => versionReply(reply, await withTransaction(pool, (c) => decideVersion(c, req.params.id, req.params.n, req.body, actorOf(req)))))

  app.post<{ Params: { id: string }; Body: NewScenarioComment }>('/api/scenarios/:id/comments', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: {
          body: nameText(SCENARIO_LIMITS.comment),
          version: { type: ['integer', 'null'], minimum: 1, maximum: 1e9 },
          pin: {
            type: ['array', 'null'],
            items: [{ type: 'number', minimum: -180, maximum: 180 }, { type: 'number', minimum: -90, maximum: 90 }],
            additionalItems: false, minItems: 2, maxItems: 2,
          },
        },
        required: ['body'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => reply.status(201).send(await withTransaction(pool, (c) => addComment(c, req.params.id, req.body, actorOf(req)))))

  app.post<{ Params: { id: string; cid: number } }>('/api/scenarios/:id/comments/:cid/resolve', { schema: { params: commentParams } },
    async (req) => withTransaction(pool, (c) => resolveComment(c, req.params.id, req.params.cid, actorOf(req))))
}
