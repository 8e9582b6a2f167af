// Rezoning scenarios in the browser: a planner imports a 界址点 file as version 1 of a new scenario, drags a corner, saves a version,
// saves again, compares two versions on the map (two colours, mu added / removed / net as the API
// gives them, what enters and leaves, moved corners) and takes a screenshot; then submits the
// latest version, and an admin pins a comment, approves it, and the approved boundary becomes a zone.
import fs from 'node:fs'
import path from 'node:path'
import type { FeatureCollection, Polygon, Position } from 'geojson'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { ScenarioDetail, ScenarioDiff } from '../../web/src/shared/api/scenarios'
import { formatMu } from '../../web/src/shared/units'
import { poolFor } from '../../server/db/connect'
import { browserSuite, clientPoint, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'

const suite = browserSuite()
// The journey saves, compares and reviews over a loaded machine: each step gets two minutes.
const STEP = 120_000
/**
 * Aborts the journey causes itself: the new-scenario form's zone list is dropped when a scenario is
 * opened before it arrives, and a save or a review reloads the map's layers, which the test's own
 * page reload (to sign in as someone else) can cut short.
 */
const abortedZoneList = (url: string) => /\/api\/layers\/\w+\/features(\?limit=\d+)?$/.test(new URL(url).pathname + new URL(url).search)
let page: Page
let problems: string[]
let scenarioId = ''

function drawnBoundary(): Promise<Polygon | null> {
  return page.evaluate(() => (window as unknown as { parkAtlas: { map: { drawing: { getBoundary(): Polygon | null } } } }).parkAtlas.map.drawing.getBoundary())
}

/** A call to the API from the page, with its session and CSRF token. */
function api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return page.evaluate(async ([m, u, b, h]) => {
    const csrf = decodeURIComponent(/(?:^|;\s*)pa_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '')
    const res = await fetch(u, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, ...h }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) })
    return { status: res.status, body: await res.json() }
  }, [method, url, body, headers] as const) as Promise<{ status: number; body: T }>
}

/** Drags one corner of the boundary in corner editing by (dx, dy) pixels. */
async function dragCorner(corner: Position, dx: number, dy: number): Promise<void> {
  await page.locator('.tool-button[data-tool="edit"]').click()
  await page.locator('.analysis[data-mode="edit"]').waitFor()
  const p = await clientPoint(page, corner as [number, number])
  await page.mouse.move(p.x, p.y)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(p.x + (dx * i) / 8, p.y + (dy * i) / 8)
  await page.mouse.up()
  await page.locator('.tool-button[data-tool="done"]').click()
}

const section = () => page.locator('[data-section="scenarios"]')
const note = () => section().locator('.editing-note')

beforeAll(async () => {
  ;({ page, problems } = await newPage(suite.browser, { viewport: { width: 1440, height: 900 }, expectedRequestFailures: abortedZoneList }))
  await page.goto(suite.server.url)
  await waitForMapReady(page)
  await signInThroughHeader(page, 'planner')
  await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
  await page.locator('.analysis[data-access="allowed"]').waitFor({ timeout: 10_000 })
}, STEP)

afterAll(async () => {
  // The approval made a zone of the test's new area: take it out of the shared run database again.
  if (!scenarioId) return
  const target = inject('databases').find((d) => d.kind === 'embedded')!
  const pool = poolFor(target.url, 'embedded')
  const { rows } = await pool.query<{ zone_id: string | null }>('SELECT zone_id FROM scenarios WHERE id = $1', [scenarioId])
  if (rows[0]?.zone_id) {
    await pool.query('UPDATE scenarios SET zone_id = NULL WHERE id = $1', [scenarioId])
    await pool.query('DELETE FROM zones WHERE id = $1', [rows[0].zone_id])
  }
  await pool.end()
})

describe('rezoning scenarios: versions and their comparison', () => {
  it('imports a survey institute\'s 界址点 file and keeps it as version 1 of a new scenario', async () => {
    // The file as the institute sends it (GBK, CGCS2000 3° zone 38): previewed, then loaded into the drawing.
    await page.locator('input[data-action="import-file"]').setInputFiles(path.resolve('tests/fixtures/convert/in/jzd-plain-gbk.txt'))
    await page.locator('[data-preview="ready"]').waitFor({ timeout: 15_000 })
    await page.locator('[data-action="import-accept"]').click()
    await expect.poll(async () => (await drawnBoundary())?.coordinates[0]?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(3)
    const imported = (await drawnBoundary())!
    // No scenario open: the new-scenario form keeps the drawing as version 1 (a Chinese name is enough).
    await section().locator('[data-form="new-scenario"] input[name="name_zh"]').fill('南区扩区调区方案（浏览器测试）')
    await section().locator('[data-action="create-scenario"]').click()
    await expect.poll(() => note().getAttribute('data-version'), { timeout: 20_000 }).toBe('1')
    scenarioId = await section().locator('select[name="scenario"]').inputValue()
    expect(scenarioId).not.toBe('')
    const v1 = await api<{ geometry: { coordinates: Position[][][] } }>('GET', `/api/scenarios/${scenarioId}/versions/1`)
    expect(v1.status).toBe(200)
    // the stored ring is the imported one, corner for corner (to the 1e-7° the drawing keeps)
    const key = (p: Position) => `${(p[0] as number).toFixed(7)},${(p[1] as number).toFixed(7)}`
    expect(new Set(v1.body.geometry.coordinates[0]![0]!.map(key))).toEqual(new Set(imported.coordinates[0]!.map(key)))
    await page.waitForTimeout(800) // the fit to the boundary
  }, STEP)

  it('drags a corner, saves version 2, drags another and saves version 3 (If-Match each time)', async () => {
    for (const [corner, version] of [[2, '2'], [0, '3']] as const) {
      const before = (await drawnBoundary())!
      await dragCorner(before.coordinates[0]![corner]!, 70, -45)
      await expect.poll(async () => JSON.stringify(await drawnBoundary())).not.toBe(JSON.stringify(before))
      await section().locator('input[name="version_comment"]').fill(`拐点调整 ${version}`)
      await section().locator('[data-action="save-version"]').click()
      await expect.poll(() => note().getAttribute('data-version'), { timeout: 20_000 }).toBe(version)
    }
    await expect.poll(() => section().locator('.version-history__item').count()).toBe(3)
    const detail = await api<ScenarioDetail>('GET', `/api/scenarios/${scenarioId}`)
    expect(detail.body.versions.map((v) => [v.n, v.base])).toEqual([[1, null], [2, 1], [3, 2]])
    expect(detail.body.versions.slice(1).map((v) => v.comment)).toEqual(['拐点调整 2', '拐点调整 3'])
  }, STEP)

  it('compares version 1 with version 3 on the map and in figures, as the API computes them', async () => {
    await section().locator('.version-history__item[data-version="1"] input[name="compare-from"]').check()
    await section().locator('.version-history__item[data-version="3"] input[name="compare-to"]').check()
    await section().locator('[data-action="compare-versions"]').click()
    const diffBox = section().locator('.scenario-diff[data-diff="1-3"]')
    await diffBox.waitFor({ timeout: 20_000 })
    const diff = (await api<ScenarioDiff>('GET', `/api/scenarios/${scenarioId}/diff?from=1&to=3`)).body
    expect(await diffBox.locator('[data-area="added"] .num').textContent()).toBe(formatMu(diff.added.m2, 'zh-CN'))
    expect(await diffBox.locator('[data-area="removed"] .num').textContent()).toBe(formatMu(diff.removed.m2, 'zh-CN'))
    expect(diff.added.m2).toBeGreaterThan(0)
    expect(await diffBox.locator('[data-crossing="parcels"]').first().textContent()).toContain(`(${diff.entering.parcels.length})`)
    expect(await diffBox.locator('summary[data-moved]').getAttribute('data-moved')).toBe('2') // two corners dragged
    // the overlay: both outlines and the added area are drawn
    const parts = await page.evaluate(() => (window as unknown as { parkAtlas: { map: { scenarios: { shownParts(): string[] } } } }).parkAtlas.map.scenarios.shownParts())
    expect(parts).toEqual(expect.arrayContaining(['from', 'to', 'added', 'moved']))
    await diffBox.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(suite.artifacts, 'scenario-compare.png') })
    expect(fs.existsSync(path.join(suite.artifacts, 'scenario-compare.png'))).toBe(true)
  }, STEP)
})

describe('rezoning scenarios: review', () => {
  it('the planner submits the latest version; saving on top is closed while it is under review', async () => {
    await section().locator('textarea[name="review_comment"]').fill('请审查')
    await section().locator('[data-action="submit-version"]').click()
    await expect.poll(() => note().getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted')
    expect(await section().locator('[data-action="save-version"]').count()).toBe(0)
    expect(await section().locator('[data-action="approve-version"]').count()).toBe(0) // only admins decide
  }, STEP)

  it('an admin pins a comment on the map, resolves it and approves the version: it becomes a zone', async () => {
    await page.waitForLoadState('networkidle') // the layers reload after the submit: let them land first
    await page.context().clearCookies()
    await page.reload()
    await waitForMapReady(page)
    await signInThroughHeader(page, 'admin')
    await page.locator('.side-tabs__tab[data-tab="analysis"]').click()
    await section().locator('select[name="scenario"]').selectOption(scenarioId)
    await expect.poll(() => note().getAttribute('data-status'), { timeout: 10_000 }).toBe('submitted')

    await section().locator('textarea[name="comment_body"]').fill('东北角涉及林地，请核实')
    await section().locator('[data-action="pin-comment"]').click()
    const box = (await page.locator('.map').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await section().locator('[data-pin]').waitFor()
    await section().locator('[data-action="post-comment"]').click()
    const comment = section().locator('.scenario-comments__list li', { hasText: '东北角涉及林地' })
    await comment.waitFor({ timeout: 10_000 })
    expect(await comment.getAttribute('data-resolved')).toBe('no')

    // a phone's view of the review (390 px): the panel is a bottom sheet
    const phone = await newPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, expectedRequestFailures: abortedZoneList })
    await phone.page.context().addCookies(await page.context().cookies())
    await phone.page.goto(suite.server.url)
    await waitForMapReady(phone.page)
    await phone.page.locator('.side-tabs__tab[data-tab="analysis"]').click()
    await phone.page.locator('[data-section="scenarios"] select[name="scenario"]').selectOption(scenarioId)
    await phone.page.locator('[data-section="scenarios"] .scenario-review').waitFor({ timeout: 10_000 })
    await phone.page.locator('[data-section="scenarios"] .scenario-review').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await phone.page.screenshot({ path: path.join(suite.artifacts, 'scenario-review-phone.png') })
    expect(phone.problems).toEqual([])
    await phone.page.close()

    await comment.locator('[data-action="resolve-comment"]').click()
    await expect.poll(() => comment.getAttribute('data-resolved')).toBe('yes')

    await section().locator('textarea[name="review_comment"]').fill('同意调整，报上级审批')
    await section().locator('[data-action="approve-version"]').click()
    await expect.poll(() => note().getAttribute('data-status'), { timeout: 20_000 }).toBe('approved')
    expect(await section().locator('.a-banner--success').textContent()).toContain('已批准')
    const detail = (await api<ScenarioDetail>('GET', `/api/scenarios/${scenarioId}`)).body
    expect(detail.versions.at(-1)).toMatchObject({ n: 3, status: 'approved', reviewed_by: 'admin@demo.parkatlas.test', review_comment: '同意调整，报上级审批' })
    expect(detail.zone_id).toMatch(/^zone-/)
    const zones = (await api<FeatureCollection>('GET', '/api/layers/zones/features')).body
    expect(zones.features.map((f) => f.id)).toContain(detail.zone_id)
    // frozen: the panel offers no new version
    expect(await section().locator('[data-action="save-version"]').count()).toBe(0)
    await page.screenshot({ path: path.join(suite.artifacts, 'scenario-approved.png') })
  }, STEP)

  it('reads in English too', async () => {
    await page.locator('.language-switch button[lang="en"]').click()
    await expect.poll(() => section().locator('h3').first().textContent()).toBe('Rezoning scenarios')
    expect(await note().textContent()).toContain('Approved')
    expect(await section().locator('.version-history__item[data-version="3"] .scenario-status').textContent()).toBe('Approved')
    await page.locator('.language-switch button[lang="zh-CN"]').click()
  }, STEP)

  it('logged no page or console errors', () => {
    expect(problems.join('\n')).toBe('')
  })
})
