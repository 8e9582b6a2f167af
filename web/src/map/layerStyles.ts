import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import { IDLE_END_STAGES, type LayerId } from '../shared/park-vocabulary'
import { isTiled } from '../lib/layers'
import {
  BASEMAP_COLORS as B, CLUSTER_STYLE, ENTERPRISE_STYLE, IDLE_REVITALISED_DASH, IDLE_STAGE_COLORS, PARCEL_STATUS_COLORS,
  PROJECT_STAGE_COLORS, UTILITY_KIND_COLORS, UTILITY_STATUS_DASH, ZONE_STYLE,
} from '../lib/symbology'

/** The source that holds a data layer's features (GeoJSON, or the server's vector tiles for TILED_LAYERS). */
export const sourceId = (layer: LayerId): string => `park-${layer}`

/** Where a style layer of `layer` reads from: its source, and in a tile the MVT layer named after it. */
export function sourceOf(layer: LayerId): { source: string; 'source-layer'?: string } {
  return isTiled(layer) ? { source: sourceId(layer), 'source-layer': layer } : { source: sourceId(layer) }
}

/** Style layers carry their data layer here, so toggling and clicking can find them. */
export const LAYER_META_KEY = 'park:layer'

type Geo = 'Point' | 'LineString' | 'Polygon'
const isGeom = (g: Geo): ExpressionSpecification => ['==', ['geometry-type'], g]
const isKind = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]]

/** Line width growing with zoom, so the park reads at 12 and streets at 17. */
const width = (atZ12: number, atZ17: number): ExpressionSpecification => ['interpolate', ['exponential', 1.4], ['zoom'], 12, atZ12, 17, atZ17]

/** Zoom-growing width that differs by a data condition (zoom must be the outermost expression). */
function widthIf(condition: ExpressionSpecification, whenTrue: [number, number], otherwise: [number, number]): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.4], ['zoom'],
    12, ['case', condition, whenTrue[0], otherwise[0]],
    17, ['case', condition, whenTrue[1], otherwise[1]]]
}

/** `match` over a property from a colour table; unknown values fall back to grey. */
function colorBy(property: string, table: Record<string, string>, fallback = '#9e9e9e'): ExpressionSpecification {
  const pairs = Object.entries(table).flat()
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification
}

type Draft = Omit<LayerSpecification, 'source' | 'source-layer' | 'metadata'> & { filter?: ExpressionSpecification }

function tag(layer: LayerId, drafts: Draft[]): LayerSpecification[] {
  return drafts.map((d) => ({ ...d, ...sourceOf(layer), metadata: { [LAYER_META_KEY]: layer } }) as LayerSpecification)
}

export function basemapLayers(): LayerSpecification[] {
  const road = (kind: string, casing: string, fill: string, w12: number, w17: number): Draft[] => [
    { id: `basemap-${kind}-casing`, type: 'line', filter: ['all', isGeom('LineString'), isKind(kind)], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': casing, 'line-width': width(w12 + 1.5, w17 + 3) } },
    { id: `basemap-${kind}`, type: 'line', filter: ['all', isGeom('LineString'), isKind(kind)], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': fill, 'line-width': width(w12, w17) } },
  ]
  const [secCasing, secFill] = road('road_secondary', B.roadSecondaryCasing, B.roadSecondary, 1.5, 12)
  const [mainCasing, mainFill] = road('road_main', B.roadMainCasing, B.roadMain, 3, 22)
  return tag('basemap', [
    { id: 'basemap-forest', type: 'fill', filter: ['all', isGeom('Polygon'), isKind('forest')], paint: { 'fill-color': B.forest } },
    { id: 'basemap-village', type: 'fill', filter: ['all', isGeom('Polygon'), isKind('village')], paint: { 'fill-color': B.village, 'fill-outline-color': B.villageOutline } },
    { id: 'basemap-water', type: 'fill', filter: ['all', isGeom('Polygon'), isKind('water', 'river')], paint: { 'fill-color': B.water, 'fill-outline-color': B.river } },
    { id: 'basemap-river', type: 'line', filter: ['all', isGeom('LineString'), isKind('river', 'water')], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': B.river, 'line-width': width(2, 14) } },
    secCasing!, mainCasing!, secFill!, mainFill!,
    { id: 'basemap-village-point', type: 'circle', filter: ['all', isGeom('Point'), isKind('village')], paint: { 'circle-color': '#8a7f6e', 'circle-radius': 3, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
  ])
}

export function zoneFillLayers(): LayerSpecification[] {
  return tag('zones', [
    { id: 'zones-fill', type: 'fill', filter: isKind('park_zone'), paint: { 'fill-color': ZONE_STYLE.parkFill, 'fill-opacity': ZONE_STYLE.parkFillOpacity } },
  ])
}

/** Zone outlines go above parcels so district and boundary lines are never hidden by plots. */
export function zoneOutlineLayers(): LayerSpecification[] {
  return tag('zones', [
    { id: 'zones-outline', type: 'line', filter: isKind('park_zone'), layout: { 'line-join': 'round' }, paint: { 'line-color': ZONE_STYLE.parkOutline, 'line-width': width(1.2, 3), 'line-opacity': 0.8 } },
    // A soft band under the dashes, the usual mark of a statutory boundary; it also keeps the approved
    // line visible where a rezoning scenario follows the same course.
    { id: 'zones-approved-band', type: 'line', filter: isKind('approved_boundary'), layout: { 'line-join': 'round' }, paint: { 'line-color': ZONE_STYLE.approvedBand, 'line-width': width(5, 12), 'line-opacity': 0.45 } },
    { id: 'zones-approved', type: 'line', filter: isKind('approved_boundary'), layout: { 'line-join': 'round' }, paint: { 'line-color': ZONE_STYLE.approvedOutline, 'line-width': width(1.6, 3.5), 'line-dasharray': [...ZONE_STYLE.approvedDash] } },
  ])
}

/** Open rezoning scenarios (internal): a dashed red line, as drafts are drawn on planning maps. */
export function scenarioLayers(): LayerSpecification[] {
  return tag('scenarios', [
    { id: 'scenarios-outline', type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': ZONE_STYLE.draftOutline, 'line-width': width(1.6, 3.5), 'line-dasharray': [...ZONE_STYLE.draftDash] } },
  ])
}

export function parcelLayers(): LayerSpecification[] {
  return tag('parcels', [
    { id: 'parcels-fill', type: 'fill', paint: { 'fill-color': colorBy('status', PARCEL_STATUS_COLORS), 'fill-opacity': 0.72 } },
    { id: 'parcels-outline', type: 'line', paint: { 'line-color': '#ffffff', 'line-width': width(0.5, 2), 'line-opacity': 0.9 } },
  ])
}

export function clusterLayers(): LayerSpecification[] {
  return tag('chemical_clusters', (['A', 'B'] as const).flatMap((code): Draft[] => {
    const s = CLUSTER_STYLE[code]
    const filter: ExpressionSpecification = ['==', ['get', 'code'], code]
    const outlinePaint = { 'line-color': s.color, 'line-width': width(1.8, 4), ...(s.dash ? { 'line-dasharray': s.dash } : {}) }
    return [
      { id: `clusters-${code}-hatch`, type: 'fill', filter, paint: { 'fill-pattern': s.pattern, 'fill-opacity': 0.85 } },
      { id: `clusters-${code}-outline`, type: 'line', filter, layout: { 'line-join': 'round' }, paint: outlinePaint },
    ]
  }))
}

export function projectLayers(): LayerSpecification[] {
  const color = colorBy('stage', PROJECT_STAGE_COLORS)
  return tag('projects', [
    { id: 'projects-fill', type: 'fill', paint: { 'fill-color': color, 'fill-opacity': 0.22 } },
    // ≥100-million-yuan projects (亿元以上) get the heavier outline: the report counts them separately.
    { id: 'projects-outline', type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': color, 'line-width': widthIf(['==', ['get', 'is_major'], true], [2.2, 5], [1.2, 3]) } },
  ])
}

export function idlePlotLayers(): LayerSpecification[] {
  return tag('idle_plots', [
    // Coloured by the case's stage (the register reads the map by it); an ended case (revitalised,
    // closed) keeps its outline, dashed: it stays on the record.
    {
      id: 'idle-plots-outline', type: 'line', layout: { 'line-join': 'round' },
      paint: {
        'line-color': colorBy('stage', IDLE_STAGE_COLORS), 'line-width': width(2.5, 6), 'line-offset': width(1, 2.5),
        'line-dasharray': ['match', ['get', 'stage'], [...IDLE_END_STAGES], ['literal', IDLE_REVITALISED_DASH], ['literal', [1, 0]]],
      },
    },
  ])
}

export function utilityLayers(): LayerSpecification[] {
  const color = colorBy('kind', UTILITY_KIND_COLORS)
  const dash = ['match', ['get', 'status'],
    ...Object.entries(UTILITY_STATUS_DASH).flatMap(([status, d]) => [status, ['literal', d ?? [1, 0]]]),
    ['literal', [1, 0]]] as unknown as ExpressionSpecification
  return tag('utilities', [
    { id: 'utilities-site-fill', type: 'fill', filter: isGeom('Polygon'), paint: { 'fill-color': color, 'fill-opacity': 0.35 } },
    { id: 'utilities-site-outline', type: 'line', filter: isGeom('Polygon'), paint: { 'line-color': color, 'line-width': 1.5, 'line-dasharray': dash } },
    // A thin white halo keeps pipelines legible where they cross coloured parcels.
    { id: 'utilities-line-halo', type: 'line', filter: isGeom('LineString'), layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': width(3, 7), 'line-opacity': 0.7 } },
    { id: 'utilities-line', type: 'line', filter: isGeom('LineString'), layout: { 'line-join': 'round' }, paint: { 'line-color': color, 'line-width': width(1.5, 4), 'line-dasharray': dash } },
    { id: 'utilities-point', type: 'circle', filter: isGeom('Point'), paint: { 'circle-color': color, 'circle-radius': width(4, 8), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
  ])
}

export function enterpriseLayers(): LayerSpecification[] {
  const chemical: ExpressionSpecification = ['==', ['get', 'is_chemical'], true]
  return tag('enterprises', [
    {
      id: 'enterprises-point', type: 'circle',
      paint: {
        'circle-color': ['case', chemical, ENTERPRISE_STYLE.chemicalFill, ENTERPRISE_STYLE.fill],
        'circle-radius': widthIf(chemical, [3.5, 8], [3, 7]),
        'circle-stroke-color': ['case', chemical, '#ffd54f', ENTERPRISE_STYLE.stroke],
        'circle-stroke-width': ['case', chemical, 1.8, 1.2],
      },
    },
  ])
}
