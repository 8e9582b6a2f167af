// Browser journeys of the measure tool, the cursor's coordinates and the north arrow, as the public
// (nobody signed in), over the built client and the API on the embedded test database. The
// figures shown are held to GeographicLib's, computed here between the lon/lats actually clicked
// (the page unprojects the click points). Screenshots go to tests/artifacts/measure-*.png.
import path from 'node:path'
import type { FeatureCollection, Point, Position } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { geodesicArea } from '../../web/src/shared/geodesic-area'
import { M2_PER_MU } from '../../web/src/shared/units'
import { browserSuite, clientPoint, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { WGS84 } from '../helpers/geodesy'

const suite = browserSuite()

type Handle = {
  parkAtlas: {
    map: {
      lngLatAtClient(p: { x: number; y: number }): [number, number]
      whenIdle(): Promise<void>
      setBearing(b: number): void
      measure: { getState(): { points: Position[]; active: boolean; finished: boolean } }
      drawing: { getBoundary(): { coordinates: Position[][] } | null; getMode(): string }
    }
  }
}

/** The lon/lat under a window point, as the page's own map adapter unprojects it. */
function lngLatAt(page: Page, p: { x: number; y: number }): Promise<[number, number]> {
  return page.evaluate((q) => (window as unknown as Handle).parkAtlas.map.lngLatAtClient(q), p)
}

/** Whole CSS pixels: where a mouse event really lands (Chromium rounds fractional positions). */
const px = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) })

function measureState(page: Page) {
  return page.evaluate(() => (window as unknown as Handle).parkAtlas.map.measure.getState())
}

/** GeographicLib's length of a path through lon/lats, m (Node's copy, not the client's). */
function referenceLength(points: Position[]): number {
  let total = 0
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!]
    total += WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!
  }
  return total
}

/** The figure's number and unit, e.g. "长度 1.234 公里" → 1234 m; "12.34 亩 · …" → 12.34 mu. */
function shownLengthM(text: string): number {
  const match = /长度 ([\d,]+\.\d+) (米|公里)/.exec(text)
  if (!match) throw new Error(`no length in "${text}"`)
  const value = Number(match[1]!.replace(/,/g, ''))
  return match[2] === '公里' ? value * 1000 : value
}

function shownMu(text: string): number {
  const match = /([\d,]+\.\d{2}) 亩/.exec(text)
  if (!match) throw new Error(`no mu in "${text}"`)
  return Number(match[1]!.replace(/,/g, ''))
}

async function catl(): Promise<[number, number]> {
  const firms = (await (await fetch(`${suite.server.url}/api/layers/enterprises/features?limit=10000`)).json()) as FeatureCollection
  const firm = firms.features.find((f) => f.properties?.name_zh === '宁德时代')!
  return (firm.geometry as Point).coordinates as [number, number]
}

describe('measure, cursor and north arrow on a desktop', () => {
  it('measures a distance and an area as GeographicLib does, shows the cursor in lon/lat and Gauss-Krüger, and gives the map back on Esc', async () => {
    const firm = await catl()
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 1280, height: 800 } })
    await page.goto(`${suite.server.url}/#map=16.00/${firm[1].toFixed(5)}/${firm[0].toFixed(5)}`)
    await waitForMapReady(page, { idle: true })
    const map = (await page.locator('.map').boundingBox())!

    // The north arrow is there, and points north until the map turns.
    const arrow = page.locator('.north-arrow')
    expect(await arrow.getAttribute('aria-label')).toMatch(/北/)

    // Start: the button is pressed and the panel open on distance.
    const start = page.getByRole('button', { name: '量测', exact: true })
    await start.click()
    expect(await start.getAttribute('aria-pressed')).toBe('true')
    const panel = page.getByRole('region', { name: '量测距离和面积（大地线）' })
    await panel.waitFor()
    expect(await panel.getByRole('button', { name: '距离' }).getAttribute('aria-pressed')).toBe('true')
    const figure = panel.getByRole('status')

    // First point on the firm's dot: a point, not a popup.
    const a = px(await clientPoint(page, firm))
    const b = px({ x: map.x + map.width * 0.78, y: map.y + map.height * 0.7 })
    await page.mouse.move(a.x, a.y)
    await page.mouse.click(a.x, a.y)
    expect(await page.locator('.feature-popup').count()).toBe(0)
    // The rubber band: moving shows the live figure before the second click.
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
    await expect.poll(async () => (await figure.textContent()) ?? '').toMatch(/^长度 /)
    await page.mouse.move(b.x, b.y, { steps: 4 })
    await page.mouse.dblclick(b.x, b.y)
    await expect.poll(async () => (await measureState(page)).finished).toBe(true)

    const clicked = [await lngLatAt(page, a), await lngLatAt(page, b)]
    const state = await measureState(page)
    expect(state.points).toHaveLength(2) // the double-click's own clicks add no extra point
    for (let i = 0; i < 2; i++) {
      expect(state.points[i]![0]).toBeCloseTo(clicked[i]![0], 6)
      expect(state.points[i]![1]).toBeCloseTo(clicked[i]![1], 6)
    }
    const expectedLength = referenceLength(clicked)
    const text = (await figure.textContent())!
    expect(Math.abs(shownLengthM(text) - expectedLength) / expectedLength).toBeLessThan(0.005)
    expect(Number(await figure.getAttribute('data-length-m'))).toBeCloseTo(expectedLength, 0)
    expect(await page.locator('.measure-label').textContent()).toMatch(/米|公里/)
    await page.screenshot({ path: path.join(suite.artifacts, 'measure-distance.png') })

    // Area: four points, double-click on the last.
    await panel.getByRole('button', { name: '面积' }).click()
    expect(await panel.getByRole('button', { name: '面积' }).getAttribute('aria-pressed')).toBe('true')
    await panel.getByRole('button', { name: '清除' }).click()
    const corners = [
      { x: map.x + map.width * 0.35, y: map.y + map.height * 0.35 },
      { x: map.x + map.width * 0.65, y: map.y + map.height * 0.32 },
      { x: map.x + map.width * 0.7, y: map.y + map.height * 0.68 },
      { x: map.x + map.width * 0.4, y: map.y + map.height * 0.72 },
    ].map(px)
    for (const [i, c] of corners.entries()) {
      await page.mouse.move(c.x, c.y, { steps: 3 })
      if (i < corners.length - 1) await page.mouse.click(c.x, c.y)
      else await page.mouse.dblclick(c.x, c.y)
    }
    await expect.poll(async () => (await measureState(page)).finished).toBe(true)
    expect((await measureState(page)).points).toHaveLength(4)
    const ring: Position[] = []
    for (const c of corners) ring.push(await lngLatAt(page, c))
    ring.push(ring[0]!)
    const expectedM2 = geodesicArea({ type: 'Polygon', coordinates: [ring] })
    const expectedMu = expectedM2 / M2_PER_MU
    const areaText = (await figure.textContent())!
    expect(areaText).toMatch(/亩 · [\d,.]+ 公顷 · [\d,]+ 平方米/)
    expect(areaText).toMatch(/周长 [\d,.]+ (米|公里)/)
    const mu = shownMu(areaText)
    expect(Math.abs(mu - expectedMu) / expectedMu).toBeLessThan(0.005)
    expect(Math.abs(mu - expectedMu)).toBeLessThanOrEqual(0.0051) // shown to 2 decimals: it is this very figure
    expect(Number(await figure.getAttribute('data-perimeter-m'))).toBeCloseTo(referenceLength(ring), 0)
    await page.screenshot({ path: path.join(suite.artifacts, 'measure-area.png') })

    // Backspace takes back the last point and reopens the measurement.
    await page.keyboard.press('Backspace')
    expect((await measureState(page)).points).toHaveLength(3)
    expect((await measureState(page)).finished).toBe(false)

    // The cursor readout: lon/lat to 6 decimals and Gauss-Krüger in the pointer's zone.
    const p = px({ x: map.x + map.width * 0.5, y: map.y + map.height * 0.5 })
    await page.mouse.move(p.x, p.y, { steps: 3 })
    const readout = page.locator('.cursor-readout')
    await readout.waitFor()
    const at = await lngLatAt(page, p)
    await expect.poll(async () => (await readout.textContent()) ?? '').toContain(`${at[0].toFixed(6)}, ${at[1].toFixed(6)}`)
    await expect.poll(async () => (await readout.textContent()) ?? '').toContain('CGCS2000 3° 带 38（EPSG:4526）')
    const readoutText = (await readout.textContent())!
    // X: a northing of ~3 176 km at 28.7°N; Y: zone 38 in front of an easting of ~600 km.
    expect(readoutText).toMatch(/X 3\u20091\d\d\u2009\d{3}\.\d{3} Y 38\u2009[56]\d\d\u2009\d{3}\.\d{3}/)

    // Enter finishes (the three points left: an area again).
    await page.keyboard.press('Enter')
    expect((await measureState(page)).finished).toBe(true)
    expect((await measureState(page)).points).toHaveLength(3)
    expect(shownMu((await figure.textContent())!)).toBeGreaterThan(0)

    // Esc leaves: the panel goes, and a click on the firm opens its popup again.
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await start.getAttribute('aria-pressed')).toBe('false')
    expect((await measureState(page)).active).toBe(false)
    await page.mouse.move(a.x, a.y)
    await page.mouse.click(a.x, a.y)
    await page.locator('.feature-popup__title').waitFor({ timeout: 10_000 })
    expect(await page.locator('.feature-popup__title').textContent()).toBe('宁德时代')

    // The north arrow turns with the map.
    await page.evaluate(() => (window as unknown as Handle).parkAtlas.map.setBearing(30))
    await expect.poll(() => arrow.locator('svg').evaluate((svg) => (svg as SVGElement).style.transform)).toBe('rotate(-30deg)')
    await page.screenshot({ path: path.join(suite.artifacts, 'measure-desktop-after.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('measure on a phone', () => {
  it('at 390 × 844 measures by taps and the panel’s Finish button, with no cursor readout', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page, { idle: true })
    const map = (await page.locator('.map').boundingBox())!
    await page.getByRole('button', { name: '量测', exact: true }).tap()
    const panel = page.getByRole('region', { name: '量测距离和面积（大地线）' })
    await panel.waitFor()
    const panelBox = (await panel.boundingBox())!
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(390)
    const a = px({ x: map.x + map.width * 0.25, y: map.y + map.height * 0.62 })
    const b = px({ x: map.x + map.width * 0.75, y: map.y + map.height * 0.8 })
    await page.touchscreen.tap(a.x, a.y)
    await page.touchscreen.tap(b.x, b.y)
    await expect.poll(async () => (await measureState(page)).points.length).toBe(2)
    await panel.getByRole('button', { name: '完成' }).tap()
    const clicked = [await lngLatAt(page, a), await lngLatAt(page, b)]
    const expected = referenceLength(clicked)
    const text = (await panel.getByRole('status').textContent())!
    expect(Math.abs(shownLengthM(text) - expected) / expected).toBeLessThan(0.005)
    expect(await page.locator('.cursor-readout').isVisible()).toBe(false)
    expect(await page.locator('.north-arrow').isVisible()).toBe(true)
    await page.screenshot({ path: path.join(suite.artifacts, 'measure-phone.png') })
    await panel.getByRole('button', { name: '结束量测' }).tap()
    await panel.waitFor({ state: 'detached' })
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('measure and the planner’s drawing tools', () => {
  it('never own the pointer together: measuring stops a half-drawn boundary (the last one comes back), drawing stops measuring', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 1280, height: 800 } })
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await signInThroughHeader(page, 'planner')
    await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
    await page.locator('.analysis[data-access="allowed"]').waitFor({ timeout: 10_000 })
    await waitForMapReady(page, { idle: true })
    const map = (await page.locator('.map').boundingBox())!
    const at = (fx: number, fy: number) => px({ x: map.x + map.width * fx, y: map.y + map.height * fy })
    const clickAt = async (p: { x: number; y: number }) => {
      await page.mouse.move(p.x, p.y)
      await page.mouse.click(p.x, p.y)
      await page.waitForTimeout(150) // two quick clicks would be a double click
    }
    const boundary = () => page.evaluate(() => (window as unknown as Handle).parkAtlas.map.drawing.getBoundary())

    // A completed boundary, then a new one half drawn.
    await page.locator('.tool-button[data-tool="draw"]').click()
    await page.locator('.analysis[data-mode="draw"]').waitFor()
    const square = [at(0.4, 0.4), at(0.6, 0.4), at(0.6, 0.6), at(0.4, 0.6)]
    for (const c of square) await clickAt(c)
    await clickAt(square[0]!)
    await page.locator('.analysis[data-mode="edit"]').waitFor({ timeout: 5_000 })
    const completed = await boundary()
    expect(completed?.coordinates[0]).toHaveLength(5)
    await page.locator('.tool-button[data-tool="draw"]').click()
    await page.locator('.analysis[data-mode="draw"]').waitFor()
    await clickAt(at(0.3, 0.3))
    await clickAt(at(0.35, 0.3))

    // Measuring: the drawing tools go idle and the completed boundary is back on the map.
    await page.getByRole('button', { name: '量测', exact: true }).click()
    await page.locator('.analysis[data-mode="idle"]').waitFor()
    await expect.poll(boundary).toEqual(completed)
    await clickAt(at(0.7, 0.3))
    await clickAt(at(0.75, 0.35))
    expect((await measureState(page)).points).toHaveLength(2)
    expect(await boundary()).toEqual(completed) // the clicks measured, they drew nothing

    // Drawing again: the measure tool leaves.
    await page.locator('.tool-button[data-tool="draw"]').click()
    await page.locator('.analysis[data-mode="draw"]').waitFor()
    expect((await measureState(page)).active).toBe(false)
    expect(await page.getByRole('region', { name: '量测距离和面积（大地线）' }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.locator('.analysis[data-mode="idle"]').waitFor()
    expect(problems).toEqual([])
    await page.close()
  })
})
