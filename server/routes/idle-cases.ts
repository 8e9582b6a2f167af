import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../context'
import { withTransaction } from '../db/transaction'
import { sniffAttachmentType } from '../edits/attachment-type'
import { CASE_DOCUMENTS, caseDocument, type CaseDocument } from '../edits/idle-documents'
import { attachToStep, flagPlot, IDLE_SQL, transitionCase } from '../edits/idle-plots'
import { caseFile, register, watchList } from '../edits/idle-register'
import { BadRequest, InvalidParameter, NotFound, PayloadTooLarge } from '../errors'
import { actorOf } from '../http/actor'
import { etagOf, expectedVersion } from '../http/if-match'
import { nameText, nullableFreeText, nullableNameText } from '../http/text-schema'
import {
  ATTACHMENT_BODY_LIMIT, ATTACHMENT_MAX_BYTES, ATTACHMENT_NAME_PATTERN,
  type AttachmentUpload, type CaseFile, type FlagRequest, type RegisterFilters, type TransitionRequest,
} from '../../web/src/shared/api/idle-cases'
import { IDLE_CATEGORIES, IDLE_DISPOSALS, IDLE_STAGES } from '../../web/src/shared/park-vocabulary'

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const
const idParams = { type: 'object', properties: { id }, required: ['id'] } as const
const date = { type: ['string', 'null'], format: 'date' } as const
const oneOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] }) as const

/** The body of a step: every field any step takes; which of them this step needs is the domain's check (422). */
const stepFields = {
  holder_statement: nullableFreeText(4000),
  doc_no: nullableNameText(100),
  doc_date: date,
  hearing_deadline: date,
  disposal: { type: ['string', 'null'], enum: [...IDLE_DISPOSALS, null] },
  due_date: date,
  successor_zh: nullableNameText(200),
  successor_en: nullableNameText(200),
  successor_start_date: date,
  closed_reason: nullableFreeText(2000),
} as const

function sendCase(reply: FastifyReply, c: CaseFile, status = 200) {
  return reply.status(status).header('etag', etagOf(c.version)).send(c)
}

/**
 * The idle-land case files (闲置低效用地): the register, one case, flagging, one step on (If-Match:
 * the case's version), evidence on a step, the printable notice and determination, and the parcels
 * to watch. The rules are server/edits/idle-plots.ts's; the terms web/src/shared's.
 */
export async function idleCaseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const pool = ctx.db.pool

  app.get<{ Querystring: RegisterFilters }>('/api/idle-plots', {
    schema: {
      querystring: {
        type: 'object',
        properties: { stage: oneOf(IDLE_STAGES), category: oneOf(IDLE_CATEGORIES), zone: id },
        additionalProperties: false,
      },
    },
  }, async (req) => register(pool, req.query))

  app.get('/api/idle-watch', async () => watchList(pool))

  app.get<{ Params: { id: string } }>('/api/idle-plots/:id', { schema: { params: idParams } }, async (req, reply) =>
    sendCase(reply, await caseFile(pool, req.params.id)))

  app.post<{ Body: FlagRequest }>('/api/idle-plots', {
    schema: {
      body: {
        type: 'object',
        properties: {
          parcel_id: id,
          category: oneOf(IDLE_CATEGORIES),
          reason: nameText(2000),
          agreed_start_date: date,
          holder_statement: stepFields.holder_statement,
          doc_no: stepFields.doc_no,
          doc_date: date,
        },
        required: ['parcel_id', 'category', 'reason'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => {
    const c = await withTransaction(pool, async (client) => caseFile(client, await flagPlot(client, req.body, actorOf(req))))
    return sendCase(reply, c, 201)
  })

  app.post<{ Params: { id: string }; Body: TransitionRequest }>('/api/idle-plots/:id/transitions', {
    schema: {
      params: idParams,
      body: {
        type: 'object',
        properties: { to: oneOf(IDLE_STAGES), note: nullableFreeText(2000), happened_on: { type: 'string', format: 'date' }, ...stepFields },
        required: ['to'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => {
    const expected = expectedVersion(req)
    const actor = actorOf(req)
    const c = await withTransaction(pool, async (client) => {
      await transitionCase(client, req.params.id, expected, req.body, actor)
      return caseFile(client, req.params.id)
    })
    return sendCase(reply, c)
  })

  app.post<{ Params: { id: string; seq: number }; Body: AttachmentUpload }>('/api/idle-plots/:id/steps/:seq/attachments', {
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    schema: {
      params: { type: 'object', properties: { id, seq: { type: 'integer', minimum: 1, maximum: 10000 } }, required: ['id', 'seq'] },
      body: {
        type: 'object',
        properties: {
          file_name: { type: 'string', pattern: ATTACHMENT_NAME_PATTERN },
          content_base64: { type: 'string', minLength: 4, maxLength: ATTACHMENT_BODY_LIMIT, pattern: '^[A-Za-z0-9+/]*={0,2}$' },
        },
        required: ['file_name', 'content_base64'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => {
    const content = Buffer.from(req.body.content_base64, 'base64')
    if (content.length > ATTACHMENT_MAX_BYTES) throw new PayloadTooLarge(`an attachment is at most ${ATTACHMENT_MAX_BYTES} bytes; this one is ${content.length}`)
    if (content.length === 0) throw new BadRequest('the attachment is empty')
    const mediaType = sniffAttachmentType(content)
    if (!mediaType) throw new InvalidParameter('an attachment is a photo (JPEG, PNG, WebP) or a PDF, judged by its first bytes: this file is none of them', { field: 'content_base64' })
    const actor = actorOf(req)
    const saved = await withTransaction(pool, (client) => attachToStep(client, req.params.id, req.params.seq, { file_name: req.body.file_name, content, media_type: mediaType }, actor))
    return reply.status(201).send(saved)
  })

  app.get<{ Params: { id: string; attachmentId: string } }>('/api/idle-plots/:id/attachments/:attachmentId', {
    schema: { params: { type: 'object', properties: { id, attachmentId: id }, required: ['id', 'attachmentId'] } },
  }, async (req, reply) => {
    const { rows } = await pool.query<{ file_name: string; media_type: string; content: Buffer }>(IDLE_SQL['attachment-content'], [req.params.id, req.params.attachmentId])
    const a = rows[0]
    if (!a) throw new NotFound(`no attachment "${req.params.attachmentId}" on case "${req.params.id}"`)
    return reply
      .type(a.media_type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
      .send(a.content)
  })

  app.get<{ Params: { id: string; document: CaseDocument } }>('/api/idle-plots/:id/documents/:document', {
    schema: { params: { type: 'object', properties: { id, document: oneOf(CASE_DOCUMENTS) }, required: ['id', 'document'] } },
  }, async (req, reply) => {
    const html = caseDocument(await caseFile(pool, req.params.id), req.params.document)
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'").send(html)
  })
}
