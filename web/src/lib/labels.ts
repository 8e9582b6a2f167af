import { along } from '@turf/along'
import { lineString } from '@turf/helpers'
import { length } from '@turf/length'
import polylabel from 'polylabel'
import type { Geometry, Position } from 'geojson'
import type { ParkFeature, ParkFeatureCollection } from '../shared/api/layers'
import { featureNames, type Language } from './featureDetails'
import { isOneOf, type LayerId, UTILITY_SITE_KINDS } from '../shared/park-vocabulary'

/** A map label drawn as an HTML marker (MapLibre's symbol text needs a glyph server; the park's map works without one). */
export interface LabelSpec {
  key: string
  layer: LayerId
  lngLat: [number, number]
  text: string
  /** CSS modifier: `label--zone`, `label--cluster`, … */
  kind: 'zone' | 'cluster' | 'project' | 'site' | 'enterprise' | 'village' | 'road' | 'water' | 'parcel'
  /**
   * `center`: the name sits on its place (areas, lines). `right`: beside a point symbol, left-aligned
   * a few pixels to its right, so the dot never covers letters.
   */
  placement: 'center' | 'right'
  /** Higher wins when labels collide on screen. */
  priority: number
  /** Hidden below this zoom: small names only once there is room for them. */
  minZoom: number
}

type Rule = { kind: LabelSpec['kind']; priority: number; minZoom: number; placement?: LabelSpec['placement'] } | null

/** Which features get a name on the map, and how prominent it is. */
function ruleFor(layer: LayerId, p: ParkFeature['properties']): Rule {
  switch (layer) {
    case 'zones':
      // Only districts: a boundary's or draft's name at its centre would sit on unrelated plots.
      return p.kind === 'park_zone' ? { kind: 'zone', priority: 100, minZoom: 0 } : null
    case 'chemical_clusters':
      return { kind: 'cluster', priority: 90, minZoom: 0 }
    case 'projects':
      return p.is_major === true ? { kind: 'project', priority: 60, minZoom: 13.5 } : { kind: 'project', priority: 25, minZoom: 15.5 }
    case 'utilities':
      return isOneOf(UTILITY_SITE_KINDS, p.kind) ? { kind: 'site', priority: 55, minZoom: 13.5, placement: 'right' } : null
    case 'enterprises':
      return { kind: 'enterprise', priority: 20, minZoom: 15, placement: 'right' }
    case 'parcels':
      // Parcel numbers only at large scales, where a parcel is big enough on screen to hold one.
      return { kind: 'parcel', priority: 5, minZoom: 16.5 }
    case 'basemap':
      if (p.kind === 'village') return { kind: 'village', priority: 35, minZoom: 12.5 }
      if (p.kind === 'road_main') return { kind: 'road', priority: 40, minZoom: 13 }
      return p.kind === 'river' ? { kind: 'water', priority: 38, minZoom: 12 } : null
    default:
      return null
  }
}

/** The labels of one layer in the given language; features without a name get none. */
export function layerLabels(layer: LayerId, collection: ParkFeatureCollection, lang: Language): LabelSpec[] {
  const labels: LabelSpec[] = []
  collection.features.forEach((feature, index) => {
    const rule = ruleFor(layer, feature.properties ?? {})
    // A parcel is known by its number; everything else by its name.
    const name = layer === 'parcels' ? (feature.id === undefined ? '' : String(feature.id)) : featureNames(feature.properties ?? {}, lang).name
    if (!rule || !name) return
    const lngLat = labelAnchor(feature.geometry)
    if (!lngLat) return
    labels.push({ key: `${layer}:${String(feature.id ?? index)}`, layer, lngLat, text: name, placement: 'center', ...rule })
  })
  return labels
}

/**
 * Where a name sits: a polygon's pole of inaccessibility (the inside point farthest from its edges),
 * the middle of a line, the point itself. For multi-part shapes, the biggest part. Returns null for
 * empty geometry.
 */
export function labelAnchor(geometry: Geometry | null): [number, number] | null {
  if (!geometry) return null
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0]!, geometry.coordinates[1]!]
    case 'MultiPoint':
      return firstPosition(geometry.coordinates[0])
    case 'LineString':
      return lineMiddle(geometry.coordinates)
    case 'MultiLineString':
      return lineMiddle(biggest(geometry.coordinates, (l) => l))
    case 'Polygon':
      return polygonAnchor(geometry.coordinates)
    case 'MultiPolygon':
      return polygonAnchor(biggest(geometry.coordinates, (p) => p[0] ?? []))
    default:
      return null
  }
}

/**
 * Where a polygon's name goes: its pole of inaccessibility (polylabel), the inside point farthest
 * from the outline — always inside, and in the widest part of an L- or U-shaped plot, where a
 * centroid can fall outside or against an edge. 1e-6° (≈ 0.1 m) is far finer than a label.
 */
function polygonAnchor(rings: Position[][] | undefined): [number, number] | null {
  if (!rings || !rings[0] || rings[0].length < 4) return null
  const [x, y] = polylabel(rings as [number, number][][], 1e-6)
  return firstPosition([x as number, y as number])
}

function lineMiddle(coords: Position[] | undefined): [number, number] | null {
  if (!coords || coords.length < 2) return firstPosition(coords?.[0])
  const line = lineString(coords)
  return firstPosition(along(line, length(line) / 2).geometry.coordinates)
}

/** The part with the largest bounding box (planar degrees are enough to pick a part, not to measure it). */
function biggest<T>(parts: T[], outline: (part: T) => Position[]): T | undefined {
  let best: T | undefined
  let bestSize = -1
  for (const part of parts) {
    const pts = outline(part)
    const xs = pts.map((p) => p[0]!)
    const ys = pts.map((p) => p[1]!)
    const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) + pts.length * 1e-12
    if (size > bestSize) [best, bestSize] = [part, size]
  }
  return best
}

function firstPosition(p: Position | undefined): [number, number] | null {
  return p && p.length >= 2 ? [p[0]!, p[1]!] : null
}
