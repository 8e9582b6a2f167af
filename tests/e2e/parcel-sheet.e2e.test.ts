// The parcel sheet (issue 11): opened by its own URL, it shows what the public sheet says — area,
// readiness with distances, planning conditions, price, the firms next door — in Chinese and
// English, prints to one A4 page (read back with pdfinfo / pdftotext: the figures, no form, no
// map furniture), and takes an inquiry, which a land officer then answers in the inquiries tab.
// An investor keeps favourites and never sees the planners' analysis tab.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { InquiryRow } from '../../web/src/shared/api/portal'
import type { ParcelSheet, PublicParcelsAnswer } from '../../web/src/shared/api/public-parcels'
import { demoAccount } from '../../server/auth/demo-accounts'
import { browserSuite, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()
/** Journeys of several pages each: longer than one assertion's default, on a busy machine too. */
const JOURNEY_MS = 120_000

/** A parcel on offer whose sheet has every part: conditions, neighbours, a price. */
async function fullSheet(): Promise<ParcelSheet> {
  const all = (await (await fetch(`${suite.server.url}/api/public/parcels?limit=1000`)).json()) as PublicParcelsAnswer
  const sheet = all.features.find((f) => f.properties.conditions && f.properties.neighbours.length >= 2 && f.properties.price_wan_per_mu !== null)
  if (!sheet) throw new Error('the sample park has no parcel on offer with conditions, neighbours and a price')
  return sheet
}

async function openSheet(page: Page, id: string): Promise<void> {
  await page.goto(`${suite.server.url}/parcels/${id}`)
  await waitForMapReady(page)
  await page.locator('.parcel-sheet__map img').waitFor({ timeout: 20_000 })
}

/**
 * Signs in through the API from the page (its cookies are the page's), for a journey that goes
 * straight on to another URL: signing in through the header makes the app reload its layers, and
 * leaving at once would abort that — the test's doing, not the app's.
 */
async function signInByApi(page: Page, role: 'land_officer' | 'admin' | 'investor'): Promise<void> {
  // The context's request client shares the browser's cookie jar.
  const { email, password } = demoAccount(role)
  const res = await page.context().request.post(`${suite.server.url}/api/auth/login`, { data: { email, password } })
  expect(res.status()).toBe(200)
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe('the parcel sheet', () => {
  it('opens by its URL with the public sheet’s figures, switches to English and prints one A4 page', async () => {
    const sheet = await fullSheet()
    const p = sheet.properties
    const { page, problems } = await newPage(suite.browser)
    await openSheet(page, sheet.id)
    expect(await page.title()).toContain(sheet.id)
    expect(await text(page, '#sheet-heading')).toBe(`地块 ${sheet.id}`)
    const zh = (v: number, digits = 2) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits }).format(v)
    expect(await text(page, '[data-field="area"]')).toContain(`${zh(p.area_mu)} 亩 · ${zh(p.area_ha, 4)} 公顷 · ${zh(p.area_m2, 0)} m²`)
    expect(await text(page, '[data-field="price"]')).toBe(`${zh(p.price_wan_per_mu!)} 万元/亩`)
    expect(await text(page, '[data-field="total"]')).toContain(`约 ${zh(Math.round(p.price_total_wan!), 0)} 万元`)
    // Readiness: a row per item, ready where the server says, with its distance.
    for (const r of p.readiness) {
      const row = page.locator(`.parcel-sheet__readiness tr[data-item="${r.item}"]`)
      expect(await row.getAttribute('class'), r.item).toBe(r.ready ? 'is-ready' : null)
      if (r.item !== 'leveled' && r.distance_m !== null && r.distance_m > 0) expect(await row.textContent()).toContain(`${zh(r.distance_m, 0)} 米`)
    }
    expect(await page.locator('.parcel-sheet__neighbours li').allTextContents()).toEqual(p.neighbours.map((n) => `${n.name_zh} · ${industryZh(n.industry)} · ${zh(n.distance_m, 0)} 米`))
    expect(await text(page, '.parcel-sheet__conditions')).toContain(`投资强度 ≥ ${zh(p.conditions!.min_investment_wan_per_mu)} 万元/亩`)
    await page.screenshot({ path: path.join(suite.artifacts, 'parcel-sheet.png') })

    // English, from the sheet's own switch (the dialog covers the header's).
    await page.locator('.sheet-dialog .language-switch button[lang="en"]').click()
    await expect.poll(() => text(page, '#sheet-heading')).toBe(`Parcel ${sheet.id}`)
    const en = (v: number, digits = 2) => new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(v)
    expect(await text(page, '[data-field="area"]')).toContain(`${en(p.area_mu)} mu · ${en(p.area_ha, 4)} ha`)

    // Printed: one A4 portrait page with the sheet alone.
    const file = path.join(suite.artifacts, 'parcel-sheet-en.pdf')
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Pages:\s+1\n/)
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
    expect(Math.abs(Number(size[1]) - (210 * 72) / 25.4)).toBeLessThan(1)
    expect(Math.abs(Number(size[2]) - (297 * 72) / 25.4)).toBeLessThan(1)
    const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(printed).toContain(`Parcel ${sheet.id}`)
    expect(printed).toContain(`${en(p.area_mu)} mu`)
    expect(printed).toContain('Services (七通一平)')
    expect(printed).toContain(`Investment intensity ≥ ${en(p.conditions!.min_investment_wan_per_mu)} wan yuan/mu`)
    for (const n of p.neighbours) expect(printed).toContain(n.name_en)
    expect(printed).toContain(`/parcels/${sheet.id}`)
    // Neither the form, nor the buttons, nor the map's panels are printed.
    for (const absent of ['Send an inquiry', 'Print / save as PDF', 'Layers & legend', 'Land on offer']) expect(printed).not.toContain(absent)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(suite.artifacts, 'parcel-sheet-en')])

    await page.locator('.sheet-dialog .language-switch button[lang="zh-CN"]').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.sheet-dialog').count()).toBe(0)
    // A parcel on offer chosen on the map: its popup opens the sheet too.
    await page.locator('[data-tab="offer"]').click()
    await page.locator(`.offer__item[data-parcel="${sheet.id}"] .offer__choose`).click()
    await page.locator('.maplibregl-popup .sheet-open').click()
    await expect.poll(() => text(page, '#sheet-heading')).toBe(`地块 ${sheet.id}`)
    expect(problems).toEqual([])
    await page.close()
  }, JOURNEY_MS)

  it('fits a 390 px phone', async () => {
    const sheet = await fullSheet()
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await openSheet(page, sheet.id)
    const width = await page.evaluate(() => document.querySelector('.parcel-sheet')!.getBoundingClientRect().width)
    expect(width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: path.join(suite.artifacts, 'parcel-sheet-phone.png') })
    // The buttons stay reachable at the bottom of a long sheet (they stick to the top).
    await page.locator('.inquiry-form').scrollIntoViewIfNeeded()
    await page.locator('.sheet-dialog button:has-text("关闭")').tap()
    await expect.poll(() => page.locator('.sheet-dialog').count()).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  }, JOURNEY_MS)
})

describe('inquiries and favourites', () => {
  const message = `e2e 咨询 ${Date.now()}：能否分期供地？`

  it('the public sends an inquiry from the sheet; a land officer finds it and answers it', async () => {
    const sheet = await fullSheet()
    const { page, problems } = await newPage(suite.browser)
    await openSheet(page, sheet.id)
    // An empty form is not sent (the browser checks what is required first).
    let posted = 0
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/inquiries') && posted++)
    await page.locator('.inquiry-form button[type="submit"]').click()
    expect(posted).toBe(0)
    await page.getByLabel('姓名').fill('李女士')
    await page.getByLabel('公司（选填）').fill('宁波某新材料有限公司')
    await page.getByLabel('联系方式（电话、邮箱或微信）').fill('139 0000 0000')
    await page.getByLabel('留言').fill(message)
    await page.locator('.inquiry-form button[type="submit"]').click()
    await page.locator('.inquiry-form--sent').waitFor()
    expect(posted).toBe(1)
    expect(await text(page, '.inquiry-form--sent [role="status"]')).toMatch(/^已收到您的咨询（编号 [0-9a-f]{8}）/)
    await page.close()

    const officer = await newPage(suite.browser)
    await officer.page.goto(suite.server.url)
    await waitForMapReady(officer.page)
    expect(await officer.page.locator('[data-tab="inquiries"]').count()).toBe(0) // the public has no such tab
    await signInThroughHeader(officer.page, 'land_officer')
    await officer.page.locator('[data-tab="inquiries"]').click()
    const card = officer.page.locator('.inquiries__item', { hasText: message })
    await card.waitFor({ timeout: 10_000 })
    expect(await card.getAttribute('data-status')).toBe('new')
    expect(await card.textContent()).toContain('李女士 · 宁波某新材料有限公司 · 139 0000 0000')
    await card.getByLabel('状态').selectOption('answered')
    await card.getByLabel('内部备注（提交者看不到）').fill('已电话联系，约下周现场踏勘')
    await card.getByRole('button', { name: '保存' }).click()
    await card.getByText('已保存').waitFor()
    // The server has it, at its next version.
    const stored = await officer.page.evaluate(async () => (await (await fetch('/api/inquiries')).json()) as { inquiries: InquiryRow[] })
    const row = stored.inquiries.find((i) => i.message === message)!
    expect(row).toMatchObject({ status: 'answered', note: '已电话联系，约下周现场踏勘', version: 2, parcel_id: sheet.id, user_id: null })
    await officer.page.screenshot({ path: path.join(suite.artifacts, 'inquiries-officer.png') })
    // "Show on the map" flies to the parcel.
    await card.getByRole('button', { name: '在地图上查看' }).click()
    await officer.page.locator('.feature-popup__title', { hasText: sheet.id }).waitFor({ timeout: 10_000 })
    expect(officer.problems).toEqual([])
    await officer.page.close()
  }, JOURNEY_MS)

  it('an investor keeps favourites (kept across a reload), sees only their own inquiries, and has no analysis tab', async () => {
    const sheet = await fullSheet()
    const { page, problems } = await newPage(suite.browser)
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await signInThroughHeader(page, 'investor')
    expect(await page.locator('[data-tab="analysis"]').count()).toBe(0)
    await page.locator('[data-tab="offer"]').click()
    const item = page.locator(`.offer__item[data-parcel="${sheet.id}"]`)
    await item.waitFor()
    const star = item.locator('.favourite')
    expect(await star.getAttribute('aria-pressed')).toBe('false')
    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(async () => (await page.evaluate(async () => (await (await fetch('/api/favourites')).json()) as { parcel_ids: string[] })).parcel_ids).toEqual([sheet.id])
    await page.getByLabel('只看我的收藏').check()
    await expect.poll(() => page.locator('.offer__item').count()).toBe(1)
    await page.screenshot({ path: path.join(suite.artifacts, 'offer-favourites.png') })

    // The sheet shows it kept; an inquiry from the signed-in investor is theirs to follow.
    await openSheet(page, sheet.id)
    expect(await page.locator('.sheet-dialog .favourite').getAttribute('aria-pressed')).toBe('true')
    await page.getByLabel('姓名').fill('投资者')
    await page.getByLabel('联系方式（电话、邮箱或微信）').fill('investor@example.test')
    await page.getByLabel('留言').fill(`${message}（投资者）`)
    await page.locator('.inquiry-form button[type="submit"]').click()
    await page.locator('.inquiry-form--sent').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-tab="inquiries"]').click()
    await page.locator('.inquiries__item').first().waitFor()
    const own = await page.locator('.inquiries__item').allTextContents()
    expect(own.some((t) => t.includes(`${message}（投资者）`))).toBe(true)
    expect(own.some((t) => t.includes('李女士'))).toBe(false) // the public's inquiry is not theirs
    expect(await page.locator('.inquiries__answer').count()).toBe(0) // nothing to answer, no note shown

    // Let it go again: the star and the server agree.
    await page.locator('[data-tab="offer"]').click()
    await page.locator(`.offer__item[data-parcel="${sheet.id}"] .favourite`).click()
    await expect.poll(async () => (await page.evaluate(async () => (await (await fetch('/api/favourites')).json()) as { parcel_ids: string[] })).parcel_ids).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, JOURNEY_MS)
})

describe('setting what the sheet shows', () => {
  it('a land officer sets the planning conditions from the sheet (a bad pair refused); an admin sets the readiness distances', async () => {
    const sheet = await fullSheet()
    const before = sheet.properties.conditions!
    const { page, problems } = await newPage(suite.browser, { expectedConsoleErrors: [/422|409/] })
    await signInByApi(page, 'land_officer')
    await openSheet(page, sheet.id)
    await page.getByRole('button', { name: '编辑控制指标' }).click()
    const form = page.locator('.conditions-form')
    const investment = form.getByLabel('投资强度下限（万元/亩）')
    await expect.poll(() => investment.inputValue()).toBe(String(before.min_investment_wan_per_mu))
    // Minimum plot ratio above the maximum: the server's rule, shown in words, nothing saved.
    await form.getByLabel('容积率下限').fill('5')
    await form.getByLabel('容积率上限').fill('2')
    await form.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => text(page, '.conditions-form [role="alert"]')).toContain('min_plot_ratio 5 is above max_plot_ratio 2')
    const unchanged = (await (await fetch(`${suite.server.url}/api/public/parcels/${sheet.id}`)).json()) as ParcelSheet
    expect(unchanged.properties.conditions).toEqual(before)
    // A good set: saved, and the sheet reads it back.
    await form.getByLabel('容积率下限').fill(String(before.min_plot_ratio))
    await form.getByLabel('容积率上限').fill(String(before.max_plot_ratio))
    await investment.fill(String(before.min_investment_wan_per_mu + 50))
    await form.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => page.locator('.conditions-form').count()).toBe(0)
    await expect.poll(() => text(page, '.parcel-sheet__conditions')).toContain(`投资强度 ≥ ${before.min_investment_wan_per_mu + 50} 万元/亩`)
    await page.screenshot({ path: path.join(suite.artifacts, 'parcel-sheet-conditions.png') })
    // …and back, so later suites read the sample park's figures.
    await page.getByRole('button', { name: '编辑控制指标' }).click()
    await expect.poll(() => investment.inputValue()).toBe(String(before.min_investment_wan_per_mu + 50))
    await investment.fill(String(before.min_investment_wan_per_mu))
    await form.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => page.locator('.conditions-form').count()).toBe(0)
    const restored = (await (await fetch(`${suite.server.url}/api/public/parcels/${sheet.id}`)).json()) as ParcelSheet
    expect(restored.properties.conditions).toEqual(before)
    await page.close()

    // An admin widens the power distance past the parcel's nearest line: power becomes ready on its sheet.
    const power = sheet.properties.readiness.find((r) => r.item === 'power')!
    const admin = await newPage(suite.browser)
    await admin.page.goto(suite.server.url)
    await waitForMapReady(admin.page)
    await signInThroughHeader(admin.page, 'admin')
    await admin.page.locator('[data-tab="accounts"]').click()
    const field = admin.page.locator('.readiness-settings').getByLabel('通电（米）')
    await field.waitFor()
    const original = await field.inputValue()
    expect(power.ready, `${sheet.id} should lack power for this test`).toBe(false)
    const wider = Math.ceil(power.distance_m!) + 10
    await field.fill(String(wider))
    await admin.page.getByRole('button', { name: '保存阈值' }).click()
    await admin.page.locator('.readiness-settings [role="status"]').waitFor()
    const after = (await (await fetch(`${suite.server.url}/api/public/parcels/${sheet.id}`)).json()) as ParcelSheet
    expect(after.properties.readiness.find((r) => r.item === 'power')!.ready).toBe(true)
    await field.fill(original)
    await admin.page.getByRole('button', { name: '保存阈值' }).click()
    await expect.poll(async () => ((await (await fetch(`${suite.server.url}/api/public/parcels/${sheet.id}`)).json()) as ParcelSheet).properties.readiness.find((r) => r.item === 'power')!.ready).toBe(false)
    await admin.page.screenshot({ path: path.join(suite.artifacts, 'readiness-settings.png') })
    expect(problems).toEqual([])
    expect(admin.problems).toEqual([])
    await admin.page.close()
  }, JOURNEY_MS)
})

function industryZh(code: string): string {
  return ({ new_energy_materials: '新能源新材料', textile: '纺织服装', chemical_pharma: '化工医药', other: '其他' } as Record<string, string>)[code] ?? code
}
