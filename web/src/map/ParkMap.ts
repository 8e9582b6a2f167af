import maplibregl, { type GeoJSONSource, type LayerSpecification, type MapGeoJSONFeature } from 'maplibre-gl'
import type { BasemapInfo } from '../shared/api/basemap'
import type { ParkFeature, ParkFeatureCollection } from '../shared/api/layers'
import { parkBounds, type Bounds } from '../lib/bounds'
import type { LabelSpec } from '../lib/labels'
import type { Camera } from '../lib/viewState'
import { CLICK_PRIORITY, INTERACTIVE_LAYERS, isLayerId, isTiled } from '../lib/layers'
import { type LayerId } from '../shared/park-vocabulary'
import type { ParcelPaint } from '../lib/perMu/parcelTheme'
import { applyParcelPaint } from './gradeChoropleth'
import { AnalysisOverlay } from './AnalysisOverlay'
import { DrawingTool } from './DrawingTool'
import { LabelMarkers, type PrintedLabel } from './labelMarkers'
import { MeasureTool } from './MeasureTool'
import { ScenarioOverlay } from './ScenarioOverlay'
import { TiledLayers, type FeatureLoader } from './TiledLayers'
import { refreshTiles } from './refreshTiles'
import { NorthArrow } from './NorthArrow'
import { LAYER_META_KEY, sourceId } from './layerStyles'
import { addHatchImages } from './patterns'
import { HOVER_SOURCE, offlineStyle, SELECTION_SOURCE, TILE_ID_PROPERTY } from './style'

export interface FeatureHit {
  layer: LayerId
  feature: ParkFeature
  lngLat: [number, number]
  /**
   * Every feature under the click, top first, this one among them, when there were several (a
   * project over its parcel, a firm's dot on a small plot): the popup lists them to choose from.
   */
  stack?: { layer: LayerId; feature: ParkFeature }[]
}

/** The map as a print layout needs it: its image and what is drawn over it. */
export interface MapSnapshot {
  /** PNG data URL of the canvas, at twice the screen's resolution at least. */
  image: string
  /** Size in CSS px (the image is `width × pixelRatio` wide). */
  width: number
  height: number
  bearing: number
  /** Ground metres per CSS px at the centre (Web Mercator's scale, as the scale bar has it). */
  metresPerPixel: number
  /** lon/lat of the corners, clockwise from the top left. */
  corners: [number, number][]
  labels: PrintedLabel[]
  /** lon/lat → CSS px in this snapshot (valid until the camera moves). */
  project: (lngLat: [number, number]) => [number, number]
}

export interface ParkMapOptions {
  container: HTMLElement
  /**
   * Fetches a feature the map draws from tiles but holds no GeoJSON of (a county's parcel past the
   * loaded ones): a tile has only its clipped piece, the selection outline needs it whole.
   */
  loadFeature?: FeatureLoader
}

// Fengxin high-tech park, for the moment before the zones have loaded.
const PARK_CENTRE: [number, number] = [115.4, 28.7]
// Bilingual because maplibre's attribution is fixed when the map is created, not per language.
const ATTRIBUTION = '示意数据，非测绘成果 · Illustrative sample data, not surveyed'
// Internal property that carries the feature's id through maplibre, which drops string ids.
const FID = '__fid'
/** The property that holds a rendered feature's park id: ours on GeoJSON sources, the server's in tiles. */
const idPropertyOf = (layer: LayerId): string => (isTiled(layer) ? TILE_ID_PROPERTY : FID)

/**
 * The map, as an imperative adapter: React creates it once and feeds it data and visibility;
 * components never touch maplibre. Everything a caller needs goes through these methods.
 */
export class ParkMap {
  private readonly map: maplibregl.Map
  private readonly labels: LabelMarkers
  private readonly features = new Map<LayerId, Map<string, ParkFeature>>()
  /** The tiled layers' visibility, tile pieces and features fetched whole. */
  private readonly tiled: TiledLayers
  private readonly popup = new maplibregl.Popup({ maxWidth: '340px', closeOnClick: false, focusAfterOpen: false })
  private readonly loaded: Promise<void>
  private clickHandlers: ((hit: FeatureHit | null) => void)[] = []
  private popupCloseHandlers: (() => void)[] = []
  private placeMarker: maplibregl.Marker | null = null
  private selection: ParkFeature[] = []
  private styleReady = false
  /** The planner's drawing tools (terra-draw) and the analysis highlights: adapters of their own on this map. */
  readonly drawing: DrawingTool
  readonly analysis: AnalysisOverlay
  /** A scenario's comparison of two versions and its review pins. */
  readonly scenarios: ScenarioOverlay
  /** Everyone's measure tool (distance, area). It and the drawing tools never own the pointer together. */
  readonly measure: MeasureTool

  constructor(options: ParkMapOptions) {
    this.tiled = new TiledLayers(options.loadFeature ?? null, (layer, visible) => this.showStyleLayers(layer, visible))
    this.map = new maplibregl.Map({
      container: options.container,
      style: TiledLayers.held(offlineStyle(window.location.origin)),
      center: PARK_CENTRE,
      zoom: 13,
      attributionControl: { compact: true, customAttribution: ATTRIBUTION },
      // Keeps the last frame readable (the e2e test checks the canvas painted; a map export would need it too),
      // at a small cost in frame rate.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right')
    this.map.addControl(new NorthArrow(), 'top-right')
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right')
    this.labels = new LabelMarkers(this.map)
    this.drawing = new DrawingTool(this.map)
    this.measure = new MeasureTool(this.map, () => {
      // Measuring takes the pointer: the drawing tools go idle (the planner's hook puts the last
      // completed boundary back) and the popup and hover outline go, so clicks land on the map.
      if (this.drawing.isActive()) this.drawing.cancel()
      this.closePopup()
      this.hover(null)
    })
    this.drawing.onChange((state) => {
      if (state.mode !== 'idle') this.measure.stop()
    })
    this.analysis = new AnalysisOverlay(this.map, (layer, id) => this.featureById(layer, id))
    this.scenarios = new ScenarioOverlay(this.map)
    this.loaded = new Promise((resolve) => {
      this.map.once('load', () => {
        this.styleReady = true
        // The compact attribution opens expanded; on a phone it would cover a third of the map's
        // width and the popups: fold it to its ⓘ button there (a tap opens it).
        if (options.container.clientWidth <= 480) {
          options.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
        }
        addHatchImages(this.map)
        this.analysis.install('selection-fill')
        this.scenarios.install('selection-fill')
        this.drawing.start()
        this.measure.install() // last: above the park, the selection and the drawing tools
        resolve()
      })
    })
    this.map.on('click', (e) => this.handleClick(e.point, [e.lngLat.lng, e.lngLat.lat]))
    this.map.on('mousemove', (e) => {
      if (this.drawing.isActive() || this.measure.isActive()) return // each tool sets its own cursor
      const top = this.featuresAt(e.point)[0]
      this.map.getCanvas().style.cursor = top ? 'pointer' : ''
      this.hover(top ?? null)
    })
    this.map.on('mouseout', () => this.hover(null))
    this.popup.on('close', () => {
      this.select(null)
      for (const handler of this.popupCloseHandlers) handler()
    })
  }

  /**
   * Replaces a layer's features; safe to call before the style has loaded. A tiled layer draws from
   * its tiles, not from these (they serve lookups, snapping and labels): new data means the server's
   * changed (an edit, a sign-in), so its tiles are fetched again — they revalidate by ETag, and only
   * changed ones come back whole.
   */
  async setLayerData(layer: LayerId, collection: ParkFeatureCollection): Promise<void> {
    const refresh = isTiled(layer) && this.features.has(layer)
    const byId = new Map<string, ParkFeature>()
    const tagged = collection.features.map((feature, index) => {
      const fid = String(feature.id ?? index)
      byId.set(fid, feature)
      return { ...feature, properties: { ...feature.properties, [FID]: fid } }
    })
    this.features.set(layer, byId)
    if (layer === 'parcels') this.drawing.setSnapTargets(collection.features.map((f) => f.geometry))
    this.tiled.forget(layer)
    await this.loaded
    if (isTiled(layer)) {
      if (refresh) refreshTiles(this.map, sourceId(layer))
      return
    }
    this.map.getSource<GeoJSONSource>(sourceId(layer))?.setData({ ...collection, features: tagged })
  }

  setLayerVisible(layer: LayerId, visible: boolean): void {
    if (isTiled(layer)) this.tiled.setVisible(layer, visible)
    else this.showStyleLayers(layer, visible)
    this.labels.setLayerVisible(layer, visible)
  }

  private showStyleLayers(layer: LayerId, visible: boolean): void {
    void this.loaded.then(() => {
      for (const style of this.styleLayersOf(layer)) this.map.setLayoutProperty(style.id, 'visibility', visible ? 'visible' : 'none')
    })
  }


  setLabels(layer: LayerId, labels: readonly LabelSpec[]): void {
    this.labels.setLabels(layer, labels)
  }

  fitToPark(bounds: Bounds | null, animate = false): void {
    if (!bounds) return
    this.map.fitBounds(bounds, { padding: 48, animate, maxZoom: 16 })
    this.tiled.release()
  }

  /** Where the map looks (for the link that keeps the view). */
  getCamera(): Camera {
    const { lng, lat } = this.map.getCenter()
    return { lng, lat, zoom: this.map.getZoom() }
  }

  jumpTo(camera: Camera): void {
    this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom })
    this.tiled.release()
  }

  /** Subscribes to the end of every pan, zoom or fly. Returns the unsubscriber. */
  onMoveEnd(handler: () => void): () => void {
    this.map.on('moveend', handler)
    return () => {
      this.map.off('moveend', handler)
    }
  }

  /**
   * Subscribes to the pointer over the map: its lon/lat on every move, null when it leaves the
   * map (touch screens have no such pointer). Returns the unsubscriber.
   */
  onPointerMove(handler: (lngLat: [number, number] | null) => void): () => void {
    const move = (e: maplibregl.MapMouseEvent) => handler([e.lngLat.lng, e.lngLat.lat])
    const out = () => handler(null)
    this.map.on('mousemove', move)
    this.map.on('mouseout', out)
    return () => {
      this.map.off('mousemove', move)
      this.map.off('mouseout', out)
    }
  }

  /** The map's bearing in degrees clockwise from north (0: north up). */
  getBearing(): number {
    return this.map.getBearing()
  }

  /** Turns the map (tests, and whoever needs a view not north-up). */
  setBearing(bearing: number): void {
    this.map.setBearing(bearing)
  }

  /** A feature the map holds whole, by layer and id (undefined: not loaded, or not visible to this visitor). */
  featureById(layer: LayerId, id: string): ParkFeature | undefined {
    return this.features.get(layer)?.get(id) ?? this.tiled.fetchedFeature(layer, id)
  }

  /**
   * A feature whole, from what the map holds or else from the server (loadFeature): a tiled layer
   * draws features the client has no GeoJSON of. undefined when neither has it.
   */
  async resolveFeature(layer: LayerId, id: string): Promise<ParkFeature | undefined> {
    return this.featureById(layer, id) ?? this.tiled.fetch(layer, id)
  }

  /** Flies to a typed coordinate and marks it (one mark at a time; null removes it). */
  showPlace(lngLat: [number, number] | null): void {
    this.placeMarker?.remove()
    this.placeMarker = null
    if (!lngLat) return
    this.placeMarker = new maplibregl.Marker({ color: '#b3261e' }).setLngLat(lngLat).addTo(this.map)
    this.map.flyTo({ center: lngLat, zoom: Math.max(this.map.getZoom(), 16) })
  }

  /** Subscribes to clicks: a hit on a park feature, or null for a click on empty map. Returns the unsubscriber. */
  onFeatureClick(handler: (hit: FeatureHit | null) => void): () => void {
    this.clickHandlers.push(handler)
    return () => {
      this.clickHandlers = this.clickHandlers.filter((h) => h !== handler)
    }
  }

  /** Subscribes to the popup being closed (its × button, or closePopup). Returns the unsubscriber. */
  onPopupClose(handler: () => void): () => void {
    this.popupCloseHandlers.push(handler)
    return () => {
      this.popupCloseHandlers = this.popupCloseHandlers.filter((h) => h !== handler)
    }
  }

  /**
   * Files dropped on the map (a survey's 界址点 file, a KML…): the handler gets the first one.
   * While a handler is listening the map accepts drops; the returned function stops listening.
   */
  onFileDrop(handler: (file: File) => void): () => void {
    const container = this.map.getContainer()
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
      container.classList.add('map--drop')
    }
    const leave = () => container.classList.remove('map--drop')
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0]
      leave()
      if (!file) return
      event.preventDefault()
      handler(file)
    }
    container.addEventListener('dragover', over)
    container.addEventListener('dragleave', leave)
    container.addEventListener('drop', drop)
    return () => {
      leave()
      container.removeEventListener('dragover', over)
      container.removeEventListener('dragleave', leave)
      container.removeEventListener('drop', drop)
    }
  }

  /** Opens the popup at a place with content rendered elsewhere (React portals into `content`). */
  showPopup(lngLat: [number, number], content: HTMLElement): void {
    this.popup.setLngLat(lngLat).setDOMContent(content)
    if (!this.popup.isOpen()) this.popup.addTo(this.map)
  }

  closePopup(): void {
    // Only an open popup: removing a closed one fires 'close' again, which clears the selection.
    if (this.popup.isOpen()) this.popup.remove()
  }

  /**
   * Outlines one feature (or none) in the selection colour. A tile's piece of a feature is outlined
   * at once and replaced by the whole feature when the server sends it.
   */
  select(feature: ParkFeature | null, layer?: LayerId): void {
    this.showSelection(feature ? [feature] : [])
    if (!feature || !layer || !this.tiled.isPiece(feature)) return
    void this.resolveFeature(layer, String(feature.id)).then((whole) => {
      if (whole && this.selection.length === 1 && this.selection[0] === feature) this.showSelection([whole])
    })
  }

  private showSelection(features: ParkFeature[]): void {
    this.selection = features
    void this.loaded.then(() => {
      this.map.getSource<GeoJSONSource>(SELECTION_SOURCE)?.setData({ type: 'FeatureCollection', features })
    })
  }

  /** The ids of the features outlined as selected (for tests, and whoever needs to know). */
  selectedFeatureIds(): string[] {
    return this.selection.map((f) => String(f.id))
  }

  /**
   * The ids of a layer's features drawn in the current view, whatever their source (tests, and
   * whoever needs to know what is on screen rather than what is loaded).
   */
  renderedFeatureIds(layer: LayerId): string[] {
    if (!this.styleReady) return []
    const rendered = this.map.queryRenderedFeatures({ layers: this.styleLayersOf(layer).map((l) => l.id) })
    return [...new Set(rendered.map((r) => String(r.properties[idPropertyOf(layer)])))]
  }

  /** A feature's properties as the map draws them now (from its tile, for a tiled layer); null when not in view. */
  renderedProperties(layer: LayerId, id: string): Record<string, unknown> | null {
    if (!this.styleReady) return null
    const rendered = this.map.queryRenderedFeatures({ layers: this.styleLayersOf(layer).map((l) => l.id) })
    return rendered.find((r) => String(r.properties[idPropertyOf(layer)]) === id)?.properties ?? null
  }

  /** Colours the parcels by a per-mu theme (grade or a figure's classes); null brings back the status colours. */
  setParcelPaint(paint: ParcelPaint | null): void {
    void this.loaded.then(() => applyParcelPaint(this.map, paint, idPropertyOf('parcels')))
  }

  /**
   * Outlines some features of one layer and flies to them (an analysis row); unknown ids are
   * skipped. `padding`: the margin around them as a share of the map's smaller side (default 80 px).
   */
  focusFeatures(layer: LayerId, ids: readonly string[], { padding }: { padding?: number } = {}): void {
    const features = ids.flatMap((id) => this.featureById(layer, id) ?? [])
    this.closePopup()
    this.showSelection(features)
    const bounds = parkBounds([{ type: 'FeatureCollection', features }])
    const { clientWidth, clientHeight } = this.map.getContainer()
    const margin = padding === undefined ? 80 : Math.round(padding * Math.min(clientWidth, clientHeight))
    if (bounds) this.map.fitBounds(bounds, { padding: margin, animate: true, maxZoom: 17 })
  }

  /**
   * Pixels along the bottom that a panel covers (the attribute table): the map centres, fits and
   * flies within the rest, so a selected row's feature is not put behind the table.
   */
  setBottomInset(pixels: number): void {
    this.map.setPadding({ top: 0, left: 0, right: 0, bottom: Math.max(0, Math.round(pixels)) })
  }

  /** Flies to the union of some [west, south, east, north] boxes (attribute-table rows the map may not hold). */
  fitBoxes(boxes: readonly [number, number, number, number][]): void {
    if (boxes.length === 0) return
    // A loop, not Math.min(...): a shift-click can select 100,000 rows, past the argument limit.
    const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity]
    for (const [w, s, e, n] of boxes) {
      bounds[0] = Math.min(bounds[0], w)
      bounds[1] = Math.min(bounds[1], s)
      bounds[2] = Math.max(bounds[2], e)
      bounds[3] = Math.max(bounds[3], n)
    }
    this.map.fitBounds(bounds, { padding: 80, animate: true, maxZoom: 17 })
  }

  /**
   * The current view for a print layout: rendered once at a print resolution (2× or the screen's,
   * whichever is more), copied, and the screen's resolution restored.
   */
  async snapshot(): Promise<MapSnapshot> {
    await this.loaded
    const screenRatio = this.map.getPixelRatio()
    const printRatio = Math.max(2, screenRatio)
    if (printRatio !== screenRatio) this.map.setPixelRatio(printRatio)
    try {
      await this.whenIdle()
      const image = this.map.getCanvas().toDataURL('image/png')
      const { clientWidth: width, clientHeight: height } = this.map.getContainer()
      const lat = this.map.getCenter().lat
      const corners = ([[0, 0], [width, 0], [width, height], [0, height]] as const).map(([x, y]) => {
        const p = this.map.unproject([x, y])
        return [p.lng, p.lat] as [number, number]
      })
      return {
        image, width, height, corners,
        bearing: this.map.getBearing(),
        // 512 px tiles: the equator's length over the world's width in pixels at this zoom, times cos φ.
        metresPerPixel: (2 * Math.PI * 6378137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom()),
        labels: this.labels.visibleLabels(),
        project: (lngLat) => {
          const p = this.map.project(lngLat)
          return [p.x, p.y]
        },
      }
    } finally {
      if (printRatio !== screenRatio) this.map.setPixelRatio(screenRatio)
    }
  }

  /**
   * Draws an online base map (the server's BASEMAP_TILES) under everything of the park's, the
   * offline base map included; its attribution joins the map's. A tile server that does not answer
   * leaves the offline map showing: raster tiles fail one by one, the style never does.
   */
  setOnlineBasemap(info: BasemapInfo): void {
    if (info.tiles.length === 0) return
    void this.loaded.then(() => {
      const below = this.map.getStyle().layers?.find((l) => l.id !== 'background')?.id
      info.tiles.forEach((template, i) => {
        const id = `online-basemap-${i}`
        if (this.map.getSource(id)) return
        this.map.addSource(id, { type: 'raster', tiles: [template], tileSize: 256, ...(info.attribution && i === 0 ? { attribution: info.attribution } : {}) })
        this.map.addLayer({ id, type: 'raster', source: id }, below)
      })
    })
  }

  /** Resolves once the style is loaded and every pending tile and source update has been drawn. */
  async whenIdle(): Promise<void> {
    await this.loaded
    // Asked for once the data has settled: if nothing placed the map (no layer had bounds), draw the tiles where it is.
    this.tiled.release()
    // 'idle' fires after any frame that ends with nothing pending; forcing a frame makes it fire even if already idle.
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve())
      this.map.triggerRepaint()
    })
  }

  /** Where a place is in the browser window (CSS pixels, as mouse events count them). */
  clientPoint(lngLat: [number, number]): { x: number; y: number } {
    const { x, y } = this.map.project(lngLat)
    const rect = this.map.getContainer().getBoundingClientRect()
    return { x: rect.left + x, y: rect.top + y }
  }

  /** The lon/lat under a point of the browser window (CSS pixels): clientPoint's inverse. */
  lngLatAtClient(point: { x: number; y: number }): [number, number] {
    const rect = this.map.getContainer().getBoundingClientRect()
    const { lng, lat } = this.map.unproject([point.x - rect.left, point.y - rect.top])
    return [lng, lat]
  }

  destroy(): void {
    this.drawing.destroy()
    this.measure.destroy()
    this.labels.destroy()
    this.popup.remove()
    this.map.remove()
  }

  private styleLayersOf(layer: LayerId): LayerSpecification[] {
    return (this.map.getStyle().layers ?? []).filter((l) => (l.metadata as Record<string, unknown> | undefined)?.[LAYER_META_KEY] === layer)
  }

  private interactiveStyleLayerIds(): string[] {
    return INTERACTIVE_LAYERS.flatMap((layer) => this.styleLayersOf(layer).map((l) => l.id))
  }

  /** Park features under a point, smallest kinds first (a firm's dot before the parcel it stands on). */
  private hitsAt(point: maplibregl.Point): { layer: LayerId; rendered: MapGeoJSONFeature }[] {
    // Not isStyleLoaded(): that is false while any source is updating — the hover outline's own
    // update, set by the mousemove just before a click, would swallow the click.
    if (!this.styleReady) return []
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [[point.x - 3, point.y - 3], [point.x + 3, point.y + 3]]
    const rendered = this.map.queryRenderedFeatures(box, { layers: this.interactiveStyleLayerIds() })
    const hits = rendered.flatMap((r) => {
      const layer = (r.layer.metadata as Record<string, unknown> | undefined)?.[LAYER_META_KEY]
      return typeof layer === 'string' && isLayerId(layer) ? [{ layer, rendered: r }] : []
    })
    return hits.sort((a, b) => CLICK_PRIORITY.indexOf(a.layer) - CLICK_PRIORITY.indexOf(b.layer))
  }

  /** The distinct park features under a point, top first (a feature drawn by several style layers counts once). */
  private featuresAt(point: maplibregl.Point): { layer: LayerId; feature: ParkFeature }[] {
    const seen = new Set<string>()
    return this.hitsAt(point).flatMap(({ layer, rendered }) => {
      const fid = String(rendered.properties[idPropertyOf(layer)])
      if (seen.has(`${layer}:${fid}`)) return []
      // A tiled layer draws features the client may hold no GeoJSON of (a county's parcels): the tile's own piece stands in.
      const feature = this.featureById(layer, fid) ?? (isTiled(layer) ? this.tiled.pieceOf(rendered, fid) : undefined)
      if (!feature) return []
      seen.add(`${layer}:${fid}`)
      return [{ layer, feature }]
    })
  }


  /** `layer:id` of the feature under the pointer: a tile's piece is a new object on every move. */
  private hovered: string | null = null

  private hover(hit: { layer: LayerId; feature: ParkFeature } | null): void {
    const key = hit ? `${hit.layer}:${String(hit.feature.id)}` : null
    if (key === this.hovered) return
    this.hovered = key
    const feature = hit?.feature
    void this.loaded.then(() => {
      this.map.getSource<GeoJSONSource>(HOVER_SOURCE)?.setData({ type: 'FeatureCollection', features: feature ? [feature] : [] })
    })
  }

  private handleClick(point: maplibregl.Point, lngLat: [number, number]): void {
    // The click is a corner being drawn or edited, or a point being measured, not a question.
    if (this.drawing.isActive() || this.measure.isActive()) return
    if (this.scenarios.takeClick(lngLat)) return
    const stack = this.featuresAt(point)
    const top = stack[0]
    const hit: FeatureHit | null = top ? { ...top, lngLat, ...(stack.length > 1 ? { stack } : {}) } : null
    this.select(hit?.feature ?? null, hit?.layer)
    for (const handler of this.clickHandlers) handler(hit)
  }
}
