/**
 * What a user waits for, besides requests: the embedded app's start (`npm start` with no
 * DATABASE_URL: PGlite in PARKATLAS_DATA_DIR), cold (a fresh data dir: create, migrate, load the
 * sample park) and warm (the same dir again), from spawning the process until /api/health answers;
 * the first paint in headless Chromium, from navigation until the app says its map is ready
 * (`data-map-ready`, every layer drawn and the map idle: the signal the browser tests wait for),
 * with the parcels layer answered 200; and the initial JavaScript (scripts/initial-js.ts).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { WEB_ROOT } from '../../server/main'
import { launchChromium } from '../chromium'
import { initialJs, type InitialJs } from '../initial-js'
import { summarise, type Summary } from './timing'

export interface ClientResults {
  /**
   * ms from spawn until /api/health answered 200; `serverReady*`: of which the server's own start
   * (startServer: the embedded PostGIS, migrations, the app), as it logs it.
   */
  embeddedStart: { coldMs: number; coldServerReadyMs: number; warm: Summary; warmServerReady: Summary }
  firstPaint: { samplePark: Summary; county: Summary; viewport: string }
  initialJs: InitialJs & { gzipKb: number }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Started {
  url: string
  ms: number
  /** What the server logs as its own start ("ready in N ms"). */
  serverReadyMs: number
  stop(): Promise<void>
}

/** Spawns what `npm start` execs (node --import tsx scripts/start.ts) on the embedded database in `dataDir`. */
async function startEmbedded(dataDir: string): Promise<Started> {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PARKATLAS_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (b: Buffer) => (log += b.toString()))
  child.stderr.on('data', (b: Buffer) => (log += b.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(20_000)])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  }
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${log.slice(-2000)}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`npm start did not answer /api/health within 180 s: ${log.slice(-2000)}`)
    }
    const ready = /Park Atlas at (http:\S+) \(ready in (\d+) ms\)/.exec(log)
    if (ready) {
      const url = ready[1]!
      const ok = await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false)
      if (ok) return { url, ms: performance.now() - t0, serverReadyMs: Number(ready[2]), stop }
    }
    await sleep(20)
  }
}

/** ms from navigation until the map is ready with the parcels layer loaded, in a fresh context (no cache). */
async function firstPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  try {
    const page = await context.newPage()
    const parcels: number[] = []
    page.on('response', (r) => {
      if (/\/(layers|tiles)\/parcels\//.test(r.url())) parcels.push(r.status())
    })
    const t0 = performance.now()
    await page.goto(url)
    await page.waitForSelector('.app[data-map-ready="true"]', { timeout: 120_000 })
    const ms = performance.now() - t0
    if (!parcels.includes(200)) throw new Error(`first paint of ${url}: the parcels layer did not load (${parcels.join(', ') || 'no request'})`)
    return ms
  } finally {
    await context.close()
  }
}

async function firstPaints(browser: Browser, url: string, runs: number): Promise<Summary> {
  await firstPaint(browser, url) // warm-up: the server's first requests, Chromium's first WebGL context
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await firstPaint(browser, url))
  return summarise(samples)
}

/**
 * Cold and warm embedded starts, then (on the warm instance) the sample park's first paint, then
 * the county's on `countyUrl` (the bench's own app on the bench database).
 */
export async function benchClient(countyUrl: string, runs: number): Promise<ClientResults> {
  const js = initialJs(WEB_ROOT)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-bench-start-'))
  const dataDir = path.join(dir, 'pg')
  const browser = await launchChromium()
  try {
    const cold = await startEmbedded(dataDir)
    await cold.stop()
    console.log(`embedded cold start: ${cold.ms.toFixed(0)} ms`)
    const warm: number[] = []
    const warmReady: number[] = []
    let last: Started | null = null
    for (let i = 0; i < runs; i++) {
      await last?.stop()
      last = await startEmbedded(dataDir)
      warm.push(last.ms)
      warmReady.push(last.serverReadyMs)
    }
    console.log(`embedded warm start: ${warm.map((m) => m.toFixed(0)).join(', ')} ms`)
    const samplePark = await firstPaints(browser, last!.url, runs)
    await last!.stop()
    const county = await firstPaints(browser, countyUrl, runs)
    console.log(`first paint: sample park ${samplePark.p50.toFixed(0)} ms, county ${county.p50.toFixed(0)} ms (p50)`)
    return {
      embeddedStart: { coldMs: cold.ms, coldServerReadyMs: cold.serverReadyMs, warm: summarise(warm), warmServerReady: summarise(warmReady) },
      firstPaint: { samplePark, county, viewport: '1400 × 900' },
      initialJs: { ...js, gzipKb: js.gzipBytes / 1024 },
    }
  } finally {
    await browser.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
