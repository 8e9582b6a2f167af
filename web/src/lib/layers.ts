import { LAYER_IDS, type LayerId } from '../shared/park-vocabulary'

/** Order of the legend: what is drawn on top is listed first, the base map last. */
export const LEGEND_ORDER: readonly LayerId[] = [
  'enterprises',
  'utilities',
  'projects',
  'idle_plots',
  'chemical_clusters',
  'parcels',
  'scenarios',
  'zones',
  'basemap',
]

/** Layers whose features open a popup; the base map is scenery. */
export const INTERACTIVE_LAYERS: readonly LayerId[] = LEGEND_ORDER.filter((id) => id !== 'basemap')

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value)
}

/** Which layer answers a click when several overlap: the smaller kind of thing first (a firm before its parcel). */
export const CLICK_PRIORITY: readonly LayerId[] = [
  'enterprises',
  'utilities',
  'idle_plots',
  'projects',
  'parcels',
  'chemical_clusters',
  'scenarios',
  'zones',
]

/**
 * The large read-only layers, drawn from the server's vector tiles (/tiles/{layer}/{z}/{x}/{y}.mvt):
 * a county's 100,000 parcels are drawn whole, and the first paint waits for no GeoJSON download
 * (issue 13). Everything edited or small stays a GeoJSON source. Their GeoJSON, when loaded, serves
 * search, labels, snapping and lookups, not the drawing.
 */
export const TILED_LAYERS: readonly LayerId[] = ['parcels', 'utilities', 'basemap']

export function isTiled(layer: LayerId): boolean {
  return TILED_LAYERS.includes(layer)
}
