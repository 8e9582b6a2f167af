import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'
import { LAYER_IDS, type LayerId } from '../shared/park-vocabulary'
import { BASEMAP_COLORS, SELECTION_COLOR } from '../lib/symbology'
import { TILE_MAX_ZOOM } from '../shared/api/tiles'
import { isTiled } from '../lib/layers'
import {
  basemapLayers, clusterLayers, enterpriseLayers, idlePlotLayers, parcelLayers, projectLayers, scenarioLayers,
  sourceId, utilityLayers, zoneFillLayers, zoneOutlineLayers,
} from './layerStyles'

export const SELECTION_SOURCE = 'park-selection'
/** The feature under the mouse, outlined lightly: where a click would go. */
export const HOVER_SOURCE = 'park-hover'
const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] })

/**
 * Tiles are cut down to this zoom and over-zoomed past it: at z16 a tile's 4096 units are ~13 cm on
 * the ground here, finer than any survey the park holds, and a street-level view needs a few tiles,
 * not dozens.
 */
export const TILE_SOURCE_MAX_ZOOM = Math.min(16, TILE_MAX_ZOOM)
/**
 * Below these zooms a tiled layer is not drawn (nor fetched). Parcels: at z11 the sample park is
 * ~350 px across and each plot a few pixels — the least a phone's fit to the park needs (≈ z11.8) —
 * while a county's z9 tile holds some 50,000 parcels and takes the embedded database ~20 s.
 */
const TILE_SOURCE_MIN_ZOOM: Partial<Record<LayerId, number>> = { parcels: 11 }
/** The property a tile feature carries its park id in (text: an MVT feature id can't hold it). */
export const TILE_ID_PROPERTY = 'id'

/**
 * One source per data layer: the server's vector tiles for the tiled layers (the session cookie goes
 * along, so a signed-in role gets its own tiles), else a GeoJSON source empty until
 * ParkMap.setLayerData fills it. `origin`: the server's, as tile URLs must be absolute (a worker fetches them).
 */
export function parkSources(origin: string): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {}
  for (const id of LAYER_IDS) {
    sources[sourceId(id)] = isTiled(id)
      ? {
          type: 'vector', tiles: [`${origin}/tiles/${id}/{z}/{x}/{y}.mvt`], minzoom: TILE_SOURCE_MIN_ZOOM[id] ?? 0, maxzoom: TILE_SOURCE_MAX_ZOOM,
          promoteId: TILE_ID_PROPERTY,
        }
      : { type: 'geojson', data: empty() }
  }
  sources[SELECTION_SOURCE] = { type: 'geojson', data: empty() }
  sources[HOVER_SOURCE] = { type: 'geojson', data: empty() }
  return sources
}

/** The clicked feature, outlined above everything; the hovered one thinner and dashed beneath it. */
function selectionLayers(): LayerSpecification[] {
  return [
    { id: 'hover-line', type: 'line', source: HOVER_SOURCE, filter: ['!=', ['geometry-type'], 'Point'], layout: { 'line-join': 'round' }, paint: { 'line-color': SELECTION_COLOR, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
    { id: 'hover-point', type: 'circle', source: HOVER_SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECTION_COLOR, 'circle-stroke-width': 1.5 } },
    { id: 'selection-fill', type: 'fill', source: SELECTION_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': SELECTION_COLOR, 'fill-opacity': 0.18 } },
    { id: 'selection-line', type: 'line', source: SELECTION_SOURCE, filter: ['!=', ['geometry-type'], 'Point'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': SELECTION_COLOR, 'line-width': 3.5 } },
    { id: 'selection-point', type: 'circle', source: SELECTION_SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECTION_COLOR, 'circle-stroke-width': 3 } },
  ]
}

/**
 * The park's layers, bottom to top. Parcels sit under the cluster hatching and zone outlines so that
 * boundaries stay visible; pipelines and firms are on top because they are small.
 */
export function parkLayers(): LayerSpecification[] {
  return [
    ...basemapLayers(),
    ...zoneFillLayers(),
    ...parcelLayers(),
    ...clusterLayers(),
    ...projectLayers(),
    ...idlePlotLayers(),
    ...zoneOutlineLayers(),
    ...scenarioLayers(),
    ...utilityLayers(),
    ...enterpriseLayers(),
    ...selectionLayers(),
  ]
}

/**
 * The offline style: a plain light background and the park's own base map — tiles from this server
 * only, no glyphs, no sprite, so nothing is fetched from outside (names are HTML markers, see labels.ts).
 */
export function offlineStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    sources: parkSources(origin),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } }, ...parkLayers()],
  }
}
