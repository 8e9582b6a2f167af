// The optional online base map (issue 12): tiles from a server of their own — here a local tile
// server on another origin, standing in for 天地图 — drawn under the park when BASEMAP_TILES is
// set; the CSP lets exactly that origin in; without it the map asks no one.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'
import { launchChromium, newPage, waitForMapReady, mapIdle } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'
import type { Browser } from 'playwright-core'

// A 1 × 1 PNG: maplibre scales a raster tile to its tile size.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

let tiles: http.Server
let tileOrigin: string
const requested: string[] = []
let browser: Browser

beforeAll(async () => {
  tiles = http.createServer((req, res) => {
    requested.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' })
    res.end(PIXEL)
  })
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve))
  tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => tiles?.close(resolve))
})

describe('online base map', () => {
  it('draws the configured XYZ tiles under the park, credits them, and the CSP lets in that origin only', async () => {
    const server = await startTestServer({ basemap: { tiles: [`${tileOrigin}/vec/{z}/{x}/{y}.png?tk=demo`], attribution: '测试底图 © 示例' } })
    try {
      const info = await (await fetch(`${server.url}/api/basemap`)).json()
      expect(info).toEqual({ tiles: [`${tileOrigin}/vec/{z}/{x}/{y}.png?tk=demo`], attribution: '测试底图 © 示例' })
      const csp = (await fetch(server.url)).headers.get('content-security-policy') ?? ''
      expect(csp).toMatch(new RegExp(`img-src [^;]*${tileOrigin.replace(/\./g, '\\.')}`))
      expect(csp).toMatch(new RegExp(`connect-src [^;]*${tileOrigin.replace(/\./g, '\\.')}`))

      // MapLibre cancels the tiles a camera move leaves behind (fit to the park after load): an aborted
      // tile request is the map's own doing, not a fault.
      const { page, problems } = await newPage(browser, { expectedRequestFailures: (url) => url.startsWith(`${tileOrigin}/vec/`) })
      await page.goto(server.url)
      await waitForMapReady(page)
      await expect.poll(() => requested.length, { timeout: 20_000 }).toBeGreaterThan(0)
      await mapIdle(page)
      // Real tile addresses around the park (115.4°E 28.7°N) at the map's zoom.
      const [, z, x, y] = /^\/vec\/(\d+)\/(\d+)\/(\d+)\.png\?tk=demo$/.exec(requested[0]!)!.map(Number) as number[]
      const n = 2 ** z!
      const lon = (x! / n) * 360 - 180
      const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y!) / n))) * 180) / Math.PI
      expect(Math.abs(lon - 115.4)).toBeLessThan(1)
      expect(Math.abs(lat - 28.7)).toBeLessThan(1)
      expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('测试底图 © 示例')
      expect(problems).toEqual([])
      await page.close()
    } finally {
      await server.close()
    }
  })

  it('is off by default, and a bad template stops the start', async () => {
    const server = await startTestServer({ basemap: { tiles: [], attribution: null } })
    try {
      expect(await (await fetch(`${server.url}/api/basemap`)).json()).toEqual({ tiles: [], attribution: null })
    } finally {
      await server.close()
    }
    expect(readConfig({}).basemap).toEqual({ tiles: [], attribution: null })
    expect(readConfig({ BASEMAP_TILES: 'https://a.example/{z}/{x}/{y}.png, https://b.example/w?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}' }).basemap.tiles).toHaveLength(2)
    expect(() => readConfig({ BASEMAP_TILES: 'https://a.example/tiles.png' })).toThrow(/lacks \{z\}/)
    expect(() => readConfig({ BASEMAP_TILES: 'ftp://a.example/{z}/{x}/{y}' })).toThrow(/http/)
    expect(() => readConfig({ BASEMAP_TILES: 'not a url {z}{x}{y}' })).toThrow(/not a URL/)
  })
})
