import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type pg from 'pg'
import type { Audience } from '../../web/src/shared/access-policy'
import type { TileAddress } from './tile-query'

/** A tile as it is sent: its bytes and their ETag. */
export interface CachedTile {
  body: Buffer
  etag: string
}

/**
 * The ETag of a tile's bytes: the same tile has the same ETag whichever instance made it. Weak,
 * because one tile goes out as brotli, gzip or plain bytes under this one tag: a strong ETag
 * promises the same bytes on the wire (RFC 9110 §8.8.1), a weak one the same content.
 */
export function tileEtag(body: Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * The data epoch (migration 015): its generation and count, as one key part. Read on the pool the
 * tile itself is read from, so a replica's tiles are keyed by the replica's epoch.
 */
export async function dataEpoch(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ epoch: string }>(`SELECT generation || ':' || n AS epoch FROM data_epoch`)
  return rows[0]?.epoch ?? 'none'
}

/**
 * Tiles already made, kept in memory up to a byte budget (least recently used go first). A key
 * holds the data epoch, so a change to any layer's data leaves the older tiles unreachable, and
 * every instance over the same database fills the same key with the same bytes: nothing an
 * instance keeps can make it answer differently from another.
 */
export class TileCache {
  private readonly tiles: LRUCache<string, CachedTile>

  constructor(maxBytes: number) {
    this.tiles = new LRUCache<string, CachedTile>({ maxSize: maxBytes, sizeCalculation: (t) => Math.max(1, t.body.length + t.etag.length) })
  }

  static key(epoch: string, audience: Audience, layer: string, tile: TileAddress): string {
    return `${epoch}|${audience}|${layer}|${tile.z}/${tile.x}/${tile.y}`
  }

  /** The cached tile under `key`, or the one `make` makes (then kept). */
  async get(key: string, make: () => Promise<Buffer>): Promise<CachedTile> {
    const hit = this.tiles.get(key)
    if (hit) return hit
    const body = await make()
    const tile = { body, etag: tileEtag(body) }
    this.tiles.set(key, tile)
    return tile
  }
}
