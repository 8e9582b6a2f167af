import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FeatureCollection } from 'geojson'
import type { RouteContext } from '../context'
import { BadRequest, NotFound } from '../errors'
import { COMPRESSION } from '../http/compression'
import { audienceOf } from '../../web/src/shared/access-policy'
import { TILE_CONTENT_TYPE, TILE_MAX_ZOOM, type TileJson } from '../../web/src/shared/api/tiles'
import { readPoolFor } from '../db/read-pool'
import { findLayerView, type LayerView } from '../layers/catalog'
import { encodeTile } from '../tiles/encode'
import { TileCache, dataEpoch, tileEtag, type CachedTile } from '../tiles/tile-cache'
import { numericColumns } from '../tiles/numeric-columns'
import { queryablesOf } from '../ogc/queryables'
import { clippedFeaturesQuery, extentQuery, mvtQuery, tileColumns, type TileAddress } from '../tiles/tile-query'

const layerParam = { type: 'string', maxLength: 64 } as const
const tileSchema = {
  params: {
    type: 'object',
    properties: { layer: layerParam, z: { type: 'string', maxLength: 3 }, x: { type: 'string', maxLength: 8 }, y: { type: 'string', maxLength: 12 } },
    required: ['layer', 'z', 'x', 'y'],
  },
  querystring: { type: 'object', properties: {}, additionalProperties: false },
} as const
const tileJsonSchema = {
  params: { type: 'object', properties: { layer: layerParam }, required: ['layer'] },
  querystring: { type: 'object', properties: {}, additionalProperties: false },
} as const

/**
 * Tiles are compressed like every answer (protobuf of quantised coordinates and repeated keys: a
 * dense parcels tile about halves); MVT is not among the types the plugin knows to be compressible.
 */
const TILE_COMPRESSION = { ...COMPRESSION, customTypes: (type: string) => type.startsWith(TILE_CONTENT_TYPE) || type.startsWith('application/json') }

/**
 * A tile is data, never a document, so its answers leave off the headers only a document acts on
 * (CSP, framing, COOP, Origin-Agent-Cluster, referrer policy, DNS prefetch, X-Download-Options,
 * cross-domain policies, X-XSS-Protection): nine headers set, sent and parsed on each of the
 * hundreds of tiles a map load asks for. Kept: nosniff (never read as another type), CORP
 * same-origin (no other site's page may load it) and HSTS.
 */
const TILE_SECURITY_HEADERS = {
  contentSecurityPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const

/** A JSON Schema type (ogc/queryables.ts) as TileJSON names a field's. */
const TILEJSON_TYPE = { string: 'String', integer: 'Number', number: 'Number', boolean: 'Boolean' } as const

/** z/x/y.mvt as integers inside the zoom's grid, or a 400 naming the bad part. */
function tileAddress(params: { z: string; x: string; y: string }): TileAddress {
  const y = /^(\d+)\.mvt$/.exec(params.y)
  if (!/^\d+$/.test(params.z) || !/^\d+$/.test(params.x) || !y) throw new BadRequest('a tile is /tiles/{layer}/{z}/{x}/{y}.mvt with whole numbers')
  const tile = { z: Number(params.z), x: Number(params.x), y: Number(y[1]) }
  if (tile.z > TILE_MAX_ZOOM) throw new BadRequest(`z must be 0–${TILE_MAX_ZOOM}, got ${tile.z}`)
  const size = 2 ** tile.z
  if (tile.x >= size || tile.y >= size) throw new BadRequest(`x and y must be 0–${size - 1} at z ${tile.z}`)
  return tile
}

function viewFor(req: FastifyRequest, layer: string): LayerView {
  const view = findLayerView(layer, audienceOf(req.user?.role))
  if (!view) throw new NotFound(`unknown layer "${layer}"; see /api/layers`)
  return view
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 has it for GET), or `*`. */
function notModified(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').map(opaque).some((t) => t === opaque(etag) || t === '*')
}

/**
 * A tile depends on who asks (the audience's view) and on the data: the ETag is the tile's own
 * hash, so any change to a feature in it gives a new one; `no-cache` makes every use revalidate
 * (a 304 when nothing changed). Internal tiles are `private`: no shared cache may keep them.
 */
function sendTile(req: FastifyRequest, reply: FastifyReply, tile: CachedTile): Buffer | FastifyReply {
  const internal = audienceOf(req.user?.role) === 'internal'
  reply.header('etag', tile.etag).header('cache-control', `${internal ? 'private' : 'public'}, no-cache`).header('vary', 'Cookie')
  if (notModified(req, tile.etag)) return reply.status(304).send()
  reply.type(TILE_CONTENT_TYPE)
  return tile.body
}

/**
 * GET /tiles/:layer/:z/:x/:y.mvt and /tiles/:layer/tiles.json — vector tiles of the layers, each as
 * the caller's audience sees it (the catalogue's views, as every layer read). Server PostGIS
 * encodes with ST_AsMVT; embedded PostGIS clips and the server encodes (tiles/encode.ts). Made
 * tiles are kept in memory under the data epoch (tiles/tile-cache.ts).
 */
export async function tileRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  // One per app: tiles made are kept (TILE_CACHE_MB), keyed by the data epoch; 0 turns it off.
  const cache = ctx.tileCacheBytes > 0 ? new TileCache(ctx.tileCacheBytes) : null
  app.get<{ Params: { layer: string; z: string; x: string; y: string } }>('/tiles/:layer/:z/:x/:y', { schema: tileSchema, compress: TILE_COMPRESSION, helmet: TILE_SECURITY_HEADERS }, async (req, reply) => {
    const view = viewFor(req, req.params.layer)
    const tile = tileAddress(req.params)
    const pool = readPoolFor(ctx.db, req)
    const make = async (): Promise<Buffer> => {
      if (ctx.db.kind === 'postgres') {
        const q = mvtQuery(view, tile, await numericColumns(pool, view, audienceOf(req.user?.role)))
        const { rows } = await pool.query<{ tile: Buffer }>(q.text, q.values)
        return rows[0]?.tile ?? Buffer.alloc(0)
      }
      const q = clippedFeaturesQuery(view, tile)
      const { rows } = await pool.query<{ features: string }>(q.text, q.values)
      const features = JSON.parse(rows[0]?.features ?? '[]') as FeatureCollection['features']
      return encodeTile(view.layer.id, { type: 'FeatureCollection', features }, tile)
    }
    if (!cache) {
      const body = await make()
      return sendTile(req, reply, { body, etag: tileEtag(body) })
    }
    // The epoch first: a change committed after it can only put newer data under an older key,
    // which no reader asks for again (every later statement sees the newer epoch).
    const key = TileCache.key(await dataEpoch(pool), audienceOf(req.user?.role), view.layer.id, tile)
    return sendTile(req, reply, await cache.get(key, make))
  })

  app.get<{ Params: { layer: string } }>('/tiles/:layer/tiles.json', { schema: tileJsonSchema }, async (req) => {
    const view = viewFor(req, req.params.layer)
    const q = extentQuery(view)
    const pool = readPoolFor(ctx.db, req)
    const { rows } = await pool.query<{ w: number; s: number; e: number; n: number }>(q.text, q.values)
    const extent = rows[0]
    const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`
    // Each field typed as the tiles carry it: the view's column types, as the queryables read them.
    const types = new Map((await queryablesOf(pool, view, audienceOf(req.user?.role))).map((q) => [q.name, q.schema.type]))
    const fields = Object.fromEntries(tileColumns(view).map((c) => [c, c === 'area_m2' ? 'Number' : TILEJSON_TYPE[types.get(c) ?? 'string']])) as TileJson['vector_layers'][number]['fields']
    return {
      tilejson: '3.0.0',
      name: view.layer.id,
      tiles: [`${origin}/tiles/${view.layer.id}/{z}/{x}/{y}.mvt`],
      minzoom: 0,
      maxzoom: TILE_MAX_ZOOM,
      bounds: extent ? [extent.w, extent.s, extent.e, extent.n] : [-180, -85.0511, 180, 85.0511],
      vector_layers: [{ id: view.layer.id, fields }],
    } satisfies TileJson
  })
}
