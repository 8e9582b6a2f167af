import type { MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl'
import type { ParkFeature } from '../shared/api/layers'
import { isLayerId, isTiled, TILED_LAYERS } from '../lib/layers'
import { type LayerId } from '../shared/park-vocabulary'
import { LAYER_META_KEY } from './layerStyles'
import { TILE_ID_PROPERTY } from './style'

/** A whole feature by layer and id from the server (null: not there for this visitor). */
export type FeatureLoader = (layer: LayerId, id: string) => Promise<ParkFeature | null>

/**
 * What ParkMap needs to draw the tiled layers (lib/layers.ts TILED_LAYERS) as if they were its
 * GeoJSON ones: their visibility held until the map is placed, the features a tile only holds a
 * piece of, and those features fetched whole. Knows nothing of React; ParkMap owns the map.
 */
export class TiledLayers {
  /**
   * Tiled layers are held hidden (so not fetched) until the map is first placed on the park: tiles
   * for the opening camera would be thrown away by the fit a moment later, and on the embedded
   * database, one connection, they would hold up the tiles wanted. Their legend visibility waits here.
   */
  private held = true
  private readonly visible = new Map<LayerId, boolean>()
  /** Whole features fetched by id, until the layer's data next changes. */
  private readonly fetched = new Map<string, ParkFeature>()
  /** Features built from a tile's piece (pieceOf): shown at once, replaced by the whole one. */
  private readonly pieces = new WeakSet<ParkFeature>()

  /** `show`: sets the visibility of a layer's style layers on the map. */
  constructor(private readonly loadFeature: FeatureLoader | null, private readonly show: (layer: LayerId, visible: boolean) => void) {}

  /** The style with the tiled layers hidden, as the map must open while they are held. */
  static held(style: StyleSpecification): StyleSpecification {
    for (const layer of style.layers) {
      const park = (layer.metadata as Record<string, unknown> | undefined)?.[LAYER_META_KEY]
      if (typeof park === 'string' && isLayerId(park) && isTiled(park)) layer.layout = { ...layer.layout, visibility: 'none' }
    }
    return style
  }

  /** The legend's visibility for a tiled layer: applied now, or on release. */
  setVisible(layer: LayerId, visible: boolean): void {
    this.visible.set(layer, visible)
    if (!this.held) this.show(layer, visible)
  }

  /** The map is where it will be looked at (or everything has loaded): the tiled layers may fetch. */
  release(): void {
    if (!this.held) return
    this.held = false
    for (const layer of TILED_LAYERS) this.show(layer, this.visible.get(layer) ?? true)
  }

  /** A feature as a tile holds it: its properties whole, its geometry only the part inside the tile. */
  pieceOf(rendered: MapGeoJSONFeature, id: string): ParkFeature {
    const { [TILE_ID_PROPERTY]: _id, ...properties } = rendered.properties
    const piece: ParkFeature = { type: 'Feature', id, geometry: rendered.geometry, properties }
    this.pieces.add(piece)
    return piece
  }

  isPiece(feature: ParkFeature): boolean {
    return this.pieces.has(feature)
  }

  /** A feature fetched whole earlier (undefined: never asked for, or its layer changed since). */
  fetchedFeature(layer: LayerId, id: string): ParkFeature | undefined {
    return this.fetched.get(`${layer}:${id}`)
  }

  /** Fetches a tiled layer's feature whole; undefined when it is not a tiled layer or not there. */
  async fetch(layer: LayerId, id: string): Promise<ParkFeature | undefined> {
    if (!this.loadFeature || !isTiled(layer)) return undefined
    const loaded = await this.loadFeature(layer, id).catch(() => null)
    if (!loaded) return undefined
    this.fetched.set(`${layer}:${id}`, loaded)
    return loaded
  }

  /** A layer's data changed: what was fetched of it may be stale. */
  forget(layer: LayerId): void {
    for (const key of this.fetched.keys()) if (key.startsWith(`${layer}:`)) this.fetched.delete(key)
  }
}
