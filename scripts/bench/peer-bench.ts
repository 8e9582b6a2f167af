/**
 * The rows timed against the peer: OGC API – Features items and MVT tiles, each three ways in one
 * interleaved loop — Park Atlas's endpoint (anonymous, as the public reads both), the statement
 * that endpoint runs (its own query builder, through pg), and MapServer on the same tables.
 * Before timing, MapServer's features must be Park Atlas's (same ids); if they are not, the row
 * is still timed against raw SQL but carries no peer ratio, and says why.
 *
 * Every request is sent with `accept-encoding: identity`: lighttpd has no compression configured,
 * and Park Atlas would otherwise spend the time brotli takes on a megabyte of JSON.
 * Neither side caches tiles: the bench's Park Atlas runs with its tile cache off (run.ts,
 * tileCacheBytes 0) and computes each tile on each request (its ETag is the hash of the body; no
 * If-None-Match is sent here), MapServer likewise, so repeating one tile is real work.
 */
import type pg from 'pg'
import { publicViewOf } from '../../server/layers/catalog'
import { numericColumns } from '../../server/tiles/numeric-columns'
import { itemsQuery } from '../../server/ogc/items-query'
import { ogcCrs } from '../../server/ogc/crs'
import { mvtQuery, type TileAddress } from '../../server/tiles/tile-query'
import { TILE_BUFFER, TILE_EXTENT } from '../../web/src/shared/api/tiles'
import { compareIds, itemsFeatures, propertyDifferences, tileFeatures, type IdComparison } from './peer-compare'
import type { MapServerPeer } from './mapserver-peer'
import { timeInterleaved, type Summary } from './timing'

export interface PeerCheck {
  /** Features Park Atlas returned / MapServer returned. */
  features: [number, number]
  ids: IdComparison
  /** Properties whose values differ as text, over the shared features: name → features. */
  propertyDifferences: Record<string, number>
  /** Response sizes in bytes, Park Atlas / MapServer. */
  bytes: [number, number]
  /** Id differences that are documented, not errors: which ids, and why. */
  tolerated: { ids: string[]; reason: string } | null
  /** Same ids, but for the tolerated ones: the peer's times are comparable. */
  pass: boolean
}

export interface PeerRow {
  name: string
  /** What was asked, for the report. */
  request: { parkAtlas: string; peer: string }
  http: Summary
  raw: Summary
  /** Null when the check failed: then no ratio to the peer is reported. */
  peer: Summary | null
  check: PeerCheck
  /** Why there is no peer column, when there is none. */
  peerNote: string | null
}

const IDENTITY = { 'accept-encoding': 'identity' }

async function getText(url: string): Promise<string> {
  const res = await fetch(url, { headers: IDENTITY })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`)
  return text
}

async function getBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { headers: IDENTITY })
  const body = new Uint8Array(await res.arrayBuffer())
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`)
  return body
}

async function timeRow(
  name: string,
  request: PeerRow['request'],
  check: PeerCheck,
  tasks: { http: () => Promise<unknown>; raw: () => Promise<unknown>; peer: () => Promise<unknown> },
  warmup: number,
  runs: number,
): Promise<PeerRow> {
  const { peer, ...ours } = tasks
  const peerNote = check.pass
    ? null
    : `MapServer's features differ from Park Atlas's (${check.ids.onlyFirst.length} only in Park Atlas, ${check.ids.onlySecond.length} only in MapServer, ${check.ids.duplicates.length} duplicated): not compared`
  if (!check.pass) console.warn(`${name}: ${peerNote}: ${JSON.stringify(check.ids).slice(0, 400)}`)
  const timed = await timeInterleaved(check.pass ? tasks : ours, warmup, runs)
  return { name, request, http: timed.http, raw: timed.raw, peer: check.pass ? (timed as Record<string, Summary>).peer! : null, check, peerNote }
}

/** `GET /ogc/collections/parcels/items?bbox=…&limit=…` against its statement and MapServer's OGC API items. */
export async function benchItems(
  pool: pg.Pool,
  baseUrl: string,
  peer: MapServerPeer,
  opts: { name: string; bbox: readonly [number, number, number, number]; limit: number; warmup: number; runs: number },
): Promise<PeerRow> {
  const view = publicViewOf('parcels')
  const crs = ogcCrs(undefined, 'crs')
  const q = itemsQuery(view, { bbox: { values: [...opts.bbox], crs }, filters: [], limit: opts.limit, offset: 0, crs })
  const ours = `${baseUrl}/ogc/collections/parcels/items?bbox=${opts.bbox.join(',')}&limit=${opts.limit}`
  const theirs = peer.itemsUrl('parcels', opts.bbox, opts.limit)
  const [a, b] = [await getText(ours), await getText(theirs)]
  const [fa, fb] = [itemsFeatures(a), itemsFeatures(b)]
  const check: PeerCheck = {
    features: [fa.ids.length, fb.ids.length],
    ids: compareIds(fa.ids, fb.ids),
    // MapServer repeats the id among the properties (gml_include_items all): not a difference.
    propertyDifferences: propertyDifferences(fa.properties, fb.properties, ['id']),
    bytes: [Buffer.byteLength(a), Buffer.byteLength(b)],
    tolerated: null,
    pass: false,
  }
  check.pass = check.ids.same
  if (fa.numberMatched !== fb.numberMatched) check.propertyDifferences.numberMatched = 1
  return timeRow(
    opts.name,
    { parkAtlas: ours.slice(baseUrl.length), peer: theirs.slice(peer.origin.length) },
    check,
    { http: () => getText(ours), raw: () => pool.query(q.text, q.values), peer: () => getText(theirs) },
    opts.warmup,
    opts.runs,
  )
}

const SLIVER_REASON =
  'features whose part inside the buffered tile is thinner than one tile unit: ST_AsMVTGeom (Park Atlas) drops them, MapServer keeps them'

/**
 * Of `ids`, those Park Atlas's tile statement does consider (they meet the buffered tile's box) and
 * ST_AsMVTGeom turns to NULL: a sliver under one tile unit, which MapServer still writes. The same
 * envelope, buffer and clipping as mvtQuery in server/tiles/tile-query.ts.
 */
async function collapsedByAsMvtGeom(pool: pg.Pool, tile: TileAddress, ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  const { rows } = await pool.query<{ id: string }>(
    `SELECT t.id FROM parcels t
     WHERE t.id = ANY($4::text[])
       AND t.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326)
       AND ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope($1, $2, $3), ${TILE_EXTENT}, ${TILE_BUFFER}, true) IS NULL`,
    [tile.z, tile.x, tile.y, ids],
  )
  return rows.map((r) => r.id)
}

/** `GET /tiles/parcels/{z}/{x}/{y}.mvt` against its ST_AsMVT statement and MapServer's MVT tile mode. */
export async function benchTile(
  pool: pg.Pool,
  baseUrl: string,
  peer: MapServerPeer,
  opts: { name: string; tile: TileAddress; warmup: number; runs: number },
): Promise<PeerRow> {
  const { z, x, y } = opts.tile
  const view = publicViewOf('parcels')
  const q = mvtQuery(view, opts.tile, await numericColumns(pool, view, 'public'))
  const ours = `${baseUrl}/tiles/parcels/${z}/${x}/${y}.mvt`
  const theirs = peer.tileUrl('parcels', z, x, y)
  const [a, b] = [await getBytes(ours), await getBytes(theirs)]
  const [fa, fb] = [tileFeatures(a, 'parcels'), tileFeatures(b, 'parcels')]
  const check: PeerCheck = {
    features: [fa.ids.length, fb.ids.length],
    ids: compareIds(fa.ids, fb.ids),
    propertyDifferences: propertyDifferences(fa.properties, fb.properties),
    bytes: [a.byteLength, b.byteLength],
    tolerated: null,
    pass: false,
  }
  const slivers = await collapsedByAsMvtGeom(pool, opts.tile, check.ids.onlySecond)
  if (slivers.length) check.tolerated = { ids: slivers, reason: SLIVER_REASON }
  check.pass = !check.ids.onlyFirst.length && !check.ids.duplicates.length && check.ids.onlySecond.every((id) => slivers.includes(id))
  return timeRow(
    opts.name,
    { parkAtlas: ours.slice(baseUrl.length), peer: theirs.slice(peer.origin.length) },
    check,
    { http: () => getBytes(ours), raw: () => pool.query(q.text, q.values), peer: () => getBytes(theirs) },
    opts.warmup,
    opts.runs,
  )
}
