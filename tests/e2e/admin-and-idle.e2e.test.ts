// Browser journeys of the two internal workflows: an admin creates an account and changes its role
// in the 账户 Accounts tab; a land officer flags an available parcel from its popup (who and why),
// moves the case on to disposing, meets a colleague's newer save as a 409, and reads the history
// with their own name — the map's layers reloading after each write, and no console errors.
import fs from 'node:fs'
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccount } from '../../server/auth/demo-accounts'
import { clientPoint, launchChromium, newPage, setLayer, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
// Layers drawn above the parcels that would take the click (web/src/lib/layers.ts CLICK_PRIORITY).
const ABOVE_PARCELS = ['enterprises', 'utilities', 'idle_plots', 'projects']
const NEW_EMAIL = `e2e.${Date.now()}@park.example.cn`
const officer = demoAccount('land_officer')

type ParcelFeature = Feature<Geometry, { status: string; area_m2: number }>

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

describe('land officer: an idle-land case from flag to disposing', () => {
  it('flags an available parcel from its popup, with a reason', async () => {
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
    await panel.locator('.idle-flag button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="flagged"]').waitFor({ timeout: 10_000 })
    await refreshed
    expect(await panel.locator('.idle-case').textContent()).toContain(officer.email)
    // Two full years past 2020-05-01 and not started: recovery without compensation (第53号令).
    expect(await panel.locator('.idle-clock').getAttribute('data-stage')).toBe('recovery')
    const parcels = await getJson<FeatureCollection>('/api/layers/parcels/features?limit=10000')
    expect(parcels.features.find((f) => String(f.id) === parcelId)?.properties?.status).toBe('idle')
  })

  it('moves the case on to disposing by court auction', async () => {
    const panel = page.locator('.idle-panel')
    const form = panel.locator('.idle-advance')
    await form.locator('select[name="stage"]').selectOption('disposing')
    await form.locator('select[name="disposal"]').selectOption('court_auction')
    await form.locator('input[name="successor_zh"]').fill('测试承接企业')
    const refreshed = page.waitForResponse((r) => r.url().includes('/api/layers/idle_plots/features') && r.request().method() === 'GET')
    await form.locator('button[type="submit"]').click()
    await panel.locator('.idle-case[data-stage="disposing"]').waitFor({ timeout: 10_000 })
    await refreshed
    expect(await panel.locator('.idle-case').textContent()).toContain('司法拍卖')
    expect(await panel.locator('.idle-advance').getAttribute('data-version')).toBe('2')
  })

  it('shows the history with who and what changed', async () => {
    const items = page.locator('.idle-panel .idle-history__item')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4)
    const text = (await page.locator('.idle-panel .idle-history').textContent()) ?? ''
    expect(text).toContain(officer.display_name)
    expect(text).toContain('已标记 → 处置中')
    expect(text).toContain('闲置 → 盘活中')
    expect(await page.locator('.idle-panel .idle-history__item[data-action="flag"]').count()).toBe(1)
    // The case at the top of the panel, the map's layers reloaded after the write.
    await expect.poll(() => page.locator('.banner--loading').count(), { timeout: 20_000 }).toBe(0)
    await waitForMapReady(page, { idle: true })
    await page.locator('.idle-panel__body').evaluate((body) => body.scrollTo(0, 0))
    await page.screenshot({ path: path.join(ARTIFACTS, 'idle.png') })
  })

  it('a colleague’s newer save is a conflict, never overwritten', async () => {
    const panel = page.locator('.idle-panel')
    const caseId = (await panel.locator('.idle-case').getAttribute('data-case'))!
    // A colleague saves version 3 behind the panel's back.
    const status = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(/(?:^|;\s*)pa_csrf=([^;]+)/.exec(document.cookie)![1]!)
      const r = await fetch(`/api/idle-plots/${id}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ successor_en: 'Colleague Ltd', version: 2 }),
      })
      return r.status
    }, caseId)
    expect(status).toBe(200)
    await panel.locator('.idle-advance input[name="successor_en"]').fill('Mine Ltd')
    await panel.locator('.idle-advance button[type="submit"]').click()
    await expect.poll(() => panel.locator('.idle-conflict').textContent()).toContain('有人已修改此案件')
    await panel.locator('.idle-conflict button').click()
    await expect.poll(() => panel.locator('.idle-advance').getAttribute('data-version')).toBe('3')
    expect(await panel.locator('.idle-advance input[name="successor_en"]').inputValue()).toBe('Colleague Ltd')
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
