import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { demoAccount } from '../../server/auth/demo-accounts'
import { startTestServer } from './test-server'
import { launchChromium } from '../../scripts/chromium'
import type { Role } from '../../web/src/shared/access-policy'

export { launchChromium }

export interface NewPageOptions extends BrowserContextOptions {
  /** Console errors the journey provokes on purpose (Chromium logs every 4xx response as one). */
  expectedConsoleErrors?: RegExp[]
  /**
   * Failed requests that are the browser's doing, not the app's (by URL); 'all' does not watch
   * requests at all. By default every failed request is a problem.
   */
  expectedRequestFailures?: 'all' | ((url: string) => boolean)
}

/** A vector tile the map cancelled because the view moved on before it came (a fit, a fly): the map's doing, not a failure. */
function isCancelledTile(url: string, error: string): boolean {
  return error === 'net::ERR_ABORTED' && /\/tiles\/[^/]+\/\d+\/\d+\/\d+\.mvt$/.test(new URL(url).pathname)
}

/**
 * A page (1400 × 900 unless told) that writes into `problems` every page error, every console
 * error and every failed request that is not expected — a journey ends by asserting it is empty.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const { expectedConsoleErrors = [], expectedRequestFailures, ...context } = options
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...context })
  const problems: string[] = []
  const pending = new Map<Request, number>()
  inFlight.set(page, pending)
  page.on('request', (request) => pending.set(request, Date.now()))
  page.on('requestfinished', (request) => pending.delete(request))
  page.on('requestfailed', (request) => pending.delete(request))
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(message.text()))) problems.push(`console.error: ${message.text()}`)
  })
  if (expectedRequestFailures !== 'all') {
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? ''
      if (isCancelledTile(request.url(), error) || expectedRequestFailures?.(request.url())) return
      problems.push(`request failed: ${request.url()} ${error}`)
    })
  }
  return { page, problems }
}

/** What the client puts on `window` for tests (web/src: `window.parkAtlas`). */
type ParkAtlasHandle = { parkAtlas: { map: { clientPoint(p: [number, number]): { x: number; y: number }; whenIdle(): Promise<void> } } }

/** The requests each page has sent and not yet had answered (for the report of a map that never gets ready). */
const inFlight = new WeakMap<Page, Map<Request, number>>()

/** The parts of MapLibre's map (some internal) that say why it does not go idle. */
type MapInternals = {
  loaded(): boolean
  isMoving(): boolean
  isStyleLoaded(): boolean
  on(event: string, f: () => void): void
  off(event: string, f: () => void): void
  style?: { tileManagers?: Record<string, { loaded(): boolean; _inViewTiles?: { getAllTiles(): { state: string; tileID: { canonical: { z: number; x: number; y: number } } }[] } }> }
  _frameRequest?: unknown
  _placementDirty?: boolean
  _styleDirty?: boolean
  _sourcesDirty?: boolean
}

/**
 * What the map is waiting for, when it does not get ready: MapLibre's own state of each source and
 * its tiles (`loaded()` is what its 'idle' event waits on), whether it still renders and goes idle
 * when asked now, the layers still loading, and the page's unanswered requests.
 */
async function mapState(page: Page): Promise<string> {
  const map = await page
    .evaluate(async () => {
      const handle = (window as unknown as { parkAtlas?: { map?: { whenIdle(): Promise<void>; map?: MapInternals } } }).parkAtlas?.map
      const m = handle?.map
      if (!handle || !m) return { map: 'none' }
      const sourcesNotLoaded = Object.entries(m.style?.tileManagers ?? {})
        .filter(([, manager]) => !manager.loaded())
        .map(([id, manager]) => ({ id, tiles: (manager._inViewTiles?.getAllTiles() ?? []).filter((t) => t.state !== 'loaded').map((t) => `${t.tileID.canonical.z}/${t.tileID.canonical.x}/${t.tileID.canonical.y} ${t.state}`) }))
      const state = { loaded: m.loaded(), moving: m.isMoving(), styleLoaded: m.isStyleLoaded(), sourcesNotLoaded }
      // Does the map still render frame after frame (then 'idle' cannot fire), and does it get idle when asked now?
      let renders = 0
      const count = () => void renders++
      m.on('render', count)
      const whenIdleNow = await Promise.race([handle.whenIdle().then(() => 'idle'), new Promise((r) => setTimeout(() => r('no idle in 3 s'), 3000))])
      m.off('render', count)
      return {
        ...state, whenIdleNow, rendersMeanwhile: renders, frameRequested: Boolean(m._frameRequest), visibility: document.visibilityState,
        placementDirty: m._placementDirty, styleDirty: m._styleDirty, sourcesDirty: m._sourcesDirty,
        readyNow: document.querySelector('.app')?.getAttribute('data-map-ready'),
        banners: [...document.querySelectorAll('.banner')].map((b) => `${b.className}: ${b.textContent}`),
        layersLoading: [...document.querySelectorAll('.layer-row')].filter((r) => r.querySelector('.spinner')).map((r) => r.getAttribute('data-layer')),
      }
    })
    .catch((error: Error) => ({ error: error.message }))
  const requestsInFlight = [...(inFlight.get(page) ?? [])].map(([request, since]) => `${request.method()} ${request.url()} for ${Date.now() - since} ms`)
  return JSON.stringify({ map, requestsInFlight }, null, 1)
}

/** Waits for the app to say its map is ready; with `idle`, also for the map to finish rendering. */
export async function waitForMapReady(page: Page, { idle = false } = {}): Promise<void> {
  try {
    await page.waitForSelector('.app[data-map-ready="true"]', { timeout: 60_000 })
  } catch (error) {
    throw new Error(`the map did not get ready: ${(error as Error).message}\n${await mapState(page)}`)
  }
  if (idle) await page.evaluate(() => (window as unknown as ParkAtlasHandle).parkAtlas.map.whenIdle())
}

/** Where a lon/lat is in the window (CSS px), through the app's own map adapter. */
export function clientPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => (window as unknown as ParkAtlasHandle).parkAtlas.map.clientPoint(p), lngLat)
}

/** Signs in with the role's demo account from the header's login form, and waits until it shows the role. */
export async function signInThroughHeader(page: Page, role: Role): Promise<void> {
  const { email, password } = demoAccount(role)
  await page.locator('.header .login__button').click()
  await page.locator('.login input[type="email"]').fill(email)
  await page.locator('.login input[type="password"]').fill(password)
  await page.locator('.login button[type="submit"]').click()
  await page.locator(`.login--signed-in[data-role="${role}"]`).waitFor({ timeout: 10_000 })
}

/** Ticks or clears a layer's legend checkbox; layers the server does not list for this visitor are skipped. */
export async function setLayer(page: Page, id: string, checked: boolean): Promise<void> {
  const box = page.locator(`.layer-row[data-layer="${id}"] input[type="checkbox"]`)
  if ((await box.count()) > 0) await box.setChecked(checked)
}

/**
 * A browser suite's fixtures: the built client and API on the embedded test database, one Chromium
 * for the file, screenshots to tests/artifacts/. Read `suite.server` / `suite.browser` inside tests.
 */
export function browserSuite(): { readonly server: { url: string; close(): Promise<void> }; readonly browser: Browser; readonly artifacts: string } {
  const state = {} as { server: { url: string; close(): Promise<void> }; browser: Browser; artifacts: string }
  state.artifacts = path.resolve('tests/artifacts')
  beforeAll(async () => {
    fs.mkdirSync(state.artifacts, { recursive: true })
    state.server = await startTestServer()
    state.browser = await launchChromium()
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.server?.close()
  })
  return state
}

/** The ids of the features the map outlines as selected (the app's own selection source). */
export function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { parkAtlas: { map: { selectedFeatureIds(): string[] } } }).parkAtlas.map.selectedFeatureIds())
}

/** Waits until the map has drawn everything pending (after a fly, a selection, a data change). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as ParkAtlasHandle).parkAtlas.map.whenIdle())
}
