// A planner imports a survey institute's 界址点 file through the file input: sees each parcel's area
// in mu and the notes before anything is kept, loads one into the drawing, and exports it back as
// the exchange file (GBK) — the same coordinates to the millimetre. Desktop and a 390 px phone.
import fs from 'node:fs'
import path from 'node:path'
import type { Polygon, Position } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadConverter } from '../../web/src/shared/convert/index'
import { jzdTxt } from '../../web/src/shared/convert/jzd-txt'
import { formatMu } from '../../web/src/shared/units'
import { browserSuite, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { referenceArea } from '../helpers/geodesy'

const FIXTURE = path.resolve('tests/fixtures/convert/in/jzd-plain-gbk.txt')
const suite = browserSuite()

/** The point lines of one parcel of a 界址点 file (its n-th header and the lines under it). */
function parcelLines(text: string, n: number): string[] {
  const blocks = text.split(/\r?\n/).reduce<string[][]>((acc, line) => {
    if (line.endsWith(',@')) acc.push([])
    else if (/^J\d+,\d+,/.test(line) && acc.length) acc[acc.length - 1]!.push(line)
    return acc
  }, [])
  return blocks[n]!
}

async function openAnalysis(page: Page): Promise<void> {
  await page.goto(suite.server.url)
  await waitForMapReady(page)
  await signInThroughHeader(page, 'planner')
  await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
  await page.locator('.analysis[data-access="allowed"]').waitFor({ timeout: 10_000 })
}

async function importFixture(page: Page): Promise<void> {
  await page.locator('input[data-action="import-file"]').setInputFiles(FIXTURE)
  await page.locator('[data-preview="ready"]').waitFor({ timeout: 15_000 })
}

describe('importing a 界址点 file', () => {
  it('previews both parcels with their areas and the notes, loads one into the drawing, exports it to the millimetre', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    await openAnalysis(page)
    await importFixture(page)
    const expected = (await jzdTxt.read(new Uint8Array(fs.readFileSync(FIXTURE)))).features.features
    const areas = await page.locator('.import__area').allTextContents()
    expect(areas).toEqual(expected.map((f) => formatMu(referenceArea(f.geometry), 'zh-CN')))
    const preview = page.locator('[data-preview="ready"]')
    expect(await preview.locator('[data-epsg]').getAttribute('data-epsg')).toBe('4547')
    expect(await preview.textContent()).toContain('南区扩区一号地块')
    expect(await page.locator('.import__notes').textContent()).toContain('read as GBK')
    expect(await page.locator('.analysis').evaluate(() => localStorage.getItem('parkAtlas.boundary'))).toBeNull() // nothing kept yet
    await page.waitForTimeout(600) // the map flies to the preview
    await page.screenshot({ path: path.join(suite.artifacts, 'import-preview.png') })

    await page.locator('[data-action="import-accept"]').click()
    await page.locator('.analysis[data-mode="edit"], .analysis[data-mode="idle"]').first().waitFor()
    const drawn = await page.evaluate(() => (window as unknown as { parkAtlas: { map: { drawing: { getBoundary(): Polygon | null } } } }).parkAtlas.map.drawing.getBoundary())
    const key = (p: Position) => `${(p[0] as number).toFixed(7)},${(p[1] as number).toFixed(7)}`
    const want = (expected[0]!.geometry as Polygon).coordinates[0]!
    expect(new Set(drawn!.coordinates[0]!.map(key))).toEqual(new Set(want.map(key)))
    await page.locator('.area-readout__mu').waitFor()
    expect(await page.locator('.area-readout__mu').textContent()).toContain(formatMu(referenceArea(expected[0]!.geometry), 'zh-CN').replace(/\s*亩$/, ''))

    await page.locator('.export__other select').first().selectOption('jzd-txt')
    await page.locator('.export__other select').nth(1).selectOption('gbk')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-file"]').click()])
    expect(download.suggestedFilename()).toMatch(/\.txt$/)
    const text = new TextDecoder('gbk').decode(fs.readFileSync((await download.path())!))
    expect(text).toContain('带号=38')
    // the drawing has no point numbers of its own: compare the coordinates, in the file's order
    const coords = (lines: string[]) => lines.map((l) => l.split(',').slice(1).join(','))
    expect(coords(parcelLines(text, 0))).toEqual(coords(parcelLines(new TextDecoder('gbk').decode(fs.readFileSync(FIXTURE)), 0)))
    await page.screenshot({ path: path.join(suite.artifacts, 'import-accepted.png') })

    // every other format, written in the browser by the shared converters, reads back to the same ring
    for (const format of ['geojson', 'kml', 'kmz', 'shp', 'dxf', 'coords-csv'] as const) {
      await page.locator('.export__other select').first().selectOption(format)
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-file"]').click()])
      // DXF has no place for a CRS: without the zone number in Y (the box unticked) the reader is told the zone
      const back = await (await loadConverter(format)).read(new Uint8Array(fs.readFileSync((await file.path())!)), format === 'dxf' ? { epsg: 4547 } : {})
      const ring = (back.features.features[0]!.geometry as Polygon).coordinates[0]!
      expect(new Set(ring.map(key)), format).toEqual(new Set(want.map(key)))
    }

    // the imported parcel's overlap, and the chemical-firm answer, as CSV for Excel
    await page.locator('[data-action="run-overlap"]').click()
    await page.locator('.overlap-results').waitFor({ timeout: 30_000 })
    const [overlapFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="overlap-csv"]').click()])
    const overlap = fs.readFileSync((await overlapFile.path())!, 'utf8')
    expect(overlap.startsWith('\uFEFF图层,id,名称 / 编号,说明,关系,叠加面积（平方米）,叠加面积（亩）,落入比例\r\n')).toBe(true)
    expect(overlap.split('\r\n').length - 2).toBe(await page.locator('.overlap-results .result-table tbody tr').count())
    await page.locator('[data-action="chemical-firms"]').click()
    await page.locator('[data-table="chemical-firms"] tbody tr').first().waitFor({ timeout: 30_000 })
    const [firmsFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="chemical-csv"]').click()])
    const firms = fs.readFileSync((await firmsFile.path())!, 'utf8').split('\r\n')
    expect(firms[0]).toBe('\uFEFFid,企业,位置,地块,持有土地（亩）,集中区内（亩）')
    expect(firms.length - 2).toBe(await page.locator('[data-table="chemical-firms"] tbody tr').count())
    expect(problems).toEqual([])
    await page.close()
  }, 120_000)

  it('works on a 390 px phone', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openAnalysis(page)
    await importFixture(page)
    await page.locator('[data-preview="ready"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(suite.artifacts, 'import-phone.png') })
    expect(await page.locator('.import__area').count()).toBe(2)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})
