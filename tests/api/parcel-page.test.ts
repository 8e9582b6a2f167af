import { expect, it } from 'vitest'
import type { PublicParcelsAnswer } from '../../web/src/shared/api/public-parcels'
import { WEB_ROOT } from '../../server/main'
import { forEachDatabase } from '../helpers/databases'

forEachDatabase(
  (ctx) => {
    it('a parcel on offer has its own page: the app, titled with its number and area in mu, with Open Graph tags', async () => {
      const list = (await ctx.anonymous.inject('/api/public/parcels?limit=500')).json() as PublicParcelsAnswer
      const sheet = list.features[0]!
      const res = await ctx.anonymous.inject(`/parcels/${encodeURIComponent(sheet.id)}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toContain('<div id="root">')
      const mu = sheet.properties.area_mu.toLocaleString('en-US', { maximumFractionDigits: 2 })
      const title = /<title>([^<]*)<\/title>/.exec(res.body)?.[1] ?? ''
      expect(title).toContain(`地块 ${sheet.id}`)
      expect(title).toContain(`${mu} 亩`)
      expect(title).toContain(`${mu} mu`)
      expect(res.body.match(/<title>/g)).toHaveLength(1)
      const og = (property: string) => new RegExp(`<meta property="og:${property}" content="([^"]*)"`).exec(res.body)?.[1]
      expect(og('title')).toBe(title)
      expect(og('description')).toContain(`${mu} 亩`)
      if (sheet.properties.zone_zh) expect(og('description')).toContain(sheet.properties.zone_zh)
      // Nothing internal in the preview either.
      expect(res.body).not.toMatch(/tax|revenue|holder|note/i)
    })

    it('a parcel not on offer, an unknown and a malformed id are 404 with no preview', async () => {
      const { rows } = await ctx.db.pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status <> 'available' ORDER BY id LIMIT 1`)
      for (const id of [rows[0]!.id, 'NO-SUCH-1', '<script>', '%E2%80%AE']) {
        const res = await ctx.anonymous.inject(`/parcels/${encodeURIComponent(id)}`)
        expect(res.statusCode, id).toBe(404)
        expect(res.headers['content-type']).toMatch(/^text\/html/)
        expect(res.body).not.toContain('og:title')
        expect(res.body).not.toContain(id === '<script>' ? '<script>' : `地块 ${id}`)
      }
    })

    it('a signed-in visitor gets the same public page (the preview is what anyone may see)', async () => {
      const list = (await ctx.anonymous.inject('/api/public/parcels?limit=1')).json() as PublicParcelsAnswer
      const page = await ctx.app.inject(`/parcels/${list.features[0]!.id}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('og:description')
    })
  },
  { app: { webRoot: WEB_ROOT }, signedInAs: 'land_officer' },
)
