/**
 * `npm run bench`: the overlap endpoint against raw SQL on a county-scale parcel set, the features
 * endpoint likewise, and the browser's live area; on server PostGIS also OGC API items and vector
 * tiles against raw SQL and MapServer 8 (the peer, under lighttpd), the per-mu ranking, the
 * embedded start, the first paint in Chromium and the initial JS. Writes scripts/bench/report.md
 * and scripts/bench/report.json.
 *
 * Environment: BENCH_EMBEDDED=1 (embedded PGlite instead of server PostGIS; report-embedded.md),
 * BENCH_DATABASE_URL / DATABASE_URL (a database whose name contains "bench"), BENCH_PARCELS,
 * BENCH_REGEN=1 (reload the dataset even if it is current), BENCH_RUNS (timed runs for the medium
 * boundary; the others scale from it), BENCH_CLIENT_RUNS (warm starts and first paints, default 3),
 * BENCH_PEER_PORT (lighttpd's port; default: one the kernel picks), BENCH_REPORT (where to write the
 * report; report.json goes beside it).
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
import { DRAWN_BOUNDARIES, FEATURES_BBOX, ITEMS_BBOX, LIVE_AREA_POLYGON, PEER_TILES } from './subjects'
import { publicViewOf } from '../../server/layers/catalog'
import { WEB_ROOT } from '../../server/main'
import { ensureClientBuilt } from '../client-build'
import { COUNTY_BBOX } from './county-layout'
import { assertPeerInstalled, MAPSERV_BIN, mapservVersion, startMapServerPeer } from './mapserver-peer'
import { benchItems, benchTile, type PeerRow } from './peer-bench'
import { benchPerMu } from './per-mu-bench'
import { benchClient } from './client-bench'
import { reportJson, type Bench13 } from './report-json'
import { execFileSync } from 'node:child_process'

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

/**
 * Issue 13's rows: items and tiles against raw SQL and MapServer (started here, stopped at the
 * end), the per-mu ranking, then the client's numbers. Server PostGIS only: the peer reads the
 * same tables over TCP, and embedded tiles are not ST_AsMVT.
 */
async function measure13(db: OpenBenchDatabase, baseUrl: string, planner: Record<string, string>, runs: number): Promise<Bench13 & { peerVersion: string }> {
  const warmup = Math.max(5, Math.round(runs / 10))
  const version = mapservVersion(execFileSync(MAPSERV_BIN, ['-v'], { encoding: 'utf8' }))
  const peer = await startMapServerPeer({ connection: db.url, extent: COUNTY_BBOX, views: [publicViewOf('parcels')], version })
  const peerRows: PeerRow[] = []
  try {
    // ≈40 ms a request for items, ≈50 ms for a z12 tile on each side: half the runs.
    const half = Math.max(20, Math.round(runs / 2))
    peerRows.push(await benchItems(db.pool, baseUrl, peer, { name: 'items-bbox-1000', bbox: ITEMS_BBOX, limit: 1000, warmup, runs: half }))
    for (const t of PEER_TILES) {
      peerRows.push(await benchTile(db.pool, baseUrl, peer, { name: t.name, tile: t.tile, warmup, runs: t.tile.z >= 14 ? runs : half }))
    }
    console.log('items and tiles against MapServer: done')
  } finally {
    await peer.stop()
  }
  const perMu = await benchPerMu(db.pool, baseUrl, planner, Math.max(2, Math.round(warmup / 2)), Math.max(10, Math.round(runs / 10)))
  console.log('per-mu ranking: done')
  const client = await benchClient(baseUrl, Number(process.env.BENCH_CLIENT_RUNS ?? 3))
  return { peerName: peer.name, peerVersion: `mapserv ${version}`, peerRows, perMu, client }
}

async function main(): Promise<void> {
  const started = performance.now()
  const loadBefore = loadAverage()
  const target = benchTarget()
  const n = Number(process.env.BENCH_PARCELS ?? DEFAULT_PARCELS)
  const runs = Number(process.env.BENCH_RUNS ?? 200)
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('BENCH_PARCELS and BENCH_RUNS must be positive integers')
  const reportPath = process.env.BENCH_REPORT ?? path.join(HERE, target.kind === 'embedded' ? 'report-embedded.md' : 'report.md')
  const clientRuns = Number(process.env.BENCH_CLIENT_RUNS ?? 3)
  if (!Number.isInteger(clientRuns) || clientRuns < 1) throw new Error('BENCH_CLIENT_RUNS must be a positive integer')
  // Before anything slow: a missing peer is an error, not a row quietly left out.
  if (target.kind === 'postgres') assertPeerInstalled()
  ensureClientBuilt() // the county's first paint and the initial JS read dist/web

  const db = await openBenchDatabase(target)
  // The tile cache off: each timed tile is made, as MapServer makes it (a cached tile is a memory read).
  const app = await buildApp({ db }, { webRoot: WEB_ROOT, tileCacheBytes: 0 })
  try {
    const dataset = await ensureDataset(db, n, process.env.BENCH_REGEN === '1')
    const stats = await datasetStats(db.pool)
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    const planner = await signInBenchPlanner(db.pool, baseUrl)
    const machine = await machineInfo(db.pool)
    console.log(`${machine.postgres}, ${machine.postgis}; ${stats.parcels} parcels; ${runs} runs for the medium boundary`)
    const measured = await measure(db, baseUrl, planner, runs)
    const bench13 = db.kind === 'postgres' ? await measure13(db, baseUrl, planner, runs) : null
    const results: BenchResults = {
      date: new Date().toISOString(),
      kind: db.kind,
      durationS: (performance.now() - started) / 1000,
      machine,
      loadBefore,
      loadAfter: loadAverage(),
      dataset: { ...dataset, stats },
      ...measured,
      bench13,
    }
    fs.writeFileSync(reportPath, `${renderReport(results)}\n`)
    if (bench13) {
      const jsonPath = reportPath.replace(/\.md$/, '') + '.json'
      const json = reportJson(
        { date: results.date, machine, kind: db.kind, dataset: dataset.fingerprint, peerVersion: bench13.peerVersion },
        bench13,
        measured.overlap.find((o) => o.headline)!,
      )
      fs.writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`)
      console.log(`report.json: ${path.relative(process.cwd(), jsonPath)}`)
    }
    console.log(`\n${consoleSummary(results)}\n\nreport: ${path.relative(process.cwd(), reportPath)} (${results.durationS.toFixed(0)} s)`)
  } finally {
    await app.close()
    await db.close()
  }
}

await main()
