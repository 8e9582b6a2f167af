/**
 * The load run's request generator: each autocannon connection is one principal (the public, an
 * investor, a planner or a land officer, each signed-in one with its own session) walking its
 * role's cycle of requests over one keep-alive socket, one request at a time.
 *
 * Writes are optimistic, as in the browser: each one is preceded by a read of the object's current
 * version (the features endpoint over a tiny bbox inside the object) and sends that version in
 * If-Match. Several connections share the same few objects, so some writes lose the race: 409 is an
 * expected outcome, counted apart from success; a 200 must carry version = If-Match + 1.
 *
 * Per request it records route, status and latency (autocannon's own per-socket timing: from the
 * write of the request to the end of the response), and per edited object every acknowledged
 * version with the note it wrote, for the lost-write check (load-verify.ts).
 */
import type autocannon from 'autocannon'
import type { LoadPrincipal, LoadSession, LoadSubjects, EditTarget, BBox } from './load-db'

export type RouteClass = 'public read' | 'internal read' | 'analysis' | 'version read' | 'write'
export const ROUTE_CLASSES: readonly RouteClass[] = ['public read', 'internal read', 'analysis', 'version read', 'write']

export interface RouteTally {
  route: string
  cls: RouteClass
  principals: Set<LoadPrincipal>
  statuses: Map<number, number>
  ms: number[]
}

export interface AckedWrite {
  version: number
  note: string
  actor: string
}

export interface WriteTally {
  target: EditTarget
  /** 200s: the write was saved. */
  ok: number
  /** 409s: someone saved in between (a lost race, not a lost write). */
  conflict: number
  /** Anything else, by status. */
  other: Map<number, number>
  acked: AckedWrite[]
}

/** A write whose response never came (timeout, broken socket, end of run): the log says whether it was saved. */
export interface UnackedWrite {
  key: string
  expected: number
  note: string
  actor: string
  why: string
}

export const keyOf = (t: Pick<EditTarget, 'entity' | 'id'>): string => `${t.entity}/${t.id}`

export class LoadRecorder {
  readonly routes = new Map<string, RouteTally>()
  readonly writes = new Map<string, WriteTally>()
  readonly unacked: UnackedWrite[] = []
  /** Responses that break the contract (a 200 that skipped a version, a 409 naming no newer version, …). */
  readonly anomalies: string[] = []
  /** Requests the generator chose not to send, by reason. */
  readonly skipped = { areaPaced: 0, noVersion: 0, writesClosed: 0 }
  /** Sample bodies of unexpected statuses, a few per route and status. */
  readonly unexpectedBodies: string[] = []
  connErrors = 0
  timeouts = 0

  constructor(targets: readonly EditTarget[]) {
    for (const target of targets) this.writes.set(keyOf(target), { target, ok: 0, conflict: 0, other: new Map(), acked: [] })
  }

  record(route: string, cls: RouteClass, principal: LoadPrincipal, status: number, ms: number): void {
    let t = this.routes.get(route)
    if (!t) this.routes.set(route, (t = { route, cls, principals: new Set(), statuses: new Map(), ms: [] }))
    t.principals.add(principal)
    t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1)
    t.ms.push(ms)
  }
}

export interface MixOptions {
  sessions: readonly LoadSession[]
  subjects: LoadSubjects
  /** At most one area request per connection this often (the route allows 60 a minute per caller). */
  areaIntervalMs: number
  /** False in the last seconds of the run, so that no write is still in flight when autocannon stops. */
  writesOpen: () => boolean
}

/** A small seeded generator (mulberry32): each connection's choices are reproducible. */
function rngFor(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const bboxParam = (b: BBox) => b.join(',')
const header = (headers: ResHeaders, name: string): string | undefined => {
  const v = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]
  return Array.isArray(v) ? v[0] : v
}

/** autocannon's per-connection context, fresh at the start of each cycle: the version just read travels in it. */
type Ctx = { target?: EditTarget; version?: number }
type ResHeaders = Record<string, string | string[]>

/** One request of a cycle, as autocannon takes it; `setupRequest` returning null skips to the next cycle. */
interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (req: Req, context: Ctx) => Req | null
  onResponse: (status: number, body: string, context: Ctx, headers: ResHeaders) => void
}

/** One connection's state: who it is, what it last received, what write it has in flight. */
export interface Conn {
  n: number
  session: LoadSession
  label: string
  rng: () => number
  last: { route: string; cls: RouteClass } | null
  inflight: UnackedWrite | null
  lastAreaAt: number
  writes: number
  sheet: number
}

/**
 * `setupClient` for autocannon: gives the k-th connection the k-th session and its role's cycle.
 * `conns` collects the connections, so the caller can find writes left in flight at the end.
 */
export function mixSetup(opts: MixOptions, rec: LoadRecorder, conns: Conn[] = []): { setupClient: (client: autocannon.Client) => void; conns: Conn[] } {
  const { subjects } = opts
  const json = { 'content-type': 'application/json' }
  const features = `/api/layers/parcels/features?bbox=${bboxParam(subjects.bbox)}&limit=1000`
  const overlapBody = JSON.stringify({ geometry: subjects.boundary, layers: ['parcels'] })
  const areaBody = JSON.stringify({ type: 'Feature', properties: {}, geometry: subjects.boundary })

  function requestsFor(conn: Conn): Req[] {
    const p = conn.session.principal
    const internal = p === 'planner' || p === 'land_officer' || p === 'admin'
    const audience = internal ? 'internal' : 'public'
    const readCls: RouteClass = internal ? 'internal read' : 'public read'
    const h = conn.session.headers

    /** A request whose response is recorded under `route`; `onResponse` does any further checking. */
    const req = (route: string, cls: RouteClass, r: Omit<Req, 'onResponse'>, onResponse?: Req['onResponse']): Req => ({
      ...r,
      headers: { ...h, ...r.headers },
      onResponse: (status, body, ctx, headers) => {
        conn.last = { route, cls }
        const expected = status === 200 || (cls === 'write' && (status === 201 || status === 409))
        if (!expected && rec.unexpectedBodies.length < 20) rec.unexpectedBodies.push(`${conn.label} ${route} → ${status}: ${body.slice(0, 300)}`)
        onResponse?.(status, body, ctx, headers)
      },
    })

    /** Reads the current version of one of `targets` (chosen at random): the features endpoint over a tiny bbox inside it. */
    const versionRead = (layer: 'parcels' | 'scenarios', targets: readonly EditTarget[]): Req =>
      req(`GET /api/layers/${layer}/features?bbox=<inside one object> (version read)`, 'version read', {
        method: 'GET',
        setupRequest: (r, ctx) => {
          const target = targets[Math.floor(conn.rng() * targets.length)]!
          ctx.target = target
          ctx.version = undefined
          return { ...r, path: `/api/layers/${layer}/features?bbox=${bboxParam(target.probe)}&limit=50` }
        },
      }, (status, body, ctx) => {
        if (status !== 200 || !ctx.target) return
        try {
          const fc = JSON.parse(body) as { features: { id: string; properties: { version?: number } }[] }
          const v = fc.features.find((f) => f.id === ctx.target!.id)?.properties.version
          if (typeof v === 'number') ctx.version = v
        } catch {
          rec.anomalies.push(`${conn.label}: version read of ${keyOf(ctx.target)} returned a body that is not JSON`)
        }
      })

    /**
     * The optimistic write at the version just read: a parcel's note, or a scenario's new version
     * (its own boundary again, the note as the version's comment).
     */
    const write = (route: string, method: 'PATCH' | 'POST', pathOf: (id: string) => string): Req =>
      req(route, 'write', {
        method,
        setupRequest: (r, ctx) => {
          if (!opts.writesOpen()) {
            rec.skipped.writesClosed++
            return null
          }
          if (!ctx.target || ctx.version === undefined) {
            rec.skipped.noVersion++
            return null
          }
          conn.writes++
          const note = `load run ${conn.label} write ${conn.writes} at version ${ctx.version}`
          conn.inflight = { key: keyOf(ctx.target), expected: ctx.version, note, actor: conn.session.email ?? 'anonymous', why: '' }
          ctx.version = undefined // one write per read
          const body = ctx.target.entity === 'scenarios' ? { geometry: ctx.target.geometry, comment: note } : { note }
          return { ...r, path: pathOf(ctx.target.id), headers: { ...r.headers, ...json, 'if-match': `"${conn.inflight.expected}"` }, body: JSON.stringify(body) }
        },
      }, (status, body, _ctx, headers) => {
        const sent = conn.inflight
        conn.inflight = null
        if (!sent) return
        const tally = rec.writes.get(sent.key)!
        if (status === 200 || status === 201) {
          tally.ok++
          const etag = header(headers, 'etag')
          const version = Number(/^"(\d+)"$/.exec(etag ?? '')?.[1])
          if (version !== sent.expected + 1) rec.anomalies.push(`${conn.label}: ${sent.key} saved at If-Match ${sent.expected} answered ETag ${etag}, not "${sent.expected + 1}"`)
          tally.acked.push({ version, note: sent.note, actor: sent.actor })
        } else if (status === 409) {
          tally.conflict++
          let current: unknown
          try {
            current = (JSON.parse(body) as { error?: { details?: { current_version?: unknown } } }).error?.details?.current_version
          } catch {
            current = undefined
          }
          if (typeof current !== 'number' || current <= sent.expected) rec.anomalies.push(`${conn.label}: 409 for ${sent.key} at If-Match ${sent.expected} names current version ${String(current)}`)
        } else {
          tally.other.set(status, (tally.other.get(status) ?? 0) + 1)
        }
      })

    const common: Req[] = [
      req(`GET /api/layers (${audience})`, readCls, { method: 'GET', path: '/api/layers' }),
      req(`GET /api/layers/parcels/features?bbox (${audience})`, readCls, { method: 'GET', path: features }),
    ]
    /** Last in a cycle: when skipped (paced), the cycle simply starts again. */
    const area = req('POST /api/analysis/area', 'analysis', {
      method: 'POST',
      path: '/api/analysis/area',
      headers: json,
      body: areaBody,
      setupRequest: (r) => {
        const now = performance.now()
        if (now - conn.lastAreaAt < opts.areaIntervalMs) {
          rec.skipped.areaPaced++
          return null
        }
        conn.lastAreaAt = now
        return r
      },
    })
    const perMu = req('GET /api/metrics/per-mu?year=2022', 'internal read', { method: 'GET', path: '/api/metrics/per-mu?year=2022' })
    const overlap = req('POST /api/analysis/overlap', 'analysis', { method: 'POST', path: '/api/analysis/overlap', headers: json, body: overlapBody })

    switch (p) {
      case 'anonymous':
      case 'investor':
        return [
          ...common,
          req(`GET /api/public/parcels`, 'public read', { method: 'GET', path: '/api/public/parcels' }),
          req(`GET /api/public/parcels/:id`, 'public read', {
            method: 'GET',
            setupRequest: (r) => ({ ...r, path: `/api/public/parcels/${encodeURIComponent(subjects.availableIds[conn.sheet++ % subjects.availableIds.length]!)}` }),
          }),
        ]
      case 'planner':
        return [
          ...common,
          perMu,
          overlap,
          versionRead('scenarios', subjects.scenarios),
          write('POST /api/scenarios/:id/versions (a new version)', 'POST', (id) => `/api/scenarios/${encodeURIComponent(id)}/versions`),
          area,
        ]
      case 'land_officer':
        return [
          ...common,
          versionRead('parcels', subjects.parcels),
          write('PATCH /api/parcels/:id (note)', 'PATCH', (id) => `/api/parcels/${encodeURIComponent(id)}`),
          perMu,
          versionRead('parcels', subjects.parcels),
          write('PATCH /api/parcels/:id (note)', 'PATCH', (id) => `/api/parcels/${encodeURIComponent(id)}`),
          overlap,
          area,
        ]
      default:
        throw new Error(`no load cycle for ${p}`)
    }
  }

  const setupClient = (client: autocannon.Client) => {
    const n = conns.length
    const session = opts.sessions[n]
    if (!session) throw new Error(`autocannon opened connection ${n + 1}, but only ${opts.sessions.length} sessions were made`)
    const sameRole = opts.sessions.slice(0, n + 1).filter((s) => s.principal === session.principal).length
    const conn: Conn = {
      n,
      session,
      label: `${session.principal}-${sameRole}`,
      rng: rngFor(0x5eed + n),
      last: null,
      inflight: null,
      lastAreaAt: -Infinity,
      writes: 0,
      sheet: n,
    }
    conns.push(conn)
    client.setRequests(requestsFor(conn) as unknown as autocannon.Request[])
    client.on('response', (status: number, _bytes: number, ms: number) => {
      const last = conn.last
      conn.last = null
      rec.record(last?.route ?? '(unmatched response)', last?.cls ?? 'internal read', session.principal, status, ms)
    })
    const lostInFlight = (why: string) => {
      if (!conn.inflight) return
      rec.unacked.push({ ...conn.inflight, why })
      conn.inflight = null
    }
    // Emitted by autocannon's client, missing from @types/autocannon's overloads.
    const events = client as NodeJS.EventEmitter
    events.on('timeout', () => {
      rec.timeouts++
      lostInFlight('request timed out')
    })
    events.on('connError', () => {
      rec.connErrors++
      lostInFlight('connection error')
    })
  }
  return { setupClient, conns }
}

/** After the run: writes still in flight when autocannon closed the sockets (the drain should leave none). */
export function collectInflight(conns: readonly Conn[], rec: LoadRecorder): void {
  for (const c of conns) {
    if (c.inflight) rec.unacked.push({ ...c.inflight, why: 'still in flight when the run ended' })
    c.inflight = null
  }
}
