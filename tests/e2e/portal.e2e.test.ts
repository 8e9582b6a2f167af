// Land on offer (issue 11, client half): as the public, filter the parcels on offer by area and
// readiness, see the list agree with the server's own filter, choose one on the map, and open its
// shareable page, which is titled with the parcel and opens on it. Screenshots to tests/artifacts/.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PublicParcelsAnswer } from '../../web/src/shared/api/public-parcels'
import { browserSuite, mapIdle, newPage, selectedIds, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()

describe('land on offer', () => {
  it('filters by area and readiness as the server does, shows a parcel on the map, and opens its page', async () => {
    const expected = (await (await fetch(`${suite.server.url}/api/public/parcels?min_mu=20&ready=power&limit=1000`)).json()) as PublicParcelsAnswer
    expect(expected.features.length).toBeGreaterThan(0)
    const all = (await (await fetch(`${suite.server.url}/api/public/parcels?limit=1000`)).json()) as PublicParcelsAnswer
    expect(expected.features.length).toBeLessThan(all.features.length) // the filter filters

    const { page, problems } = await newPage(suite.browser)
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await page.locator('[data-tab="offer"]').click()
    await page.locator('.offer__item').first().waitFor()
    await expect.poll(() => page.locator('.offer__item').count()).toBe(all.features.length)
    await page.getByLabel('最小面积（亩）').fill('20')
    await page.getByRole('checkbox', { name: '通电' }).check()
    await expect.poll(() => page.locator('.offer__item').count(), { timeout: 10_000 }).toBe(expected.features.length)
    const listed = await page.locator('.offer__item').evaluateAll((items) => items.map((i) => i.getAttribute('data-parcel')))
    expect([...listed].sort()).toEqual(expected.features.map((f) => f.id).sort())
    // Largest first, each at least 20 mu, and the count line sums them.
    const mu = expected.features.map((f) => f.properties.area_mu).sort((a, b) => b - a)
    expect(listed[0]).toBe(expected.features.find((f) => f.properties.area_mu === mu[0])!.id)
    expect(mu.every((m) => m >= 20)).toBe(true)
    const total = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(mu.reduce((a, b) => a + b, 0))
    expect(await page.locator('.offer__count').textContent()).toBe(`共 ${expected.features.length} 块，合计 ${total} 亩`)
    await page.screenshot({ path: path.join(suite.artifacts, 'offer-filtered.png') })

    // Choose one: the map flies to it with its popup.
    const first = listed[0]!
    await page.locator(`.offer__item[data-parcel="${first}"] .offer__choose`).click()
    await expect.poll(() => selectedIds(page)).toEqual([first])
    expect(await page.locator('.feature-popup__title').textContent()).toContain(first)

    // Its page: its own title, and the map opens on it.
    await page.locator(`.offer__item[data-parcel="${first}"] .offer__sheet`).click()
    await page.waitForURL(`**/parcels/${first}`)
    expect(await page.title()).toContain(first)
    await waitForMapReady(page)
    await expect.poll(() => selectedIds(page), { timeout: 15_000 }).toEqual([first])
    // …with its sheet open over the map (tests/e2e/parcel-sheet.e2e.test.ts reads it through).
    await page.locator('#sheet-heading', { hasText: first }).waitFor({ timeout: 15_000 })
    await page.locator('.parcel-sheet__map img').waitFor({ timeout: 20_000 })
    await mapIdle(page)
    await page.screenshot({ path: path.join(suite.artifacts, 'offer-parcel-page.png') })
    expect(problems).toEqual([])
    await page.close()
  }, 90_000)

  it('works in English and on a 390 px phone', async () => {
    const { page, problems } = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await page.goto(suite.server.url)
    await waitForMapReady(page)
    await page.getByRole('button', { name: 'English' }).tap()
    await page.locator('[data-tab="offer"]').tap()
    await expect.poll(() => page.locator('[data-tab="offer"]').textContent()).toBe('Land on offer')
    await page.locator('.offer__item').first().waitFor()
    await page.getByRole('checkbox', { name: 'Only inside the chemical cluster (chemical projects allowed)' }).check()
    const chemical = (await (await fetch(`${suite.server.url}/api/public/parcels?chemical=true&limit=1000`)).json()) as PublicParcelsAnswer
    await expect.poll(() => page.locator('.offer__item').count(), { timeout: 10_000 }).toBe(chemical.features.length)
    await page.screenshot({ path: path.join(suite.artifacts, 'offer-phone.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
