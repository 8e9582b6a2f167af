// Browser journeys of the two internal workflows: an admin creates an account and changes its role
// in the 账户 Accounts tab; a land officer flags an available parcel from its popup (who and why),
// which opens its case file at investigation, moves it one step on to the notice (告知) with the
// step's fields and a photo as evidence, meets a colleague's newer step as a 409, and reads the
// history with their own name — the map's layers reloading after each write, and no console errors.
import fs from 'node:fs'
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccount } from '../../server/auth/demo-accounts'
import { clientPoint, launchChromium, mapIdle, newPage, setLayer, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
// Layers drawn above the parcels that would take the click (web/src/lib/layers.ts CLICK_PRIORITY).
const ABOVE_PARCELS = ['enterprises', 'utilities', 'idle_plots', 'projects']
const NEW_EMAIL = `e2e.${Date.now()}@park.example.cn`
const officer = demoAccount('land_officer')

type ParcelFeature = Feature<Geometry, { status: string; area_m2: number }>
/** The map adapter's call that reads what is drawn (window.parkAtlas, web/src/hooks/useParkMap.ts). */
type RenderedHandle = { parkAtlas: { map: { renderedProperties(layer: string, id: string): Record<string, unknown> | null } } }

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let problems: string[]
let parcelId = ''

async function getJson<T>(url: string): Promise<T> {
  const response = await page.request.get(`${server.url}${url}`)
  expect(response.status(), url).toBe(200)
  return (await response.json()) as T
}

/** An available parcel without a case whose inner point is on screen, so the click can't miss. */
async function availableParcelOnScreen(): Promise<{ id: string; x: number; y: number }> {
  const parcels = await getJson<FeatureCollection<Geometry, ParcelFeature['properties']>>('/api/layers/parcels/features?limit=10000')
  const cases = await getJson<FeatureCollection>('/api/layers/idle_plots/features?limit=10000')
  const flagged = new Set(cases.features.map((f) => String(f.properties?.parcel_id)))
  const box = (await page.locator('.map').boundingBox())!
  const candidates = parcels.features
    .filter((f) => f.properties.status === 'available' && !flagged.has(String(f.id)))
    .sort((a, b) => b.properties.area_m2 - a.properties.area_m2)
  for (const parcel of candidates) {
    const [lon, lat] = pointOnFeature(parcel).geometry.coordinates as [number, number]
    const { x, y } = await clientPoint(page, [lon, lat])
    // Clear of the edges (controls) and of the right-hand third, where the case panel opens.
    if (x > box.x + 60 && x < box.x + box.width * 0.6 && y > box.y + 60 && y < box.y + box.height - 120) return { id: String(parcel.id), x, y }
  }
  throw new Error('no available parcel is on screen')
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  server = await startTestServer()
  browser = await launchChromium()
  // Chromium logs each 4xx response as a console error: the two conflicts below are provoked on purpose.
  ;({ page, problems } = await newPage(browser, { expectedConsoleErrors: [/status of 409/] }))
  await page.goto(server.url)
  await waitForMapReady(page)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('admin: accounts and roles', () => {
  it('the accounts tab is there for admins only', async () => {
    expect(await page.locator('[data-tab="accounts"]').count()).toBe(0)
    await signInThroughHeader(page, 'admin')
    await page.locator('[data-tab="accounts"]').click()
    await page.locator('.accounts-table tr[data-email="admin@demo.parkatlas.test"]').waitFor({ timeout: 10_000 })
  })

  it('creates an account and changes its role', async () => {
    const form = page.locator('.account-form')
    await form.locator('input[name="email"]').fill(NEW_EMAIL)
    await form.locator('input[name="password"]').fill('short')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('10')
    await form.locator('input[name="password"]').fill('e2e-password-2022')
    await form.locator('input[name="display_name"]').fill('测试员 E2E tester')
    await form.locator('select[name="role"]').selectOption('investor')
    await form.locator('button[type="submit"]').click()
    const row = page.locator(`.accounts-table tr[data-email="${NEW_EMAIL}"]`)
    await row.waitFor({ timeout: 10_000 })
    expect(await row.locator('select').inputValue()).toBe('investor')

    await row.locator('select').selectOption('land_officer')
    await expect.poll(() => page.locator('.accounts-panel .form-ok').textContent()).toContain(NEW_EMAIL)
    const { users } = await getJson<{ users: { email: string; role: string; display_name: string }[] }>('/api/admin/users')
    expect(users.find((u) => u.email === NEW_EMAIL)).toMatchObject({ role: 'land_officer', display_name: '测试员 E2E tester' })
  })

  it('says so when the email exists (409)', async () => {
    const form = page.locator('.account-form')
    await form.locator('input[name="email"]').fill(NEW_EMAIL.toUpperCase())
    await form.locator('input[name="password"]').fill('e2e-password-2022')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('该邮箱已有账户')
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin.png') })
  })
})

describe('land officer: an idle-land case file from flag to notice', () => {
  // A 1×1 PNG: the server judges an attachment by its first bytes.
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex')

  it('flags an available parcel from its popup, with a reason: the case opens at investigation', async () => {
    await page.locator('.login--signed-in .login__button').click()
    await page.locator('.header .login__button').waitFor()
    await signInThroughHeader(page, 'land_officer')
    expect(await page.locator('[data-tab="accounts"]').count()).toBe(0)
    await page.locator('.layer-row[data-layer="idle_plots"]').waitFor({ timeout: 20_000 })
    for (const layer of ABOVE_PARCELS) await setLayer(page, layer, false)
    await waitForMapReady(page, { idle: true })
    const target = await availableParcelOnScreen()
    parcelId = target.id
    await page.mouse.click(target.x, target.y)
    await page.locator('.maplibregl-popup .feature-popup[data-layer="parcels"]').waitFor({ timeout: 10_000 })
    await page.locator('.maplibregl-popup .idle-open').click()
    const panel = page.locator(`.idle-panel[data-parcel="${parcelId}"]`)
    await panel.locator('.idle-flag').waitFor({ timeout: 10_000 })

    // No reason, no flag: the form says why before asking the server.
    await panel.locator('.idle-flag button[type="submit"]').click()
    await expect.poll(() => panel.locator('.idle-flag .form-error').textContent()).toContain('原因')
    await panel.locator('.idle-flag select[name="category"]').selectOption('idle')
    await panel.locator('.idle-flag textarea[name="reason"]').fill('合同约定动工日期满两年仍未动工（E2E）')
    await panel.locator('.idle-flag input[name="agreed_start_date"]').fill('2020-05-01')
    const refreshed = page.waitForResponse((r) => r.url().includes('/api/layers/parcels/features') && r.request().method() === 'GET')
    // The map draws parcels from tiles: they are fetched again after the write.
    const retiled = page.waitForResponse((r) => /\/tiles\/parcels\/\d+\/\d+\/\d+\.mvt$/.test(new URL(r.url()).pathname))
    await panel.locator('.idle-flag button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="investigation"]').waitFor({ timeout: 10_000 })
    await refreshed
    expect(await panel.locator('.idle-case').textContent()).toContain(officer.email)
    // Two full years past 2020-05-01 and not started: recovery without compensation (第53号令).
    expect(await panel.locator('.idle-clock').getAttribute('data-stage')).toBe('recovery')
    expect(await panel.locator('.idle-steps__item').count()).toBe(1)
    const parcels = await getJson<FeatureCollection>('/api/layers/parcels/features?limit=10000')
    expect(parcels.features.find((f) => String(f.id) === parcelId)?.properties?.status).toBe('idle')
    // And the map shows it: the parcel's tile now says idle.
    await retiled
    await expect.poll(async () => {
      await mapIdle(page)
      return page.evaluate((id) => (window as unknown as RenderedHandle).parkAtlas.map.renderedProperties('parcels', id)?.status, parcelId)
    }, { timeout: 20_000 }).toBe('idle')
  })

  it('moves the case one step on, to the notice, with its fields and a photo as evidence', async () => {
    const panel = page.locator('.idle-panel')
    const form = panel.locator('.idle-step-form')
    expect(await form.locator('select[name="to"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['notice', 'closed'])
    await form.locator('select[name="to"]').selectOption('notice')
    // The step's required fields are asked for before the server is.
    await form.locator('textarea[name="note"]').fill('下达告知书（E2E）')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('文书编号')
    const today = await form.locator('input[name="happened_on"]').inputValue()
    await form.locator('input[name="doc_no"]').fill('告〔E2E〕1号')
    await form.locator('input[name="doc_date"]').fill(today)
    await form.locator('input[name="hearing_deadline"]').fill(today)
    await form.locator('input[name="attachment"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG })
    const refreshed = page.waitForResponse((r) => r.url().includes('/api/layers/idle_plots/features') && r.request().method() === 'GET')
    await form.locator('button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="notice"]').waitFor({ timeout: 10_000 })
    await refreshed
    expect(await panel.locator('.idle-step-form').getAttribute('data-version')).toBe('2')
    const step = panel.locator('.idle-steps__item[data-stage="notice"]')
    await step.locator('img.idle-thumb').waitFor({ timeout: 10_000 })
    await expect.poll(() => step.locator('img.idle-thumb').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1)
    expect(await step.textContent()).toContain('告〔E2E〕1号')
    expect(await step.locator('.idle-steps__doc').getAttribute('href')).toMatch(/\/documents\/notice$/)
  })

  it('shows the history with who and what changed', async () => {
    const items = page.locator('.idle-panel .idle-history__item')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4)
    const text = (await page.locator('.idle-panel .idle-history').textContent()) ?? ''
    expect(text).toContain(officer.display_name)
    expect(text).toContain('调查 → 告知')
    expect(await page.locator('.idle-panel .idle-history__item[data-action="flag"]').count()).toBe(1)
    expect(await page.locator('.idle-panel .idle-history__item[data-action="attach"]').count()).toBe(1)
    // The case at the top of the panel, the map's layers reloaded after the write.
    await expect.poll(() => page.locator('.banner--loading').count(), { timeout: 20_000 }).toBe(0)
    await waitForMapReady(page, { idle: true })
    await page.locator('.idle-panel__body').evaluate((body) => body.scrollTo(0, 0))
    await page.screenshot({ path: path.join(ARTIFACTS, 'idle.png') })
  }, 90_000)

  it('a colleague’s newer step is a conflict, never overwritten', async () => {
    const panel = page.locator('.idle-panel')
    const caseId = (await panel.locator('.idle-case').getAttribute('data-case'))!
    // A colleague records the determination (version 3) behind the panel's back.
    const status = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(/(?:^|;\s*)pa_csrf=([^;]+)/.exec(document.cookie)![1]!)
      const r = await fetch(`/api/idle-plots/${id}/transitions`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, 'if-match': '"2"' },
        body: JSON.stringify({ to: 'determination', note: '同事认定', doc_no: '认〔E2E〕1号', doc_date: new Date().toISOString().slice(0, 10) }),
      })
      return r.status
    }, caseId)
    expect(status).toBe(200)
    const form = panel.locator('.idle-step-form')
    await form.locator('select[name="to"]').selectOption('closed')
    await form.locator('textarea[name="note"]').fill('我的结案')
    await form.locator('textarea[name="closed_reason"]').fill('已动工')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => panel.locator('.idle-conflict').textContent()).toContain('有人已修改此案件')
    await panel.locator('.idle-conflict button').click()
    await expect.poll(() => panel.locator('.idle-step-form').getAttribute('data-version')).toBe('3')
    expect(await panel.locator('.idle-case').getAttribute('data-stage')).toBe('determination')
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
