import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { expect, it } from 'vitest'
import type { LayerRows, ParkFeatureCollection } from '../../web/src/shared/api/layers'
import type { TileJson } from '../../web/src/shared/api/tiles'
import { buildApp } from '../../server/app'
import { layerViews } from '../../server/layers/catalog'
import { forEachDatabase } from '../helpers/databases'
import { decodeTile as decode, tileOf } from '../helpers/tiles'


const PARK = { lon: 115.4, lat: 28.7 }

forEachDatabase((ctx) => {
  const idsIn = async (layer: string, tile: { z: number; x: number; y: number }, margin: number): Promise<string[]> => {
    const table = layer === 'parcels' ? 'parcels' : layer
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3, margin => $4), 4326)) ORDER BY id`,
      [tile.z, tile.x, tile.y, margin],
    )
    return rows.map((r) => r.id)
  }

  it('a parcels tile holds exactly the parcels that meet it, with their public properties and ellipsoidal areas', async () => {
    // The sample park's middle, where parcels are densest, at two zooms.
    const fc = (await ctx.anonymous.inject('/api/layers/parcels/features?limit=10000')).json() as ParkFeatureCollection
    const byId = new Map(fc.features.map((f) => [String(f.id), f]))
    const publicColumns = ((await ctx.anonymous.inject('/api/layers/parcels/rows')).json() as LayerRows).columns
    for (const z of [14, 16]) {
      const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, z)
      const res = await ctx.anonymous.inject(`/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile')
      const layer = decode(res.rawPayload).layers.parcels
      expect(layer, `z${z}`).toBeDefined()
      expect(layer!.extent).toBe(4096)
      const ids = Array.from({ length: layer!.length }, (_, i) => String(layer!.feature(i).properties.id))
      // Every parcel inside the tile is there; nothing from beyond its 64-unit buffer.
      const inside = await idsIn('parcels', tile, 0)
      const buffered = await idsIn('parcels', tile, 64 / 4096)
      expect(inside.length).toBeGreaterThan(0)
      for (const id of inside) expect(ids, `z${z} ${id}`).toContain(id)
      for (const id of ids) expect(buffered, `z${z} ${id}`).toContain(id)
      expect(new Set(ids).size).toBe(ids.length)
      for (let i = 0; i < layer!.length; i++) {
        const f = layer!.feature(i)
        expect(f.type).toBe(3) // polygon
        const props = f.properties
        // Public columns only (no note, holder, flags, versions); the id a property, text as it is.
        for (const key of Object.keys(props)) expect(publicColumns, key).toContain(key)
        const feature = byId.get(String(props.id))!
        expect(Math.abs((props.area_m2 as number) - (feature.properties.area_m2 as number)) / (feature.properties.area_m2 as number)).toBeLessThan(1e-9)
        expect(props.status).toBe(feature.properties.status)
        expect(['idle', 'low_efficiency', 'revitalising']).not.toContain(props.status)
        // Every other property as the layer's GeoJSON has it, types too (a numeric price is a
        // number from both encoders, not ST_AsMVT's text); a tile leaves out what is null.
        for (const [key, value] of Object.entries(feature.properties)) {
          if (key === 'area_m2') continue
          if (value === null) expect(props, key).not.toHaveProperty(key)
          else expect(props[key], `${props.id} ${key}`).toStrictEqual(value)
        }
      }
    }
  })

  it('internal layers are 404 for the public and there for the signed-in; a tile away from the park is empty', async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 14)
    expect((await ctx.anonymous.inject(`/tiles/idle_plots/${tile.z}/${tile.x}/${tile.y}.mvt`)).statusCode).toBe(404)
    const internal = await ctx.app.inject(`/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`)
    expect(internal.statusCode).toBe(200)
    expect(internal.headers['cache-control']).toMatch(/^private/)
    const props = decode(internal.rawPayload).layers.parcels!.feature(0).properties
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['id', 'status', 'land_use', 'area_m2']))
    expect(Object.keys(props)).not.toContain('version')
    const far = tileOf(0, 0, 14)
    const empty = await ctx.anonymous.inject(`/tiles/parcels/${far.z}/${far.x}/${far.y}.mvt`)
    expect(empty.statusCode).toBe(200)
    expect(Object.keys(decode(empty.rawPayload).layers)).toEqual([])
  })

  it('answers 304 to its own ETag, and a new ETag once a feature in it changes', async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 14)
    const url = `/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`
    const first = await ctx.anonymous.inject(url)
    const etag = first.headers.etag as string
    // weak: the one tag covers the brotli, gzip and plain bytes of the tile
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    expect(first.headers['cache-control']).toBe('public, no-cache')
    const again = await ctx.anonymous.inject({ url, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.rawPayload.length).toBe(0)
    expect((await ctx.anonymous.inject({ url, headers: { 'if-none-match': etag.slice(2) } })).statusCode).toBe(304)
    const [id] = await idsIn('parcels', tile, 0)
    const { rows } = await ctx.db.pool.query<{ land_use: string }>('SELECT land_use FROM parcels WHERE id = $1', [id])
    const before = rows[0]!.land_use
    await ctx.db.pool.query(`UPDATE parcels SET land_use = CASE WHEN land_use = 'warehouse' THEN 'industrial' ELSE 'warehouse' END WHERE id = $1`, [id])
    try {
      const changed = await ctx.anonymous.inject({ url, headers: { 'if-none-match': etag } })
      expect(changed.statusCode).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
    } finally {
      await ctx.db.pool.query('UPDATE parcels SET land_use = $2 WHERE id = $1', [id, before])
    }
    expect((await ctx.anonymous.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304)
  })

  it('a made tile is kept under the data epoch: served again while the data stands, made anew once any layer table changes', async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 16)
    const url = `/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`
    const first = await ctx.anonymous.inject(url)
    const [id] = await idsIn('parcels', tile, 0)
    const { rows } = await ctx.db.pool.query<{ land_use: string }>('SELECT land_use FROM parcels WHERE id = $1', [id])
    const before = rows[0]!.land_use
    const flip = `UPDATE parcels SET land_use = CASE WHEN land_use = 'warehouse' THEN 'industrial' ELSE 'warehouse' END WHERE id = $1`
    // A change the epoch does not see (its trigger off, as nothing in the app may do): the kept tile is still served.
    await ctx.db.pool.query('ALTER TABLE parcels DISABLE TRIGGER parcels_data_epoch')
    try {
      await ctx.db.pool.query(flip, [id])
      const kept = await ctx.anonymous.inject(url)
      expect(kept.rawPayload.equals(first.rawPayload)).toBe(true)
      expect(kept.headers.etag).toBe(first.headers.etag)
    } finally {
      await ctx.db.pool.query('ALTER TABLE parcels ENABLE TRIGGER parcels_data_epoch')
    }
    try {
      // Any statement on a layer's table moves the epoch on — here one that changes no row of this tile.
      await ctx.db.pool.query(`UPDATE basemap SET name_zh = name_zh WHERE false`)
      const made = await ctx.anonymous.inject(url)
      expect(made.headers.etag).not.toBe(first.headers.etag)
      const props = decode(made.rawPayload).layers.parcels!
      const mine = Array.from({ length: props.length }, (_, i) => props.feature(i).properties).find((p) => p.id === id)!
      expect(mine.land_use).not.toBe(before)
      // A second instance over the same database answers the same bytes under the same ETag.
      const other = await buildApp({ db: ctx.db })
      try {
        const res = await other.inject(url)
        expect(res.headers.etag).toBe(made.headers.etag)
        expect(res.rawPayload.equals(made.rawPayload)).toBe(true)
      } finally {
        await other.close()
      }
    } finally {
      await ctx.db.pool.query('UPDATE parcels SET land_use = $2 WHERE id = $1', [id, before])
    }
    expect((await ctx.anonymous.inject(url)).headers.etag).toBe(first.headers.etag)
  })

  it('every table a layer reads moves the data epoch on (migration 015 holds to the catalogue)', async () => {
    const read = new Set<string>()
    for (const audience of ['internal', 'public'] as const) {
      for (const view of layerViews(audience)) {
        const sql = `${view.layer.source} ${view.where ?? ''} ${view.columns.map((c) => (typeof c === 'string' ? '' : c.sql)).join(' ')}`
        for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)) read.add(m[1]!)
        const plain = /^([a-z_]+) t$/.exec(view.layer.source)
        if (plain) read.add(plain[1]!)
      }
    }
    const { rows } = await ctx.db.pool.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname = c.relname || '_data_epoch' AND NOT g.tgisinternal`,
    )
    expect(rows.map((r) => r.table).sort()).toEqual([...read].sort())
    const epoch = async () => (await ctx.db.pool.query<{ n: number }>('SELECT n FROM data_epoch')).rows[0]!.n
    for (const table of read) {
      const n = await epoch()
      await ctx.db.pool.query(`DELETE FROM ${table} WHERE false`)
      expect(await epoch(), table).toBe(n + 1)
    }
  })

  it('sends a tile compressed when the client accepts it, the same tile once decoded, and 304 to its ETag still', async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 14)
    const url = `/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`
    const plain = await ctx.anonymous.inject(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    const br = await ctx.anonymous.inject({ url, headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toBe('application/vnd.mapbox-vector-tile')
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length * 0.8)
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true)
    const gzip = await ctx.anonymous.inject({ url, headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true)
    expect(br.headers.etag).toBe(plain.headers.etag)
    const again = await ctx.anonymous.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string } })
    expect(again.statusCode).toBe(304)
  })

  it('a tile keeps the security headers data needs (nosniff, same-origin CORP, HSTS); the document-only ones are the pages\' and the API\'s', async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 14)
    const res = await ctx.anonymous.inject(`/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(res.headers['x-powered-by']).toBeUndefined()
    const json = await ctx.anonymous.inject('/tiles/parcels/tiles.json')
    expect(String(json.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
  })

  it('refuses tiles outside the grid and malformed addresses, and unknown layers', async () => {
    for (const url of ['/tiles/parcels/23/0/0.mvt', '/tiles/parcels/2/4/0.mvt', '/tiles/parcels/2/0/4.mvt', '/tiles/parcels/a/0/0.mvt', '/tiles/parcels/1/0/0.png', '/tiles/parcels/1/0/0.mvt?x=1']) {
      const res = await ctx.anonymous.inject(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json(), url).toMatchObject({ error: { code: expect.any(String) } })
    }
    expect((await ctx.anonymous.inject('/tiles/nope/1/0/0.mvt')).statusCode).toBe(404)
  })

  it('TileJSON names the tiles, the fields and the extent of the layer', async () => {
    const res = await ctx.anonymous.inject({ url: '/tiles/parcels/tiles.json', headers: { host: 'park.example:8080' } })
    expect(res.statusCode).toBe(200)
    const tj = res.json() as TileJson
    expect(tj.tilejson).toBe('3.0.0')
    expect(tj.tiles).toEqual(['http://park.example:8080/tiles/parcels/{z}/{x}/{y}.mvt'])
    const [w, s, e, n] = tj.bounds
    expect(w < PARK.lon && PARK.lon < e && s < PARK.lat && PARK.lat < n).toBe(true)
    expect(Object.keys(tj.vector_layers[0]!.fields)).toEqual(expect.arrayContaining(['id', 'status', 'area_m2']))
    expect(Object.keys(tj.vector_layers[0]!.fields)).not.toContain('note')
    // Typed as the tiles carry them: the price and the area numbers, the status text.
    expect(tj.vector_layers[0]!.fields).toMatchObject({ id: 'String', status: 'String', price_wan_per_mu: 'Number', area_m2: 'Number' })
  })

  it("GDAL's MVT driver reads a tile back, with the same feature count", async () => {
    const tile = tileOf(PARK.lon + 0.01, PARK.lat + 0.005, 14)
    const res = await ctx.anonymous.inject(`/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`)
    const count = decode(res.rawPayload).layers.parcels!.length
    // GDAL georeferences a lone tile from its z/x/y path.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvt-'))
    const file = path.join(dir, String(tile.z), String(tile.x), `${tile.y}.mvt`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, res.rawPayload)
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' })
    expect(info).toMatch(/Layer name: parcels/)
    expect(info).toMatch(new RegExp(`Feature Count: ${count}\\b`))
    fs.rmSync(dir, { recursive: true, force: true })
  })
}, { signedInAs: 'planner' })
