/**
 * Generates a county-scale parcel set (deterministic: seeded PRNG) and loads it into the
 * benchmark database, printing how long each step took.
 *
 *   node --import tsx scripts/generate-county-parcels.ts [--n 100000] [--seed 1] [--check]
 *
 * Target: BENCH_DATABASE_URL / DATABASE_URL (the database name must contain "bench"), default
 * postgres://postgres@127.0.0.1:5432/parkatlas_bench, created with PostGIS and the park schema
 * when missing. BENCH_EMBEDDED=1 loads the embedded PostGIS in .parkatlas/bench-pgdata instead.
 * `--check` also counts overlapping parcel pairs (expected 0).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { benchTarget, openBenchDatabase } from './bench/bench-db'
import { generateCountyLayout } from './bench/county-layout'
import { datasetFingerprint, datasetStats, loadCounty, overlappingPairs, type DatasetStats, type LoadTimings } from './bench/county-load'

/** On server and embedded PostGIS alike: embedded PGlite loads 100,000 parcels in about 5 s too. */
export const DEFAULT_PARCELS = 100_000
export const DEFAULT_SEED = 1

export interface CountyLoadReport extends LoadTimings {
  generateMs: number
  totalMs: number
  stats: DatasetStats
}

/** Generates and loads `n` parcels; returns the timings and PostGIS's view of the result. */
export async function generateCountyParcels(pool: pg.Pool, n: number, seed: number, log = console.log): Promise<CountyLoadReport> {
  const t0 = performance.now()
  const layout = generateCountyLayout(n, seed)
  const generateMs = performance.now() - t0
  log(`generated ${layout.parcels.length} parcels in ${layout.blocks} blocks, ${layout.enterprises.length} enterprises (${generateMs.toFixed(0)} ms)`)
  const timings = await loadCounty(pool, layout, datasetFingerprint(n, seed))
  const totalMs = performance.now() - t0
  log(
    `loaded: insert ${(timings.insertMs / 1000).toFixed(1)} s, indexes ${(timings.indexMs / 1000).toFixed(1)} s, ` +
      `vacuum analyze ${(timings.analyzeMs / 1000).toFixed(1)} s; total ${(totalMs / 1000).toFixed(1)} s ` +
      `(${Math.round(layout.parcels.length / (timings.insertMs / 1000))} parcels/s inserted)`,
  )
  const stats = await datasetStats(pool)
  log(
    `parcels ${stats.parcels}: ${stats.minMu.toFixed(2)}–${stats.maxMu.toFixed(2)} mu (median ${stats.medianMu.toFixed(2)}), ` +
      `${stats.totalKm2.toFixed(1)} km², invalid ${stats.invalid}, extent ${stats.extent}`,
  )
  return { generateMs, totalMs, ...timings, stats }
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

async function main(args: string[]): Promise<void> {
  const target = benchTarget()
  const n = Number(argValue(args, '--n') ?? DEFAULT_PARCELS)
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED)
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) throw new Error('--n and --seed must be integers, n ≥ 1')
  console.log(`target: ${target.kind} ${target.kind === 'postgres' ? target.where : `PostGIS in ${target.where}`}`)
  const t0 = performance.now()
  const db = await openBenchDatabase(target)
  console.log(`database ready (created / migrated if needed) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  try {
    await generateCountyParcels(db.pool, n, seed)
    if (args.includes('--check')) {
      const t1 = performance.now()
      console.log(`overlapping parcel pairs: ${await overlappingPairs(db.pool)} (${((performance.now() - t1) / 1000).toFixed(1)} s)`)
    }
  } finally {
    await db.close()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
