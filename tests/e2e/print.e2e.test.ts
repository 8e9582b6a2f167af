// Print layouts (issue 12) in real Chromium: the current view laid out on A4 landscape with a GK
// grid, printed to PDF by the browser's own print (what "Save as PDF" writes), then read back with
// poppler's pdfinfo / pdftotext: one page of the right size, the title, the legend of the visible
// layers only, the scale, the date and the source. A3 portrait, English, and the PNG export too.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite, newPage, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()

/** Prints the page as Chromium's "Save as PDF" does (print media, the page size the CSS sets). */
async function printToPdf(page: Page, name: string): Promise<{ text: string; info: string }> {
  const file = path.join(suite.artifacts, name)
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  return {
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  }
}

/** pdfinfo's page size in points (1 mm = 72 / 25.4 pt), within a point: Chromium rounds to its own units. */
function expectPageMm(info: string, widthMm: number, heightMm: number): void {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  expect(m, info).not.toBeNull()
  expect(Math.abs(Number(m![1]) - (widthMm * 72) / 25.4)).toBeLessThan(1)
  expect(Math.abs(Number(m![2]) - (heightMm * 72) / 25.4)).toBeLessThan(1)
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

async function openPrint(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.getByRole('dialog').waitFor()
  await page.locator('.print-sheet img').waitFor()
}

describe('print layouts', () => {
  it('prints the view to an A4 landscape PDF with title, legend of the visible layers, scale, grid, date and source', async () => {
    const { page, problems } = await newPage(suite.browser, { acceptDownloads: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page, { idle: true })
    // The base map off: its legend must not be printed.
    await page.locator('.layer-row[data-layer="basemap"] input[type="checkbox"]').setChecked(false)

    await openPrint(page, '打印')
    await page.getByLabel('图名').fill('南区扩区示意图')
    await page.getByRole('radio', { name: 'A4' }).check()
    await page.getByRole('radio', { name: '横向' }).check()
    await page.getByRole('checkbox', { name: /高斯-克吕格坐标格网/ }).check()
    await page.locator('.print-sheet__grid-label').first().waitFor()
    await page.screenshot({ path: path.join(suite.artifacts, 'print-dialog.png') })

    const a4 = await printToPdf(page, 'print-a4-landscape.pdf')
    expect(a4.info).toMatch(/Pages:\s+1\n/)
    expectPageMm(a4.info, 297, 210)
    const text = a4.text.replace(/\s+/g, ' ')
    expect(text).toContain('南区扩区示意图')
    expect(text).toContain('图例')
    for (const shown of ['地块', '可供地', '企业', '化工集中区', '园区片区与边界']) expect(text).toContain(shown)
    expect(text).not.toContain('主干道') // a base-map class: that layer is off
    expect(text).toMatch(/比例尺 1:\d[\d ]*\d/)
    expect(text).toContain(`制图日期 ${new Date().toISOString().slice(0, 10)}`)
    expect(text).toContain('数据来源')
    expect(text).toContain('EPSG:4547')
    // Names over the map are text in the PDF too, and the grid is labelled in km with the zone.
    expect(text).toContain('冯田区')
    expect(text).toMatch(/38 6\d\d/)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', path.join(suite.artifacts, 'print-a4-landscape.pdf'), path.join(suite.artifacts, 'print-a4-landscape')])

    // A3 portrait: the page follows the layout.
    await page.getByRole('radio', { name: 'A3' }).check()
    await page.getByRole('radio', { name: '纵向' }).check()
    const a3 = await printToPdf(page, 'print-a3-portrait.pdf')
    expect(a3.info).toMatch(/Pages:\s+1\n/)
    expectPageMm(a3.info, 297, 420)
    expect(a3.text).toContain('南区扩区示意图')

    // PNG at 150 dpi: A4 landscape is 1754 × 1240 px.
    await page.getByRole('radio', { name: 'A4' }).check()
    await page.getByRole('radio', { name: '横向' }).check()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PNG' }).click()])
    expect(download.suggestedFilename()).toMatch(/^南区扩区示意图-\d{4}-\d{2}-\d{2}\.png$/)
    const png = fs.readFileSync((await download.path())!)
    fs.writeFileSync(path.join(suite.artifacts, 'print-a4-landscape-export.png'), png)
    const size = pngSize(png)
    expect(Math.abs(size.width - 1754)).toBeLessThanOrEqual(2)
    expect(Math.abs(size.height - 1240)).toBeLessThanOrEqual(2)

    // Esc closes the dialog and the map is back.
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  })

  it('prints in English when the UI is in English', async () => {
    const { page, problems } = await newPage(suite.browser)
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await page.getByRole('button', { name: 'English' }).click()
    await openPrint(page, 'Print')
    const pdf = await printToPdf(page, 'print-a4-english.pdf')
    const text = pdf.text.replace(/\s+/g, ' ')
    for (const words of ['Fengxin High-tech Industrial Park map', 'Legend', 'Parcels', 'Available', 'Source:']) expect(text).toContain(words)
    expect(text).toMatch(/Scale 1:\d/)
    expect(problems).toEqual([])
    await page.close()
  })
})
