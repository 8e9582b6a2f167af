import { describe, expect, it } from 'vitest'
import type { Principal } from '../../web/src/shared/access-policy'
import { OPAQUE_ID_PATTERN } from '../../web/src/shared/api/layers'
import { HELD_PARCEL_STATUSES, PUBLIC_PROJECT_STAGES } from '../../web/src/shared/park-vocabulary'
import { sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

/**
 * Hardening 2, finding 4: what the public map hides (projects under negotiation or in reserve) must
 * not show through it. No firm whose only presence is a hidden project, no point inside a hidden
 * site, no id from which the hidden rows can be counted (PRJ-01, PRJ-03: where is PRJ-02?).
 */

interface Feature { id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }
interface FeatureCollection { features: Feature[] }

/** A random (version 4) UUID, as gen_random_uuid() gives: 122 random bits, no order, no count. */
const OPAQUE_ID = new RegExp(OPAQUE_ID_PATTERN)
/** Layers whose public view hides rows; their public ids must be opaque. */
const HIDING_LAYERS = ['projects', 'enterprises'] as const

forEachDatabase((ctx) => {
  const sql = async <T extends object>(text: string, values: unknown[] = []) => (await ctx.db.pool.query<T>(text, values)).rows

  /** Firms the public may see: land that reads as held on the public map, or a public project. */
  const publicFirmsSql = `
    SELECT e.id, e.name_zh FROM enterprises e
    WHERE EXISTS (SELECT 1 FROM parcels p WHERE p.enterprise_id = e.id AND p.status = ANY ($1::text[]))
       OR EXISTS (SELECT 1 FROM projects j WHERE j.enterprise_id = e.id AND j.stage = ANY ($2::text[]))`
  const publicFirms = () => sql<{ id: string; name_zh: string }>(publicFirmsSql, [HELD_PARCEL_STATUSES, PUBLIC_PROJECT_STAGES])

  const viewers: Principal[] = ['anonymous', 'investor']
  for (const principal of viewers) {
    const headers = async () => (principal === 'anonymous' ? {} : (await sessionAs(ctx.db.pool, 'investor')).headers)
    const get = async (url: string, h?: Record<string, string>) => {
      const res = await ctx.app.inject({ url, headers: h ?? (await headers()) })
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
      return res
    }
    const features = async (layer: string) => ((await get(`/api/layers/${layer}/features?limit=10000`)).json() as FeatureCollection).features

    describe(`${principal}: hidden projects do not show through the enterprises layer`, () => {
      it('no firm whose only presence is a hidden project; every firm with held land or a public project', async () => {
        const shown = (await features('enterprises')).map((f) => f.properties.name_zh)
        const visible = await publicFirms()
        const hiddenOnly = await sql<{ name_zh: string }>(`SELECT name_zh FROM enterprises WHERE id <> ALL ($1::text[])`, [visible.map((f) => f.id)])
        // the sample park has two: 先导 and 东慕科隆, negotiating on sites of their own
        expect(hiddenOnly.map((f) => f.name_zh).sort()).toEqual(['东慕科隆', '先导新材料'].sort())
        for (const f of hiddenOnly) expect(shown).not.toContain(f.name_zh)
        expect([...shown].sort()).toEqual(visible.map((f) => f.name_zh).sort())
      })

      it('a firm in production on its own land is on the map; one with a signed project only is too', async () => {
        const shown = (await features('enterprises')).map((f) => f.properties.name_en)
        expect(shown).toContain('Putailai Industrial Park')
        const { name_en } = (await sql<{ name_en: string }>(`SELECT name_en FROM enterprises WHERE id = 'catl'`))[0]!
        expect(shown).toContain(name_en)
      })

      it('no firm\'s point lies inside a hidden project\'s site', async () => {
        const points = (await features('enterprises')).map((f) => f.geometry.coordinates)
        const inside = await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM projects j, unnest($1::float8[], $2::float8[]) AS pt(x, y)
           WHERE j.stage <> ALL ($3::text[]) AND ST_Intersects(j.geom, ST_SetSRID(ST_MakePoint(pt.x, pt.y), 4326))`,
          [points.map((p) => p[0]), points.map((p) => p[1]), PUBLIC_PROJECT_STAGES],
        )
        expect(inside[0]!.n).toBe(0)
      })

      it('a firm with only a reserved plot (a reservation is part of a negotiation) is not on the map', async () => {
        await sql(`INSERT INTO enterprises (id, name_zh, name_en, industry, geom) VALUES ('test-reserved', '预留测试企业', 'Reserved test firm', 'other', ST_SetSRID(ST_MakePoint(115.4, 28.7), 4326))`)
        const { id } = (await sql<{ id: string }>(`SELECT id FROM parcels WHERE status = 'reserved' AND enterprise_id IS NULL ORDER BY id LIMIT 1`))[0]!
        try {
          await sql(`UPDATE parcels SET enterprise_id = 'test-reserved' WHERE id = $1`, [id])
          expect((await features('enterprises')).map((f) => f.properties.name_zh)).not.toContain('预留测试企业')
        } finally {
          await sql(`UPDATE parcels SET enterprise_id = NULL WHERE id = $1`, [id])
          await sql(`DELETE FROM enterprises WHERE id = 'test-reserved'`)
        }
      })
    })

    describe(`${principal}: public ids of rows that can be hidden are opaque`, () => {
      for (const layer of HIDING_LAYERS) {
        it(`${layer}: every public id is a random UUID, none an internal id, and the same on every read`, async () => {
          const ids = (await features(layer)).map((f) => f.id)
          expect(ids.length).toBeGreaterThan(0)
          const internal = new Set((await sql<{ id: string }>(`SELECT id FROM ${layer}`)).map((r) => r.id))
          for (const id of ids) {
            expect(id).toMatch(OPAQUE_ID)
            expect(internal.has(id)).toBe(false)
          }
          expect(new Set(ids).size).toBe(ids.length)
          expect((await features(layer)).map((f) => f.id)).toEqual(ids)
        })
      }

      it('no public answer carries an internal project or enterprise id anywhere', async () => {
        const internal = (await sql<{ id: string }>(`SELECT id FROM projects UNION ALL SELECT id FROM enterprises`)).map((r) => r.id)
        expect(internal).toContain('PRJ-001')
        const h = await headers()
        const layers = (await get('/api/layers', h)).json() as { id: string }[]
        const bodies = [
          (await get('/api/layers', h)).body,
          ...(await Promise.all(layers.map(async (l) => (await get(`/api/layers/${l.id}/features?limit=10000`, h)).body))),
          (await get('/api/public/parcels?limit=1000', h)).body,
        ]
        for (const body of bodies) {
          expect(body).not.toMatch(/"PRJ-\d+"/)
          for (const id of internal) expect(body).not.toContain(`"${id}"`)
        }
      })

      it('hidden rows cannot be counted: a new negotiation (the next PRJ number, a new firm) changes no public answer', async () => {
        const h = await headers()
        const answers = async () => Promise.all(['/api/layers', '/api/layers/projects/features?limit=10000', '/api/layers/enterprises/features?limit=10000'].map(async (u) => (await get(u, h)).body))
        const before = await answers()
        const { next } = (await sql<{ next: string }>(`SELECT 'PRJ-' || lpad((max(substr(id, 5)::int) + 1)::text, 3, '0') AS next FROM projects`))[0]!
        await sql(`INSERT INTO enterprises (id, name_zh, name_en, industry, geom) VALUES ('test-talks', '洽谈测试企业', 'Talks test firm', 'other', ST_SetSRID(ST_MakePoint(115.41, 28.71), 4326))`)
        await sql(
          `INSERT INTO projects (id, name_zh, name_en, enterprise_id, stage, zone_id, geom)
           VALUES ($1, '洽谈测试项目', 'Talks test project', 'test-talks', 'negotiating', 'south',
                   ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(115.41, 28.71), 4326), 0.001)))`,
          [next],
        )
        try {
          expect(await answers()).toEqual(before)
        } finally {
          await sql(`DELETE FROM projects WHERE id = $1`, [next])
          await sql(`DELETE FROM enterprises WHERE id = 'test-talks'`)
        }
      })
    })
  }

  it('internal roles keep the real ids and every firm', async () => {
    const { headers } = await sessionAs(ctx.db.pool, 'planner')
    const read = async (layer: string) => ((await ctx.app.inject({ url: `/api/layers/${layer}/features?limit=10000`, headers })).json() as FeatureCollection).features
    const projects = await read('projects')
    expect(projects.map((f) => f.id)).toContain('PRJ-012')
    expect((await read('enterprises')).map((f) => f.id).sort()).toEqual((await sql<{ id: string }>('SELECT id FROM enterprises')).map((r) => r.id).sort())
  })
})
