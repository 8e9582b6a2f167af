/**
 * The benchmark's peer: MapServer 8 (Debian `cgi-mapserver`) under lighttpd's mod_fastcgi (Debian
 * `lighttpd`), reading the same PostGIS tables as Park Atlas. The bench writes a mapfile, a
 * MapServer CONFIG file and a lighttpd config into a temporary directory, starts `lighttpd -D` as a
 * child process, waits until MapServer answers, and stops it at the end.
 *
 * The parcels layer's DATA is the public's view of the layer (viewRelation of the catalogue's
 * public view, with the ellipsoidal area Park Atlas adds), so both serve the same rows and fields to
 * an anonymous caller, ordered by the view's sort key (MapServer's LIMIT takes the first rows of its
 * DATA subquery, as Park Atlas's takes the first by sort_key).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { TILE_BUFFER, TILE_EXTENT } from '../../web/src/shared/api/tiles'
import { columnName, viewRelation, type LayerView } from '../../server/layers/catalog'
import { AREA_M2_SQL } from '../../server/layers/features-query'

export const MAPSERV_BIN = '/usr/lib/cgi-bin/mapserv'
export const LIGHTTPD_BIN = '/usr/sbin/lighttpd'
/** The map's alias in MapServer's CONFIG (MAPS): OGC API paths are /mapserv/{alias}/ogcapi/…. */
export const MAP_ALIAS = 'parkatlas'

/** A string as a mapfile string literal: double-quoted, `"` and `\` escaped, on one line. */
export function mapfileString(s: string): string {
  return `"${s.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** The SQL subquery MapServer reads a layer through: the view's rows and fields, `area_m2` on polygons, in sort-key order. */
export function peerLayerSql(view: LayerView): string {
  const columns = ['t.id', 't.geom', ...view.columns.map((c) => `t.${escapeId(columnName(c))}`)]
  if (view.layer.hasArea) columns.push(`${AREA_M2_SQL} AS area_m2`)
  return `SELECT ${columns.join(', ')} FROM ${viewRelation(view, 't')} ORDER BY t.sort_key`
}

const escapeId = (name: string): string => `"${name.replace(/"/g, '""')}"`

export interface MapfileOptions {
  /** libpq connection string or URI of the database Park Atlas reads. */
  connection: string
  /** The URL MapServer's OGC API links point to: …/mapserv/{alias}/ogcapi. */
  onlineResource: string
  /** lon/lat extent of the map. */
  extent: readonly [number, number, number, number]
  views: LayerView[]
}

/** The mapfile: one POSTGIS layer per view, served by OGC API – Features and as MVT tiles. */
export function renderMapfile(o: MapfileOptions): string {
  const layers = o.views.map((view) => {
    const type = view.layer.geometryType.endsWith('Polygon') ? 'POLYGON' : view.layer.geometryType.endsWith('Point') ? 'POINT' : 'LINE'
    return [
      '  LAYER',
      `    NAME ${mapfileString(view.layer.id)}`,
      `    TYPE ${type}`,
      '    STATUS ON',
      '    CONNECTIONTYPE POSTGIS',
      `    CONNECTION ${mapfileString(o.connection)}`,
      // Keep the connection open between requests of one FastCGI process: MapServer's best case.
      '    PROCESSING "CLOSE_CONNECTION=DEFER"',
      `    DATA ${mapfileString(`geom FROM (${peerLayerSql(view)}) AS q USING UNIQUE id USING SRID=4326`)}`,
      '    PROJECTION "init=epsg:4326" END',
      // Without a TEMPLATE a layer is not queryable, and OGC API does not serve it.
      '    TEMPLATE "ttt"',
      '    METADATA',
      `      "ows_title" ${mapfileString(view.layer.title_en)}`,
      '      "gml_include_items" "all"',
      '      "gml_featureid" "id"',
      '      "gml_types" "auto"',
      '      "oga_max_limit" "10000"',
      '    END',
      // MVT output draws through the layer's classes: one is enough.
      '    CLASS STYLE COLOR 200 200 200 END END',
      '  END',
    ].join('\n')
  })
  const [w, s, e, n] = o.extent
  return [
    'MAP',
    `  NAME ${mapfileString(MAP_ALIAS)}`,
    `  EXTENT ${w} ${s} ${e} ${n}`,
    '  PROJECTION "init=epsg:4326" END',
    '  OUTPUTFORMAT',
    '    NAME "mvt"',
    '    DRIVER "MVT"',
    // The same extent and buffer as Park Atlas's tiles (web/src/shared/api/tiles.ts).
    `    FORMATOPTION "EXTENT=${TILE_EXTENT}"`,
    `    FORMATOPTION "EDGE_BUFFER=${TILE_BUFFER}"`,
    '  END',
    '  WEB',
    '    METADATA',
    '      "oga_enable_request" "*"',
    `      "oga_onlineresource" ${mapfileString(o.onlineResource)}`,
    '      "ows_title" "Park Atlas peer"',
    // Tile mode selects the features of the tile's own extent unless its map is widened by this many
    // pixels of its 256-pixel tile: Park Atlas selects those of the tile and its buffer.
    `      "tile_map_edge_buffer" "${(TILE_BUFFER * 256) / TILE_EXTENT}"`,
    '    END',
    '  END',
    ...layers,
    'END',
    '',
  ].join('\n')
}

/** MapServer's CONFIG file: the mapfile under an alias, no other mapfile readable. */
export function renderMapserverConfig(mapfile: string): string {
  return [
    'CONFIG',
    '  ENV',
    `    MS_MAP_PATTERN ${mapfileString(`^${path.dirname(mapfile).replace(/[.[\]()*+?^$|\\]/g, '\\$&')}/`)}`,
    '  END',
    '  MAPS',
    `    ${MAP_ALIAS} ${mapfileString(mapfile)}`,
    '  END',
    'END',
    '',
  ].join('\n')
}

const lighttpdString = (s: string): string => JSON.stringify(s)

/** lighttpd in the foreground on `port`, /mapserv handed to one FastCGI mapserv process. */
export function renderLighttpdConf(o: { dir: string; port: number; configFile: string; mapserv?: string; procs?: number }): string {
  return [
    `server.document-root = ${lighttpdString(o.dir)}`,
    'server.bind = "127.0.0.1"',
    `server.port = ${o.port}`,
    'server.modules = ( "mod_fastcgi" )',
    `server.errorlog = ${lighttpdString(path.join(o.dir, 'lighttpd-error.log'))}`,
    'fastcgi.server = ( "/mapserv" => ((',
    `  "bin-path" => ${lighttpdString(o.mapserv ?? MAPSERV_BIN)},`,
    `  "socket" => ${lighttpdString(path.join(o.dir, 'mapserv.sock'))},`,
    '  "check-local" => "disable",',
    // Requests are sequential: one process, as Park Atlas is one Node process.
    `  "max-procs" => ${o.procs ?? 1},`,
    `  "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => ${lighttpdString(o.configFile)} ),`,
    ')) )',
    '',
  ].join('\n')
}

/** Throws, naming the Debian packages, unless mapserv and lighttpd are installed. */
export function assertPeerInstalled(): void {
  const missing = [
    [MAPSERV_BIN, 'cgi-mapserver'],
    [LIGHTTPD_BIN, 'lighttpd'],
  ].filter(([bin]) => !fs.existsSync(bin!))
  if (missing.length) {
    throw new Error(
      `the benchmark's peer needs ${missing.map(([bin]) => bin).join(' and ')}: ` +
        `apt-get install ${missing.map(([, pkg]) => pkg).join(' ')} (MapServer 8 with OGC API, FastCGI and MVT; lighttpd)`,
    )
  }
}

/** A free TCP port on 127.0.0.1: BENCH_PEER_PORT if set, else one the kernel picks. */
async function freePort(): Promise<number> {
  if (process.env.BENCH_PEER_PORT) return Number(process.env.BENCH_PEER_PORT)
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface MapServerPeer {
  name: string
  /** http://127.0.0.1:port */
  origin: string
  /** OGC API items of `layer`: `…/ogcapi/collections/{layer}/items?bbox=…&limit=…&f=json`. */
  itemsUrl(layer: string, bbox: readonly number[], limit: number): string
  /** An MVT tile of `layer` in MapServer's tile mode (Google XYZ scheme). */
  tileUrl(layer: string, z: number, x: number, y: number): string
  stop(): Promise<void>
}

/** `mapserv -v`'s first words: "MapServer version 8.0.0". */
export function mapservVersion(output: string): string {
  return /MapServer version (\S+)/.exec(output)?.[1] ?? 'unknown'
}

/** Writes the files, starts lighttpd, and resolves once MapServer answers an OGC API request. */
export async function startMapServerPeer(o: Omit<MapfileOptions, 'onlineResource'> & { version: string }): Promise<MapServerPeer> {
  assertPeerInstalled()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-bench-mapserver-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const mapfile = path.join(dir, 'parkatlas.map')
  const configFile = path.join(dir, 'mapserver.conf')
  const conf = path.join(dir, 'lighttpd.conf')
  fs.writeFileSync(mapfile, renderMapfile({ ...o, onlineResource: `${origin}/mapserv/${MAP_ALIAS}/ogcapi` }))
  fs.writeFileSync(configFile, renderMapserverConfig(mapfile))
  fs.writeFileSync(conf, renderLighttpdConf({ dir, port, configFile }))

  // Its own process group: lighttpd leaves its FastCGI mapserv running when it is stopped, so the
  // group is stopped, lighttpd and the mapserv it spawned together.
  const child: ChildProcess = spawn(LIGHTTPD_BIN, ['-D', '-f', conf], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let log = ''
  child.stdout!.on('data', (b: Buffer) => (log += b.toString()))
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // the group is gone already
      }
    }
    group('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    group('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const peer: MapServerPeer = {
    name: `MapServer ${o.version} (FastCGI under lighttpd)`,
    origin,
    itemsUrl: (layer, bbox, limit) => `${origin}/mapserv/${MAP_ALIAS}/ogcapi/collections/${layer}/items?bbox=${bbox.join(',')}&limit=${limit}&f=json`,
    tileUrl: (layer, z, x, y) => `${origin}/mapserv?map=${MAP_ALIAS}&mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&map.imagetype=mvt&layers=${layer}`,
    stop,
  }
  const probe = `${origin}/mapserv/${MAP_ALIAS}/ogcapi/collections?f=json`
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`lighttpd exited (${child.exitCode}) before MapServer answered: ${log.trim()}`)
    }
    try {
      const res = await fetch(probe)
      const text = await res.text()
      if (res.status === 200) return peer
      if (Date.now() > deadline) throw new Error(`MapServer answered ${res.status} at ${probe}: ${text.slice(0, 500)}`)
    } catch (err) {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`MapServer did not answer at ${probe} within 20 s: ${(err as Error).message}; ${log.trim()}`)
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
