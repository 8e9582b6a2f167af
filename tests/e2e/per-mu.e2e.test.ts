// Browser journey of the 亩均效益 evaluation (亩产论英雄) over the built client and the API on the
// embedded test database: the public gets "sign in"; a land officer signs in from the header, ranks
// firms (the table's first row is the API's rank 1), flies to a firm, colours the parcels by grade,
// reads the park dashboard and downloads the CSV; an admin's settings are checked in the browser and a
// stale save gets the 409 message — and nothing logs an error on the way.
import fs from 'node:fs'
import path from 'node:path'
import { bbox, pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatFigure, formatLandMu } from '../../web/src/lib/perMu/format'
import type { Dashboard } from '../../web/src/shared/api/dashboard'
import type { FirmResult, PerMuReport } from '../../web/src/shared/api/per-mu'
import type { GradingConfig } from '../../web/src/shared/per-mu-vocabulary'
import { clientPoint, launchChromium, newPage, setLayer, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
// Drawn over the parcels: hidden while a pixel of a parcel is read.
const ABOVE_PARCELS = ['enterprises', 'utilities', 'idle_plots', 'projects', 'chemical_clusters']

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let report: PerMuReport
let problems: string[]
// The stale save below is meant to fail: Chromium logs every 4xx response as a console error.
const EXPECTED = [/status of 409 \(Conflict\)/]

/** Ready, and done rendering: the pixels and the screenshots below read the drawn map. */
const waitForMap = () => waitForMapReady(page, { idle: true })

/** A GET with the browser's cookies (the signed-in session). */
async function api<T>(pathAndQuery: string): Promise<T> {
  const res = await page.request.get(`${server.url}${pathAndQuery}`)
  expect(res.status(), pathAndQuery).toBe(200)
  return (await res.json()) as T
}

/** The map canvas's colour at a point of the window (CSS px; the page has device pixel ratio 1). */
async function pixelAt(x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(([px, py]) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!
    const rect = canvas.getBoundingClientRect()
    const copy = document.createElement('canvas')
    copy.width = 1
    copy.height = 1
    const scale = canvas.width / rect.width
    copy.getContext('2d')!.drawImage(canvas, (px - rect.left) * scale, (py - rect.top) * scale, 1, 1, 0, 0, 1, 1)
    const [r, g, b] = copy.getContext('2d')!.getImageData(0, 0, 1, 1).data
    return [r!, g!, b!] as [number, number, number]
  }, [x, y] as [number, number])
}

/** A parcel of `firm` whose inner point is on the visible map, well clear of its edges. */
async function parcelOnScreen(firm: FirmResult): Promise<{ x: number; y: number } | null> {
  const { features } = await api<FeatureCollection<Geometry>>('/api/layers/parcels/features?limit=10000')
  const box = (await page.locator('.map').boundingBox())!
  for (const parcel of features.filter((f) => firm.parcel_ids.includes(String(f.id)))) {
    const [lon, lat] = pointOnFeature(parcel as Feature<Geometry>).geometry.coordinates as [number, number]
    const point = await clientPoint(page, [lon, lat])
    if (point.x > box.x + 50 && point.x < box.x + box.width - 50 && point.y > box.y + 50 && point.y < box.y + box.height - 50) return point
  }
  return null
}

const rows = () => page.locator('.ranking tbody tr')

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  server = await startTestServer()
  browser = await launchChromium()
  ;({ page, problems } = await newPage(browser, {
    expectedConsoleErrors: EXPECTED,
    // Leaving a page aborts its CSV download; that is the browser, not the app.
    expectedRequestFailures: (url) => url.includes('/api/metrics/per-mu.csv'),
  }))
  await page.goto(server.url)
  await waitForMap()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('per-mu evaluation in the browser', () => {
  it('asks the public to sign in, with no figures and no colouring control', async () => {
    await page.locator('.per-mu-drawer__toggle').click()
    await expect.poll(() => page.locator('.per-mu-drawer .per-mu-notice--locked').textContent()).toContain('登录后查看亩均效益数据')
    expect(await page.locator('.ranking').count()).toBe(0)
    expect(await page.locator('.theme-panel').count()).toBe(0)
  })

  it("a land officer signs in and the table's first row is the API's rank 1", async () => {
    await signInThroughHeader(page, 'land_officer')
    await rows().first().waitFor({ timeout: 20_000 })
    await waitForMap()
    report = await api<PerMuReport>('/api/metrics/per-mu')
    // The table opens on the above-scale group, by rank (ranks are per group).
    const first = report.enterprises.find((f) => f.group === 'above_scale' && f.rank === 1)!
    const row = rows().first()
    expect(await row.getAttribute('data-firm')).toBe(first.id)
    expect(await row.getAttribute('data-rank')).toBe('1')
    expect(await row.locator('.ranking__name').textContent()).toBe(first.name_zh)
    expect(await row.locator('.grade-chip').textContent()).toBe(first.grade)
    const cells = await row.locator('td').allTextContents()
    expect(cells).toContain(formatFigure('mu', first.mu, 'zh-CN'))
    expect(cells).toContain(formatFigure('tax_per_mu', first.tax_per_mu, 'zh-CN'))
    expect(cells).toContain(formatFigure('score', first.score, 'zh-CN'))
    expect(await page.locator('.per-mu-drawer__year select').inputValue()).toBe(String(report.year))
    // Land officers do not set the rules.
    expect(await page.locator('.tabs [data-tab="settings"]').count()).toBe(0)
  })

  it('sorts by a column, blanks last, and lists firms not graded with their reason', async () => {
    await page.locator('.ranking [data-sort="tax_per_mu"]').click()
    const group = report.enterprises.filter((f) => f.group === 'above_scale' && f.tax_per_mu !== null)
    const best = group.reduce((a, b) => (b.tax_per_mu! > a.tax_per_mu! ? b : a))
    expect(await rows().first().getAttribute('data-firm')).toBe(best.id)
    await page.locator('.ranking [data-sort="rank"]').click()  // a new column starts at its natural order: rank 1 first
    expect(await rows().first().getAttribute('data-rank')).toBe('1')
    await page.locator('.segmented [data-group="small"]').click()
    const underMin = report.enterprises.find((f) => f.group === 'small' && f.reason === 'under_min_mu')!
    expect(await page.locator(`.ranking tr[data-firm="${underMin.id}"] .grade-chip`).textContent()).toBe(`未评级用地不足 ${report.config.min_mu} 亩`)
    await page.locator('.segmented [data-group="above_scale"]').click()
  })

  it('flies to a firm\'s parcels when its row is clicked', async () => {
    const first = report.enterprises.find((f) => f.group === 'above_scale' && f.rank === 1)!
    await rows().first().click()
    expect(await rows().first().getAttribute('aria-selected')).toBe('true')
    await page.waitForTimeout(1200)  // the fly-to animation
    await waitForMap()
    expect(await parcelOnScreen(first)).not.toBeNull()
  })

  it('colours the parcels by grade, with a legend in the sidebar', async () => {
    await page.getByRole('button', { name: '回到园区全貌' }).click()
    await page.waitForTimeout(1200)
    for (const id of ABOVE_PARCELS) await setLayer(page, id, false)
    await waitForMap()
    // A grade-A firm other than the one in focus (whose outline would tint the pixel).
    const gradeA = report.enterprises.filter((f) => f.grade === 'A' && !(f.group === 'above_scale' && f.rank === 1))
    let target: { x: number; y: number } | null = null
    for (const firm of gradeA) if ((target = await parcelOnScreen(firm))) break
    expect(target).not.toBeNull()
    const before = await pixelAt(target!.x, target!.y)

    await page.locator('select[name="parcel-theme"]').selectOption('grade')
    await page.locator('.theme-legend li[data-class="A"]').waitFor()
    await waitForMap()
    const after = await pixelAt(target!.x, target!.y)
    // Dark green now (A is #1a7a3c at 0.88 over the pale ground), where it was the grey-blue of "occupied".
    const [r, g, b] = after
    expect(g, `pixel ${after} (was ${before})`).toBeGreaterThan(r + 40)
    expect(g).toBeGreaterThan(b + 20)
    expect(after).not.toEqual(before)
    // The legend counts firms per grade, as the API's summary does.
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      expect(await page.locator(`.theme-legend li[data-class="${grade}"] .theme-legend__count`).textContent()).toBe(`${report.summary.grades[grade]} 家`)
    }

    for (const id of ABOVE_PARCELS) await setLayer(page, id, true)
    // Zoom in on the graded firms (the built districts), as a land officer reading the map would.
    const graded = new Set(report.enterprises.filter((f) => f.grade !== null).flatMap((f) => f.parcel_ids))
    const { features } = await api<FeatureCollection<Geometry>>('/api/layers/parcels/features?limit=10000')
    const [minX, minY, maxX, maxY] = bbox({ type: 'FeatureCollection', features: features.filter((f) => graded.has(String(f.id))) })
    const centre = await clientPoint(page, [(minX + maxX) / 2, (minY + maxY) / 2])
    await page.mouse.move(centre.x, centre.y)
    await page.mouse.wheel(0, -400)
    await page.waitForTimeout(1200)
    await waitForMap()
    await page.screenshot({ path: path.join(ARTIFACTS, 'per-mu.png') })
  })

  it('clearing the colouring brings back the status colours', async () => {
    await page.locator('.theme-panel .link-button').click()
    expect(await page.locator('.theme-legend').count()).toBe(0)
    expect(await page.locator('select[name="parcel-theme"]').inputValue()).toBe('status')
  })

  it('shows the park dashboard with the API\'s figures in mu', async () => {
    await page.locator('.tabs [data-tab="dashboard"]').click()
    await page.locator('.kpis').waitFor({ timeout: 20_000 })
    const dashboard = await api<Dashboard>(`/api/metrics/dashboard?year=${report.year}`)
    expect(await page.locator('.kpi[data-kpi="land"] .kpi__value').textContent()).toBe(formatLandMu(dashboard.land.mu, 'zh-CN'))
    expect(await page.locator('.kpi[data-kpi="idle"] .kpi__value').textContent()).toBe(formatLandMu(dashboard.land.idle.mu, 'zh-CN'))
    expect(await page.locator('.kpi[data-kpi="available"] .kpi__value').textContent()).toBe(formatLandMu(dashboard.land.available.mu, 'zh-CN'))
    expect(await page.locator('.card[data-card="industry"] tfoot').textContent()).toContain(formatFigure('revenue_per_mu', dashboard.per_mu_by_industry.park.revenue_per_mu, 'zh-CN'))
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png') })
  })

  it('exports the year as CSV', async () => {
    const href = (await page.locator('.per-mu-drawer [data-action="csv"]').getAttribute('href'))!
    expect(href).toBe(`/api/metrics/per-mu.csv?year=${report.year}`)
    const res = await page.request.get(`${server.url}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain('text/csv')
    expect((await res.text()).split('\r\n')[0]).toContain('排名 rank')
  })

  it('an admin edits the grading: checked as typed, a stale save gets 409 and reloads', async () => {
    await page.locator('.login--signed-in .login__button').click()
    await page.locator('.header .login__button').waitFor()
    await waitForMap()
    await expect.poll(() => page.locator('.per-mu-drawer .per-mu-notice--locked').count()).toBe(1)
    await signInThroughHeader(page, 'admin')
    // The drawer comes back on the tab it was on; let it load before moving on, as a person would.
    await page.locator('.kpis').waitFor({ timeout: 20_000 })
    await page.locator('.tabs [data-tab="settings"]').click()
    const form = page.locator('form.settings')
    await form.waitFor({ timeout: 20_000 })
    const version = Number(await form.getAttribute('data-version'))

    // Weights off 100: the form says so and sends nothing.
    await form.locator('input[name="weights.small.tax_per_mu"]').fill('40')
    expect(await form.locator('[data-sum="small"]').textContent()).toContain('90')
    await form.locator('button[type="submit"]').click()
    expect(await form.locator('.settings__outcome').textContent()).toContain('请先修正')
    await form.locator('input[name="weights.small.tax_per_mu"]').fill('50')

    // Someone else saves first: this form's version is stale.
    const current = await api<GradingConfig>('/api/metrics/grading')
    const csrf = (await page.context().cookies()).find((c) => c.name === 'pa_csrf')!.value
    const body = { version: current.version, benchmark: current.benchmark, thresholds: current.thresholds, min_mu: current.min_mu, weights: current.weights }
    const other = await page.request.put(`${server.url}/api/metrics/grading`, { data: body, headers: { 'x-csrf-token': csrf } })
    expect(other.status()).toBe(200)
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => form.locator('.settings__outcome--conflict').count()).toBe(1)
    await expect.poll(() => form.getAttribute('data-version')).toBe(String(version + 1))

    // Saved again on the fresh version: accepted.
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => form.locator('.settings__outcome--saved').count()).toBe(1)
    expect(await form.getAttribute('data-version')).toBe(String(version + 2))
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
