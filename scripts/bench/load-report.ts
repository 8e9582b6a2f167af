/** Turns one load run into scripts/bench/load-report.md, a console summary, and the pass/fail verdicts. */
import type autocannon from 'autocannon'
import type { LoadPrincipal, LoadSubjects } from './load-db'
import { ROUTE_CLASSES, type LoadRecorder, type RouteClass } from './load-mix'
import type { ServerStats } from './load-server'
import type { WriteCheck } from './load-verify'
import { machineRows, row, type MachineInfo } from './machine'
import { ms } from './timing'

export interface LoadResults {
  date: string
  seconds: number
  connections: number
  principals: LoadPrincipal[]
  drainMs: number
  areaIntervalMs: number
  autocannonVersion: string
  machine: MachineInfo
  loadBefore: string
  loadAfter: string
  database: string
  loaded: Record<string, number>
  setupMs: number
  subjects: LoadSubjects
  cannon: autocannon.Result
  rec: LoadRecorder
  server: ServerStats
  writes: WriteCheck
  durationS: number
}

export interface Latency {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentiles, as timing.ts: the smallest sample with at least p of them at or below it. */
export function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN }
}

const n = (x: number) => x.toLocaleString('en-US')
const lat = (l: Latency) => [ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)]
const statusText = (m: Map<number, number> | Record<number, number>) =>
  [...(m instanceof Map ? m : new Map(Object.entries(m).map(([k, v]) => [Number(k), v])))]
    .sort(([a], [b]) => a - b)
    .map(([s, c]) => `${s}: ${n(c)}`)
    .join(', ')

function allStatuses(r: LoadResults): Map<number, number> {
  const out = new Map<number, number>()
  for (const t of r.rec.routes.values()) for (const [s, c] of t.statuses) out.set(s, (out.get(s) ?? 0) + c)
  return out
}

const totalOf = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0)
const serverTotal = (s: ServerStats) => Object.values(s.responses).reduce((a, byStatus) => a + Object.values(byStatus).reduce((x, y) => x + y, 0), 0)
const server5xx = (s: ServerStats) =>
  Object.values(s.responses).reduce((a, byStatus) => a + Object.entries(byStatus).filter(([st]) => Number(st) >= 500).reduce((x, [, c]) => x + c, 0), 0)

export interface Verdict {
  name: string
  measured: string
  pass: boolean
}

export function verdicts(r: LoadResults): Verdict[] {
  const statuses = allStatuses(r)
  const client5xx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0)
  const unexpected = [...r.rec.routes.values()].flatMap((t) =>
    // a write saves with 200 (a parcel) or 201 (a scenario's new version), or loses the race with 409
    [...t.statuses].filter(([s]) => !(s === 200 || (t.cls === 'write' && (s === 201 || s === 409)))).map(([s, c]) => `${t.route}: ${s} × ${c}`),
  )
  const received = totalOf(statuses)
  const answered = serverTotal(r.server)
  const lost = r.writes.targets.filter((t) => t.problems.length > 0)
  const unsaved = r.writes.targets.filter((t) => t.ok200 === 0)
  const socket = r.rec.connErrors + r.rec.timeouts + r.cannon.errors
  return [
    { name: 'no 5xx (client and server side)', measured: `${client5xx} received, ${server5xx(r.server)} sent`, pass: client5xx === 0 && server5xx(r.server) === 0 },
    {
      name: 'no lost writes: per object Δversion = 200s = audit rows, one unbroken chain',
      measured: lost.length === 0 && r.writes.foreignAuditRows.length === 0 ? `${r.writes.targets.length} objects agree` : `${lost.length} objects disagree; ${r.writes.foreignAuditRows.length} stray audit rows`,
      pass: r.writes.ok,
    },
    { name: 'every edited object saved at least once', measured: unsaved.length ? `not saved: ${unsaved.map((t) => t.key).join(', ')}` : 'yes', pass: unsaved.length === 0 },
    { name: 'only expected statuses (200; 201 or 409 on writes)', measured: unexpected.length ? unexpected.join('; ') : 'yes', pass: unexpected.length === 0 },
    { name: 'version contract (200/201 → If-Match + 1; 409 names a newer version)', measured: `${r.rec.anomalies.length} breaches`, pass: r.rec.anomalies.length === 0 },
    { name: 'no socket errors or timeouts', measured: `${r.rec.connErrors} errors, ${r.rec.timeouts} timeouts`, pass: socket === 0 },
    {
      name: 'server answered what the client received (+ ≤ 1 per connection cut at the stop)',
      measured: `server ${n(answered)}, client ${n(received)}`,
      pass: answered >= received && answered - received <= r.connections && !r.rec.routes.has('(unmatched response)'),
    },
  ]
}

function machineSection(r: LoadResults): string[] {
  const m = r.machine
  const who = Object.entries(r.principals.reduce<Record<string, number>>((a, p) => ({ ...a, [p]: (a[p] ?? 0) + 1 }), {}))
    .map(([p, c]) => `${c} ${p}`)
    .join(', ')
  return [
    '## Machine and run',
    '',
    '| | |',
    '|---|---|',
    ...machineRows(m, r),
    row(['database', `server: ${m.postgres}, ${m.postgis}; database \`${r.database}\` (emptied and loaded with the sample park in ${(r.setupMs / 1000).toFixed(1)} s: ${r.loaded.parcels} parcels, ${r.loaded.zones} zones, ${r.loaded.enterprises} enterprises)`]),
    row(['app', `buildApp in its own process (scripts/bench/load-server.ts), 127.0.0.1, port 0; pg pool of ${r.server.pool.max}: at most ${r.server.pool.maxTotal} connections open, ${r.server.pool.maxWaiting} requests waiting for one`]),
    row(['load', `autocannon ${r.autocannonVersion}, ${r.seconds} s, ${r.connections} keep-alive connections, one request at a time each: ${who}`]),
    row(['whole run', `${r.durationS.toFixed(0)} s`]),
    '',
  ]
}

function mixSection(r: LoadResults): string[] {
  const s = r.subjects
  return [
    '## The mix',
    '',
    'Each connection is one principal with its own account and session (cookie + `x-csrf-token`, the session row written',
    'directly as `sessionAs` does in tests/helpers/auth.ts), repeating its role\'s cycle:',
    '',
    '- **public and investor**: `GET /api/layers`, `GET /api/layers/parcels/features?bbox=…&limit=1000`, `GET /api/public/parcels`,',
    '  `GET /api/public/parcels/:id` (the available parcels in turn);',
    '- **planner**: the same two layer reads (internal view), `GET /api/metrics/per-mu?year=2022`, `POST /api/analysis/overlap`,',
    '  a version read of a rezoning scenario, `POST /api/scenarios/:id/versions` (a new version, `If-Match` = the version read), `POST /api/analysis/area`;',
    '- **land officer**: the two layer reads, a version read and `PATCH /api/parcels/:id` (its note, `If-Match`), per-mu,',
    '  another version read and `PATCH`, overlap, area.',
    '',
    `The map view is the middle quarter of the park (bbox \`${s.bbox.join(',')}\`, ${s.parcelsInBbox} parcels); overlap and area use a`,
    `12-vertex boundary of ${s.boundaryKm2.toFixed(2)} km² at the park's centre (overlap against \`parcels\`). A version read is`,
    '`GET /api/layers/<parcels|scenarios>/features` over a 2 × 2 µ° bbox inside the object, which returns its `version`',
    '(not `GET /api/parcels/:id/history`: it returns every audit row with both snapshots, so it grows with each write).',
    `Writes go to ${s.parcels.length} parcels (${s.parcels.map((t) => t.id).join(', ')}) shared by all land officers, and to`,
    `${s.scenarios.length} scenarios (${s.scenarios.map((t) => t.id).join(', ')}; the second made through \`POST /api/scenarios\` before the run)`,
    'shared by the planners, each picked at random per write: two writers that read the same version race, and the',
    'second gets 409 — a lost race, which the client would reload and retry, not a lost write.',
    `Area requests are paced to one per ${r.areaIntervalMs / 1000} s per connection (the route allows 60 a minute per caller);`,
    `writes stop ${r.drainMs / 1000} s before the end so that none is in flight when autocannon closes the sockets.`,
    `Skipped by the generator: ${n(r.rec.skipped.areaPaced)} paced area slots, ${n(r.rec.skipped.writesClosed)} writes in the final`,
    `${r.drainMs / 1000} s, ${n(r.rec.skipped.noVersion)} writes without a version read.`,
    '',
  ]
}

function latencySections(r: LoadResults): string[] {
  const all = [...r.rec.routes.values()]
  const statuses = allStatuses(r)
  const total = totalOf(statuses)
  const overall = latency(all.flatMap((t) => t.ms))
  const c = r.cannon
  const lines = [
    '## Requests and latency',
    '',
    'Latency is autocannon\'s per request: from writing the request on the socket to the end of the response, in ms.',
    '',
    '| | requests | req/s | statuses | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|---|---|',
    row(['**all**', n(total), (total / c.duration).toFixed(0), statusText(statuses), ...lat(overall)]),
    '',
    `autocannon's own count: ${n(c.requests.total)} responses in ${c.duration} s (${c.requests.average.toFixed(0)} req/s on average),`,
    `${(c.throughput.total / 2 ** 20).toFixed(1)} MiB received; its latency (2xx only) p50 ${c.latency.p50} / p97.5 ${c.latency.p97_5} / p99 ${c.latency.p99} ms;`,
    `non-2xx ${n(c.non2xx)} (the 409s), errors ${c.errors}, timeouts ${c.timeouts}.`,
    '',
    '### By route class',
    '',
    '| class | requests | share | statuses | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const cls of ROUTE_CLASSES) {
    const ts = all.filter((t) => t.cls === cls)
    if (ts.length === 0) continue
    const st = new Map<number, number>()
    for (const t of ts) for (const [s, k] of t.statuses) st.set(s, (st.get(s) ?? 0) + k)
    const l = latency(ts.flatMap((t) => t.ms))
    lines.push(row([cls, n(l.n), `${((l.n / total) * 100).toFixed(1)} %`, statusText(st), ...lat(l)]))
  }
  lines.push('', '### By route', '', '| route | callers | requests | statuses | p50 | p95 | p99 | max |', '|---|---|---|---|---|---|---|---|')
  const order = (cls: RouteClass) => ROUTE_CLASSES.indexOf(cls)
  for (const t of [...all].sort((a, b) => order(a.cls) - order(b.cls) || a.route.localeCompare(b.route))) {
    lines.push(row([`\`${t.route}\``, [...t.principals].join(', '), n(t.ms.length), statusText(t.statuses), ...lat(latency(t.ms))]))
  }
  lines.push('')
  return lines
}

function writesSection(r: LoadResults): string[] {
  const w = r.writes
  const lines = [
    '## Writes: no lost writes',
    '',
    'Per edited object: the version before and after the run, the 200s the run received for it (each with ETag =',
    'If-Match + 1), its 409s, and the `audit_log` rows written for it during the run. Δversion, 200s and audit rows must',
    'be equal; the audit rows must also run as one chain (each `before.version` the previous `after.version`), each 200',
    'must be the audit row of its version (same note, same actor), and the final note the last version\'s.',
    '',
    '| object | version start → end | Δ | 200 | 409 | audit rows | other | result |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const t of w.targets) {
    const other = [Object.keys(t.other).length ? statusText(t.other) : '', t.unackedSaved + t.unackedNotSaved ? `unanswered: ${t.unackedSaved} saved, ${t.unackedNotSaved} not` : '']
      .filter(Boolean)
      .join('; ')
    lines.push(row([`\`${t.key}\``, `${t.start} → ${t.final}`, t.final - t.start, t.ok200, t.conflicts, t.auditRows, other || '—', t.problems.length ? `**FAIL**: ${t.problems.slice(0, 3).join('; ')}` : 'agree']))
  }
  const sum = (f: (t: (typeof w.targets)[number]) => number) => w.targets.reduce((a, t) => a + f(t), 0)
  lines.push(row(['**all**', '', sum((t) => t.final - t.start), sum((t) => t.ok200), sum((t) => t.conflicts), sum((t) => t.auditRows), '', w.ok ? 'agree' : '**FAIL**']))
  const attempts = sum((t) => t.ok200 + t.conflicts)
  lines.push(
    '',
    `${n(attempts)} write attempts: ${((sum((t) => t.conflicts) / Math.max(1, attempts)) * 100).toFixed(1)} % lost the race (409). ` +
      `Audit rows of the run for other objects: ${w.foreignAuditRows.length}${w.foreignAuditRows.length ? ` (${w.foreignAuditRows.slice(0, 5).join('; ')})` : ''}.`,
    '',
  )
  return lines
}

function problemsSection(r: LoadResults): string[] {
  const lines: string[] = []
  if (r.server.errors5xx.length) {
    lines.push('### 5xx on the server', '', '```', ...r.server.errors5xx.slice(0, 5).map((e) => `${e.status} ${e.route}: ${e.message}\n${e.stack.split('\n').slice(1, 6).join('\n')}`), '```', '')
  }
  if (r.rec.unexpectedBodies.length) lines.push('### Unexpected responses (first few)', '', '```', ...r.rec.unexpectedBodies.slice(0, 10), '```', '')
  if (r.rec.anomalies.length) lines.push('### Version contract breaches', '', ...r.rec.anomalies.slice(0, 10).map((a) => `- ${a}`), '')
  if (r.rec.unacked.length) lines.push('### Writes without a response', '', ...r.rec.unacked.map((u) => `- ${u.key} at If-Match ${u.expected} (${u.why}): "${u.note}"`), '')
  return lines.length ? ['## Problems', '', ...lines] : []
}

export function renderLoadReport(r: LoadResults): string {
  const v = verdicts(r)
  return [
    '# Park Atlas load run (server PostGIS)',
    '',
    'Written by `npm run bench:load` (scripts/bench/load-run.ts); README "Benchmarks" says how to run it. Shared machines',
    'are noisy: the load generator, the app and PostgreSQL share this machine\'s cores, so read the latencies with the',
    'load average below.',
    '',
    '## Result',
    '',
    '| check | measured | result |',
    '|---|---|---|',
    ...v.map((c) => row([c.name, c.measured, c.pass ? 'PASS' : '**FAIL**'])),
    '',
    ...latencySections(r),
    ...writesSection(r),
    ...mixSection(r),
    ...machineSection(r),
    ...problemsSection(r),
  ].join('\n').trimEnd()
}

export function consoleSummary(r: LoadResults): string {
  const all = [...r.rec.routes.values()]
  const statuses = allStatuses(r)
  const total = totalOf(statuses)
  const o = latency(all.flatMap((t) => t.ms))
  const lines = [
    `${n(total)} requests in ${r.cannon.duration} s (${(total / r.cannon.duration).toFixed(0)} req/s), ${r.connections} connections; statuses ${statusText(statuses)}`,
    `latency ms p50 / p95 / p99 / max: ${lat(o).join(' / ')}`,
  ]
  for (const cls of ROUTE_CLASSES) {
    const l = latency(all.filter((t) => t.cls === cls).flatMap((t) => t.ms))
    if (l.n) lines.push(`  ${cls.padEnd(14)} ${n(l.n).padStart(7)}  ${lat(l).join(' / ')}`)
  }
  lines.push('writes (object: start → end version, 200s, 409s, audit rows):')
  for (const t of r.writes.targets) {
    lines.push(`  ${t.key.padEnd(28)} ${t.start} → ${t.final} (Δ ${t.final - t.start})  200: ${t.ok200}  409: ${t.conflicts}  audit: ${t.auditRows}  ${t.problems.length ? `FAIL: ${t.problems.join('; ')}` : 'agree'}`)
  }
  for (const c of verdicts(r)) lines.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured}`)
  return lines.join('\n')
}
