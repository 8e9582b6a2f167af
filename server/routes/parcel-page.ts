import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { NotFound } from '../errors'
import { availableParcels } from '../parcels/available-parcels'
import { PARCEL_ID_PATTERN, type ParcelSheet } from '../../web/src/shared/api/public-parcels'

const PARCEL_ID = new RegExp(PARCEL_ID_PATTERN)

/** Text for an HTML attribute or element: the five characters that could end one, escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const mu = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 2 })

/**
 * The link preview of a parcel on offer, in Chinese and English as a chat app shows it: its number
 * and area in mu in the title, zone, price per mu and indicative total in the description.
 */
export function parcelPreview(sheet: ParcelSheet): { title: string; description: string } {
  const p = sheet.properties
  const title = `地块 ${sheet.id} · ${mu(p.area_mu)} 亩 | Parcel ${sheet.id} · ${mu(p.area_mu)} mu — 园区地图 Park Atlas`
  const price = p.price_wan_per_mu === null ? null : `参考地价 ${p.price_wan_per_mu} 万元/亩${p.price_total_wan === null ? '' : `，总价约 ${Math.round(p.price_total_wan)} 万元`}`
  const priceEn = p.price_wan_per_mu === null ? null : `indicative ${p.price_wan_per_mu} wan yuan/mu`
  const ready = p.readiness.filter((r) => r.ready).length
  const description = [
    [p.zone_zh, `${mu(p.area_mu)} 亩（${mu(p.area_ha)} 公顷）`, price, `七通一平 ${ready}/${p.readiness.length} 项就绪`].filter(Boolean).join(' · '),
    [p.zone_en, `${mu(p.area_mu)} mu (${mu(p.area_ha)} ha)`, priceEn, `${ready} of ${p.readiness.length} services ready`].filter(Boolean).join(' · '),
  ].join(' / ')
  return { title, description }
}

/**
 * GET /parcels/:id — the shareable page of a parcel on offer: the single-page app (which opens on
 * the parcel), with its own <title> and Open Graph tags so a link pasted into a chat previews it.
 * A parcel not on offer, unknown or malformed is a 404 with the same page and no preview: the
 * public learns nothing of parcels not on offer (as GET /api/public/parcels/:id).
 */
export async function parcelPageRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const webRoot = ctx.webRoot
  app.get<{ Params: { id: string } }>('/parcels/:id', {
    schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] } },
  }, async (req, reply) => {
    // An API-only server (no built client) has no page to give.
    if (!webRoot) throw new NotFound('this server serves the API only: no web client is built')
    // Read per request, like the static files: a rebuild is served without a restart.
    const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8')
    const id = req.params.id
    const [sheet] = PARCEL_ID.test(id) ? await availableParcels(ctx.db.pool, { id, limit: 1 }) : []
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache')
    if (!sheet) return reply.status(404).send(html)
    const { title, description } = parcelPreview(sheet)
    const tags = [
      `<title>${escapeHtml(title)}</title>`,
      `<meta property="og:title" content="${escapeHtml(title)}" />`,
      `<meta property="og:description" content="${escapeHtml(description)}" />`,
      `<meta property="og:type" content="website" />`,
      `<meta name="description" content="${escapeHtml(description)}" />`,
    ].join('\n    ')
    return html.replace(/<title>[^<]*<\/title>/, tags)
  })
}
