import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { expect, it } from 'vitest'
import { initialJs } from '../../scripts/initial-js'
import { WEB_ROOT } from '../../server/main'
import { forEachDatabase } from '../helpers/databases'

// npm test builds the client before vitest runs; the app serves it on the API's port.
const asset = fs.readdirSync(path.join(WEB_ROOT, 'assets')).find((f) => f.endsWith('.js'))!

forEachDatabase(
  (ctx) => {
    it('serves the single-page app at / and at client-side routes', async () => {
      for (const url of ['/', '/some/client/route']) {
        const res = await ctx.app.inject(url)
        expect(res.statusCode, url).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/html/)
        expect(res.body).toContain('<div id="root">')
      }
    })

    it('serves the built assets, looked up per request (a rebuild needs no restart)', async () => {
      const res = await ctx.app.inject(`/assets/${asset}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/javascript/)
    })

    it('hashed assets are cached immutably and compressed; the page is revalidated on every load', async () => {
      const br = await ctx.app.inject({ url: `/assets/${asset}`, headers: { 'accept-encoding': 'br, gzip' } })
      expect(br.statusCode).toBe(200)
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(br.headers['content-encoding']).toBe('br')
      const plain = fs.readFileSync(path.join(WEB_ROOT, 'assets', asset))
      expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true)
      const gzip = await ctx.app.inject({ url: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip' } })
      expect(gzip.headers['content-encoding']).toBe('gzip')
      expect(zlib.gunzipSync(gzip.rawPayload).equals(plain)).toBe(true)
      const identity = await ctx.app.inject({ url: `/assets/${asset}`, headers: { 'accept-encoding': 'identity' } })
      expect(identity.headers['content-encoding']).toBeUndefined()
      expect(identity.rawPayload.equals(plain)).toBe(true)
      for (const url of ['/', '/index.html', '/some/client/route']) {
        const page = await ctx.app.inject(url)
        expect(page.headers['cache-control'], url).toBe('no-cache')
      }
    })

    it('API answers are compressed too (a county attribute table is megabytes of JSON)', async () => {
      const res = await ctx.app.inject({ url: '/api/layers/parcels/rows', headers: { 'accept-encoding': 'br' } })
      expect(res.headers['content-encoding']).toBe('br')
      const body = JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString('utf8')) as { rows: unknown[] }
      expect(body.rows.length).toBeGreaterThan(0)
    })

    it('a first visit downloads at most 400 KB of JavaScript (gzip): the rest loads on demand', () => {
      const first = initialJs(WEB_ROOT)
      expect(first.files.length).toBeGreaterThan(0)
      // Drawing, per-mu views, admin, the attribute table, print and English are chunks of their own.
      expect(first.gzipBytes).toBeLessThanOrEqual(400 * 1024)
      const chunks = fs.readdirSync(path.join(WEB_ROOT, 'assets')).filter((f) => f.endsWith('.js'))
      for (const lazy of ['terraDraw', 'AttributeTable', 'PrintDialog', 'AnalysisPanel', 'AccountsPanel']) {
        const chunk = chunks.find((f) => f.startsWith(`${lazy}-`))
        expect(chunk, lazy).toBeDefined()
        expect(first.files, lazy).not.toContain(`/assets/${chunk}`)
      }
    })

    it('a missing asset is a 404, not the page', async () => {
      const res = await ctx.app.inject('/assets/missing-0000.js')
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } })
    })

    it('no path escapes the client folder', async () => {
      for (const url of ['/../package.json', '/assets/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
        const res = await ctx.app.inject(url)
        expect(res.body, url).not.toContain('"dependencies"')
        expect(res.body, url).not.toContain('root:x:0:0')
      }
    })
  },
  { app: { webRoot: WEB_ROOT } },
)
