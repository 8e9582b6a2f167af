// Browser journeys of issue 12's map essentials, over the built client and the API on the embedded
// test database: search by Chinese and by pinyin initials, a link that keeps the view (copied,
// opened in a fresh page, walked with back/forward), identify where features stack, and the phone
// layout. Screenshots go to tests/artifacts/.
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite, clientPoint, mapIdle, newPage, selectedIds, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()

async function layer(id: string): Promise<FeatureCollection> {
  return (await (await fetch(`${suite.server.url}/api/layers/${id}/features?limit=10000`)).json()) as FeatureCollection
}

/** The popup's title, once a popup is open. */
async function popupTitle(page: Page): Promise<string> {
  const title = page.locator('.feature-popup__title')
  await title.waitFor({ timeout: 10_000 })
  return (await title.textContent()) ?? ''
}

describe('search', () => {
  it('finds 宁德时代 by 宁德 and by ndsd, and lands on it with its popup open', async () => {
    const catl = (await layer('enterprises')).features.find((f) => f.properties?.name_zh === '宁德时代')!
    expect(catl).toBeDefined()
    const { page, problems } = await newPage(suite.browser)
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    const box = page.getByRole('combobox', { name: '搜索' })

    await box.fill('宁德')
    const options = page.getByRole('listbox').getByRole('option')
    await options.first().waitFor()
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    expect(await options.first().textContent()).toContain('宁德时代')
    await page.screenshot({ path: path.join(suite.artifacts, 'search-list.png') })

    // Keyboard only: the first option is active; ↓ ↑ move; Enter chooses.
    await box.fill('ndsd')
    await expect.poll(() => options.first().textContent()).toContain('宁德时代')
    await box.press('ArrowDown')
    await box.press('ArrowUp')
    expect(await page.locator('[role="option"][aria-selected="true"]').textContent()).toContain('宁德时代')
    await box.press('Enter')
    expect(await popupTitle(page)).toBe('宁德时代')
    await expect.poll(() => selectedIds(page)).toEqual([String(catl.id)])
    // Landed on it: the firm's dot is in the middle of the map.
    await mapIdle(page)
    const map = (await page.locator('.map').boundingBox())!
    const at = await clientPoint(page, (catl.geometry as GeoJSON.Point).coordinates as [number, number])
    expect(Math.abs(at.x - (map.x + map.width / 2))).toBeLessThan(map.width / 4)
    expect(Math.abs(at.y - (map.y + map.height / 2))).toBeLessThan(map.height / 4)
    await page.screenshot({ path: path.join(suite.artifacts, 'search-landed.png') })

    // Nothing found says so, and Esc closes the list.
    await box.fill('zzzzqqq')
    await page.getByText('无匹配结果').waitFor()
    await box.press('Escape')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('links that keep the view', () => {
  it('copies a link that opens the same view and selection in a fresh page; back and forward walk the changes', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
    const page = await context.newPage()
    await page.goto(suite.server.url)
    await waitForMapReady(page)

    // A view: the land-on-offer tab, the base map off, a parcel chosen by search.
    await page.getByRole('combobox').fill('FT-001')
    await page.getByRole('option').first().waitFor()
    await page.getByRole('combobox').press('Enter')
    expect(await popupTitle(page)).toContain('FT-001')
    await page.locator('[data-tab="offer"]').click()
    await page.locator('[data-tab="layers"]').click()
    await page.locator('.layer-row[data-layer="basemap"] input[type="checkbox"]').setChecked(false)
    await page.locator('[data-tab="offer"]').click()
    await expect.poll(() => page.url()).toMatch(/off=basemap.*sel=parcels:FT-001.*tab=offer/)

    await page.getByRole('button', { name: '复制链接' }).click()
    await page.getByText('链接已复制').waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toBe(page.url())
    const camera = new URLSearchParams(new URL(link).hash.slice(1)).get('map')
    expect(camera).toMatch(/^\d+\.\d{2}\/28\.\d{5}\/115\.\d{5}$/)

    // A fresh page (no shared state) opens on the same view.
    const { page: fresh, problems } = await newPage(suite.browser)
    await fresh.goto(link)
    await waitForMapReady(fresh)
    expect(await popupTitle(fresh)).toContain('FT-001')
    expect(await selectedIds(fresh)).toEqual(['FT-001'])
    expect(await fresh.locator('[data-tab="offer"]').getAttribute('aria-selected')).toBe('true')
    await fresh.locator('[data-tab="layers"]').click()
    expect(await fresh.locator('.layer-row[data-layer="basemap"] input[type="checkbox"]').isChecked()).toBe(false)
    expect(await fresh.locator('.layer-row[data-layer="parcels"] input[type="checkbox"]').isChecked()).toBe(true)
    const freshCamera = await fresh.evaluate(() => (window as unknown as { parkAtlas: { map: { getCamera(): unknown } } }).parkAtlas.map.getCamera())
    const [zoom, lat, lng] = camera!.split('/').map(Number)
    expect(freshCamera).toMatchObject({ zoom: expect.closeTo(zoom!, 2), lat: expect.closeTo(lat!, 5), lng: expect.closeTo(lng!, 5) })
    await fresh.screenshot({ path: path.join(suite.artifacts, 'link-restored.png') })

    // Back: the layers tab again (the last change undone); forward: the land-on-offer tab.
    await fresh.goBack()
    await expect.poll(() => fresh.locator('[data-tab="offer"]').getAttribute('aria-selected')).toBe('true')
    await fresh.goForward()
    await expect.poll(() => fresh.locator('[data-tab="layers"]').getAttribute('aria-selected')).toBe('true')
    expect(fresh.url()).not.toMatch(/tab=/)
    expect(problems).toEqual([])
    await fresh.close()
    await context.close()
  })

  it('opens a link to a feature the visitor may not see without selecting it', async () => {
    const { page, problems } = await newPage(suite.browser)
    await page.goto(`${suite.server.url}/#sel=idle_plots:1&tab=nope`)
    await waitForMapReady(page)
    await expect.poll(() => page.url()).not.toMatch(/sel=/)
    expect(await page.locator('.feature-popup').count()).toBe(0)
    expect(await page.locator('[data-tab="layers"]').getAttribute('aria-selected')).toBe('true')
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('identify where features stack', () => {
  it('lists a project and the parcel under it, and shows the one chosen', async () => {
    const projects = await layer('projects')
    const parcels = await layer('parcels')
    const project = projects.features.find((f) => f.properties?.name_zh === '宁德时代项目')!
    const { page, problems } = await newPage(suite.browser)
    const at = pointOnFeature(project).geometry.coordinates as [number, number]
    await page.goto(`${suite.server.url}/#map=16.00/${at[1].toFixed(5)}/${at[0].toFixed(5)}&off=enterprises,utilities`)
    await waitForMapReady(page, { idle: true })
    const { x, y } = await clientPoint(page, at)
    await page.mouse.move(x, y)
    await page.mouse.click(x, y)
    const items = page.locator('.feature-popup__stack-item')
    await items.first().waitFor()
    const labels = await items.allTextContents()
    expect(labels.length).toBeGreaterThanOrEqual(2)
    expect(labels[0]).toContain('宁德时代项目')
    expect(labels.some((l) => /地块/.test(l))).toBe(true)
    expect(await popupTitle(page)).toBe('宁德时代项目')
    await page.screenshot({ path: path.join(suite.artifacts, 'identify-stack.png') })

    await items.filter({ hasText: '地块' }).first().click()
    const title = await popupTitle(page)
    expect(title).toMatch(/^地块 /)
    const parcelId = title.replace('地块 ', '')
    expect(parcels.features.some((f) => f.id === parcelId)).toBe(true)
    expect(await selectedIds(page)).toEqual([parcelId])
    expect(await page.locator('.feature-popup__stack-item[aria-current="true"]').textContent()).toContain(parcelId)
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('phone layout', () => {
  it('at 390 × 844 the map is full width, the header one line, and the panel a bottom sheet', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    const map = (await page.locator('.map').boundingBox())!
    expect(map.width).toBeGreaterThanOrEqual(380)
    expect(map.height).toBeGreaterThan(500)
    // One header line: the sign-in and language buttons are no taller than a line of text.
    const header = (await page.locator('.header').boundingBox())!
    expect(header.height).toBeLessThanOrEqual(52)
    for (const button of await page.locator('.header button').all()) expect((await button.boundingBox())!.height).toBeLessThanOrEqual(34)
    await page.screenshot({ path: path.join(suite.artifacts, 'phone-map.png') })

    // The sheet opens on a tap of its tab and folds on a second; the map keeps the rest of the screen.
    await page.locator('[data-tab="layers"]').tap()
    await page.locator('.layer-row[data-layer="parcels"]').waitFor({ state: 'visible' })
    const open = (await page.locator('.map').boundingBox())!
    expect(open.width).toBeGreaterThanOrEqual(380)
    expect(open.height).toBeGreaterThan(250)
    await page.screenshot({ path: path.join(suite.artifacts, 'phone-sheet.png') })
    await page.locator('[data-tab="layers"]').tap()
    await page.locator('.layer-row[data-layer="parcels"]').waitFor({ state: 'hidden' })

    // Search still works on a phone.
    await page.getByRole('combobox').fill('ndsd')
    await page.getByRole('option').first().tap()
    expect(await popupTitle(page)).toBe('宁德时代')
    await page.screenshot({ path: path.join(suite.artifacts, 'phone-search.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
