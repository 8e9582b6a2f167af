// OGC API – Features under /ogc: the catalogue's layer views as collections, with paging, bbox,
// property filters, Part 2 CRS and OGC exceptions; the public sees only public collections and fields.
import gjv from 'geojson-validation'
import { describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { columnName, layerViews, viewOf, findLayer } from '../../server/layers/catalog'
import { forEachDatabase, type DbTestContext } from '../helpers/databases'

interface Link {
  href: string
  rel: string
  type: string
}
interface Feature {
  type: 'Feature'
  id: string
  geometry: { type: string; coordinates: unknown }
  properties: Record<string, unknown>
}
interface Items {
  type: 'FeatureCollection'
  numberMatched: number
  numberReturned: number
  timeStamp: string
  links: Link[]
  features: Feature[]
}

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
const epsg = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`

/** Public columns of a layer, as the catalogue gives them, plus the area polygons carry. */
function publicKeys(id: string): string[] {
  const view = viewOf(findLayer(id)!, 'public')!
  return [...view.columns.map(columnName), ...(view.layer.hasArea ? ['area_m2'] : [])].sort()
}

async function count(ctx: DbTestContext, sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(sql, values)
  return rows[0]!.n
}

async function items(app: FastifyInstance, url: string): Promise<Items> {
  const res = await app.inject(url)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
  return res.json() as Items
}

/** The path and query of an absolute link, for inject. */
const pathOf = (href: string) => {
  const u = new URL(href)
  return `${u.pathname}${u.search}`
}

/** The first position of a (multi)polygon's or point's coordinates. */
function firstPosition(coordinates: unknown): [number, number] {
  let c = coordinates
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0]
  return c as [number, number]
}

forEachDatabase((ctx) => {
  describe('metadata', () => {
    it('the landing page links self, conformance and data, as JSON by default', async () => {
      const res = await ctx.app.inject('/ogc')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      const links = (res.json() as { links: Link[] }).links
      for (const rel of ['self', 'conformance', 'data']) expect(links.find((l) => l.rel === rel), rel).toBeDefined()
      for (const l of links) expect(l.type).toMatch(/\//)
      const data = links.find((l) => l.rel === 'data')!
      expect((await ctx.app.inject(pathOf(data.href))).statusCode).toBe(200)
      const slash = await ctx.app.inject('/ogc/')
      expect(slash.statusCode).toBe(200)
      expect((slash.json() as { links: Link[] }).links).toEqual(links)
    })

    it('declares the classes it passes and no OpenAPI or CQL2', async () => {
      const { conformsTo } = (await ctx.app.inject('/ogc/conformance')).json() as { conformsTo: string[] }
      expect(conformsTo).toEqual(expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]))
      expect(conformsTo.some((c) => /oas30|\/conf\/filter|features-filter/.test(c))).toBe(false)
    })

    it('the public gets one collection per public layer view, no idle plots; each with its extent from the data and the CRS list', async () => {
      const res = await ctx.app.inject('/ogc/collections')
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      const { collections } = res.json() as { collections: { id: string; itemType: string; crs: string[]; storageCrs: string; extent: { spatial: { bbox: number[][]; crs: string } } }[] }
      expect(collections.map((c) => c.id)).toEqual(layerViews('public').map((v) => v.layer.id))
      expect(collections.map((c) => c.id)).not.toContain('idle_plots')
      for (const c of collections) {
        expect(c.itemType).toBe('feature')
        expect(c.crs[0]).toBe(CRS84)
        expect(c.crs).toEqual(expect.arrayContaining([epsg(4490), epsg(4513), epsg(4547), epsg(4554)]))
        expect(c.storageCrs).toBe(CRS84)
        expect(c.extent.spatial.crs).toBe(CRS84)
      }
      const parcels = collections.find((c) => c.id === 'parcels')!
      const { rows } = await ctx.db.pool.query<{ b: number[] }>('SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS b FROM (SELECT ST_Extent(geom) e FROM parcels) x')
      expect(parcels.extent.spatial.bbox[0]).toEqual(rows[0]!.b)
    })

    it('a collection has its item links; an unknown one and idle_plots (for the public) are 404 OGC exceptions', async () => {
      const res = await ctx.app.inject('/ogc/collections/parcels')
      expect(res.statusCode).toBe(200)
      const doc = res.json() as { id: string; links: Link[] }
      expect(doc.links.filter((l) => l.rel === 'items').map((l) => l.type)).toContain('application/geo+json')
      for (const url of ['/ogc/collections/nowhere', '/ogc/collections/idle_plots', '/ogc/collections/idle_plots/items', '/ogc/collections/parcels/items/NO-SUCH-PARCEL']) {
        const r = await ctx.app.inject(url)
        expect(r.statusCode, url).toBe(404)
        expect(r.headers['content-type']).toMatch(/^application\/json/)
        expect(Object.keys(r.json() as object).sort()).toEqual(['code', 'description'])
      }
    })

    it('queryables are the public view’s columns, typed', async () => {
      const res = await ctx.app.inject('/ogc/collections/parcels/queryables')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/schema\+json/)
      const schema = res.json() as { type: string; properties: Record<string, { type: string }> }
      expect(schema.type).toBe('object')
      expect(Object.keys(schema.properties).sort()).toEqual(viewOf(findLayer('parcels')!, 'public')!.columns.map(columnName).sort())
      expect(schema.properties.price_wan_per_mu?.type).toBe('number')
      expect(schema.properties.status?.type).toBe('string')
    })
  })

  describe('schema', () => {
    it('describes the public features: a GeoJSON Feature with the public properties, typed', async () => {
      const doc = (await ctx.app.inject('/ogc/collections/parcels')).json() as { links: Link[] }
      const link = doc.links.find((l) => l.rel.toLowerCase() === 'describedby')!
      expect(link.type).toBe('application/schema+json')
      const res = await ctx.app.inject(pathOf(link.href))
      expect(res.headers['content-type']).toMatch(/^application\/schema\+json/)
      const schema = res.json() as { properties: { properties: { properties: Record<string, { type: string }> } } }
      const props = schema.properties.properties.properties
      expect(Object.keys(props).sort()).toEqual(publicKeys('parcels'))
      expect(props.price_wan_per_mu?.type).toBe('number')
      expect((await ctx.app.inject('/ogc/collections/idle_plots/schema')).statusCode).toBe(404)
    })
  })

  describe('items', () => {
    it('pages of 10 by default; next until exhausted gives every feature once; numberMatched is the SQL count', async () => {
      const total = await count(ctx, 'SELECT count(*)::int AS n FROM parcels')
      const first = await items(ctx.app, '/ogc/collections/parcels/items')
      expect(first.numberReturned).toBe(10)
      expect(first.features).toHaveLength(10)
      expect(first.numberMatched).toBe(total)
      expect(Number.isNaN(Date.parse(first.timeStamp))).toBe(false)
      expect(gjv.valid(first, true)).toEqual([])
      const ids: string[] = []
      let page: Items | undefined = await items(ctx.app, '/ogc/collections/parcels/items?limit=37')
      let pages = 0
      while (page) {
        pages++
        ids.push(...page.features.map((f) => f.id))
        expect(page.numberMatched).toBe(total) // also on the last, short page, which counts without a second scan
        for (const l of page.links) expect(l.type, l.rel).toMatch(/\//)
        expect(page.links.find((l) => l.rel === 'self')?.type).toBe('application/geo+json')
        if (pages > 1) expect(page.links.find((l) => l.rel === 'prev')).toBeDefined()
        const next: Link | undefined = page.links.find((l) => l.rel === 'next')
        if (next) expect(next.type).toBe('application/geo+json')
        page = next ? await items(ctx.app, pathOf(next.href)) : undefined
      }
      expect(pages).toBe(Math.ceil(total / 37))
      expect(ids).toHaveLength(total)
      expect(new Set(ids).size).toBe(total)
      const prev = (await items(ctx.app, '/ogc/collections/parcels/items?limit=37&offset=74')).links.find((l) => l.rel === 'prev')!
      expect(new URL(prev.href).searchParams.get('offset')).toBe('37')
      const past = await items(ctx.app, `/ogc/collections/parcels/items?offset=${total + 5}`)
      expect([past.numberMatched, past.numberReturned, past.links.some((l) => l.rel === 'next')]).toEqual([total, 0, false])
    })

    it('bbox keeps the features that meet the box: numberMatched equals the SQL count', async () => {
      const box = [115.38, 28.66, 115.41, 28.69]
      const fc = await items(ctx.app, `/ogc/collections/parcels/items?bbox=${box.join(',')}&limit=10000`)
      const expected = await count(ctx, 'SELECT count(*)::int AS n FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope($1,$2,$3,$4,4326))', box)
      expect(expected).toBeGreaterThan(0)
      expect(fc.numberMatched).toBe(expected)
      expect(fc.features).toHaveLength(expected)
      expect((await items(ctx.app, '/ogc/collections/parcels/items?bbox=10,10,11,11')).numberMatched).toBe(0)
    })

    it('property filters are equality on queryables, alone and with each other', async () => {
      const fc = await items(ctx.app, '/ogc/collections/parcels/items?status=available&limit=10000')
      expect(fc.numberMatched).toBe(await count(ctx, "SELECT count(*)::int AS n FROM parcels WHERE status = 'available'"))
      expect(fc.features.every((f) => f.properties.status === 'available')).toBe(true)
      const both = await items(ctx.app, '/ogc/collections/parcels/items?status=available&land_use=industrial&limit=10000')
      expect(both.numberMatched).toBe(await count(ctx, "SELECT count(*)::int AS n FROM parcels WHERE status = 'available' AND land_use = 'industrial'"))
      const price = fc.features.find((f) => typeof f.properties.price_wan_per_mu === 'number')!.properties.price_wan_per_mu as number
      const byPrice = await items(ctx.app, `/ogc/collections/parcels/items?price_wan_per_mu=${price}&limit=10000`)
      expect(byPrice.numberMatched).toBe(await count(ctx, "SELECT count(*)::int AS n FROM parcels WHERE status = 'available' AND price_wan_per_mu = $1", [price]))
      const { rows } = await ctx.db.pool.query<{ name_zh: string }>('SELECT name_zh FROM basemap WHERE name_zh IS NOT NULL ORDER BY id LIMIT 1')
      const named = await items(ctx.app, `/ogc/collections/basemap/items?name_zh=${encodeURIComponent(rows[0]!.name_zh)}`)
      expect(named.numberMatched).toBe(await count(ctx, 'SELECT count(*)::int AS n FROM basemap WHERE name_zh = $1', [rows[0]!.name_zh]))
      expect(named.features.every((f) => f.properties.name_zh === rows[0]!.name_zh)).toBe(true)
      // The public's status: a land officer's idle flag reads occupied, so filtering on it finds nothing.
      expect((await items(ctx.app, '/ogc/collections/parcels/items?status=idle')).numberMatched).toBe(0)
    })

    it('datetime filters utilities by the day they are due in service; the collection says its temporal extent', async () => {
      const dated = (where: string, values: unknown[] = []) => count(ctx, `SELECT count(*)::int AS n FROM utilities WHERE expected_date IS NOT NULL AND ${where}`, values)
      const { rows } = await ctx.db.pool.query<{ first: string; last: string; day: string }>(
        `SELECT min(expected_date)::text AS first, max(expected_date)::text AS last, (array_agg(expected_date::text ORDER BY expected_date))[1] AS day FROM utilities`,
      )
      const { first, last, day } = rows[0]!
      const collection = (await ctx.app.inject('/ogc/collections/utilities')).json() as { extent: { temporal?: { interval: string[][]; trs: string } } }
      expect(collection.extent.temporal).toEqual({ interval: [[`${first}T00:00:00+08:00`, `${last}T23:59:59+08:00`]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' })
      expect(((await ctx.app.inject('/ogc/collections/parcels')).json() as { extent: object }).extent).not.toHaveProperty('temporal')

      const on = await items(ctx.app, `/ogc/collections/utilities/items?datetime=${day}&limit=100`)
      expect(on.numberMatched).toBe(await dated('expected_date = $1', [day]))
      expect(on.features.every((f) => f.properties.expected_date === day)).toBe(true)
      // Open intervals, either end; the undated utilities (built ones) match no datetime.
      const from = await items(ctx.app, `/ogc/collections/utilities/items?datetime=${last}/..&limit=100`)
      expect(from.numberMatched).toBe(await dated('expected_date >= $1', [last]))
      const until = await items(ctx.app, `/ogc/collections/utilities/items?datetime=../${first}&limit=100`)
      expect(until.numberMatched).toBe(await dated('expected_date <= $1', [first]))
      const all = await items(ctx.app, `/ogc/collections/utilities/items?datetime=${first}/${last}&limit=100`)
      expect(all.numberMatched).toBe(await dated('TRUE'))
      expect(all.numberMatched).toBeLessThan((await items(ctx.app, '/ogc/collections/utilities/items?limit=100')).numberMatched)
      // An instant in time falls on the park's day (UTC+8): 16:30 UTC the day before is that day already.
      const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      expect((await items(ctx.app, `/ogc/collections/utilities/items?datetime=${before}T16:30:00Z`)).numberMatched).toBe(on.numberMatched)
      expect((await items(ctx.app, `/ogc/collections/utilities/items?datetime=${before}T15:30:00Z`)).numberMatched).toBe(await dated('expected_date = $1', [before]))
      // A layer with no dates is not filtered by one.
      const parcels = await items(ctx.app, '/ogc/collections/parcels/items?limit=1')
      expect((await items(ctx.app, `/ogc/collections/parcels/items?limit=1&datetime=${day}`)).numberMatched).toBe(parcels.numberMatched)
      // Bad datetimes: 400.
      for (const q of ['2027-02-30', '2027-06-30/2027-01-01', '../..', '2027-06-30T25:00:00Z', '2027/06/30']) {
        expect((await ctx.app.inject(`/ogc/collections/utilities/items?datetime=${encodeURIComponent(q)}`)).statusCode, q).toBe(400)
      }
    })

    it('HEAD answers like GET, without a body', async () => {
      const res = await ctx.app.inject({ method: 'HEAD', url: '/ogc/collections/parcels/items?limit=2' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
      expect(res.body).toBe('')
    })

    it('bad parameters are 400 OGC exceptions and answer nothing else', async () => {
      const bad = [
        'bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=1,2,3,4,5,6', 'bbox=200,0,210,10', 'bbox=115.4,28.7,115.3,28.8', 'bbox=0x10,1,2,3',
        'limit=0', 'limit=10001', 'limit=abc', 'limit=1.5', 'offset=-1', 'foo=bar', 'note=x', 'enterprise_id=x',
        'crs=EPSG:4326', `crs=${encodeURIComponent(epsg(3857))}`, `bbox-crs=${encodeURIComponent(epsg(4512))}&bbox=1,2,3,4`,
        `bbox-crs=${encodeURIComponent(epsg(4547))}&bbox=1e300,0,1e301,1`, 'f=xml', 'price_wan_per_mu=cheap', 'price_wan_per_mu=1e999', 'status=a&status=b', 'datetime=yesterday', `zone_id=${'x'.repeat(201)}`,
      ]
      for (const q of bad) {
        const res = await ctx.app.inject(`/ogc/collections/parcels/items?${q}`)
        expect(res.statusCode, q).toBe(400)
        expect(res.headers['content-type'], q).toMatch(/^application\/json/)
        const body = res.json() as { code: string; description: string }
        expect(Object.keys(body).sort(), q).toEqual(['code', 'description'])
        expect(body.description.length).toBeGreaterThan(10)
      }
      expect((await ctx.app.inject('/ogc/collections?foo=1')).statusCode).toBe(400)
      expect((await ctx.app.inject('/ogc/collections/parcels/items/HX-001?limit=1')).statusCode).toBe(400)
    })

    it('the public gets only the public columns of every collection (property keys = the catalogue’s public columns)', async () => {
      for (const view of layerViews('public')) {
        const fc = await items(ctx.app, `/ogc/collections/${view.layer.id}/items?limit=10000`)
        expect(fc.numberMatched, view.layer.id).toBe(await count(ctx, `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${view.layer.source} WHERE ${view.where ?? 'TRUE'}) x`))
        for (const f of fc.features) expect(Object.keys(f.properties).sort(), view.layer.id).toEqual(publicKeys(view.layer.id))
      }
    })

    it('one item by its id, with links; for the public a project is known by its opaque id only', async () => {
      const res = await ctx.app.inject('/ogc/collections/parcels/items/HX-001')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
      expect(res.headers['content-crs']).toBe(`<${CRS84}>`)
      const f = res.json() as Feature & { links: Link[] }
      expect(f.id).toBe('HX-001')
      expect(Object.keys(f.properties).sort()).toEqual(publicKeys('parcels'))
      expect(f.links.map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'collection']))
      const project = (await items(ctx.app, '/ogc/collections/projects/items?limit=1')).features[0]!
      expect(project.id).not.toMatch(/^PRJ-/)
      expect((await ctx.app.inject(`/ogc/collections/projects/items/${project.id}`)).statusCode).toBe(200)
      const realId = (await ctx.db.pool.query<{ id: string }>('SELECT id FROM projects WHERE public_id::text = $1', [project.id])).rows[0]!.id
      expect((await ctx.app.inject(`/ogc/collections/projects/items/${realId}`)).statusCode).toBe(404)
    })
  })

  describe('Part 2: coordinate reference systems', () => {
    const first = `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (
      SELECT ST_Transform(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1), $2::int) AS p FROM parcels WHERE id = $1) q`

    for (const code of [4547, 4526, 4546]) {
      it(`EPSG:${code}: northing first, equal to ST_Transform to 1e-6 m, with Content-Crs`, async () => {
        const res = await ctx.app.inject(`/ogc/collections/parcels/items?limit=1&crs=${encodeURIComponent(epsg(code))}`)
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-crs']).toBe(`<${epsg(code)}>`)
        const f = (res.json() as Items).features[0]!
        const [northing, easting] = firstPosition(f.geometry.coordinates)
        const { rows } = await ctx.db.pool.query<{ x: number; y: number }>(first, [f.id, code])
        expect(Math.abs(northing - rows[0]!.y)).toBeLessThan(1e-6)
        expect(Math.abs(easting - rows[0]!.x)).toBeLessThan(1e-6)
        expect(northing).toBeGreaterThan(3_000_000) // ≈ 28.7°N
        expect(northing).toBeLessThan(3_300_000)
      })
    }

    it('EPSG:4490: latitude first', async () => {
      const res = await ctx.app.inject(`/ogc/collections/parcels/items/HX-001?crs=${encodeURIComponent(epsg(4490))}`)
      expect(res.headers['content-crs']).toBe(`<${epsg(4490)}>`)
      const self = (res.json() as { links: Link[] }).links.find((l) => l.rel === 'self')!
      expect(new URL(self.href).searchParams.get('crs')).toBe(epsg(4490))
      const [lat, lon] = firstPosition((res.json() as Feature).geometry.coordinates)
      const { rows } = await ctx.db.pool.query<{ x: number; y: number }>(first, ['HX-001', 4490])
      expect(lat).toBeCloseTo(rows[0]!.y, 12)
      expect(lon).toBeCloseTo(rows[0]!.x, 12)
      expect(lat).toBeGreaterThan(28)
      expect(lat).toBeLessThan(29)
    })

    it('bbox-crs: a box in GK (northing first) or EPSG:4490 (lat first) finds what the same box in CRS84 finds', async () => {
      const { rows } = await ctx.db.pool.query<{ b: number[]; g: number[] }>(`
        SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS b,
               ARRAY[ST_YMin(k), ST_XMin(k), ST_YMax(k), ST_XMax(k)] AS g
        FROM (SELECT geom::box2d AS e, ST_Transform(geom, 4547)::box2d AS k FROM parcels WHERE id = 'HX-001') x`)
      const { b, g } = rows[0]!
      const gk = await items(ctx.app, `/ogc/collections/parcels/items?limit=10000&bbox-crs=${encodeURIComponent(epsg(4547))}&bbox=${g.join(',')}`)
      expect(gk.features.map((f) => f.id)).toContain('HX-001')
      // The GK box is a little larger in lon/lat than the parcel's own box: it holds at least the same features.
      const inDegrees = await items(ctx.app, `/ogc/collections/parcels/items?limit=10000&bbox=${b.join(',')}`)
      expect(gk.numberMatched).toBeGreaterThanOrEqual(inDegrees.numberMatched)
      const latFirst = await items(ctx.app, `/ogc/collections/parcels/items?limit=10000&bbox-crs=${encodeURIComponent(epsg(4490))}&bbox=${[b[1], b[0], b[3], b[2]].join(',')}`)
      expect(latFirst.features.map((f) => f.id).sort()).toEqual(inDegrees.features.map((f) => f.id).sort())
      const far = await items(ctx.app, `/ogc/collections/parcels/items?bbox-crs=${encodeURIComponent(epsg(4547))}&bbox=0,0,10,10`)
      expect(far.numberMatched).toBe(0)
    })
  })

  describe('HTML', () => {
    it('f=html and Accept: text/html give HTML; Accept: application/geo+json gives JSON', async () => {
      for (const url of ['/ogc?f=html', '/ogc/conformance?f=html', '/ogc/collections?f=html', '/ogc/collections/parcels?f=html', '/ogc/collections/parcels/queryables?f=html', '/ogc/collections/parcels/items?f=html', '/ogc/collections/parcels/items/HX-001?f=html']) {
        const res = await ctx.app.inject(url)
        expect(res.statusCode, url).toBe(200)
        expect(res.headers['content-type'], url).toMatch(/^text\/html/)
        expect(res.body).toMatch(/^<!doctype html>/)
      }
      const html = await ctx.app.inject('/ogc/collections/parcels/items?f=html&limit=5&status=available')
      const next = /<a href="([^"]+)" rel="next" type="text\/html">/.exec(html.body)![1]!.replaceAll('&amp;', '&')
      expect(Object.fromEntries(new URL(next).searchParams)).toEqual({ f: 'html', limit: '5', offset: '5', status: 'available' })
      const browser = await ctx.app.inject({ url: '/ogc/collections', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } })
      expect(browser.headers['content-type']).toMatch(/^text\/html/)
      const gdal = await ctx.app.inject({ url: '/ogc/collections/parcels/items', headers: { accept: 'application/geo+json, application/json' } })
      expect(gdal.headers['content-type']).toMatch(/^application\/geo\+json/)
      const json = await ctx.app.inject({ url: '/ogc/collections', headers: { accept: 'application/json' } })
      expect(json.headers['content-type']).toMatch(/^application\/json/)
    })

    it('escapes the data’s text', async () => {
      const name = '<script>alert("x")</script> & co'
      await ctx.db.pool.query(`INSERT INTO basemap (id, kind, name_zh, name_en, geom) VALUES ('ogc-html-test', 'village', $1, $1, ST_SetSRID(ST_MakePoint(115.4, 28.7), 4326))`, [name])
      try {
        const res = await ctx.app.inject('/ogc/collections/basemap/items/ogc-html-test?f=html')
        expect(res.statusCode).toBe(200)
        expect(res.body).not.toContain('<script>')
        expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
      } finally {
        await ctx.db.pool.query(`DELETE FROM basemap WHERE id = 'ogc-html-test'`)
      }
    })
  })
})

forEachDatabase(
  (ctx) => {
    describe('signed in as a planner: the internal views', () => {
      it('idle_plots is a collection, and internal fields are there', async () => {
        const { collections } = (await ctx.app.inject('/ogc/collections')).json() as { collections: { id: string }[] }
        expect(collections.map((c) => c.id)).toEqual(layerViews('internal').map((v) => v.layer.id))
        const idle = await items(ctx.app, '/ogc/collections/idle_plots/items?limit=10000')
        expect(idle.numberMatched).toBe(await count(ctx, 'SELECT count(*)::int AS n FROM idle_plots'))
        const parcel = (await ctx.app.inject('/ogc/collections/parcels/items/HX-001')).json() as Feature
        expect(parcel.properties).toHaveProperty('note')
        expect(parcel.properties).toHaveProperty('enterprise_id')
        const internal = await items(ctx.app, '/ogc/collections/parcels/items?status=idle&limit=10000')
        expect(internal.numberMatched).toBe(await count(ctx, "SELECT count(*)::int AS n FROM parcels WHERE status = 'idle'"))
        // The same request without the session is the public's.
        const anon = (await ctx.anonymous.inject('/ogc/collections/idle_plots/items')).statusCode
        expect(anon).toBe(404)
      })
    })
  },
  { signedInAs: 'planner' },
)

forEachDatabase(
  (ctx) => {
    describe('signed in as an investor: the public views', () => {
      it('no idle_plots, and only the public columns', async () => {
        const { collections } = (await ctx.app.inject('/ogc/collections')).json() as { collections: { id: string }[] }
        expect(collections.map((c) => c.id)).toEqual(layerViews('public').map((v) => v.layer.id))
        expect((await ctx.app.inject('/ogc/collections/idle_plots/items')).statusCode).toBe(404)
        const fc = await items(ctx.app, '/ogc/collections/parcels/items?limit=10000')
        for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(publicKeys('parcels'))
        expect((await ctx.app.inject('/ogc/collections/parcels/items?note=x')).statusCode).toBe(400)
      })
    })
  },
  { signedInAs: 'investor' },
)
