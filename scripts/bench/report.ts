/** Turns one bench run into scripts/bench/report.md and a short console summary. */
import type { CountyLoadReport } from '../generate-county-parcels'
import type { DatasetStats } from './county-load'
import type { PlanSummary } from './explain'
import type { FeaturesBenchResult } from './features-bench'
import type { LiveAreaResult } from './live-area-bench'
import type { CostBenchRow } from './cost-bench'
import { machineRows, row, type MachineInfo } from './machine'
import type { HttpFloor, OverlapBenchResult } from './overlap-bench'
import { ms, type Summary } from './timing'
import { bench13Section, goalChecks13, type Bench13 } from './report-json'

/** The goal for the overlap endpoint on server PostGIS. */
export const GOAL = { p95Ms: 50, ratio: 1.5 } as const

export interface BenchResults {
  date: string
  kind: 'embedded' | 'postgres'
  durationS: number
  machine: MachineInfo
  loadBefore: string
  loadAfter: string
  dataset: { fingerprint: string; stats: DatasetStats; load: CountyLoadReport | null }
  httpFloor: HttpFloor
  overlap: OverlapBenchResult[]
  explain: { current: PlanSummary; candidate: PlanSummary | null }
  features: FeaturesBenchResult[]
  featuresPlan: PlanSummary
  liveArea: LiveAreaResult
  cost: CostBenchRow[]
  /** Issue 13's rows (peer, tiles, per-mu, client); server PostGIS only. */
  bench13: Bench13 | null
}

export interface GoalCheck {
  name: string
  target: string
  measured: string
  pass: boolean
}

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const pct = (from: number, to: number) => `${to <= from ? '−' : '+'}${Math.abs((1 - to / from) * 100).toFixed(0)} %`
const p50p95 = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`

export function goalChecks(r: BenchResults): GoalCheck[] {
  const h = r.overlap.find((o) => o.headline)!
  const ratio95 = h.http.p95 / h.raw.p95
  return [
    { name: 'overlap endpoint p95 (medium boundary)', target: `≤ ${GOAL.p95Ms} ms`, measured: `${ms(h.http.p95)} ms`, pass: h.http.p95 <= GOAL.p95Ms },
    { name: 'endpoint p95 ÷ raw SQL p95', target: `≤ ${GOAL.ratio}`, measured: ratio95.toFixed(2), pass: ratio95 <= GOAL.ratio },
    { name: 'endpoint p50 ÷ raw SQL p50', target: `≤ ${GOAL.ratio}`, measured: (h.http.p50 / h.raw.p50).toFixed(2), pass: h.http.p50 / h.raw.p50 <= GOAL.ratio },
  ]
}

function machineSection(r: BenchResults): string[] {
  const m = r.machine
  const s = r.dataset.stats
  const load = r.dataset.load
  const loaded = load
    ? `generated and loaded in this run: ${(load.totalMs / 1000).toFixed(1)} s (generate ${(load.generateMs / 1000).toFixed(1)} s, ` +
      `insert ${(load.insertMs / 1000).toFixed(1)} s, indexes ${(load.indexMs / 1000).toFixed(1)} s, vacuum analyze ${(load.analyzeMs / 1000).toFixed(1)} s)`
    : 'reused from an earlier run (same fingerprint); `BENCH_REGEN=1` reloads it and reports the load time'
  return [
    '## Machine and data',
    '',
    '| | |',
    '|---|---|',
    ...machineRows(m, r),
    row(['database', `${r.kind === 'postgres' ? 'server' : 'embedded (PGlite)'}: ${m.postgres}, ${m.postgis}`]),
    row(['dataset', `${n(s.parcels)} parcels (\`${r.dataset.fingerprint}\`), ${n(s.enterprises)} enterprises; ${s.minMu.toFixed(2)}–${s.maxMu.toFixed(2)} mu, median ${s.medianMu.toFixed(2)} mu; ${n(s.totalKm2, 1)} km²; invalid geometries: ${s.invalid}`]),
    row(['dataset load', loaded]),
    row(['whole bench run', `${r.durationS.toFixed(0)} s`]),
    '',
  ]
}

function goalSection(r: BenchResults): string[] {
  const checks = goalChecks(r)
  const note =
    r.kind === 'postgres'
      ? 'The goal (issue 4) is set for server PostGIS.'
      : 'The goal (issue 4) is set for server PostGIS; on embedded PGlite it is shown for reference only.'
  return [
    '## Goal',
    '',
    note,
    '',
    '| check | target | measured | result |',
    '|---|---|---|---|',
    ...checks.map((c) => row([c.name, c.target, c.measured, c.pass ? 'PASS' : '**FAIL**'])),
    '',
  ]
}

function overlapSection(r: BenchResults): string[] {
  const lines = [
    '## Overlap: `POST /api/analysis/overlap {geometry, layers: ["parcels"]}`',
    '',
    'Sequential requests, interleaved with the other columns so noise hits all alike; times in ms, p50 / p95.',
    '`HTTP` is the real endpoint (buildApp, loopback socket, fetch, signed in as a planner: the session lookup is',
    'one more statement); `service` is what the route calls in-process (topology check with the subject\'s area,',
    'then the parcels statement: two round trips); `raw SQL` is the parcels statement alone,',
    'built by `overlapQuery` from server/analysis/overlap-query.ts and run through pg. Before timing, the endpoint\'s',
    'features were checked to equal the raw statement\'s rows (same ids, classes and bit-identical areas).',
    '',
    '| boundary | km² | parcels (inside + partial) | runs | HTTP | HTTP mean | service | raw SQL | HTTP ÷ raw p50 | HTTP ÷ raw p95 |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const o of r.overlap) {
    lines.push(
      row([
        o.headline ? `**${o.name}**` : o.name,
        o.subjectKm2.toFixed(2),
        `${o.touched} (${o.inside} + ${o.partial})`,
        o.http.runs,
        p50p95(o.http),
        ms(o.http.mean),
        p50p95(o.service),
        p50p95(o.raw),
        (o.http.p50 / o.raw.p50).toFixed(2),
        (o.http.p95 / o.raw.p95).toFixed(2),
      ]),
    )
  }
  lines.push(
    '',
    `HTTP floor: ${p50p95(r.httpFloor.anonymous)} ms for a request that reaches no database (an unknown /api path → 404 JSON);`,
    `${p50p95(r.httpFloor.signedIn)} ms for \`GET /api/auth/me\` signed in (the session lookup every signed-in request pays).`,
    '',
    ...overheadBreakdown(r),
  )
  return lines
}

/** Where the endpoint's time over the raw statement goes, at p50, for the headline boundary. */
function overheadBreakdown(r: BenchResults): string[] {
  const h = r.overlap.find((o) => o.headline)!
  const floor = r.httpFloor.anonymous.p50
  const session = r.httpFloor.signedIn.p50 - floor
  const statements = h.service.p50 - h.raw.p50
  const rest = h.http.p50 - h.raw.p50 - floor - session - statements
  return [
    `Endpoint minus raw SQL for the ${h.name} boundary, p50: ${ms(h.http.p50 - h.raw.p50)} ms ≈ HTTP ${ms(floor)} + session lookup ${ms(session)}`,
    `+ topology check and subject area (service − raw) ${ms(statements)} + the rest (body schema and GeoJSON checks,`,
    `${n(h.bodyKb)} KiB of JSON for ${h.touched} features, noise) ${ms(rest)}. This part is fixed: the faster the SQL, the higher the ratio.`,
    '',
  ]
}

function candidateSection(r: BenchResults): string[] {
  const lines = [
    '## Proposed overlap SQL (`candidateSql` in scripts/bench/overlap-bench.ts)',
    '',
    'Same output, checked row for row before timing; timed in the same interleaved loop as the columns above.',
    '',
    '| boundary | current raw SQL | candidate | change p50 | change p95 |',
    '|---|---|---|---|---|',
  ]
  for (const o of r.overlap) {
    if (!o.candidate) lines.push(row([o.name, p50p95(o.raw), `not timed: ${o.candidateNote}`, '', '']))
    else lines.push(row([o.name, p50p95(o.raw), p50p95(o.candidate), pct(o.raw.p50, o.candidate.p50), pct(o.raw.p95, o.candidate.p95)]))
  }
  lines.push('')
  return lines
}

function calls(p: PlanSummary): string {
  if (!p.calls) return 'not counted (needs a superuser for track_functions)'
  return Object.entries(p.calls)
    .map(([f, k]) => `${f} ${k}`)
    .join(', ')
}

function explainSection(r: BenchResults): string[] {
  const { current, candidate } = r.explain
  const lines = [
    '## EXPLAIN ANALYZE (medium boundary, current SQL)',
    '',
    `- GiST index used: **${current.gistUsed ? 'yes' : 'NO'}** — ${current.scans.join('; ')}`,
    `- planning ${current.planningMs.toFixed(2)} ms, execution ${current.executionMs.toFixed(2)} ms (one run, with instrumentation)`,
    `- PostGIS function calls in one execution (track_functions = all): ${calls(current)}`,
  ]
  if (candidate) lines.push(`- the same for the candidate: ${calls(candidate)}; execution ${candidate.executionMs.toFixed(2)} ms`)
  lines.push('', '<details><summary>plan</summary>', '', '```', current.text, '```', '', '</details>', '')
  return lines
}

function featuresSection(r: BenchResults): string[] {
  const [first] = r.features
  if (!first) return []
  const lines = [
    `## Features: \`GET /api/layers/parcels/features?bbox=${first.bbox.join(',')}&limit=${first.limit}\``,
    '',
    `${n(first.inBbox)} parcels meet the bbox. Internal = signed in as a planner (every column); public = anonymous`,
    '(public columns and rows only). Each endpoint body was checked to be byte-identical to its raw statement\'s',
    'result (`featuresQuery` from server/layers/features-query.ts, for the same audience). Times in ms.',
    '',
    '| audience | features returned | body | runs | HTTP p50 / p95 | raw SQL p50 / p95 | HTTP ÷ raw p50 | HTTP ÷ raw p95 | raw SQL, no parallel workers |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const f of r.features) {
    lines.push(
      row([
        f.audience,
        n(f.returned),
        `${n(f.bodyKb)} KiB`,
        f.http.runs,
        p50p95(f.http),
        p50p95(f.raw),
        (f.http.p50 / f.raw.p50).toFixed(2),
        (f.http.p95 / f.raw.p95).toFixed(2),
        f.rawSerial ? p50p95(f.rawSerial) : 'n/a',
      ]),
    )
  }
  const plan = r.featuresPlan
  lines.push(
    '',
    `Plan of the internal statement (EXPLAIN ANALYZE, one run): ${plan.scans.join('; ')}; execution ${plan.executionMs.toFixed(1)} ms.`,
    '',
    '<details><summary>plan</summary>',
    '',
    '```',
    plan.text,
    '```',
    '',
    '</details>',
    '',
  )
  return lines
}

function liveAreaSection(r: BenchResults): string[] {
  const a = r.liveArea
  return [
    `## Live area in the browser: a ${n(a.vertices)}-vertex polygon`,
    '',
    'In Node (same V8 as Chromium), after warm-up; ms per call.',
    '',
    '| | runs | p50 | p95 | area |',
    '|---|---|---|---|---|',
    row(['`geodesicArea` (GeographicLib, shown)', a.geodesic.runs, ms(a.geodesic.p50), ms(a.geodesic.p95), `${n(a.geodesicM2, 2)} m²`]),
    row(['`turf.area` (spherical, reference only)', a.turf.runs, ms(a.turf.p50), ms(a.turf.p95), `${n(a.turfM2, 2)} m² (${((a.turfM2 / a.geodesicM2 - 1) * 100).toFixed(3)} %)`]),
    '',
  ]
}

function costSection(r: BenchResults): string[] {
  return [
    '## Cost budget: the largest shape each audience may send',
    '',
    'A spiky ring of `VERTEX_BUDGET` vertices (web/src/shared/access-policy.ts), the worst case of the validity',
    'check, which grows with the square of the vertices. `raw` is `ST_IsValidDetail` alone; `HTTP` the whole',
    '`POST /api/analysis/area`; `health during` is `GET /api/health` sent 5 ms after each area request, and',
    '`answered first` how often it came back before that request did. ms, p50 / p95.',
    '',
    '| audience | vertices | raw | HTTP | HTTP ÷ raw (p50) | health during | answered first |',
    '|---|---|---|---|---|---|---|',
    ...r.cost.map((c) =>
      row([c.audience, n(c.vertices), p50p95(c.raw), p50p95(c.http), (c.http.p50 / c.raw.p50).toFixed(2), p50p95(c.healthDuring), `${c.healthFirst} / ${c.healthDuring.runs}`]),
    ),
    '',
  ]
}

export function renderReport(r: BenchResults): string {
  return [
    `# Park Atlas benchmark (${r.kind === 'postgres' ? 'server PostGIS' : 'embedded PostGIS'})`,
    '',
    'Written by `npm run bench` (scripts/bench/run.ts); README "Benchmarks" says how to run it. Shared machines are',
    'noisy: compare runs on one machine, and look at the load average below before trusting a bad number.',
    '',
    ...goalSection(r),
    ...(r.bench13 ? bench13Section(r.bench13, r.overlap.find((o) => o.headline)!) : []),
    ...overlapSection(r),
    ...candidateSection(r),
    ...explainSection(r),
    ...featuresSection(r),
    ...liveAreaSection(r),
    ...costSection(r),
    ...machineSection(r),
  ].join('\n')
}

export function consoleSummary(r: BenchResults): string {
  const lines = r.overlap.map(
    (o) =>
      `overlap ${o.name.padEnd(22)} ${String(o.touched).padStart(4)} parcels  HTTP ${p50p95(o.http).padStart(13)}  raw ${p50p95(o.raw).padStart(13)}` +
      (o.candidate ? `  candidate ${p50p95(o.candidate)}` : ''),
  )
  for (const f of r.features) lines.push(`features (${f.audience}) limit ${f.limit}: HTTP ${p50p95(f.http)}, raw ${p50p95(f.raw)} ms`)
  lines.push(`live area ${r.liveArea.vertices} vertices: geodesicArea ${p50p95(r.liveArea.geodesic)} ms, turf.area ${p50p95(r.liveArea.turf)} ms`)
  for (const c of r.cost) lines.push(`cost ${c.audience} ${c.vertices} vertices: HTTP ${p50p95(c.http)}, raw ${p50p95(c.raw)} ms; health during ${p50p95(c.healthDuring)} ms, first ${c.healthFirst}/${c.healthDuring.runs}`)
  lines.push(`GiST used: ${r.explain.current.gistUsed ? 'yes' : 'NO'}`)
  for (const c of goalChecks(r)) lines.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.target})`)
  if (r.bench13) {
    for (const p of r.bench13.peerRows) lines.push(`${p.name}: Park Atlas ${p50p95(p.http)}, raw ${p50p95(p.raw)}, MapServer ${p.peer ? p50p95(p.peer) : 'not compared'} ms`)
    lines.push(`per-mu-ranking: ${p50p95(r.bench13.perMu.http)}, raw ${p50p95(r.bench13.perMu.raw)} ms`)
    for (const c of goalChecks13(r.bench13, r.overlap.find((o) => o.headline)!)) lines.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.target})`)
  }
  return lines.join('\n')
}
