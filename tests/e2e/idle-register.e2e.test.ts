// The idle-land register in the browser (issue 10): a land officer opens the 闲置台账 tab, picks a
// parcel from the parcels to watch (past its contract's agreed start), flags it from the case panel,
// moves it one step on to the notice with a photo as evidence, and sees the register's totals move;
// screenshots on a desktop and a 390 px phone.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex')

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let problems: string[]

const count = async (stage: string) => Number(await page.locator(`.idle-register__totals tr[data-stage="${stage}"]`).getAttribute('data-count'))

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  server = await startTestServer()
  browser = await launchChromium()
  ;({ page, problems } = await newPage(browser))
  await page.goto(server.url)
  await waitForMapReady(page)
  await signInThroughHeader(page, 'land_officer')
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('land officer: the register of idle-land cases', () => {
  it('flags a watched parcel, moves it to the notice with evidence, and the totals follow', async () => {
    await page.locator('[data-tab="register"]').click()
    const board = page.locator('.idle-register')
    await board.locator('.idle-register__totals').waitFor({ timeout: 20_000 })
    const before = { investigation: await count('investigation'), notice: await count('notice') }
    // The sample park's notice case (庆丰包装) is overdue: overdue cases come first.
    expect(await board.locator('.idle-register__list li').first().getAttribute('data-overdue')).toBe('true')

    const watched = board.locator('.idle-watch li[data-watch="dates"]').first()
    await watched.waitFor({ timeout: 10_000 })
    const parcelId = (await watched.getAttribute('data-parcel'))!
    await watched.locator('button').click()
    const panel = page.locator(`.idle-panel[data-parcel="${parcelId}"]`)
    await panel.locator('.idle-flag').waitFor({ timeout: 10_000 })
    await panel.locator('.idle-flag select[name="category"]').selectOption('idle')
    await panel.locator('.idle-flag textarea[name="reason"]').fill('动态巡查：超过约定动工日期未动工（E2E）')
    await panel.locator('.idle-flag button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="investigation"]').waitFor({ timeout: 10_000 })
    await expect.poll(() => count('investigation'), { timeout: 20_000 }).toBe(before.investigation + 1)
    // flagged, it leaves the watch list
    await expect.poll(() => board.locator(`.idle-watch li[data-parcel="${parcelId}"]`).count(), { timeout: 20_000 }).toBe(0)

    const form = panel.locator('.idle-step-form')
    await form.locator('select[name="to"]').selectOption('notice')
    const today = await form.locator('input[name="happened_on"]').inputValue()
    await form.locator('textarea[name="note"]').fill('下达告知书（E2E）')
    await form.locator('input[name="doc_no"]').fill('告〔E2E〕2号')
    await form.locator('input[name="doc_date"]').fill(today)
    await form.locator('input[name="hearing_deadline"]').fill(today)
    await form.locator('input[name="attachment"]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG })
    await form.locator('button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="notice"]').waitFor({ timeout: 10_000 })
    await panel.locator('.idle-steps__item[data-stage="notice"] img.idle-thumb').waitFor({ timeout: 10_000 })
    await expect.poll(() => count('notice'), { timeout: 20_000 }).toBe(before.notice + 1)
    expect(await count('investigation')).toBe(before.investigation)
    await waitForMapReady(page, { idle: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'idle-register.png') })
  }, 120_000)

  it('exports the register as CSV and XLSX', async () => {
    const download = page.waitForEvent('download')
    await page.locator('.idle-register [data-action="csv"]').click()
    const file = await download
    const text = fs.readFileSync((await file.path())!, 'utf8')
    expect(text.startsWith('\uFEFF案件编号,地块')).toBe(true)
    expect(text).toContain('IDLE-004')
    expect(text.split('\r\n').filter(Boolean).length).toBe(1 + (await page.locator('.idle-register__list:not(.idle-watch) li').count()))
    const xlsx = page.waitForEvent('download')
    await page.locator('.idle-register [data-action="xlsx"]').click()
    const book = fs.readFileSync((await (await xlsx).path())!)
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK') // a zip, as XLSX is
  })

  it('reads on a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('.idle-panel__close').click()
    await page.locator('.idle-register').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS, 'idle-register-phone.png') })
    const width = await page.locator('.idle-register').evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(width).toBeLessThanOrEqual(1)
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
