// The bench's peer set-up and its same-features check (scripts/bench/mapserver-peer.ts,
// peer-compare.ts): pure functions, no MapServer needed.
import { describe, expect, it } from 'vitest'
import { publicViewOf } from '../../server/layers/catalog'
import { encodeTile } from '../../server/tiles/encode'
import { mapfileString, peerLayerSql, renderLighttpdConf, renderMapfile, renderMapserverConfig } from './mapserver-peer'
import { compareIds, propertyDifferences, tileFeatures } from './peer-compare'

/** The text of a mapfile string literal, as MapServer's lexer reads it back. */
const unquote = (literal: string): string => literal.slice(1, -1).replace(/\\(.)/g, '$1')

describe('mapfile rendering', () => {
  it('quotes strings so SQL identifiers and backslashes survive, on one line', () => {
    const s = mapfileString('SELECT t."zone_id"\n  FROM x WHERE a = \'b\\c\'')
    expect(s).toBe('"SELECT t.\\"zone_id\\" FROM x WHERE a = \'b\\\\c\'"')
    expect(unquote(s)).toBe('SELECT t."zone_id" FROM x WHERE a = \'b\\c\'')
  })

  it("reads the public's view of parcels, serves it by OGC API and as MVT with Park Atlas's tile buffer", () => {
    const view = publicViewOf('parcels')
    const map = renderMapfile({ connection: 'postgres://u@h:5432/db_bench', onlineResource: 'http://127.0.0.1:1/mapserv/parkatlas/ogcapi', extent: [1, 2, 3, 4], views: [view] })
    const data = /DATA (".*")$/m.exec(map)![1]!
    expect(unquote(data)).toBe(`geom FROM (${peerLayerSql(view).replace(/\s+/g, ' ')}) AS q USING UNIQUE id USING SRID=4326`)
    // the public's masked status, not the stored one; no internal column among those selected
    expect(peerLayerSql(view)).toContain(`THEN t.status ELSE 'occupied' END) AS "status"`)
    const selected = peerLayerSql(view).split(' FROM ')[0]!
    expect(selected).toBe('SELECT t.id, t.geom, t."zone_id", t."land_use", t."status", t."price_wan_per_mu", t."site_state", ST_Area(t.geom::geography) AS area_m2')
    expect(peerLayerSql(view)).toMatch(/ST_Area\(t\.geom::geography\) AS area_m2 FROM .* ORDER BY t\.sort_key$/s)
    for (const needed of ['TEMPLATE "ttt"', '"oga_enable_request" "*"', '"oga_onlineresource" "http://127.0.0.1:1/mapserv/parkatlas/ogcapi"', 'DRIVER "MVT"', '"EXTENT=4096"', '"EDGE_BUFFER=64"', '"tile_map_edge_buffer" "4"', 'EXTENT 1 2 3 4']) {
      expect(map).toContain(needed)
    }
  })

  it('names the mapfile under its alias and only its directory in the CONFIG; runs mapserv through mod_fastcgi', () => {
    expect(renderMapserverConfig('/tmp/pa-bench-x.1/parkatlas.map')).toContain('MS_MAP_PATTERN "^/tmp/pa-bench-x\\\\.1/"')
    expect(renderMapserverConfig('/tmp/d/parkatlas.map')).toContain('parkatlas "/tmp/d/parkatlas.map"')
    const conf = renderLighttpdConf({ dir: '/tmp/d', port: 8601, configFile: '/tmp/d/mapserver.conf' })
    expect(conf).toContain('server.modules = ( "mod_fastcgi" )')
    expect(conf).toContain('"bin-path" => "/usr/lib/cgi-bin/mapserv"')
    expect(conf).toContain('"MAPSERVER_CONFIG_FILE" => "/tmp/d/mapserver.conf"')
    expect(conf).toContain('server.port = 8601')
  })
})

describe('same features', () => {
  it('compares ids as sets and flags what one side lacks or repeats', () => {
    expect(compareIds(['a', 'b'], ['b', 'a']).same).toBe(true)
    const c = compareIds(['a', 'b', 'b'], ['b', 'c'])
    expect(c).toEqual({ counts: [2, 2], onlyFirst: ['a'], onlySecond: ['c'], duplicates: ['b'], same: false })
  })

  it('compares properties as text: null, missing and "" alike, 12 and "12" alike', () => {
    const a = new Map([['p1', { status: 'occupied', price: null, mu: 12 }], ['p2', { status: 'available', price: 30 }]])
    const b = new Map([['p1', { status: 'occupied', price: '', mu: '12' }], ['p2', { status: 'occupied', price: 31, id: 'p2' }]])
    expect(propertyDifferences(a, b, ['id'])).toEqual({ status: 1, price: 1 })
  })

  it("reads a tile's features by their id property", () => {
    const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] })
    const body = encodeTile('parcels', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square(115.388, 28.699), properties: { id: 'CP-1', status: 'occupied' } },
        { type: 'Feature', geometry: square(115.390, 28.700), properties: { id: 'CP-2', status: 'available' } },
      ],
    }, { z: 14, x: 13443, y: 6827 })
    const { ids, properties } = tileFeatures(body, 'parcels')
    expect(ids.sort()).toEqual(['CP-1', 'CP-2'])
    expect(properties.get('CP-2')?.status).toBe('available')
    expect(tileFeatures(body, 'other').ids).toEqual([])
  })
})
