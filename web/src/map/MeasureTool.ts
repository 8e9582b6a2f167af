import type { Feature, FeatureCollection, Position } from 'geojson'
import maplibregl, { type GeoJSONSource, type LayerSpecification, type MapMouseEvent } from 'maplibre-gl'
import type { Measurement, MeasureMode } from '../lib/measure'

/** The figures' module (GeographicLib behind it), loaded when measuring first starts. */
type MeasureMath = typeof import('../lib/measure')

/** What the measure tool holds; emitted on every change, pointer moves included. */
export interface MeasureState {
  /** The tool owns the pointer: ParkMap opens no popups and the planner's drawing tools are off. */
  active: boolean
  mode: MeasureMode
  /** The points clicked, lon/lat. */
  points: Position[]
  /** Double-click or Enter ended it: the figure is final, and the next click starts a new one. */
  finished: boolean
  /** The figures, with the pointer as a provisional last point while not finished; null before the first click. */
  measurement: Measurement | null
}

type Listener = (state: MeasureState) => void

const SOURCE = 'measure'
const COLOR = '#e8590c'
/** A click this close (CSS px) to the last point is the second click of a double-click, not a new point. */
const SAME_POINT_PX = 4

const isPolygon: maplibregl.ExpressionSpecification = ['==', ['geometry-type'], 'Polygon']
const isLine: maplibregl.ExpressionSpecification = ['==', ['geometry-type'], 'LineString']
const isPoint: maplibregl.ExpressionSpecification = ['==', ['geometry-type'], 'Point']

function measureLayers(): LayerSpecification[] {
  return [
    { id: 'measure-fill', type: 'fill', source: SOURCE, filter: isPolygon, paint: { 'fill-color': COLOR, 'fill-opacity': 0.15 } },
    // The path clicked, solid; the rubber band to the pointer, dashed (feature property `band`).
    { id: 'measure-line', type: 'line', source: SOURCE, filter: ['all', isLine, ['!', ['get', 'band']]],
      layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': COLOR, 'line-width': 2.5 } },
    { id: 'measure-band', type: 'line', source: SOURCE, filter: ['all', isLine, ['get', 'band']],
      layout: { 'line-cap': 'round' }, paint: { 'line-color': COLOR, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
    { id: 'measure-point', type: 'circle', source: SOURCE, filter: isPoint,
      paint: { 'circle-radius': 4.5, 'circle-color': '#ffffff', 'circle-stroke-color': COLOR, 'circle-stroke-width': 2.5 } },
  ]
}

/** Keys typed into a form field are the field's, not the map's. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

const line = (coordinates: Position[], band: boolean): Feature => ({ type: 'Feature', properties: { band }, geometry: { type: 'LineString', coordinates } })

/**
 * The measure tool, for everyone, as an imperative adapter on the maplibre map (created by
 * ParkMap; React only calls these methods and listens). Its own GeoJSON source and layers sit on
 * top of everything. Click adds a point, the pointer drags a dashed rubber band with the live
 * figure, double-click or Enter finishes, Backspace takes back the last point, Esc leaves.
 * The figures are GeographicLib's (lib/measure.ts), never turf's.
 */
export class MeasureTool {
  private math: MeasureMath | null = null
  private active = false
  private mode: MeasureMode = 'distance'
  private points: Position[] = []
  private pointer: Position | null = null
  private finished = false
  private installed = false
  private listeners: Listener[] = []
  private label: maplibregl.Marker | null = null
  private labelText: string | null = null
  /** Whether double-click zoom was on before measuring took the double-click for "finish". */
  private zoomOnDoubleClick = true

  /**
   * @param beforeStart called as the tool becomes active: ParkMap switches the drawing tools off
   *   and closes the popup there, so that only one tool owns the pointer.
   */
  constructor(
    private readonly map: maplibregl.Map,
    private readonly beforeStart: () => void = () => {},
  ) {
    map.on('click', this.handleClick)
    map.on('dblclick', this.handleDoubleClick)
    map.on('mousemove', this.handleMove)
    map.on('mouseout', this.handleOut)
  }

  /** Adds the source and layers on top; call once the style has loaded (after the drawing tools'). */
  install(): void {
    if (this.installed) return
    this.map.addSource(SOURCE, { type: 'geojson', data: this.features() })
    for (const layer of measureLayers()) this.map.addLayer(layer)
    this.installed = true
  }

  /** Whether the tool owns the pointer (ParkMap opens no popups while it does). */
  isActive(): boolean {
    return this.active
  }

  /** What the tool holds now, figures included (a copy: changing it changes nothing). */
  getState(): MeasureState {
    const shown = this.shownPoints()
    return {
      active: this.active,
      mode: this.mode,
      points: this.points.map((p) => [...p]),
      finished: this.finished,
      measurement: shown.length > 0 && this.math ? this.math.measurePoints(this.mode, shown) : null,
    }
  }

  /** Starts measuring in a mode (or switches mode: the points stay, their figure changes). */
  start(mode: MeasureMode): void {
    if (!this.math) {
      void import('../lib/measure').then((math) => {
        this.math = math
        this.update()
      })
    }
    if (!this.active) {
      this.beforeStart()
      this.active = true
      this.zoomOnDoubleClick = this.map.doubleClickZoom.isEnabled()
      this.map.doubleClickZoom.disable()
      window.addEventListener('keydown', this.handleKey)
      this.map.getCanvas().style.cursor = 'crosshair'
    }
    this.mode = mode
    this.update()
  }

  /** Leaves the tool: the points go, the map pans and opens popups again. */
  stop(): void {
    if (!this.active) return
    this.active = false
    this.points = []
    this.pointer = null
    this.finished = false
    if (this.zoomOnDoubleClick) this.map.doubleClickZoom.enable()
    window.removeEventListener('keydown', this.handleKey)
    this.map.getCanvas().style.cursor = ''
    this.update()
  }

  /** Drops the points and stays in the tool, ready for a new first click. */
  clear(): void {
    this.points = []
    this.finished = false
    this.update()
  }

  /** Ends the current measurement (double-click, Enter, the panel's button); its figure stays. */
  finish(): void {
    if (!this.active || this.points.length === 0) return
    this.finished = true
    this.update()
  }

  /** Takes back the last point (it reopens a finished measurement). Returns false when there is none. */
  undo(): boolean {
    if (!this.active || this.points.length === 0) return false
    this.points = this.points.slice(0, -1)
    this.finished = false
    this.update()
    return true
  }

  /** A point, as a click there would add it (tests, and keyboard users one day). */
  addPoint(lngLat: Position): void {
    if (!this.active) return
    if (this.finished) {
      this.points = []
      this.finished = false
    }
    this.points = [...this.points, [lngLat[0] as number, lngLat[1] as number]]
    this.update()
  }

  /**
   * The figure beside the pointer (or the last point once finished), worded by the caller, who
   * knows the language; null hides it.
   */
  setLabel(text: string | null): void {
    this.labelText = text
    this.placeLabel()
  }

  /** Subscribes to every change of the state, pointer moves included. Returns the unsubscriber. */
  onChange(listener: Listener): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  destroy(): void {
    this.listeners = []
    window.removeEventListener('keydown', this.handleKey)
    this.label?.remove()
    this.map.off('click', this.handleClick)
    this.map.off('dblclick', this.handleDoubleClick)
    this.map.off('mousemove', this.handleMove)
    this.map.off('mouseout', this.handleOut)
  }

  /** The points the figure and the drawing use: the clicked ones, plus the pointer while still measuring. */
  private shownPoints(): Position[] {
    return this.pointer && !this.finished ? [...this.points, this.pointer] : this.points
  }

  private readonly handleClick = (e: MapMouseEvent): void => {
    if (!this.active) return
    const last = this.points[this.points.length - 1]
    if (last && !this.finished) {
      const at = this.map.project([last[0] as number, last[1] as number])
      if (Math.hypot(at.x - e.point.x, at.y - e.point.y) <= SAME_POINT_PX) return
    }
    this.addPoint([e.lngLat.lng, e.lngLat.lat])
  }

  private readonly handleDoubleClick = (e: MapMouseEvent): void => {
    if (!this.active) return
    e.preventDefault() // no zoom: the double-click is "finish"
    this.finish()
  }

  private readonly handleMove = (e: MapMouseEvent): void => {
    if (!this.active) return
    this.pointer = [e.lngLat.lng, e.lngLat.lat]
    if (!this.finished && this.points.length > 0) this.update()
    else this.placeLabel()
  }

  private readonly handleOut = (): void => {
    if (!this.active || !this.pointer) return
    this.pointer = null
    this.update()
  }

  private readonly handleKey = (event: KeyboardEvent): void => {
    if (isTyping(event.target)) return
    // Enter on a focused button or link is that control's (the panel's own buttons included).
    const onControl = event.target instanceof HTMLElement && event.target.closest('button, a[href]') !== null
    if (event.key === 'Escape') this.stop()
    else if (event.key === 'Enter' && !onControl && this.points.length > 0 && !this.finished) this.finish()
    else if (event.key === 'Backspace' && this.points.length > 0) this.undo()
    else return
    event.preventDefault()
  }

  private features(): FeatureCollection {
    const features: Feature[] = []
    const points = this.points
    const shown = this.shownPoints()
    const area = this.mode === 'area'
    if (area && shown.length >= 3) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...shown, shown[0] as Position]] } })
    }
    if (points.length >= 2) features.push(line(area && this.finished && points.length >= 3 ? [...points, points[0] as Position] : points, false))
    const last = points[points.length - 1]
    if (last && this.pointer && !this.finished) {
      // In area mode the band closes back to the first point: the shape the figure describes.
      features.push(line(area && points.length >= 2 ? [last, this.pointer, points[0] as Position] : [last, this.pointer], true))
    }
    for (const p of points) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } })
    return { type: 'FeatureCollection', features }
  }

  private placeLabel(): void {
    const at = this.finished || !this.pointer ? this.points[this.points.length - 1] : this.pointer
    if (!this.active || !this.labelText || !at || this.points.length === 0) {
      this.label?.remove()
      this.label = null
      return
    }
    if (!this.label) {
      const element = document.createElement('div')
      element.className = 'measure-label'
      this.label = new maplibregl.Marker({ element, anchor: 'left', offset: [14, 0] })
    }
    this.label.getElement().textContent = this.labelText
    this.label.setLngLat([at[0] as number, at[1] as number])
    if (!this.label.getElement().isConnected) this.label.addTo(this.map)
  }

  private update(): void {
    if (this.installed) this.map.getSource<GeoJSONSource>(SOURCE)?.setData(this.features())
    this.placeLabel()
    const state = this.getState()
    for (const listener of this.listeners) listener(state)
  }
}
