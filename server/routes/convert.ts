import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { CONVERT_BODY_LIMIT_BYTES, CONVERT_FORMATS, type ConvertQuery } from '../../web/src/shared/api/convert'
import { contentDisposition, exportFile, importFile } from '../convert/convert-file'
import { nameText } from '../http/text-schema'

const formatQuery = {
  format: { type: 'string', enum: [...CONVERT_FORMATS] },
  epsg: { type: 'integer', minimum: 4513, maximum: 4554 },
}

/**
 * POST /api/convert/import — a file (raw body) → its polygons as lon/lat GeoJSON with the CRS
 * found and notes; POST /api/convert/export — a FeatureCollection → the file. Nothing is saved.
 */
export async function convertRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // Own scope: the import takes any body as bytes (a file is a file, whatever type the browser guessed).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CONVERT_BODY_LIMIT_BYTES }, (_req, body, done) => done(null, body))
    scope.post<{ Querystring: Omit<ConvertQuery, 'encoding'>; Body: Buffer | undefined }>(
      '/api/convert/import',
      {
        bodyLimit: CONVERT_BODY_LIMIT_BYTES,
        schema: { querystring: { type: 'object', required: ['format'], properties: formatQuery, additionalProperties: false } },
      },
      async (req) => importFile(ctx.db.pool, req.query.format, new Uint8Array(req.body ?? Buffer.alloc(0)), req.query.epsg),
    )
  })

  app.post<{ Querystring: ConvertQuery & { name?: string }; Body: unknown }>(
    '/api/convert/export',
    {
      bodyLimit: CONVERT_BODY_LIMIT_BYTES,
      schema: {
        querystring: {
          type: 'object',
          required: ['format'],
          properties: { ...formatQuery, encoding: { type: 'string', enum: ['utf-8', 'gbk'] }, name: nameText(100) },
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const { format, epsg, encoding, name } = req.query
      const file = await exportFile(ctx.db.pool, format, req.body, {
        ...(epsg === undefined ? {} : { epsg }),
        ...(encoding === undefined ? {} : { encoding }),
        ...(name === undefined ? {} : { name: name.replace(/[\\/:*?"<>|\s]+/g, '-') }),
      })
      return reply.type(file.contentType).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes))
    },
  )
}
