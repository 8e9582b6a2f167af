// Browser journeys of the attribute table (issue 12) over the built client and the API on the
// embedded test database: open the parcels table, sort it, filter it, select a row and see it on
// the map, click the map and see the row, export CSV and XLSX. Screenshots go to tests/artifacts/.
import fs from 'node:fs'
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import { parse } from 'csv-parse/sync'
import type { Feature, Polygon, MultiPolygon } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { LayerRows, ParkFeatureCollection } from '../../web/src/shared/api/layers'
import { M2_PER_MU } from '../../web/src/shared/units'
import { browserSuite, clientPoint, mapIdle, newPage, selectedIds, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()

async function publicRows(layer: string): Promise<LayerRows> {
  return (await (await fetch(`${suite.server.url}/api/layers/${layer}/rows`)).json()) as LayerRows
}

/** The rendered rows' cells, top first (only those the virtualiser put in the DOM). */
async function renderedRows(page: Page): Promise<{ index: number; cells: string[]; selected: boolean }[]> {
  return page.locator('[role="grid"] [role="row"][aria-rowindex]:not([aria-rowindex="1"])').evaluateAll((rows) => rows
    .map((r) => ({
      index: Number(r.getAttribute('aria-rowindex')),
      cells: [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? ''),
      selected: r.getAttribute('aria-selected') === 'true',
    }))
    .sort((a, b) => a.index - b.index))
}

async function headerIndex(page: Page, label: string): Promise<number> {
  const labels = await page.locator('[role="columnheader"] .attribute-table__sort').allTextContents()
  const index = labels.findIndex((l) => l.replace(/[▲▼]/g, '') === label)
  expect(index, `column ${label} in ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0)
  return index
}

describe('attribute table', () => {
  it('opens the parcels table, sorts and filters it, and selects rows ↔ features both ways', async () => {
    const table = await publicRows('parcels')
    const idAt = table.columns.indexOf('id')
    const areaAt = table.columns.indexOf('area_m2')
    const { page, problems } = await newPage(suite.browser, { acceptDownloads: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page, { idle: true })

    await page.getByRole('button', { name: '属性表' }).click()
    const grid = page.getByRole('grid')
    await grid.waitFor()
    // Every row counted, header included, though only a screenful is in the DOM.
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(table.rows.length + 1))
    expect((await renderedRows(page)).length).toBeLessThan(table.rows.length)

    // Sort by area: the first click puts the largest first (numbers sort descending first).
    const areaColumn = await headerIndex(page, '面积（亩）')
    await page.locator('.attribute-table__sort').nth(areaColumn).click()
    expect(await page.locator('[role="columnheader"]').nth(areaColumn).getAttribute('aria-sort')).toBe('descending')
    const byArea = [...table.rows].sort((a, b) => (b[areaAt] as number) - (a[areaAt] as number))
    let shown = await renderedRows(page)
    expect(shown.slice(0, 5).map((r) => r.cells[0])).toEqual(byArea.slice(0, 5).map((r) => r[idAt]))
    expect(shown[0]!.cells[areaColumn]).toBe(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format((byArea[0]![areaAt] as number) / M2_PER_MU))
    await page.locator('.attribute-table__sort').nth(areaColumn).click()
    expect(await page.locator('[role="columnheader"]').nth(areaColumn).getAttribute('aria-sort')).toBe('ascending')
    shown = await renderedRows(page)
    expect(shown[0]!.cells[0]).toBe(byArea.at(-1)![idAt])

    // Filter: over 100 mu, as the reader types it.
    await page.getByRole('searchbox', { name: '筛选 面积（亩）' }).fill('>100')
    const big = table.rows.filter((r) => (r[areaAt] as number) / M2_PER_MU > 100)
    expect(big.length).toBeGreaterThan(0)
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(big.length + 1))
    await page.screenshot({ path: path.join(suite.artifacts, 'table-sorted-filtered.png') })

    // A row chosen: its parcel is outlined on the map with its popup, in view above the table.
    const second = (await renderedRows(page))[1]!
    await page.locator(`[role="row"][aria-rowindex="${second.index}"]`).click()
    await expect.poll(() => selectedIds(page)).toEqual([second.cells[0]])
    expect(await page.locator('.feature-popup__title').textContent()).toContain(second.cells[0]!)
    await mapIdle(page)
    const parcels = (await (await fetch(`${suite.server.url}/api/layers/parcels/features?limit=10000`)).json()) as ParkFeatureCollection
    const chosen = parcels.features.find((f) => f.id === second.cells[0])!
    const inside = pointOnFeature(chosen as Feature<Polygon | MultiPolygon>).geometry.coordinates as [number, number]
    const at = await clientPoint(page, inside)
    const mapBox = (await page.locator('.map').boundingBox())!
    const tableBox = (await page.locator('.attribute-table').boundingBox())!
    expect(at.x).toBeGreaterThan(mapBox.x)
    expect(at.x).toBeLessThan(mapBox.x + mapBox.width)
    expect(at.y).toBeGreaterThan(mapBox.y)
    expect(at.y).toBeLessThan(tableBox.y)
    await page.screenshot({ path: path.join(suite.artifacts, 'table-row-on-map.png') })

    // Ctrl-click a second row: both outlined, no popup (there is no one feature to describe).
    const third = (await renderedRows(page))[2]!
    await page.locator(`[role="row"][aria-rowindex="${third.index}"]`).click({ modifiers: ['Control'] })
    await expect.poll(async () => (await selectedIds(page)).sort()).toEqual([second.cells[0], third.cells[0]].sort())
    await expect.poll(() => page.locator('.feature-popup__title').count()).toBe(0)
    expect(await page.getByText('已选 2 行').count()).toBe(1)

    // The other way: a click on a parcel on the map selects its row (the filter cleared first).
    await page.getByRole('button', { name: '清除筛选' }).click()
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(table.rows.length + 1))
    await page.locator('.attribute-table__close').click()
    await page.getByRole('button', { name: '属性表' }).click()
    await grid.waitFor()
    const target = parcels.features.find((f) => f.id === byArea[0]![idAt])!
    await page.getByRole('combobox', { name: '搜索' }).fill(String(target.id))
    await page.getByRole('option').first().waitFor()
    await page.getByRole('combobox', { name: '搜索' }).press('Enter')
    await expect.poll(() => selectedIds(page)).toEqual([target.id])
    await mapIdle(page)
    const other = parcels.features.find((f) => f.id === byArea[1]![idAt])!
    const otherAt = await clientPoint(page, pointOnFeature(other as Feature<Polygon | MultiPolygon>).geometry.coordinates as [number, number])
    await page.keyboard.press('Escape') // the popup of the first parcel closes
    await page.mouse.click(otherAt.x, otherAt.y)
    await expect.poll(() => selectedIds(page)).toContain(String(other.id))
    await expect.poll(async () => (await renderedRows(page)).filter((r) => r.selected).map((r) => r.cells[0])).toEqual([other.id])

    // Keyboard: ↓ moves the cursor, Enter selects that row.
    await grid.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => selectedIds(page)).toEqual([String(table.rows[1]![idAt])])
    expect(problems).toEqual([])
    await page.close()
    // A long journey (sort, filter, select both ways, keyboard): 16 s on a quiet machine, past 30 s on a loaded one.
  }, 90_000)

  it('exports the filtered rows and the columns shown as CSV and XLSX', async () => {
    const table = await publicRows('parcels')
    const statusAt = table.columns.indexOf('status')
    const available = table.rows.filter((r) => r[statusAt] === 'available')
    expect(available.length).toBeGreaterThan(0)
    const { page, problems } = await newPage(suite.browser, { acceptDownloads: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await page.getByRole('button', { name: '属性表' }).click()
    await page.getByRole('grid').waitFor()
    await page.getByRole('searchbox', { name: '筛选 状态' }).fill('可供地')
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(available.length + 1))
    // One column fewer: the chooser hides 用地性质.
    await page.getByText('列', { exact: true }).click()
    await page.getByRole('checkbox', { name: '用地性质' }).setChecked(false)
    await page.getByText('列', { exact: true }).click()

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()])
    expect(csvDownload.suggestedFilename()).toMatch(/^地块-属性表-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = fs.readFileSync((await csvDownload.path())!, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const records = parse(text.slice(1)) as string[][]
    expect(records[0]).toEqual(['编号', '所在片区', '状态', '参考地价', '场地平整', '面积（亩）', '面积（m²）'])
    expect(records).toHaveLength(available.length + 1)
    expect(records.slice(1).map((r) => r[0]).sort()).toEqual(available.map((r) => String(r[0])).sort())
    expect(new Set(records.slice(1).map((r) => r[2]))).toEqual(new Set(['可供地']))
    // Areas in full precision, mu and m² agreeing.
    for (const r of records.slice(1)) expect(Math.abs(Number(r[5]) * M2_PER_MU - Number(r[6]))).toBeLessThan(1e-6)

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()])
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/)
    const xlsx = fs.readFileSync((await xlsxDownload.path())!)
    // A zip (an OOXML package) holding a worksheet; names in a zip's directory are stored plainly.
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(xlsx.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  it('is usable on a 390 px phone', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await page.getByRole('button', { name: '属性表' }).click()
    await page.getByRole('grid').waitFor()
    const box = (await page.locator('.attribute-table').boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(380)
    await page.locator('[role="row"][aria-rowindex="3"]').tap()
    await expect.poll(async () => (await selectedIds(page)).length).toBe(1)
    await page.screenshot({ path: path.join(suite.artifacts, 'table-phone.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
