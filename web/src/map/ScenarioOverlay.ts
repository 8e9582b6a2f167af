import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import type maplibregl from 'maplibre-gl'
import type { GeoJSONSource, LayerSpecification } from 'maplibre-gl'
import { SCENARIO_COMPARE_COLORS } from '../lib/symbology'

/** Two versions of a scenario and their differences, as the comparison draws them. */
export interface ScenarioComparison {
  from: Polygon | MultiPolygon
  to: Polygon | MultiPolygon
  added: MultiPolygon | null
  removed: MultiPolygon | null
  /** Vertices of `to` that moved: a line from where each was to where it is. */
  moved: readonly [Position, Position][]
}

/** A review comment's pin. */
export interface ScenarioPin {
  id: number
  at: Position
  resolved: boolean
}

const SOURCE = 'scenario-compare'
const PINS = 'scenario-pins'
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] })
const part = (role: string, geometry: Feature['geometry']): Feature => ({ type: 'Feature', geometry, properties: { role } })
const C = SCENARIO_COMPARE_COLORS

function layers(): LayerSpecification[] {
  const role = (r: string): maplibregl.ExpressionSpecification => ['==', ['get', 'role'], r]
  return [
    { id: 'scenario-added', type: 'fill', source: SOURCE, filter: role('added'), paint: { 'fill-color': C.added, 'fill-opacity': 0.55 } },
    { id: 'scenario-removed', type: 'fill', source: SOURCE, filter: role('removed'), paint: { 'fill-color': C.removed, 'fill-opacity': 0.55 } },
    { id: 'scenario-from', type: 'line', source: SOURCE, filter: role('from'), layout: { 'line-join': 'round' }, paint: { 'line-color': C.from, 'line-width': 3, 'line-dasharray': [2, 1.5] } },
    { id: 'scenario-to', type: 'line', source: SOURCE, filter: role('to'), layout: { 'line-join': 'round' }, paint: { 'line-color': C.to, 'line-width': 2.5 } },
    { id: 'scenario-moved', type: 'line', source: SOURCE, filter: role('moved'), paint: { 'line-color': C.to, 'line-width': 1.5 } },
    { id: 'scenario-moved-end', type: 'circle', source: SOURCE, filter: role('moved-end'), paint: { 'circle-radius': 4, 'circle-color': C.to, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
    { id: 'scenario-pin', type: 'circle', source: PINS, paint: {
      'circle-radius': 8, 'circle-color': ['case', ['get', 'resolved'], C.pinResolved, C.pin], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
    } },
  ]
}

/**
 * A scenario's comparison on the map (the older version dashed, the newer solid, what it adds and
 * removes filled in two colours, moved vertices as short lines) and its review comments' pins; and
 * the one-shot "click to pin" pick. Owned by ParkMap; components call it, never maplibre.
 */
export class ScenarioOverlay {
  private installed = false
  private pending: Partial<Record<typeof SOURCE | typeof PINS, FeatureCollection>> = {}
  private picking: ((at: [number, number] | null) => void) | null = null
  private parts: string[] = []

  constructor(private readonly map: maplibregl.Map) {}

  install(beforeLayerId?: string): void {
    if (this.installed) return
    this.map.addSource(SOURCE, { type: 'geojson', data: this.pending[SOURCE] ?? empty() })
    this.map.addSource(PINS, { type: 'geojson', data: this.pending[PINS] ?? empty() })
    const before = beforeLayerId && this.map.getLayer(beforeLayerId) ? beforeLayerId : undefined
    for (const layer of layers()) this.map.addLayer(layer, before)
    this.installed = true
    this.pending = {}
  }

  /** Draws a comparison; null clears it. */
  showComparison(c: ScenarioComparison | null): void {
    if (!c) {
      this.parts = []
      return this.setData(SOURCE, empty())
    }
    const features: Feature[] = [part('from', c.from), part('to', c.to)]
    if (c.added) features.push(part('added', c.added))
    if (c.removed) features.push(part('removed', c.removed))
    for (const [was, is] of c.moved) {
      features.push(part('moved', { type: 'LineString', coordinates: [[...was], [...is]] }), part('moved-end', { type: 'Point', coordinates: [...is] }))
    }
    this.parts = [...new Set(features.map((f) => String(f.properties!.role)))]
    this.setData(SOURCE, { type: 'FeatureCollection', features })
  }

  /** What the comparison draws now: `from`, `to`, `added`, `removed`, `moved`… (empty when cleared). */
  shownParts(): string[] {
    return [...this.parts]
  }

  showPins(pins: readonly ScenarioPin[]): void {
    this.setData(PINS, {
      type: 'FeatureCollection',
      features: pins.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [...p.at] }, properties: { id: p.id, resolved: p.resolved } })),
    })
  }

  /** The next click on the map, as lon/lat (null when cancelled); that click opens no popup. */
  pickPoint(): Promise<[number, number] | null> {
    this.picking?.(null)
    this.map.getCanvas().style.cursor = 'crosshair'
    return new Promise((resolve) => {
      this.picking = resolve
    })
  }

  cancelPick(): void {
    this.finishPick(null)
  }

  /** ParkMap asks first: a click taken for a pin is not a question about the features under it. */
  takeClick(at: [number, number]): boolean {
    if (!this.picking) return false
    this.finishPick(at)
    return true
  }

  private finishPick(at: [number, number] | null): void {
    const resolve = this.picking
    this.picking = null
    this.map.getCanvas().style.cursor = ''
    resolve?.(at)
  }

  private setData(source: typeof SOURCE | typeof PINS, data: FeatureCollection): void {
    if (!this.installed) {
      this.pending[source] = data
      return
    }
    this.map.getSource<GeoJSONSource>(source)?.setData(data)
  }
}
