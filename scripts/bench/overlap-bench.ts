/**
 * POST /api/analysis/overlap against the parcels layer, timed three ways on the same database:
 * - `http`: the real endpoint through Fastify over a loopback socket (fetch, keep-alive), signed in
 *   as a planner (so it includes the session lookup);
 * - `service`: what the route handler calls, in-process (overlap(): the topology check with the subject's area, then the parcels statement);
 * - `raw`: the parcels statement alone (it builds the layer's JSON answer), built by the same query builder, through pg;
 * - `candidate` (optional): a proposed rewrite of that statement, timed only if its rows are identical.
 * Before timing, the endpoint's answer must equal the raw statement's: same ids, same areas.
 */
import type pg from 'pg'
import type { Polygon } from 'geojson'
import { overlap } from '../../server/analysis/overlap'
import { SUBJECT_FROM_GEOJSON, overlapLayerJsonQuery } from '../../server/analysis/overlap-query'
import { findLayer } from '../../server/layers/catalog'
import { timeInterleaved, type Summary, type Task } from './timing'
import type { DrawnBoundary } from './subjects'

export interface OverlapBenchResult {
  name: string
  headline: boolean
  subjectKm2: number
  touched: number
  /** Size of the endpoint's JSON answer. */
  bodyKb: number
  inside: number
  partial: number
  http: Summary
  service: Summary
  raw: Summary
  candidate: Summary | null
  /** Why the candidate was not timed, when it was not. */
  candidateNote: string | null
}

interface Feature {
  id: string
  class: string
  feature_m2: number | null
  overlap_m2: number | null
}

const PARCELS = findLayer('parcels')!

/** The parcels statement, exactly as the endpoint builds it, with its one parameter. */
export function rawOverlapStatement(geometry: Polygon, subjectM2 = 1): { text: string; values: unknown[] } {
  return { text: overlapLayerJsonQuery(PARCELS, SUBJECT_FROM_GEOJSON, false), values: [JSON.stringify([geometry]), subjectM2] }
}

async function postOverlap(baseUrl: string, headers: Record<string, string>, body: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/analysis/overlap`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`overlap endpoint answered ${res.status}: ${text.slice(0, 300)}`)
  return text
}

/** Throws unless the endpoint and the raw statement give the same features with bit-identical areas. */
function assertSameResult(name: string, endpoint: Feature[], raw: Feature[]): void {
  const diff = (i: number) => {
    const [a, b] = [endpoint[i], raw[i]]
    return !a || !b || a.id !== b.id || a.class !== b.class || a.feature_m2 !== b.feature_m2 || (a.overlap_m2 ?? 0) !== (b.overlap_m2 ?? 0)
  }
  const bad = [...Array(Math.max(endpoint.length, raw.length)).keys()].filter(diff)
  if (endpoint.length !== raw.length || bad.length) {
    const i = bad[0] ?? 0
    throw new Error(
      `sanity check failed for ${name}: endpoint ${endpoint.length} features, raw SQL ${raw.length}; ` +
        `first difference at ${i}: ${JSON.stringify(endpoint[i])} vs ${JSON.stringify(raw[i])}`,
    )
  }
}

/** The candidate statement is timed only when it returns exactly the current statement's rows. */
async function sameRows(pool: pg.Pool, a: string, b: string, values: unknown[]): Promise<boolean> {
  const [ra, rb] = [await pool.query(a, values), await pool.query(b, values)]
  return JSON.stringify(ra.rows) === JSON.stringify(rb.rows)
}

export async function benchOverlap(
  pool: pg.Pool,
  baseUrl: string,
  boundary: DrawnBoundary,
  opts: { warmup: number; runs: number; headers: Record<string, string>; candidateSql?: string },
): Promise<OverlapBenchResult> {
  const body = JSON.stringify({ geometry: boundary.geometry, layers: ['parcels'] })
  const answerText = await postOverlap(baseUrl, opts.headers, body)
  const answer = JSON.parse(answerText) as { subject: { m2: number }; layers: { features: Feature[] }[] }
  const statement = rawOverlapStatement(boundary.geometry, answer.subject.m2)
  const endpointFeatures = answer.layers[0]!.features
  const { rows } = await pool.query<{ layer: string }>(statement.text, statement.values)
  assertSameResult(boundary.name, endpointFeatures, (JSON.parse(rows[0]!.layer) as { features: Feature[] }).features)

  const geometries = [boundary.geometry]
  const tasks: Record<string, Task> = {
    http: () => postOverlap(baseUrl, opts.headers, body),
    service: () => overlap(pool, { geometries }, ['parcels'], false),
    raw: () => pool.query(statement.text, statement.values),
  }
  let candidateNote: string | null = opts.candidateSql ? null : 'no candidate given'
  if (opts.candidateSql) {
    const candidate = opts.candidateSql
    if (await sameRows(pool, statement.text, candidate, statement.values)) {
      tasks.candidate = () => pool.query(candidate, statement.values)
    } else candidateNote = 'its rows differ from the current statement: the endpoint changed, or the candidate is wrong'
  }
  const timed = await timeInterleaved(tasks, opts.warmup, opts.runs)
  return {
    name: boundary.name,
    headline: boundary.headline,
    subjectKm2: answer.subject.m2 / 1e6,
    touched: endpointFeatures.length,
    bodyKb: Buffer.byteLength(answerText) / 1024,
    inside: endpointFeatures.filter((f) => f.class === 'inside').length,
    partial: endpointFeatures.filter((f) => f.class === 'partial').length,
    http: timed.http!,
    service: timed.service!,
    raw: timed.raw!,
    candidate: timed.candidate ?? null,
    candidateNote,
  }
}

export interface HttpFloor {
  /** An unknown /api path → 404 JSON: Fastify, the socket and fetch, no database. */
  anonymous: Summary
  /** GET /api/auth/me signed in: the same plus the session lookup every signed-in request pays. */
  signedIn: Summary
}

/** What any request costs before its own work. */
export async function benchHttpFloor(baseUrl: string, headers: Record<string, string>, warmup: number, runs: number): Promise<HttpFloor> {
  const timed = await timeInterleaved(
    {
      anonymous: async () => (await fetch(`${baseUrl}/api/no-such-route`)).text(),
      signedIn: async () => (await fetch(`${baseUrl}/api/auth/me`, { headers })).text(),
    },
    warmup,
    runs,
  )
  return timed
}
