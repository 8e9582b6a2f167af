// The planner's journey in the browser: signed out, the analysis tab says to sign in; a planner
// signs in from the header, draws a boundary by clicking on the map, sees the live area — exactly
// formatMu(geodesicArea(drawn)) — undoes and redoes it, is stopped by a self-intersecting ring,
// runs an overlap and asks the chemical-firms question, keeps it as a rezoning scenario (and meets a
// 409 when a colleague saved first, with nothing lost), exports the 界址点 table, and finds the drawing again after a
// reload — with no page or console errors.
import fs from 'node:fs'
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { FeatureCollection, Geometry, Polygon } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { geodesicArea } from '../../web/src/shared/geodesic-area'
import { formatMu } from '../../web/src/shared/units'
import { clientPoint, launchChromium, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
// The one failed request this journey provokes on purpose: saving over a colleague's newer version.
const EXPECTED_CONFLICT = /status of 409 \(Conflict\)/

type Pixel = { x: number; y: number }

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let problems: string[]

/** The boundary as the drawing tools hold it. */
function drawnBoundary(): Promise<Polygon | null> {
  return page.evaluate(() => (window as unknown as { parkAtlas: { map: { drawing: { getBoundary(): Polygon | null } } } }).parkAtlas.map.drawing.getBoundary())
}

/** A centre for the drawing: the biggest parcel whose inner point lies well inside the map. */
async function parcelCentreOnScreen(): Promise<Pixel> {
  const response = await fetch(`${server.url}/api/layers/parcels/features?limit=10000`)
  const { features } = (await response.json()) as FeatureCollection<Geometry, { area_m2: number }>
  const box = (await page.locator('.map').boundingBox())!
  for (const parcel of [...features].sort((a, b) => b.properties.area_m2 - a.properties.area_m2)) {
    const p = await clientPoint(page, pointOnFeature(parcel).geometry.coordinates as [number, number])
    if (p.x > box.x + 200 && p.x < box.x + box.width - 200 && p.y > box.y + 200 && p.y < box.y + box.height - 200) return p
  }
  throw new Error('no parcel is well inside the map')
}

/** Draws a polygon with the Draw tool by clicking its corners, and closes it on the first corner. */
async function drawPolygon(corners: Pixel[]): Promise<void> {
  await page.locator('.tool-button[data-tool="draw"]').click()
  await page.locator('.analysis[data-mode="draw"]').waitFor()
  for (const c of corners) {
    await page.mouse.move(c.x, c.y)
    await page.mouse.click(c.x, c.y)
    await page.waitForTimeout(150) // two quick clicks would be a double click
  }
  await page.mouse.move(corners[0]!.x, corners[0]!.y)
  await page.mouse.click(corners[0]!.x, corners[0]!.y)
  await page.locator('.analysis[data-mode="edit"]').waitFor({ timeout: 5_000 })
}

async function liveMu(): Promise<string> {
  return (await page.locator('.area-readout__mu').textContent()) ?? ''
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  server = await startTestServer()
  browser = await launchChromium()
  ;({ page, problems } = await newPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true, expectedConsoleErrors: [EXPECTED_CONFLICT] }))
  await page.goto(server.url)
  await waitForMapReady(page)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('drawing and analysing a boundary', () => {
  let square: Pixel[] = []

  it('signed out, there is no analysis tab: planners\' work is not offered to the public', async () => {
    await page.locator('.side-tabs__tab[data-tab="offer"]').waitFor()
    expect(await page.locator('.side-tabs__tab[data-tab="analysis"]').count()).toBe(0)
  })

  it('a planner signs in from the header and gets the analysis tab, with the empty drawing hint', async () => {
    await signInThroughHeader(page, 'planner')
    await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
    await page.locator('.analysis[data-access="allowed"]').waitFor({ timeout: 10_000 })
    expect(await page.locator('.hint--empty').isVisible()).toBe(true)
    await waitForMapReady(page)
  })

  it('draws a polygon by clicking; the live figure is GeographicLib’s, in mu with 2 decimals', async () => {
    const c = await parcelCentreOnScreen()
    square = [{ x: c.x - 130, y: c.y - 90 }, { x: c.x + 120, y: c.y - 110 }, { x: c.x + 150, y: c.y + 80 }, { x: c.x - 10, y: c.y + 130 }, { x: c.x - 140, y: c.y + 60 }]
    await drawPolygon(square)
    const drawn = (await drawnBoundary())!
    expect(drawn.type).toBe('Polygon')
    expect(drawn.coordinates[0]).toHaveLength(6)
    expect(await liveMu()).toBe(formatMu(geodesicArea(drawn), 'zh-CN'))
    expect(await liveMu()).toMatch(/^[\d,]+\.\d\d 亩$/)
  })

  it('undo takes the boundary away and redo brings it back', async () => {
    const drawn = (await drawnBoundary())!
    await page.locator('.tool-button[data-tool="undo"]').click()
    await expect.poll(drawnBoundary).toBeNull()
    expect(await page.locator('.area-readout__mu').count()).toBe(0)
    await page.locator('.tool-button[data-tool="redo"]').click()
    await expect.poll(drawnBoundary).toEqual(drawn)
    expect(await liveMu()).toBe(formatMu(geodesicArea(drawn), 'zh-CN'))
  })

  it('a self-intersecting ring is flagged, cannot be analysed, and Esc puts the last boundary back', async () => {
    const good = (await drawnBoundary())!
    const [a, b, c, d] = square as [Pixel, Pixel, Pixel, Pixel]
    await drawPolygon([a, c, b, d]) // corners out of order: a bow tie
    await page.locator('.area-readout--invalid').waitFor()
    expect(await page.locator('[data-section="draw"] .a-banner--error').textContent()).toContain('自相交')
    expect(await page.locator('[data-action="run-overlap"]').isDisabled()).toBe(true)
    await page.locator('.tool-button[data-tool="undo"]').click()
    await expect.poll(drawnBoundary).toEqual(good)
    // Escape out of a half-drawn polygon restores the boundary too.
    await page.locator('.tool-button[data-tool="draw"]').click()
    await page.mouse.click(a.x + 5, a.y + 5)
    await page.keyboard.press('Escape')
    await page.locator('.analysis[data-mode="idle"]').waitFor()
    await expect.poll(drawnBoundary).toEqual(good)
  })

  it('asks which chemical firms lie outside the cluster in one click', async () => {
    await page.locator('[data-action="chemical-firms"]').click()
    const rows = page.locator('[data-table="chemical-firms"] tbody tr')
    await rows.first().waitFor({ timeout: 20_000 })
    expect(await page.locator('[data-table="chemical-firms"] tbody tr[data-class="outside"]').count()).toBeGreaterThan(0)
    expect(await page.locator('.chemical__summary').textContent()).toMatch(/\d+ 家化工企业/)
  })

  it('keeps the boundary as a rezoning scenario (Chinese name only), meets a colleague’s newer version (409) without losing it, and saves on top', async () => {
    const section = page.locator('[data-section="scenarios"]')
    await section.locator('input[name="name_zh"]').fill('南区扩区方案（浏览器测试）')
    await section.locator('[data-action="create-scenario"]').click()
    await section.locator('.a-banner--success').waitFor({ timeout: 20_000 })
    const note = section.locator('.editing-note')
    await expect.poll(() => note.getAttribute('data-version')).toBe('1')
    const id = (await note.getAttribute('data-scenario'))!

    // A colleague saves version 2 first (same session cookie, straight to the API).
    const status = await page.evaluate(async ([scenarioId, geometry]) => {
      const csrf = decodeURIComponent(/(?:^|;\s*)pa_csrf=([^;]+)/.exec(document.cookie)![1]!)
      const res = await fetch(`/api/scenarios/${scenarioId}/versions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, 'if-match': '"1"' }, body: JSON.stringify({ geometry, comment: '同事的修改' }) })
      await res.text() // read the body: an unread one is aborted (and reported) when the page reloads later
      return res.status
    }, [id, await drawnBoundary()] as const)
    expect(status).toBe(201)
    const drawn = (await drawnBoundary())!
    await section.locator('[data-action="save-version"]').click()
    await section.locator('[data-stale="2"]').waitFor({ timeout: 20_000 })
    expect(await section.locator('[data-stale] .a-banner--error').textContent()).toContain('版本 2')
    expect(await drawnBoundary()).toEqual(drawn) // nothing lost
    await section.locator('[data-action="stale-reapply"]').click()
    await expect.poll(() => note.getAttribute('data-version')).toBe('2')
    await section.locator('[data-action="save-version"]').click()
    await expect.poll(() => note.getAttribute('data-version'), { timeout: 20_000 }).toBe('3')
    await expect.poll(() => section.locator('.version-history__item').count(), { timeout: 10_000 }).toBe(3)
  })

  it('runs an overlap of the drawn boundary and lists what it takes in and leaves out', async () => {
    await page.locator('input[name="take-in-leave-out"]').check()
    await page.locator('[data-action="run-overlap"]').click()
    await page.locator('.overlap-results').waitFor({ timeout: 30_000 })
    const parcelRows = page.locator('.result-layer[data-layer="parcels"] tbody tr')
    expect(await parcelRows.count()).toBeGreaterThan(0)
    const classes = new Set(await parcelRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-class'))))
    expect(classes.has('inside') || classes.has('partial')).toBe(true)
    expect(classes.has('outside')).toBe(true) // include:'all' lists the parcels the boundary leaves out
    // Rows show mu with 2 decimals and a share in percent.
    const first = await parcelRows.first().locator('td').allTextContents()
    expect(first[2]).toMatch(/^[\d,]+\.\d\d$/)
    expect(first[3]).toMatch(/%$/)
    // The picture: the whole boundary with its results coloured by class, beside the table.
    await page.locator('.tool-button[data-tool="focus"]').click()
    await page.locator('[data-section="overlap"]').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(1_000) // the fly-to animation
    await page.screenshot({ path: path.join(ARTIFACTS, 'draw.png') })
  })

  it('a click on a result row flies to that feature', async () => {
    // The scale bar tells the zoom as a user sees it: "200 m", "1 km".
    const scaleMetres = async () => {
      const [, n, unit] = /([\d.]+)\s*(k?m)/.exec((await page.locator('.maplibregl-ctrl-scale').textContent()) ?? '') ?? []
      return Number(n) * (unit === 'km' ? 1000 : 1)
    }
    const before = await scaleMetres()
    await page.locator('.result-layer[data-layer="parcels"] tbody tr[data-class="inside"]').first().click()
    await expect.poll(scaleMetres, { timeout: 5_000 }).toBeLessThan(before)
  })

  it('exports the 界址点坐标 table in CGCS2000 3° Gauss-Krüger (EPSG:4547) and the GeoJSON', async () => {
    const [table] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-table"]').click()])
    const csv = fs.readFileSync((await table.path())!, 'utf8').replace(/^\uFEFF/, '')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('界址点坐标表')
    expect(csv).toContain('EPSG:4547')
    const header = lines.findIndex((l) => l.startsWith('点号,'))
    const points = lines.slice(header + 1)
    expect(points[0]).toMatch(/^J1,\d{7}\.\d{3},\d{6}\.\d{3},\d+\.\d\d$/)
    expect(points.at(-1)!.split(',').slice(0, 3)).toEqual(points[0]!.split(',').slice(0, 3))
    expect(points).toHaveLength(6) // five corners, closing on J1

    const [geojson] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-geojson"]').click()])
    const collection = JSON.parse(fs.readFileSync((await geojson.path())!, 'utf8')) as FeatureCollection<Polygon, { area_m2: number }>
    const drawn = (await drawnBoundary())!
    expect(collection.features[0]!.geometry).toEqual(drawn)
    expect(collection.features[0]!.properties.area_m2).toBeCloseTo(geodesicArea(drawn), 2)
  })

  it('a reload keeps the drawing (a planner must never lose a boundary)', async () => {
    const drawn = (await drawnBoundary())!
    await page.reload()
    await waitForMapReady(page)
    await expect.poll(drawnBoundary).toEqual(drawn)
    await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
    expect(await liveMu()).toBe(formatMu(geodesicArea(drawn), 'zh-CN'))
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
