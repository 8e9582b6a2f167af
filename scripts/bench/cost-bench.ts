/**
 * The cost budget (README "Cost budget"): for each audience's largest allowed shape — a spiky ring
 * of VERTEX_BUDGET vertices, the worst case of PostGIS's validity check — the raw statement, the
 * area endpoint over HTTP, and how long `/api/health` takes while that request runs. The health
 * figure is what the worker thread buys: on the embedded database a statement on Node's own
 * thread used to hold every answer until it ended.
 */
import type pg from 'pg'
import { VERTEX_BUDGET, type Audience } from '../../web/src/shared/access-policy'
import { summarise, timeInterleaved, type Summary } from './timing'

export interface CostBenchRow {
  audience: Audience
  vertices: number
  /** `ST_IsValidDetail` of the ring, the endpoint's dominant statement. */
  raw: Summary
  /** `POST /api/analysis/area`, signed in as the audience (anonymous for the public). */
  http: Summary
  /** `GET /api/health` started 5 ms after each area request, while it runs. */
  healthDuring: Summary
  /** How many of those health answers came before their area request's. */
  healthFirst: number
}

/** A closed ring of `positions` positions around the park, alternating 1,000 m and 10 m from its centre. */
export function spikyRing(positions: number): { type: 'Polygon'; coordinates: number[][][] } {
  const ring: number[][] = []
  const n = positions - 1
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    const r = i % 2 ? 10 : 1000
    // Metres to degrees near 28.7°N: good enough for a shape whose only job is to be costly.
    ring.push([115.4 + (r * Math.cos(a)) / 97_700, 28.7 + (r * Math.sin(a)) / 110_850])
  }
  ring.push(ring[0]!)
  return { type: 'Polygon', coordinates: [ring] }
}

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await task()
  return { ms: performance.now() - t0, value }
}

export async function benchCost(
  pool: pg.Pool,
  baseUrl: string,
  headers: Record<Audience, Record<string, string>>,
  opts: { warmup: number; runs: number },
): Promise<CostBenchRow[]> {
  const rows: CostBenchRow[] = []
  for (const audience of ['public', 'internal'] as const) {
    const vertices = VERTEX_BUDGET[audience]
    const body = JSON.stringify(spikyRing(vertices))
    const area = () =>
      fetch(`${baseUrl}/api/analysis/area`, { method: 'POST', headers: { ...headers[audience], 'content-type': 'application/json' }, body }).then(async (res) => {
        if (res.status !== 200) throw new Error(`area for ${audience}: ${res.status} ${await res.text()}`)
      })
    const { raw, http } = await timeInterleaved(
      { raw: () => pool.query('SELECT (ST_IsValidDetail(ST_GeomFromGeoJSON($1))).valid', [body]), http: area },
      opts.warmup,
      opts.runs,
    )
    const during: number[] = []
    let healthFirst = 0
    for (let i = 0; i < opts.runs; i++) {
      let areaDone = false
      const heavy = area().then(() => {
        areaDone = true
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
      const health = await timed(() => fetch(`${baseUrl}/api/health`).then((res) => res.json()))
      if (!areaDone) healthFirst++
      during.push(health.ms)
      await heavy
    }
    rows.push({ audience, vertices, raw, http, healthDuring: summarise(during), healthFirst })
    console.log(`cost ${audience}: ${vertices} vertices done`)
  }
  return rows
}
