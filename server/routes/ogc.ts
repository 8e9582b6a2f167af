import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RouteContext } from '../context'
import { BadRequest, NotFound } from '../errors'
import { audienceOf } from '../../web/src/shared/access-policy'
import { readPoolFor } from '../db/read-pool'
import { findLayerView, layerViews, type LayerView } from '../layers/catalog'
import { ogcCrs } from '../ogc/crs'
import { sendOgcError } from '../ogc/exceptions'
import { OGC_ITEMS_LIMIT, parseDatetime, parseOgcBbox } from '../ogc/params'
import { collection, collections, conformance, itemLinks, itemsLinks, landingPage, selfLinks, type Collection, type Extent, type OgcFeature } from '../ogc/documents'
import { formatOf, type OgcFormat } from '../ogc/format'
import { collectionHtml, collectionsHtml, conformanceHtml, itemHtml, itemsHtml, landingHtml, queryablesHtml } from '../ogc/html'
import { extentQuery, itemQuery, itemsQuery } from '../ogc/items-query'
import { checkFilterValue, featureSchema, queryablesOf, queryablesSchema } from '../ogc/queryables'

const f = { type: 'string', enum: ['json', 'html'] } as const
const metadataSchema = { querystring: { type: 'object', properties: { f }, additionalProperties: false } } as const
const collectionParams = { type: 'object', properties: { collectionId: { type: 'string', maxLength: 64 } }, required: ['collectionId'] } as const
const collectionSchema = { params: collectionParams, querystring: metadataSchema.querystring } as const
const schemaSchema = { params: collectionParams, querystring: { type: 'object', properties: { f: { type: 'string', enum: ['json'] } }, additionalProperties: false } } as const
const crsParam = { type: 'string', maxLength: 200 } as const
const itemsSchema = {
  params: collectionParams,
  querystring: {
    type: 'object',
    properties: {
      f,
      bbox: { type: 'string', maxLength: 400 },
      'bbox-crs': crsParam,
      crs: crsParam,
      datetime: { type: 'string', maxLength: 100 },
      limit: { type: 'integer', minimum: OGC_ITEMS_LIMIT.min, maximum: OGC_ITEMS_LIMIT.max },
      offset: { type: 'integer', minimum: 0, maximum: 1e9 },
    },
    // Property filters (?status=available): checked against the collection's queryables in the handler.
    additionalProperties: { type: 'string', maxLength: 200 },
  },
} as const
const itemSchema = {
  params: { type: 'object', properties: { ...collectionParams.properties, featureId: { type: 'string', maxLength: 100 } }, required: ['collectionId', 'featureId'] },
  querystring: { type: 'object', properties: { f, crs: crsParam }, additionalProperties: false },
} as const

interface ItemsQuerystring {
  f?: OgcFormat
  bbox?: string
  'bbox-crs'?: string
  crs?: string
  datetime?: string
  limit?: number
  offset?: number
  [property: string]: string | number | undefined
}

function sendJson(reply: FastifyReply, body: unknown, type = 'application/json'): string {
  reply.type(`${type}; charset=utf-8`).header('vary', 'Accept')
  return typeof body === 'string' ? body : JSON.stringify(body)
}

function sendHtml(reply: FastifyReply, html: string): string {
  reply.type('text/html; charset=utf-8').header('vary', 'Accept')
  return html
}

/** The origin the request came to: links must lead back to the same server, however it is reached. */
const baseOf = (req: FastifyRequest): string => `${req.protocol}://${req.host}`
/** The request's own URL, absolute, with its query (a link to the same page in another format keeps `crs`, `bbox`, …). */
const requestUrl = (req: FastifyRequest): string => new URL(req.url, baseOf(req)).toString()
const collectionUrl = (req: FastifyRequest, view: LayerView): string => `${baseOf(req)}/ogc/collections/${encodeURIComponent(view.layer.id)}`

/**
 * OGC API – Features under /ogc (Part 1 core, GeoJSON, HTML; Part 2 CRS; Part 3 queryables):
 * a collection per layer view of the catalogue (catalog.ts), so each audience sees only its
 * collections, rows and fields — the public no idle plots, no internal column. JSON unless `f=html`
 * or Accept asks for HTML; errors are OGC exceptions `{code, description}`.
 */
export async function ogcRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // Every read here is one the public makes most: on the replica for them (db/read-pool.ts).
  const poolOf = (req: FastifyRequest) => readPoolFor(ctx.db, req)
  const viewFor = (req: FastifyRequest<{ Params: { collectionId: string } }>): LayerView => {
    const view = findLayerView(req.params.collectionId, audienceOf(req.user?.role))
    if (!view) throw new NotFound(`no collection "${req.params.collectionId}"; see /ogc/collections`)
    return view
  }
  const extentOf = async (req: FastifyRequest, view: LayerView): Promise<Extent> => {
    const q = extentQuery(view)
    const { rows } = await poolOf(req).query<{ xmin: number | null; ymin: number; xmax: number; ymax: number; first_day: string | null; last_day: string | null }>(q.text, q.values)
    const e = rows[0]
    return {
      bbox: e && e.xmin !== null ? [e.xmin, e.ymin, e.xmax, e.ymax] : null,
      days: e?.first_day && e.last_day ? [e.first_day, e.last_day] : null,
    }
  }

  await app.register(async (ogc) => {
    ogc.setErrorHandler(sendOgcError)

    // `/ogc/` too: it is how a URL is often pasted into QGIS; the links lead on from either.
    for (const path of ['/ogc', '/ogc/']) {
      ogc.get<{ Querystring: { f?: OgcFormat } }>(path, { schema: metadataSchema }, async (req, reply) => {
        const format = formatOf(req)
        const doc = landingPage(baseOf(req), format)
        return format === 'html' ? sendHtml(reply, landingHtml(doc)) : sendJson(reply, doc)
      })
    }

    ogc.get<{ Querystring: { f?: OgcFormat } }>('/ogc/conformance', { schema: metadataSchema }, async (req, reply) => {
      const format = formatOf(req)
      const doc = conformance(baseOf(req), format)
      return format === 'html' ? sendHtml(reply, conformanceHtml(doc)) : sendJson(reply, doc)
    })

    ogc.get<{ Querystring: { f?: OgcFormat } }>('/ogc/collections', { schema: metadataSchema }, async (req, reply) => {
      const format = formatOf(req)
      const base = baseOf(req)
      const entries: Collection[] = []
      // Sequential on purpose: the embedded database has one connection.
      for (const view of layerViews(audienceOf(req.user?.role))) entries.push(collection(base, view, await extentOf(req, view), undefined))
      const doc = collections(base, entries, format)
      return format === 'html' ? sendHtml(reply, collectionsHtml(doc, base)) : sendJson(reply, doc)
    })

    ogc.get<{ Params: { collectionId: string }; Querystring: { f?: OgcFormat } }>('/ogc/collections/:collectionId', { schema: collectionSchema }, async (req, reply) => {
      const view = viewFor(req)
      const format = formatOf(req)
      const doc = collection(baseOf(req), view, await extentOf(req, view), format)
      return format === 'html' ? sendHtml(reply, collectionHtml(doc)) : sendJson(reply, doc)
    })

    ogc.get<{ Params: { collectionId: string }; Querystring: { f?: OgcFormat } }>('/ogc/collections/:collectionId/queryables', { schema: collectionSchema }, async (req, reply) => {
      const view = viewFor(req)
      const format = formatOf(req)
      const url = `${collectionUrl(req, view)}/queryables`
      const schema = queryablesSchema(await queryablesOf(poolOf(req), view, audienceOf(req.user?.role)), url, view.layer.title_en)
      const links = selfLinks(url, format, 'application/schema+json', 'queryables')
      return format === 'html' ? sendHtml(reply, queryablesHtml(view.layer.title_en, schema.properties, links)) : sendJson(reply, { ...schema, links }, 'application/schema+json')
    })

    ogc.get<{ Params: { collectionId: string } }>('/ogc/collections/:collectionId/schema', { schema: schemaSchema }, async (req, reply) => {
      const view = viewFor(req)
      const url = `${collectionUrl(req, view)}/schema`
      const queryables = await queryablesOf(poolOf(req), view, audienceOf(req.user?.role))
      return sendJson(reply, featureSchema(queryables, view.layer.hasArea, url, view.layer.title_en), 'application/schema+json')
    })

    ogc.get<{ Params: { collectionId: string }; Querystring: ItemsQuerystring }>('/ogc/collections/:collectionId/items', { schema: itemsSchema }, async (req, reply) => {
      const view = viewFor(req)
      const format = formatOf(req)
      const { f: _f, bbox, 'bbox-crs': bboxCrs, crs: crsUri, datetime, limit = OGC_ITEMS_LIMIT.fallback, offset = 0, ...rest } = req.query
      const crs = ogcCrs(crsUri, 'crs')
      const inCrs = ogcCrs(bboxCrs, 'bbox-crs')
      const days = datetime === undefined ? undefined : parseDatetime(datetime)
      const queryables = new Map((await queryablesOf(poolOf(req), view, audienceOf(req.user?.role))).map((q) => [q.name, q]))
      const filters = Object.entries(rest).map(([name, value]) => {
        const queryable = queryables.get(name)
        if (!queryable) throw new BadRequest(`unknown query parameter "${name}": use bbox, bbox-crs, crs, datetime, limit, offset, f, or a property of /ogc/collections/${view.layer.id}/queryables`)
        return { queryable, value: checkFilterValue(queryable, String(value)) }
      })
      const q = itemsQuery(view, { bbox: bbox === undefined || bbox === '' ? undefined : parseOgcBbox(bbox, inCrs), filters, limit, offset, crs, ...(days ? { datetime: days } : {}) })
      const { rows } = await poolOf(req).query<{ number_matched: number; number_returned: number; features: string }>(q.text, q.values)
      const { number_matched: matched, number_returned: returned, features } = rows[0]!

      const links = itemsLinks(requestUrl(req), format, { offset, limit, returned, matched }, collectionUrl(req, view))
      reply.header('content-crs', `<${crs.uri}>`)
      if (format === 'html') {
        const itemUrl = (id: string) => `${collectionUrl(req, view)}/items/${encodeURIComponent(id)}?f=html`
        return sendHtml(reply, itemsHtml(view.layer.title_en, { features: JSON.parse(features) as OgcFeature[], numberMatched: matched, numberReturned: returned, links }, itemUrl))
      }
      // Composed as text: the features arrive as JSON text from PostGIS and are not parsed again.
      const head = { type: 'FeatureCollection', timeStamp: new Date().toISOString(), numberMatched: matched, numberReturned: returned, links }
      return sendJson(reply, `${JSON.stringify(head).slice(0, -1)},"features":${features}}`, 'application/geo+json')
    })

    ogc.get<{ Params: { collectionId: string; featureId: string }; Querystring: { f?: OgcFormat; crs?: string } }>(
      '/ogc/collections/:collectionId/items/:featureId',
      { schema: itemSchema },
      async (req, reply) => {
        const view = viewFor(req)
        const format = formatOf(req)
        const crs = ogcCrs(req.query.crs, 'crs')
        const q = itemQuery(view, req.params.featureId, crs)
        const { rows } = await poolOf(req).query<{ feature: string }>(q.text, q.values)
        const feature = rows[0]?.feature
        if (feature === undefined) throw new NotFound(`no feature "${req.params.featureId}" in collection "${view.layer.id}"`)
        const links = itemLinks(requestUrl(req), format, collectionUrl(req, view))
        reply.header('content-crs', `<${crs.uri}>`)
        if (format === 'html') return sendHtml(reply, itemHtml(view.layer.title_en, { ...(JSON.parse(feature) as OgcFeature), links }))
        return sendJson(reply, `${feature.slice(0, -1)},"links":${JSON.stringify(links)}}`, 'application/geo+json')
      },
    )
  })
}
