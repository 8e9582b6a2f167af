/**
 * GET /api/layers/parcels/features?bbox=…&limit=1000 through the real endpoint against the same
 * statement (the route's own query builder, for the caller's audience) run raw through pg. The
 * endpoint sends the statement's text as its body, so the sanity check is byte equality.
 * On server PostGIS the statement is also timed on a session without parallel workers: PostGIS's
 * high function costs make the planner pick a parallel seq scan for 1,000 features, which costs
 * more than it saves on a small machine (see the report).
 */
import type pg from 'pg'
import type { Audience } from '../../web/src/shared/access-policy'
import { findLayerView } from '../../server/layers/catalog'
import { featuresQuery } from '../../server/layers/features-query'
import { FEATURES_BBOX } from './subjects'
import { timeInterleaved, type Summary, type Task } from './timing'

export interface FeaturesBenchResult {
  audience: Audience
  bbox: readonly number[]
  limit: number
  returned: number
  inBbox: number
  bodyKb: number
  http: Summary
  raw: Summary
  /** The raw statement on a session with max_parallel_workers_per_gather = 0 (server only). */
  rawSerial: Summary | null
}

/** The route's statement for the parcels layer as `audience` sees it: [text, values]. */
export function featuresStatement(
  audience: Audience,
  bbox: readonly [number, number, number, number] = FEATURES_BBOX,
  limit = 1000,
): [string, unknown[]] {
  const q = featuresQuery(findLayerView('parcels', audience)!, { bbox: [...bbox], limit })
  return [q.text, q.values]
}

export async function benchFeatures(
  pool: pg.Pool,
  baseUrl: string,
  opts: {
    audience: Audience
    headers: Record<string, string>
    bbox: readonly [number, number, number, number]
    warmup: number
    runs: number
    /** A second session without parallel workers, to time the statement on (server PostGIS only). */
    serial?: pg.Client
  },
  limit = 1000,
): Promise<FeaturesBenchResult> {
  const { bbox, headers } = opts
  const url = `${baseUrl}/api/layers/parcels/features?bbox=${bbox.join(',')}&limit=${limit}`
  const [text, values] = featuresStatement(opts.audience, bbox, limit)
  const q = { text, values }
  const get = async () => {
    const res = await fetch(url, { headers })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`features endpoint answered ${res.status}: ${text.slice(0, 300)}`)
    return text
  }
  const body = await get()
  const { rows } = await pool.query<{ fc: string }>(q.text, q.values)
  if (rows[0]?.fc !== body) throw new Error(`sanity check failed: the ${opts.audience} features body differs from its raw SQL result`)
  const { rows: counted } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM parcels WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)',
    [...bbox],
  )
  const tasks: Record<string, Task> = { http: get, raw: () => pool.query(q.text, q.values) }
  const serial = opts.serial
  if (serial) tasks.rawSerial = () => serial.query(q.text, q.values)
  const timed = await timeInterleaved(tasks, opts.warmup, opts.runs)
  return {
    audience: opts.audience,
    bbox,
    limit,
    returned: (JSON.parse(body) as { features: unknown[] }).features.length,
    inBbox: counted[0]!.n,
    bodyKb: Buffer.byteLength(body) / 1024,
    http: timed.http!,
    raw: timed.raw!,
    rawSerial: timed.rawSerial ?? null,
  }
}
