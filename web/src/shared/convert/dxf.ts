/**
 * DXF as CAD hands boundaries over: closed LWPOLYLINE / POLYLINE entities in CGCS2000 GK metres
 * (x = easting, y = northing). DXF carries no coordinate system, so the zone comes from the
 * easting's zone number or the caller's epsg. One feature per layer: its name is the layer's, and
 * its closed polylines are grouped into outer rings, holes and parts by containment.
 * Read with dxf-parser, written with @tarikjabiri/dxf (AutoCAD 2007, UTF-8, so Chinese layer
 * names survive), zone-prefixed eastings by default so that the file names its own zone.
 */
import type { Position } from 'geojson'
import { planeToLonLat, planeZone } from './plane'
import { featureName, planeFeatures } from './plane-write'
import { polygonFromRings, repairRing } from './rings'
import { decodeText, encodeText } from './text-encoding'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

interface PolylineEntity {
  type: string
  layer?: string
  handle?: string
  shape?: boolean
  vertices?: { x: number; y: number }[]
}

/** The layer AutoCAD creates in every drawing: not a name anyone gave a boundary. */
const DEFAULT_LAYER = '0'

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const { default: DxfParser } = await import('dxf-parser')
  const notes: string[] = []
  let entities: PolylineEntity[]
  try {
    const parsed = new DxfParser().parseSync(decodeText(bytes).text) as { entities?: PolylineEntity[] } | null
    entities = parsed?.entities ?? []
  } catch (err) {
    throw new ConvertError(`not a DXF drawing (${err instanceof Error ? err.message : String(err)})`, '', 'malformed')
  }
  const polylines = entities.filter((e) => e.type === 'LWPOLYLINE' || e.type === 'POLYLINE')
  const others = entities.length - polylines.length
  if (others) notes.push(`${others} entit${others > 1 ? 'ies' : 'y'} other than polylines (text, lines, blocks) left out`)
  const rings: { layer: string; where: string; points: Position[] }[] = []
  for (const e of polylines) {
    const where = `${e.type} ${e.handle ?? ''} on layer ${e.layer ?? DEFAULT_LAYER}`.replace('  ', ' ')
    const points = (e.vertices ?? []).map((v) => [v.x, v.y] as Position)
    const first = points[0]
    const last = points[points.length - 1]
    const closedByPoints = first && last && points.length > 3 && first[0] === last[0] && first[1] === last[1]
    if (!e.shape && !closedByPoints) {
      notes.push(`${where} is open (not a closed boundary): left out`)
      continue
    }
    rings.push({ layer: e.layer ?? DEFAULT_LAYER, where, points })
  }
  if (rings.length === 0) throw new ConvertError('the drawing holds no closed polyline (LWPOLYLINE / POLYLINE)', '')
  const { zone, crs } = planeZone(rings.flatMap((r) => r.points.map((p) => p[0] as number)), { epsg: options.epsg })
  // A closed polyline lists each corner once; repairRing closes it (DXF's own closure, so no note).
  const repaired = rings.map((r) => ({ ...r, points: repairRing(r, []) }))
  const lonLat = await planeToLonLat(zone, repaired)
  const layers = [...new Set(rings.map((r) => r.layer))]
  const features = layers.map((layer) => ({
    type: 'Feature' as const,
    properties: layer === DEFAULT_LAYER ? {} : { 名称: layer },
    geometry: polygonFromRings(lonLat.filter((_, i) => rings[i]!.layer === layer)),
  }))
  return { features: { type: 'FeatureCollection' as const, features }, crs_detected: crs, notes }
}

/** Characters AutoCAD refuses in a layer name. */
const layerName = (name: string): string => name.replace(/[<>/\\":;?*|=`]/g, '_').slice(0, 255)

async function write(collection: Parameters<Converter['write']>[0], options: WriteOptions = {}) {
  const { DxfWriter, LWPolylineFlags, Units, point2d } = await import('@tarikjabiri/dxf')
  const { features } = await planeFeatures(collection, options.epsg !== undefined ? { epsg: options.epsg } : { zonePrefix: true })
  const dxf = new DxfWriter()
  dxf.setUnits(Units.Meters)
  const used = new Set<string>()
  features.forEach((feature, i) => {
    let name = layerName(featureName(feature.properties, `boundary-${i + 1}`))
    while (used.has(name)) name = `${name}-${i + 1}`
    used.add(name)
    dxf.addLayer(name, 1 + (i % 6), 'CONTINUOUS')
    dxf.setCurrentLayerName(name)
    for (const rings of feature.parts) {
      for (const ring of rings) {
        // DXF closes a polyline by its flag: each corner once.
        dxf.addLWPolyline(ring.slice(0, -1).map(([e, n]) => ({ point: point2d(e, n) })), { flags: LWPolylineFlags.Closed })
      }
    }
  })
  const text = dxf.stringify()
  return {
    bytes: encodeText(text, 'utf-8').bytes,
    contentType: 'application/dxf',
    filename: `${options.name ?? 'boundary'}.dxf`,
  }
}

export const dxf: Converter = {
  name: 'dxf',
  label: 'DXF (CAD, GK metres)',
  extensions: ['.dxf'],
  contentType: 'application/dxf',
  read,
  write,
}
