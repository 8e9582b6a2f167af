// An error raised inside GEOS is an error on both databases, never an empty answer. PGlite loses it
// (an empty result with no command tag); server/db/lost-errors.ts turns that back into an error.
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

const BOW_TIE = 'POLYGON((0 0,1 1,1 0,0 1,0 0))'
const SQUARE = 'POLYGON((0 0,2 0,2 2,0 2,0 0))'
const OVERLAY = 'SELECT ST_AsText(ST_Union(ST_GeomFromText($1), ST_GeomFromText($2))) AS u'

forEachDatabase((ctx, kind) => {
  describe('a GEOS error', () => {
    it('rejects the pool\'s query, and the connection answers the next statement', async () => {
      const failure = ctx.db.pool.query(OVERLAY, [BOW_TIE, SQUARE])
      // Server PostGIS names GEOS's exception; the embedded database's loss is named as such.
      await expect(failure).rejects.toThrow(kind === 'postgres' ? /TopologyException|GEOS/ : /neither a result nor an error/)
      expect((await ctx.db.pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    })

    it('rejects on a checked-out client too (a transaction\'s statements), in the promise and the callback form', async () => {
      const client = await ctx.db.pool.connect()
      try {
        await expect(client.query(OVERLAY, [BOW_TIE, SQUARE])).rejects.toThrow()
        const viaCallback = await new Promise<{ err: Error | null; rows: unknown }>((resolve) =>
          client.query(OVERLAY, [BOW_TIE, SQUARE], (err, res) => resolve({ err, rows: res?.rows })),
        )
        expect(viaCallback.err).toBeInstanceOf(Error)
        expect(viaCallback.rows).toBeUndefined()
        // An empty SELECT is still a result, with its command tag.
        const empty = await client.query('SELECT 1 AS x WHERE false')
        expect(empty.command).toBe('SELECT')
        expect(empty.rows).toEqual([])
      } finally {
        client.release()
      }
    })

    it('a valid overlay still answers', async () => {
      const { rows } = await ctx.db.pool.query<{ u: string }>(OVERLAY, [SQUARE, 'POLYGON((1 1,3 1,3 3,1 3,1 1))'])
      expect(rows[0]!.u).toMatch(/^POLYGON/)
    })
  })
})
