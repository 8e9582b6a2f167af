import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import type maplibregl from 'maplibre-gl'
import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl'
import type { ParkFeature } from '../shared/api/layers'
import type { HighlightStyle } from '../lib/analysis/overlapFormat'
import { type LayerId } from '../shared/park-vocabulary'

/** A feature of a park layer to colour (overlap results, a firm's parcels); see HighlightStyle. */
export interface HighlightItem {
  layer: LayerId
  id: string
  color: string
  style: HighlightStyle
}

export type FeatureLookup = (layer: LayerId, id: string) => ParkFeature | undefined

const RESULTS = 'analysis-results'
const PROBLEMS = 'analysis-problems'
const PREVIEW = 'analysis-preview'
const PREVIEW_COLOR = '#7b2cbf'
const PROBLEM_COLOR = '#d00000'

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] })
const isPolygon: maplibregl.ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]]
const isPoint: maplibregl.ExpressionSpecification = ['==', ['geometry-type'], 'Point']
const notPoint: maplibregl.ExpressionSpecification = ['!=', ['geometry-type'], 'Point']

function overlayLayers(): LayerSpecification[] {
  return [
    { id: 'analysis-fill', type: 'fill', source: RESULTS, filter: ['all', isPolygon, ['!=', ['get', 'style'], 'outline']],
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': ['match', ['get', 'style'], 'muted', 0.2, 0.42] } },
    { id: 'analysis-outline', type: 'line', source: RESULTS, filter: ['all', notPoint, ['!=', ['get', 'style'], 'outline']],
      layout: { 'line-join': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': ['match', ['get', 'style'], 'muted', 1, 2] } },
    { id: 'analysis-container', type: 'line', source: RESULTS, filter: ['all', notPoint, ['==', ['get', 'style'], 'outline']],
      layout: { 'line-join': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': 2.5, 'line-dasharray': [2, 1.5] } },
    { id: 'analysis-point', type: 'circle', source: RESULTS, filter: isPoint, paint: { 'circle-radius': 7, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    { id: 'analysis-preview-fill', type: 'fill', source: PREVIEW, paint: { 'fill-color': PREVIEW_COLOR, 'fill-opacity': ['case', ['get', 'chosen'], 0.3, 0.12] } },
    { id: 'analysis-preview-line', type: 'line', source: PREVIEW, layout: { 'line-join': 'round' },
      paint: { 'line-color': PREVIEW_COLOR, 'line-width': ['case', ['get', 'chosen'], 3, 1.5], 'line-dasharray': [3, 1.5] } },
    { id: 'analysis-problem-halo', type: 'circle', source: PROBLEMS, paint: { 'circle-radius': 13, 'circle-color': PROBLEM_COLOR, 'circle-opacity': 0.22 } },
    { id: 'analysis-problem', type: 'circle', source: PROBLEMS, paint: { 'circle-radius': 6, 'circle-color': PROBLEM_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ]
}

/**
 * What an analysis shows on the map, in its own sources and layers above the park's (below the
 * click selection and the drawing tools): result features coloured by class, and red markers
 * where a boundary crosses itself or where PostGIS found it invalid. Owned by ParkMap.
 */
export class AnalysisOverlay {
  private installed = false
  private pending: Partial<Record<typeof RESULTS | typeof PROBLEMS | typeof PREVIEW, FeatureCollection>> = {}

  constructor(
    private readonly map: maplibregl.Map,
    private readonly lookup: FeatureLookup,
  ) {}

  /** Adds the sources and layers; call once the style has loaded. */
  install(beforeLayerId?: string): void {
    if (this.installed) return
    for (const source of [RESULTS, PROBLEMS, PREVIEW] as const) this.map.addSource(source, { type: 'geojson', data: this.pending[source] ?? empty() })
    const before = beforeLayerId && this.map.getLayer(beforeLayerId) ? beforeLayerId : undefined
    for (const layer of overlayLayers()) this.map.addLayer(layer, before)
    this.installed = true
    this.pending = {}
  }

  /**
   * Colours these park features (those the client has loaded); replaces what was shown.
   * Returns how many were found, so a caller can tell when results lie outside the loaded data.
   */
  showHighlights(items: readonly HighlightItem[]): number {
    const features: Feature[] = []
    for (const item of items) {
      const feature = this.lookup(item.layer, item.id)
      if (feature?.geometry) features.push({ type: 'Feature', geometry: feature.geometry, properties: { color: item.color, style: item.style, layer: item.layer, id: item.id } })
    }
    this.setData(RESULTS, { type: 'FeatureCollection', features })
    return features.length
  }

  /** Red markers at these lon/lat places (self-intersections, an invalid spot); empty clears them. */
  showProblems(places: readonly Position[]): void {
    this.setData(PROBLEMS, {
      type: 'FeatureCollection',
      features: places.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [...p] }, properties: {} })),
    })
  }

  /**
   * An imported file's shapes, dashed, before anything is accepted: `chosen` (an index) stands out.
   * Null clears the preview.
   */
  showPreview(shapes: FeatureCollection | null, chosen = 0): void {
    const features = (shapes?.features ?? []).map((f, i) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { chosen: i === chosen } }))
    this.setData(PREVIEW, { type: 'FeatureCollection', features })
  }

  clearHighlights(): void {
    this.setData(RESULTS, empty())
  }

  /** The geometry of a loaded park feature, for flying to it. */
  geometryOf(layer: LayerId, id: string): Geometry | null {
    return this.lookup(layer, id)?.geometry ?? null
  }

  private setData(source: typeof RESULTS | typeof PROBLEMS | typeof PREVIEW, data: FeatureCollection): void {
    if (!this.installed) {
      this.pending[source] = data
      return
    }
    this.map.getSource<GeoJSONSource>(source)?.setData(data)
  }
}
