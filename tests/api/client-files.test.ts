import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { WEB_ROOT } from '../../server/main'
import { forEachDatabase } from '../helpers/databases'

// npm test builds the client before vitest runs; the app serves it on the API's port.
const asset = fs.readdirSync(path.join(WEB_ROOT, 'assets')).find((f) => f.endsWith('.js'))!

forEachDatabase(
  (ctx) => {
    it('serves the single-page app at / and at client-side routes', async () => {
      for (const url of ['/', '/parcels/FT-001']) {
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
