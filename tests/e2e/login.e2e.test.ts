// Browser journey of signing in: the public map has no idle plots; a land officer signs in from the
// header, gets the internal layers, and signs out again — no page or console errors on the way
// (the CSP must let the map run, and /api/auth/me answers the public without a 401).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newPage, signInThroughHeader, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let problems: string[]

const idleRow = () => page.locator('.layer-row[data-layer="idle_plots"]')

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchChromium()
  // This journey does not watch failed requests: page errors and console errors only.
  ;({ page, problems } = await newPage(browser, { expectedRequestFailures: 'all' }))
  await page.goto(server.url)
  await waitForMapReady(page)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('signing in from the header', () => {
  it('the public sees the map without the idle plots layer', async () => {
    expect(await page.locator('.layer-row[data-layer="parcels"]').count()).toBe(1)
    expect(await idleRow().count()).toBe(0)
    const csp = (await page.request.get(server.url)).headers()['content-security-policy']
    expect(csp).toContain("worker-src 'self' blob:")
  })

  it('a land officer signs in and the internal layers load', async () => {
    await signInThroughHeader(page, 'land_officer')
    await idleRow().waitFor({ timeout: 20_000 })
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === 'pa_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    // The session survives a reload: the page asks /api/auth/me — once, for every panel that needs it.
    const asked: string[] = []
    const count = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/api/auth/me') asked.push(request.url())
    }
    page.on('request', count)
    await page.reload()
    await page.locator('.login--signed-in').waitFor({ timeout: 10_000 })
    await idleRow().waitFor({ timeout: 20_000 })
    await waitForMapReady(page)
    page.off('request', count)
    expect(asked).toHaveLength(1)
  })

  it('signing out (a CSRF-protected write) brings the public view back', async () => {
    await page.locator('.login--signed-in .login__button').click()
    await expect.poll(() => idleRow().count(), { timeout: 20_000 }).toBe(0)
    expect((await page.context().cookies()).find((c) => c.name === 'pa_session')).toBeUndefined()
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
