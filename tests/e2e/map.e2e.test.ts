// Browser journey over the built client and the API on the embedded test database:
// the map paints, the legend speaks Chinese by default, a parcel click shows its area in mu,
// the language switch turns the UI English — and nothing logs an error on the way.
import fs from 'node:fs'
import path from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMu } from '../../web/src/shared/units'
import { clientPoint, launchChromium, newPage, setLayer, waitForMapReady } from '../helpers/browser'
import { startTestServer } from '../helpers/test-server'

const ARTIFACTS = path.resolve('tests/artifacts')
// Layers whose features would take a click before the parcel under them (web/src/lib/layers.ts CLICK_PRIORITY).
const ABOVE_PARCELS = ['enterprises', 'utilities', 'idle_plots', 'projects']

type ParcelFeature = Feature<Geometry, { status: string; area_m2: number }>

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page
let problems: string[]

/** A parcel to click: the biggest one whose inner point is on screen, so the click can't miss. */
async function parcelOnScreen(): Promise<{ parcel: ParcelFeature; x: number; y: number }> {
  const response = await fetch(`${server.url}/api/layers/parcels/features?limit=10000`)
  const { features } = (await response.json()) as FeatureCollection<Geometry, ParcelFeature['properties']>
  const box = (await page.locator('.map').boundingBox())!
  const candidates = [...features].sort((a, b) => b.properties.area_m2 - a.properties.area_m2)
  for (const parcel of candidates) {
    const [lon, lat] = pointOnFeature(parcel).geometry.coordinates as [number, number]
    const { x, y } = await clientPoint(page, [lon, lat])
    // Keep clear of the edges, where the controls and the scale bar sit.
    if (x > box.x + 60 && x < box.x + box.width - 60 && y > box.y + 60 && y < box.y + box.height - 60) return { parcel, x, y }
  }
  throw new Error('no parcel is on screen')
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  server = await startTestServer()
  browser = await launchChromium()
  ;({ page, problems } = await newPage(browser))
  await page.goto(server.url)
  await waitForMapReady(page)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('park map in the browser', () => {
  it('paints the map canvas', async () => {
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1)
    // Distinct colours in a downscaled copy of the WebGL canvas: a blank or background-only map has one or two.
    const colours = await page.evaluate(() => {
      const source = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')
      if (!source) return 0
      const copy = document.createElement('canvas')
      copy.width = 200
      copy.height = 150
      const ctx = copy.getContext('2d')!
      ctx.drawImage(source, 0, 0, copy.width, copy.height)
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height)
      const seen = new Set<number>()
      for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
      return seen.size
    })
    expect(colours).toBeGreaterThan(20)
  })

  it('lists the park layers in Chinese by default, with a scale bar', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    const titles = await page.locator('.layer-row__title').allTextContents()
    expect(titles).toEqual(expect.arrayContaining(['园区片区与边界', '化工集中区', '地块', '企业', '项目', '市政设施']))
    await expect.poll(() => page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/^\d+\s?k?m$/)
    expect(await page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, 'map-zh.png') })
  })

  it('opens a popup with the parcel area in mu on click', async () => {
    for (const id of ABOVE_PARCELS) await setLayer(page, id, false)
    const { parcel, x, y } = await parcelOnScreen()
    await page.mouse.click(x, y)
    const popup = page.locator('.maplibregl-popup .feature-popup[data-layer="parcels"]')
    await popup.waitFor({ timeout: 10_000 })
    const text = (await popup.textContent()) ?? ''
    expect(text).toContain('亩')
    // The server's ellipsoidal area, formatted by the shared units module: the popup must not recompute it.
    expect(text).toContain(formatMu(parcel.properties.area_m2, 'zh-CN'))
    for (const id of ABOVE_PARCELS) await setLayer(page, id, true)
  })

  it('renders and goes idle after its tiles are fetched again and come back unchanged', async () => {
    // What a write or a sign-in does to the tiled layers (ParkMap.setLayerData): the parcels' tiles
    // are fetched again, revalidate by ETag and come back unchanged. MapLibre then renders no frame
    // by itself (map/refreshTiles.ts); without the frame, 'idle' — and the app's map-ready — never come.
    // The listener is set without asking for a frame, as the app's own waiting would not.
    const fired = await page.evaluate(async () => {
      const handle = (window as unknown as { parkAtlas: { map: { whenIdle(): Promise<void>; setLayerData(layer: string, data: unknown): Promise<void>; map: { once(e: string, f: () => void): void } } } }).parkAtlas.map
      await handle.whenIdle()
      const data = await (await fetch('/api/layers/parcels/features?limit=10000')).json()
      const results: boolean[] = []
      for (let i = 0; i < 4; i++) {
        await handle.setLayerData('parcels', data)
        results.push(await new Promise<boolean>((resolve) => {
          handle.map.once('idle', () => resolve(true))
          setTimeout(() => resolve(false), 5000)
        }))
      }
      return results
    })
    expect(fired).toEqual([true, true, true, true])
  })

  it('switches to English and remembers the choice', async () => {
    await page.locator('.language-switch button[lang="en"]').click()
    await expect.poll(() => page.locator('.layer-row__title').allTextContents()).toEqual(
      expect.arrayContaining(['Park zones & boundaries', 'Chemical cluster', 'Parcels', 'Enterprises', 'Projects', 'Utilities']),
    )
    expect(await page.locator('.maplibregl-popup .feature-popup').textContent()).toContain(' mu')
    await page.waitForTimeout(300)  // let the relabelled markers settle before the picture
    await page.screenshot({ path: path.join(ARTIFACTS, 'map-en.png') })
    await page.reload()
    await waitForMapReady(page)
    expect(await page.locator('.layer-row[data-layer="parcels"] .layer-row__title').textContent()).toBe('Parcels')
  })

  it('logged no page or console errors', () => {
    expect(problems).toEqual([])
  })
})
