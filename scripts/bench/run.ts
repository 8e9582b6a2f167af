/**
 * `npm run bench`: the overlap endpoint against raw SQL on a county-scale parcel set, the features
 * endpoint likewise, and the browser's live area; writes scripts/bench/report.md.
 *
 * Environment: BENCH_EMBEDDED=1 (embedded PGlite instead of server PostGIS; report-embedded.md),
 * BENCH_DATABASE_URL / DATABASE_URL (a database whose name contains "bench"), BENCH_PARCELS,
 * BENCH_REGEN=1 (reload the dataset even if it is current), BENCH_RUNS (timed runs for the medium
 * boundary; the others scale from it), BENCH_REPORT (where to write the report).
 * Not part of `npm test`: timings on shared machines are too noisy to gate on.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { buildApp } from '../../server/app'
import { DEFAULT_PARCELS, DEFAULT_SEED, generateCountyParcels, type CountyLoadReport } from '../generate-county-parcels'
import { benchTarget, openBenchDatabase, type OpenBenchDatabase } from './bench-db'
import { datasetFingerprint, datasetStats, loadedFingerprint } from './county-load'
import { explainStatement } from './explain'
import { signInBenchPlanner } from './bench-session'
import { benchFeatures, featuresStatement } from './features-bench'
import { benchLiveArea } from './live-area-bench'
import { benchCost } from './cost-bench'
import { loadAverage, machineInfo } from './machine'
import { benchHttpFloor, benchOverlap, rawOverlapStatement, type OverlapBenchResult } from './overlap-bench'
import { consoleSummary, renderReport, type BenchResults } from './report'
import { DRAWN_BOUNDARIES, FEATURES_BBOX, LIVE_AREA_POLYGON } from './subjects'

const HERE = path.dirname(fileURLToPath(import.meta.url))

/** Loads the county unless the database already holds this exact dataset. */
async function ensureDataset(db: OpenBenchDatabase, n: number, force: boolean): Promise<{ fingerprint: string; load: CountyLoadReport | null }> {
  const fingerprint = datasetFingerprint(n, DEFAULT_SEED)
  if (!force && (await loadedFingerprint(db.pool)) === fingerprint) {
    console.log(`dataset present: ${fingerprint}`)
    return { fingerprint, load: null }
  }
  console.log(`loading dataset: ${fingerprint}`)
  return { fingerprint, load: await generateCountyParcels(db.pool, n, DEFAULT_SEED) }
}

/** A second server session with parallel workers off; none on embedded PGlite (one session only, no workers). */
async function serialSession(db: OpenBenchDatabase): Promise<pg.Client | undefined> {
  if (db.kind !== 'postgres') return undefined
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  await client.query('SET max_parallel_workers_per_gather = 0')
  return client
}

type Measurements = Pick<BenchResults, 'overlap' | 'httpFloor' | 'explain' | 'features' | 'featuresPlan' | 'liveArea' | 'cost'>

/** Every timed part, in order; `runs` is for the medium boundary, the others scale from it. */
async function measure(db: OpenBenchDatabase, baseUrl: string, planner: Record<string, string>, runs: number): Promise<Measurements> {
  const warmup = Math.max(5, Math.round(runs / 10))
  const overlap: OverlapBenchResult[] = []
  for (const boundary of DRAWN_BOUNDARIES) {
    const r = Math.max(20, Math.round(runs * boundary.runShare))
    overlap.push(await benchOverlap(db.pool, baseUrl, boundary, { warmup, runs: r, headers: planner }))
    console.log(`overlap ${boundary.name}: ${r} runs done`)
  }
  const httpFloor = await benchHttpFloor(baseUrl, planner, warmup, runs)
  const statement = rawOverlapStatement(DRAWN_BOUNDARIES.find((b) => b.headline)!.geometry)
  const explain = {
    current: await explainStatement(db.pool, statement.text, statement.values),
    candidate: null,
  }
  // ≈100 ms a request on a busy server: fewer runs.
  const featureRuns = { bbox: FEATURES_BBOX, warmup: Math.round(warmup / 2), runs: Math.max(20, Math.round(runs * 0.3)) }
  const featuresPlan = await explainStatement(db.pool, ...featuresStatement('internal'))
  const serial = await serialSession(db)
  const features = [
    await benchFeatures(db.pool, baseUrl, { ...featureRuns, audience: 'internal', headers: planner, serial }),
    await benchFeatures(db.pool, baseUrl, { ...featureRuns, audience: 'public', headers: {}, serial }),
  ]
  await serial?.end()
  console.log('features: done')
  // Seconds a run at the internal budget: a handful of runs says enough.
  const cost = await benchCost(db.pool, baseUrl, { public: {}, internal: planner }, { warmup: 1, runs: Math.max(5, Math.round(runs / 40)) })
  return { overlap, httpFloor, explain, features, featuresPlan, liveArea: benchLiveArea(LIVE_AREA_POLYGON), cost }
}

async function main(): Promise<void> {
  const started = performance.now()
  const loadBefore = loadAverage()
  const target = benchTarget()
  const n = Number(process.env.BENCH_PARCELS ?? DEFAULT_PARCELS)
  const runs = Number(process.env.BENCH_RUNS ?? 200)
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('BENCH_PARCELS and BENCH_RUNS must be positive integers')
  const reportPath = process.env.BENCH_REPORT ?? path.join(HERE, target.kind === 'embedded' ? 'report-embedded.md' : 'report.md')

  const db = await openBenchDatabase(target)
  const app = await buildApp({ db })
  try {
    const dataset = await ensureDataset(db, n, process.env.BENCH_REGEN === '1')
    const stats = await datasetStats(db.pool)
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    const planner = await signInBenchPlanner(db.pool, baseUrl)
    const machine = await machineInfo(db.pool)
    console.log(`${machine.postgres}, ${machine.postgis}; ${stats.parcels} parcels; ${runs} runs for the medium boundary`)
    const measured = await measure(db, baseUrl, planner, runs)
    const results: BenchResults = {
      date: new Date().toISOString(),
      kind: db.kind,
      durationS: (performance.now() - started) / 1000,
      machine,
      loadBefore,
      loadAfter: loadAverage(),
      dataset: { ...dataset, stats },
      ...measured,
    }
    fs.writeFileSync(reportPath, `${renderReport(results)}\n`)
    console.log(`\n${consoleSummary(results)}\n\nreport: ${path.relative(process.cwd(), reportPath)} (${results.durationS.toFixed(0)} s)`)
  } finally {
    await app.close()
    await db.close()
  }
}

await main()
