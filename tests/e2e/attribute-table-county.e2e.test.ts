// The attribute table at county scale (issue 12): a database of its own, embedded and in memory,
// loaded with the generated 100,000-parcel county the benchmarks use; the table holds every row,
// keeps only a screenful in the DOM, scrolls to the last, sorts, and goes to a row the map holds no
// GeoJSON of (it loads at most FEATURE_LIMIT of them) but draws from the vector tiles (issue 13).
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCountyLayout } from '../../scripts/bench/county-layout'
import { datasetFingerprint, loadCounty } from '../../scripts/bench/county-load'
import { buildApp } from '../../server/app'
import { poolFor } from '../../server/db/connect'
import { startEmbeddedPostgis, type EmbeddedPostgis } from '../../server/db/embedded'
import { migrate } from '../../server/db/migrate'
import { WEB_ROOT } from '../../server/main'
import type { LayerRows } from '../../web/src/shared/api/layers'
import { FEATURE_LIMIT } from '../../web/src/shared/api/layers'
import { clientPoint, launchChromium, mapIdle, newPage, selectedIds, setLayer, waitForMapReady } from '../helpers/browser'

/** The map adapter's calls this suite reads (window.parkAtlas, web/src/hooks/useParkMap.ts). */
type MapHandle = { parkAtlas: { map: {
  featureById(layer: string, id: string): unknown
  renderedFeatureIds(layer: string): string[]
  closePopup(): void
} } }

const PARCELS = 100_000
const ARTIFACTS = path.resolve('tests/artifacts')

let database: EmbeddedPostgis
let close: () => Promise<void>
let url: string
let browser: Browser

beforeAll(async () => {
  database = await startEmbeddedPostgis(undefined)
  const pool = poolFor(database.url, 'embedded')
  await migrate(pool)
  const layout = generateCountyLayout(PARCELS, 1)
  await loadCounty(pool, layout, datasetFingerprint(PARCELS, 1))
  const app = await buildApp({ db: { pool, kind: 'embedded', close: () => pool.end() } }, { webRoot: WEB_ROOT })
  url = await app.listen({ port: 0, host: '127.0.0.1' })
  close = async () => {
    await app.close()
    await pool.end()
  }
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await close?.()
  await database?.stop()
})

describe('attribute table, county scale', () => {
  it('holds 100,000 parcels, scrolls to the last, sorts, and goes to a row the map has not loaded', { timeout: 240_000 }, async () => {
    const rows = (await (await fetch(`${url}/api/layers/parcels/rows`)).json()) as LayerRows
    expect(rows.rows.length).toBeGreaterThanOrEqual(PARCELS)
    expect(rows.numberMatched).toBe(rows.rows.length)

    const { page, problems } = await newPage(browser)
    const parcelTiles: string[] = []
    page.on('response', (response) => {
      if (/\/tiles\/parcels\/\d+\/\d+\/\d+\.mvt$/.test(new URL(response.url()).pathname)) parcelTiles.push(response.url())
    })
    await page.goto(url)
    await waitForMapReady(page)
    // The legend counts every parcel: the map draws them all from tiles, not the GeoJSON's first 10,000.
    const legendCount = await page.locator('.layer-row[data-layer="parcels"] .layer-row__count').textContent()
    expect(legendCount).toBe(`${rows.numberMatched} 个要素`)
    await page.getByRole('button', { name: '属性表' }).click()
    const grid = page.getByRole('grid')
    await grid.waitFor({ timeout: 120_000 })
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(rows.rows.length + 1))
    const domRows = () => page.locator('[role="grid"] [role="row"]').count()
    expect(await domRows()).toBeLessThan(80)

    // To the end by keyboard: the last row is drawn, and still only a screenful is in the DOM.
    await grid.focus()
    await page.keyboard.press('End')
    const last = page.locator(`[role="row"][aria-rowindex="${rows.rows.length + 1}"]`)
    await last.waitFor({ timeout: 30_000 })
    expect(await last.locator('[role="gridcell"]').first().textContent()).toBe(String(rows.rows.at(-1)![0]))
    expect(await domRows()).toBeLessThan(80)
    // And by scrolling, to the middle.
    await grid.evaluate((el) => { el.scrollTop = el.scrollHeight / 2 })
    await expect.poll(async () => Number(await page.locator('[role="row"][aria-rowindex]').nth(5).getAttribute('aria-rowindex')), { timeout: 30_000 }).toBeGreaterThan(rows.rows.length / 3)
    await page.screenshot({ path: path.join(ARTIFACTS, 'table-county.png') })

    // Sort all 100,000 by area: the largest first.
    const areaAt = rows.columns.indexOf('area_m2')
    const largest = rows.rows.reduce((a, b) => ((b[areaAt] as number) > (a[areaAt] as number) ? b : a))
    const labels = await page.locator('.attribute-table__sort').allTextContents()
    await page.locator('.attribute-table__sort').nth(labels.indexOf('面积（亩）')).click()
    await grid.evaluate((el) => { el.scrollTop = 0 })
    await expect.poll(() => page.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first().textContent(), { timeout: 60_000 }).toBe(String(largest[0]))

    // The last row of the county in id order is past what the map loaded as GeoJSON: choosing it
    // flies there, and the tiles draw it.
    const farId = String(rows.rows.at(-1)![0])
    const [w, s, e, n] = rows.bboxes.at(-1)!
    expect(rows.rows.findIndex((r) => String(r[0]) === farId)).toBeGreaterThanOrEqual(FEATURE_LIMIT.max)
    expect(await page.evaluate((id) => (window as unknown as MapHandle).parkAtlas.map.featureById('parcels', id) ?? null, farId)).toBeNull()
    await page.getByRole('searchbox', { name: '筛选 编号' }).fill(farId)
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe('2')
    await page.locator('[role="row"][aria-rowindex="2"]').click()
    await expect.poll(async () => {
      const c = await page.evaluate(() => (window as unknown as { parkAtlas: { map: { getCamera(): { lng: number; lat: number } } } }).parkAtlas.map.getCamera())
      return c.lng > w - 0.002 && c.lng < e + 0.002 && c.lat > s - 0.002 && c.lat < n + 0.002
    }, { timeout: 30_000 }).toBe(true)
    await mapIdle(page)
    expect(parcelTiles.length).toBeGreaterThan(0)
    await expect.poll(() => page.evaluate(() => (window as unknown as MapHandle).parkAtlas.map.renderedFeatureIds('parcels')), { timeout: 30_000 }).toContain(farId)
    // The row's parcel is fetched whole (the map holds no GeoJSON of it): outlined, its popup open.
    const popup = page.locator('.maplibregl-popup .feature-popup[data-layer="parcels"]')
    await expect.poll(() => popup.textContent(), { timeout: 30_000 }).toContain(farId)
    expect(await selectedIds(page)).toEqual([farId])

    // And it answers a click on the map like any parcel (the firms' dots, at parcels' centres, hidden).
    await page.evaluate(() => (window as unknown as MapHandle).parkAtlas.map.closePopup())
    await setLayer(page, 'enterprises', false)
    await page.getByRole('button', { name: '关闭属性表' }).click()
    await grid.waitFor({ state: 'detached' })
    await mapIdle(page)
    expect(await selectedIds(page)).toEqual([])
    const inside = await clientPoint(page, [(w + e) / 2, (s + n) / 2])
    await page.mouse.click(inside.x, inside.y)
    await expect.poll(() => popup.textContent(), { timeout: 30_000 }).toContain(farId)
    await expect.poll(() => selectedIds(page), { timeout: 30_000 }).toEqual([farId])
    await page.screenshot({ path: path.join(ARTIFACTS, 'map-county-far-parcel.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
