/**
 * Shapefile as one zip (.shp, .shx, .dbf, .prj, .cpg). Read with shpjs (which projects through
 * the .prj with proj4 and decodes the .dbf by the .cpg). Written with @mapbox/shp-write's
 * geometry writer; the .dbf is written here, because the `dbf` package under shp-write stores
 * field names and text one UTF-16 unit per byte, which garbles Chinese: this one writes UTF-8,
 * says so in the .cpg (what GDAL and QGIS read), and cuts names to the 10 bytes dBase allows on a
 * character boundary (a Chinese name keeps 3 characters: 名称, 编号, 地类码 fit whole).
 */
import type { Position } from 'geojson'
import type { CrsDetected } from '../api/convert'
import { gaussKrugerZoneByCentralMeridian } from '../gauss-kruger'
import { cleanFeatures } from './features-in'
import { gkName } from './plane'
import { planeFeatures } from './plane-write'
import { partsOf, signedTwiceArea } from './rings'
import { encodeText, decodeText } from './text-encoding'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

const CGCS2000_GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

/** ESRI WKT of a CGCS2000 3° GK zone, as ArcGIS writes it (GDAL and proj4 both read Gauss_Kruger). */
function gkPrj(centralMeridian: number, zonePrefix: boolean): string {
  const zone = centralMeridian / 3
  const name = zonePrefix ? `CGCS2000_3_Degree_GK_Zone_${zone}` : `CGCS2000_3_Degree_GK_CM_${centralMeridian}E`
  const falseEasting = zonePrefix ? zone * 1_000_000 + 500_000 : 500_000
  return `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian}.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
}

/** What a .prj says, in the terms of CrsDetected (the coordinates themselves are projected by shpjs). */
function crsOfPrj(prj: string | undefined): CrsDetected | undefined {
  if (!prj) return undefined
  const cm = /Central_Meridian"?\s*,\s*([\d.]+)/i.exec(prj)?.[1]
  if (cm) {
    const falseEasting = Number(/False_Easting"?\s*,\s*([\d.]+)/i.exec(prj)?.[1] ?? 500000)
    try {
      const zone = gaussKrugerZoneByCentralMeridian(Number(cm), falseEasting > 1_000_000)
      return { epsg: zone.epsg, source: 'file', name: gkName(zone) }
    } catch {
      return undefined
    }
  }
  if (/2000/.test(prj)) return { epsg: 4490, source: 'file', name: 'CGCS2000 longitude, latitude (EPSG:4490)' }
  return { epsg: 4326, source: 'file', name: 'WGS84 longitude, latitude' }
}

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const [{ unzipSync }, shpjs] = await Promise.all([import('fflate'), import('shpjs')])
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch (err) {
    throw new ConvertError(`not a zip archive (${err instanceof Error ? err.message : String(err)}): send the .shp with its .shx, .dbf and .prj zipped together`, '', 'malformed')
  }
  const names = Object.keys(files).filter((n) => !n.includes('__MACOSX'))
  const shpName = names.find((n) => n.toLowerCase().endsWith('.shp'))
  if (!shpName) throw new ConvertError('the zip holds no .shp file', '', 'malformed')
  const base = shpName.slice(0, -4)
  const sibling = (ext: string) => names.find((n) => n.toLowerCase() === `${base.toLowerCase()}.${ext}`)
  const notes: string[] = []
  if (names.filter((n) => n.toLowerCase().endsWith('.shp')).length > 1) notes.push(`several layers in the zip: read ${shpName} only`)
  const prjName = sibling('prj')
  const prj = prjName ? decodeText(files[prjName]!).text : undefined
  if (!prj) notes.push('no .prj: coordinates taken for longitude/latitude, or GK metres when they are metres')
  if (!sibling('cpg')) notes.push('no .cpg: attribute text read as UTF-8')
  let parsed: Awaited<ReturnType<typeof shpjs.default>>
  try {
    parsed = await shpjs.default(bytes)
  } catch (err) {
    throw new ConvertError(`the Shapefile cannot be read (${err instanceof Error ? err.message : String(err)})`, shpName, 'malformed')
  }
  const layer = Array.isArray(parsed) ? (parsed.find((l) => l.fileName === base) ?? parsed[0]!) : parsed
  const labelled = layer.features.map((f, i) => ({ geometry: f.geometry, properties: f.properties, where: `record ${i + 1}` }))
  const result = await cleanFeatures(labelled, options, notes)
  const fromPrj = crsOfPrj(prj)
  if (fromPrj) result.crs_detected = fromPrj
  return result
}

/** Field names of the .dbf: UTF-8, at most 10 bytes, cut on a character boundary, unique. */
function dbfFieldNames(keys: string[]): Uint8Array[] {
  const used = new Set<string>()
  return keys.map((key) => {
    let name = ''
    for (const char of key) {
      if (encodeText(name + char, 'utf-8').bytes.length > 10) break
      name += char
    }
    for (let n = 1; used.has(name); n++) name = `${name.slice(0, 8)}${n}`
    used.add(name)
    return encodeText(name, 'utf-8').bytes
  })
}

/** dBase III table: text fields C(254), numbers N(19,6) — each cut to fit on a character boundary. */
function writeDbf(rows: Record<string, unknown>[]): Uint8Array {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => rows.some((r) => r[k] !== null && r[k] !== undefined && typeof r[k] !== 'object'))
  const numeric = keys.map((k) => rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] === 'number'))
  const sizes = numeric.map((n) => (n ? 19 : 254))
  const names = dbfFieldNames(keys)
  const headerLength = 32 + 32 * keys.length + 1
  const recordLength = 1 + sizes.reduce((a, b) => a + b, 0)
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1)
  const view = new DataView(out.buffer)
  view.setUint8(0, 0x03)
  view.setUint8(1, 124) // 2024: the date of last update, fixed so that the same shapes give the same bytes
  view.setUint8(2, 1)
  view.setUint8(3, 1)
  view.setUint32(4, rows.length, true)
  view.setUint16(8, headerLength, true)
  view.setUint16(10, recordLength, true)
  keys.forEach((_, i) => {
    const at = 32 + i * 32
    out.set(names[i]!, at)
    out[at + 11] = numeric[i] ? 0x4e : 0x43 // 'N' or 'C'
    out[at + 16] = sizes[i]!
    out[at + 17] = numeric[i] ? 6 : 0
  })
  out[headerLength - 1] = 0x0d
  let offset = headerLength
  for (const row of rows) {
    out[offset++] = 0x20 // not deleted
    keys.forEach((key, i) => {
      const size = sizes[i]!
      const value = row[key]
      out.fill(0x20, offset, offset + size)
      if (value !== null && value !== undefined) {
        if (numeric[i]) {
          const text = (value as number).toFixed(6).slice(0, size)
          out.set(encodeText(text.padStart(size, ' '), 'utf-8').bytes, offset)
        } else {
          let text = ''
          for (const char of String(value)) {
            if (encodeText(text + char, 'utf-8').bytes.length > size) break
            text += char
          }
          out.set(encodeText(text, 'utf-8').bytes, offset)
        }
      }
      offset += size
    })
  }
  out[offset] = 0x1a
  return out
}

/** Shapefile rings run the other way from GeoJSON's: outer rings clockwise, holes counter-clockwise. */
const shapefileRings = (parts: Position[][][]): Position[][][] =>
  parts.map((rings) => rings.map((ring, r) => (signedTwiceArea(ring) < 0 === (r === 0) ? ring : [...ring].reverse())))

async function write(collection: Parameters<Converter['write']>[0], options: WriteOptions = {}) {
  const [shpWrite, { zipSync }] = await Promise.all([import('@mapbox/shp-write'), import('fflate')])
  const inPlane = options.epsg !== undefined
  const plane = inPlane ? await planeFeatures(collection, { epsg: options.epsg }) : undefined
  const parts = plane ? plane.features.map((f) => f.parts) : collection.features.map((f) => partsOf(f.geometry))
  const geometries = parts.map(shapefileRings)
  const prj = plane ? gkPrj(plane.zone.centralMeridian, plane.zone.zonePrefix) : CGCS2000_GEOGCS
  let shp: Uint8Array | undefined
  let shx: Uint8Array | undefined
  const writeShapes = (shpWrite.default ?? shpWrite).write
  writeShapes([], 'POLYGON', geometries, (_err, files) => {
    const bytesOf = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
    shp = bytesOf(files.shp as DataView)
    shx = bytesOf(files.shx as DataView)
  })
  const base = options.name ?? 'boundary'
  const bytes = zipSync({
    [`${base}.shp`]: shp!,
    [`${base}.shx`]: shx!,
    [`${base}.dbf`]: writeDbf(collection.features.map((f) => f.properties ?? {})),
    [`${base}.prj`]: encodeText(prj, 'utf-8').bytes,
    [`${base}.cpg`]: encodeText('UTF-8', 'utf-8').bytes,
  })
  return { bytes, contentType: 'application/zip', filename: `${base}.zip` }
}

export const shp: Converter = {
  name: 'shp',
  label: 'Shapefile (zip: .shp .shx .dbf .prj .cpg)',
  extensions: ['.zip'],
  contentType: 'application/zip',
  read,
  write,
}
