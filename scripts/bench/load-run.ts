/**
 * `npm run bench:load`: a bounded load run (issue 3) with autocannon on loopback, against the real
 * app (buildApp, listening on 127.0.0.1 port 0, in a child process: load-server.ts) over its own
 * server PostGIS database with the sample park (load-db.ts). A mix of public, investor, planner and
 * land-officer traffic, reads and optimistic writes (load-mix.ts); then the lost-write check
 * (load-verify.ts). Writes scripts/bench/load-report.md and prints a summary.
 *
 * Exits non-zero on any 5xx, any lost write (per edited object: Δversion, 200s counted and audit
 * rows written must agree), an unexpected status (anything but 200, and 409 on writes), a broken
 * socket or timeout, or a response that breaks the version contract.
 *
 * Environment: LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 8), LOAD_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/parkatlas_load; emptied on every run), LOAD_REPORT.
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { scenarioTargets, editState, loadDatabaseUrl, loadSessions, loadSubjects, openLoadDatabase, type LoadPrincipal, type LoadSession } from './load-db'
import { collectInflight, LoadRecorder, mixSetup } from './load-mix'
import { consoleSummary, renderLoadReport, verdicts, type LoadResults } from './load-report'
import type { FromServer, ServerStats } from './load-server'
import { verifyWrites } from './load-verify'
import { loadAverage, machineInfo } from './machine'

const HERE = path.dirname(fileURLToPath(import.meta.url))

/** Whose connection the k-th one is; 8 connections: 3 land officers, 2 planners, 2 anonymous, 1 investor. */
const ROLE_CYCLE: readonly LoadPrincipal[] = ['land_officer', 'planner', 'anonymous', 'land_officer', 'investor', 'planner', 'anonymous', 'land_officer']
/** Parcels the land officers edit: few, so that their writes race. */
const EDIT_PARCELS = 4
/** The sample park's rezoning scenario; the run adds a second one through POST /api/scenarios. */
const SAMPLE_SCENARIO = 'draft-2022-south'
/** 60 a minute per caller is the area route's limit (web/src/shared/access-policy.ts); stay under it. */
const AREA_INTERVAL_MS = 1300

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  const v = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name} must be an integer ${min}–${max}, got "${raw}"`)
  return v
}

/** Starts load-server.ts and waits for its URL. */
async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(HERE, 'load-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOAD_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the load server did not start within 60 s')), 60_000)
    child.once('exit', (code) => reject(new Error(`the load server exited (${code}) before listening`)))
    child.on('message', (m: FromServer) => {
      if (m.type !== 'listening') return
      clearTimeout(timer)
      resolve(m.url)
    })
  })
  return { child, url }
}

/** Asks the server for its counters and waits for it to exit. */
async function stopServer(child: ChildProcess): Promise<ServerStats> {
  const stats = new Promise<ServerStats>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the load server did not report within 30 s')), 30_000)
    child.on('message', (m: FromServer) => {
      if (m.type !== 'stats') return
      clearTimeout(timer)
      resolve(m.stats)
    })
  })
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())))
  child.send({ type: 'stop' })
  const s = await stats
  await exited
  return s
}

/** A second rezoning scenario, made as a planner would: POST /api/scenarios. */
async function createScenario(baseUrl: string, planner: LoadSession, geometry: unknown): Promise<string> {
  const res = await fetch(`${baseUrl}/api/scenarios`, {
    method: 'POST',
    headers: { ...planner.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name_zh: '压测方案', note: 'made by npm run bench:load', geometry }),
  })
  if (res.status !== 201) throw new Error(`POST /api/scenarios as a planner: ${res.status} ${(await res.text()).slice(0, 300)}`)
  return ((await res.json()) as { id: string }).id
}

function autocannonVersion(): string {
  const pkg = createRequire(import.meta.url)('autocannon/package.json') as { version: string }
  return pkg.version
}

async function main(): Promise<number> {
  const started = performance.now()
  const loadBefore = loadAverage()
  const seconds = intEnv('LOAD_SECONDS', 60, 1, 120)
  const connections = intEnv('LOAD_CONNECTIONS', 8, 1, 64)
  const reportPath = process.env.LOAD_REPORT ?? path.join(HERE, 'load-report.md')
  const databaseUrl = loadDatabaseUrl()
  // Nothing may hang: the whole run is bounded.
  const guard = setTimeout(() => {
    console.error(`load run still going after ${seconds + 90} s: giving up`)
    process.exit(2)
  }, (seconds + 90) * 1000)
  guard.unref()

  const { db, loaded, setupMs } = await openLoadDatabase(databaseUrl)
  let server: { child: ChildProcess; url: string } | undefined
  try {
    const machine = await machineInfo(db.pool)
    const principals = Array.from({ length: connections }, (_, i) => ROLE_CYCLE[i % ROLE_CYCLE.length]!)
    const sessions = await loadSessions(db.pool, principals)
    const subjects = await loadSubjects(db.pool, EDIT_PARCELS)
    server = await startServer(databaseUrl)
    console.log(`${machine.postgres}, ${machine.postgis}; sample park loaded in ${(setupMs / 1000).toFixed(1)} s; app at ${server.url}`)

    // Only what someone edits is checked: with fewer connections a role may be missing.
    const planner = sessions.find((s) => s.principal === 'planner')
    if (!principals.includes('land_officer')) subjects.parcels = []
    if (planner) subjects.scenarios = await scenarioTargets(db.pool, [SAMPLE_SCENARIO, await createScenario(server.url, planner, subjects.boundary)])
    const targets = [...subjects.parcels, ...subjects.scenarios]
    const start = await editState(db.pool, targets)

    const rec = new LoadRecorder(targets)
    // Writes stop a little before the end, so none is in flight when autocannon closes the sockets.
    const drainMs = Math.min(3000, seconds * 100)
    let writesUntil = Infinity
    const { setupClient, conns } = mixSetup({ sessions, subjects, areaIntervalMs: AREA_INTERVAL_MS, writesOpen: () => performance.now() < writesUntil }, rec)

    server.child.send({ type: 'start' })
    console.log(`running ${seconds} s with ${connections} connections (${principals.join(', ')}) …`)
    writesUntil = performance.now() + seconds * 1000 - drainMs
    const cannon = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon({ url: server!.url, connections, pipelining: 1, duration: seconds, timeout: 10, setupClient }, (err, result) => (err ? reject(err) : resolve(result)))
    })
    collectInflight(conns, rec)
    const serverStats = await stopServer(server.child)
    server = undefined
    const writes = await verifyWrites(db.pool, rec, start)

    const results: LoadResults = {
      date: new Date().toISOString(),
      seconds,
      connections,
      principals,
      drainMs,
      areaIntervalMs: AREA_INTERVAL_MS,
      autocannonVersion: autocannonVersion(),
      machine,
      loadBefore,
      loadAfter: loadAverage(),
      database: new URL(databaseUrl).pathname.slice(1),
      loaded,
      setupMs,
      subjects,
      cannon,
      rec,
      server: serverStats,
      writes,
      durationS: (performance.now() - started) / 1000,
    }
    fs.writeFileSync(reportPath, `${renderLoadReport(results)}\n`)
    console.log(`\n${consoleSummary(results)}\n\nreport: ${path.relative(process.cwd(), reportPath)} (${results.durationS.toFixed(0)} s)`)
    return verdicts(results).every((v) => v.pass) ? 0 : 1
  } finally {
    if (server) server.child.kill()
    await db.close()
  }
}

process.exitCode = await main()
