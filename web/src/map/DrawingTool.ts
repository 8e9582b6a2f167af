import type { Geometry, Polygon, Position } from 'geojson'
import type maplibregl from 'maplibre-gl'
import type { GeoJSONStoreFeatures, SnapToCustom, TerraDraw, TerraDrawMouseEvent, TerraDrawPolygonMode } from 'terra-draw'
import { buildVertexIndex, nearestVertex, type VertexIndex } from '../lib/boundary/vertexIndex'
import { PRECISION } from './terraDrawPrecision'

/** idle: the map pans and opens popups; draw: clicks add corners; edit: drag, insert and delete corners. */
export type DrawingMode = 'idle' | 'draw' | 'edit'

export interface DrawingState {
  /** The shape in terra-draw's store: while drawing, with the corner under the pointer. */
  boundary: Polygon | null
  /** A polygon is being drawn and not closed yet. */
  drawing: boolean
  mode: DrawingMode
}

type Listener<T> = (value: T) => void

/** How close (CSS pixels) the pointer must come to a parcel corner to snap to it. */
const SNAP_TOLERANCE_PX = 12

const roundPosition = (p: Position): Position => [Number((p[0] as number).toFixed(PRECISION)), Number((p[1] as number).toFixed(PRECISION))]

/**
 * The drawing tools, as an imperative adapter around terra-draw (created by ParkMap; React only
 * calls these methods). One boundary at a time: a Polygon without holes, which is all terra-draw's
 * store holds. Area is not terra-draw's business here — callers measure with GeographicLib.
 *
 * Two streams come out: `onChange` on every store change (for live figures, pointer moves included)
 * and `onCommit` once per completed action (closed, corner dragged / inserted / deleted, feature
 * deleted) — the snapshots an undo history keeps. Changes made through `setBoundary` emit `onChange`
 * but never `onCommit`, so undo and redo do not record themselves.
 */
export class DrawingTool {
  private draw: TerraDraw | null = null
  private polygonMode: TerraDrawPolygonMode | null = null
  private mode: DrawingMode = 'idle'
  private silent = 0
  private snapping = true
  private vertexIndex: VertexIndex | null = null
  /** A boundary set before the map had loaded, put on the map by start(). */
  private pending: Polygon | null = null
  private mapReady = false
  private loading: Promise<void> | null = null
  /** A tool chosen before terra-draw ran: taken when it does. */
  private wanted: DrawingMode = 'idle'
  private changeListeners: Listener<DrawingState>[] = []
  private commitListeners: Listener<Polygon | null>[] = []

  constructor(private readonly map: maplibregl.Map) {}

  /**
   * Call once the map's style has loaded. terra-draw itself (and its sources and layers on top of
   * the map) loads on first use — a boundary to show or a tool chosen — not with the first view.
   */
  start(): void {
    this.mapReady = true
    if (this.pending || this.wanted !== 'idle') void this.load()
  }

  /** Resolves once terra-draw is running (loading it the first time). */
  load(): Promise<void> {
    if (!this.mapReady) return Promise.resolve() // start() loads it when the map is ready
    this.loading ??= import('./terraDraw').then(({ createTerraDraw }) => {
      const { draw, polygonMode } = createTerraDraw(this.map, this.snapToCorner)
      this.draw = draw
      this.polygonMode = polygonMode
      draw.start()
      draw.on('change', () => this.handleChange())
      draw.on('finish', () => this.handleFinish())
      // What was asked for while it loaded: the boundary first, then the tool.
      const wanted = this.wanted
      this.wanted = 'idle'
      if (this.pending) this.setBoundary(this.pending)
      this.pending = null
      if (wanted !== 'idle') this.setMode(wanted)
    })
    return this.loading
  }

  getMode(): DrawingMode {
    return this.mode
  }

  /** The tools own the pointer: ParkMap must not open popups or change the cursor. */
  isActive(): boolean {
    return this.mode !== 'idle'
  }

  /** The boundary as terra-draw holds it (while drawing: with the pointer's corner). */
  getBoundary(): Polygon | null {
    const feature = this.boundaryFeature()
    return feature ? structuredClone(feature.geometry as Polygon) : null
  }

  /**
   * Switches tools. `draw` starts a new polygon and takes the current one off the map (the caller's
   * history still has it: cancelling puts it back); `edit` selects the boundary for corner editing.
   */
  setMode(mode: DrawingMode): void {
    const draw = this.draw
    if (!draw) {
      // Not loaded yet: the tool is taken once terra-draw runs (a few ms on first use). The mode is
      // not reported before then, so nobody clicks corners that no one would receive.
      this.wanted = mode
      if (mode !== 'idle') void this.load()
      return
    }
    if (mode === this.mode) return
    this.quietly(() => {
      if (mode === 'draw') {
        draw.setMode('polygon')
        const existing = this.boundaryFeature()
        if (existing) draw.removeFeatures([existing.id as string])
      } else if (mode === 'edit') {
        draw.setMode('select')
        const existing = this.boundaryFeature()
        if (existing) draw.selectFeature(existing.id as string)
      } else {
        draw.setMode('static')
      }
    })
    this.mode = mode
    this.emitChange()
  }

  /** Escape: drops an unfinished polygon and returns to panning. The caller restores the last boundary. */
  cancel(): void {
    this.setMode('idle')
  }

  /** While drawing: takes back the last corner. Returns false when there is none. */
  undoCorner(): boolean {
    if (!this.polygonMode || this.mode !== 'draw' || !this.boundaryFeature()) return false
    this.polygonMode.undo()
    return true
  }

  /**
   * Puts a boundary on the map (undo, redo, a loaded draft), or clears it. Emits onChange, not
   * onCommit. Throws when terra-draw refuses the shape (more than one ring, unclosed…).
   */
  setBoundary(polygon: Polygon | null): void {
    const draw = this.draw
    if (!draw) {
      this.pending = polygon
      if (polygon) void this.load()
      return
    }
    this.quietly(() => {
      if (this.mode === 'draw') {
        draw.setMode('select')
        this.mode = 'edit'
      }
      const existing = this.boundaryFeature()
      if (existing) draw.removeFeatures([existing.id as string])
      if (!polygon) return
      const id = draw.getFeatureId()
      const geometry: Polygon = { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map(roundPosition)) }
      const [result] = draw.addFeatures([{ id, type: 'Feature', geometry, properties: { mode: 'polygon' } }])
      if (result && !result.valid) throw new Error(result.reason ?? 'terra-draw refused the boundary')
      if (this.mode === 'edit') draw.selectFeature(id)
    })
    this.emitChange()
  }

  /** Removes the boundary as a user action (recorded by the caller's history). */
  deleteBoundary(): void {
    this.setBoundary(null)
    this.emitCommit()
  }

  /** Corners to snap to: the parcels' (and zones') vertices. */
  setSnapTargets(geometries: readonly (Geometry | null)[]): void {
    this.vertexIndex = buildVertexIndex(geometries)
  }

  setSnapping(enabled: boolean): void {
    this.snapping = enabled
  }

  onChange(listener: Listener<DrawingState>): () => void {
    this.changeListeners.push(listener)
    return () => {
      this.changeListeners = this.changeListeners.filter((l) => l !== listener)
    }
  }

  onCommit(listener: Listener<Polygon | null>): () => void {
    this.commitListeners.push(listener)
    return () => {
      this.commitListeners = this.commitListeners.filter((l) => l !== listener)
    }
  }

  destroy(): void {
    this.changeListeners = []
    this.commitListeners = []
    try {
      this.draw?.stop()
    } catch {
      // the map may already be gone
    }
    this.draw = null
  }

  private readonly snapToCorner: SnapToCustom = (event: TerraDrawMouseEvent) => {
    if (!this.snapping || !this.vertexIndex) return undefined
    const { containerX: x, containerY: y } = event
    const corner = this.map.unproject([x + SNAP_TOLERANCE_PX, y - SNAP_TOLERANCE_PX])
    const reach: [number, number] = [Math.abs(corner.lng - event.lng), Math.abs(corner.lat - event.lat)]
    const distance = (p: Position) => {
      const projected = this.map.project([p[0] as number, p[1] as number])
      return Math.hypot(projected.x - x, projected.y - y)
    }
    return nearestVertex(this.vertexIndex, [event.lng, event.lat], reach, distance, SNAP_TOLERANCE_PX) ?? undefined
  }

  private boundaryFeature(): GeoJSONStoreFeatures | undefined {
    return this.draw?.getSnapshot().find((f) => f.properties.mode === 'polygon' && f.geometry.type === 'Polygon')
  }

  private quietly(change: () => void): void {
    this.silent++
    try {
      change()
    } finally {
      this.silent--
    }
  }

  private state(): DrawingState {
    const feature = this.boundaryFeature()
    return {
      boundary: feature ? structuredClone(feature.geometry as Polygon) : null,
      drawing: Boolean(feature?.properties.currentlyDrawing),
      mode: this.mode,
    }
  }

  private handleChange(): void {
    if (this.silent === 0) this.emitChange()
  }

  private handleFinish(): void {
    if (this.silent > 0) return
    this.emitCommit()
    // A closed polygon goes straight to corner editing: the planner adjusts what was just drawn.
    // Deferred: terra-draw is still inside the click that closed it.
    if (this.mode === 'draw') queueMicrotask(() => this.setMode('edit'))
  }

  private emitChange(): void {
    const state = this.state()
    for (const listener of this.changeListeners) listener(state)
  }

  private emitCommit(): void {
    const boundary = this.state().boundary
    for (const listener of this.commitListeners) listener(boundary)
  }
}
