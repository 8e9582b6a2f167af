import type { Polygon, Position } from 'geojson'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { canRedo, canUndo, createHistory, record, redo as redoStep, undo as undoStep, type History } from '../lib/boundary/history'
import { selfIntersections } from '../lib/boundary/kinks'
import { measureBoundary, type BoundaryMeasure } from '../lib/boundary/measure'
import type { DrawingMode } from '../map/DrawingTool'
import type { ParkMap } from '../map/ParkMap'

export interface BoundaryDrawing {
  mode: DrawingMode
  /** The live shape (while drawing: with the corner under the pointer). */
  boundary: Polygon | null
  /** The last completed shape: what analysis, save and export use. */
  committed: Polygon | null
  drawing: boolean
  measure: BoundaryMeasure | null
  /** Where the live shape crosses itself. */
  kinks: Position[]
  canUndo: boolean
  canRedo: boolean
  snapping: boolean
  setSnapping: (enabled: boolean) => void
  setMode: (mode: DrawingMode) => void
  undo: () => void
  redo: () => void
  deleteBoundary: () => void
  /** Puts a shape on the map as a new undoable step (a loaded draft or version). */
  load: (polygon: Polygon | null) => void
}

const STORAGE_KEY = 'parkAtlas.boundary'

/** The boundary of the last visit: a reload or a closed tab must not lose a planner's drawing. */
function savedBoundary(): Polygon | null {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Polygon | null
    return value?.type === 'Polygon' && Array.isArray(value.coordinates) ? value : null
  } catch {
    return null // storage blocked, or not ours
  }
}

function saveBoundary(boundary: Polygon | null): void {
  try {
    if (boundary) localStorage.setItem(STORAGE_KEY, JSON.stringify(boundary))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // not kept; the drawing still works for this visit
  }
}

/** Keys typed into a form field are the field's, not the map's. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/**
 * React's side of the drawing tools: follows the DrawingTool adapter, keeps the undo history of
 * completed shapes, measures the live shape with GeographicLib and finds self-intersections.
 * Keyboard: Esc cancels (or leaves editing), Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl+Y redoes,
 * Delete removes the boundary while editing, Backspace takes back the last corner while drawing.
 * Shortcuts are live only while `active` (the analysis panel is shown).
 */
export function useBoundaryDrawing(parkMap: ParkMap | null, active: boolean): BoundaryDrawing {
  const [history, setHistory] = useState<History<Polygon | null>>(() => createHistory<Polygon | null>(savedBoundary()))
  const [live, setLive] = useState<{ boundary: Polygon | null; drawing: boolean; mode: DrawingMode }>({ boundary: null, drawing: false, mode: 'idle' })
  const [snapping, setSnappingState] = useState(true)
  const historyRef = useRef(history)
  historyRef.current = history
  /** Set while this hook switches the tool's mode itself (it restores what is needed then). */
  const ownSwitch = useRef(false)
  const tool = parkMap?.drawing ?? null

  useEffect(() => {
    if (!tool) return
    // The boundary kept from the last visit goes back on the map (queued until the map has loaded).
    if (historyRef.current.present) tool.setBoundary(historyRef.current.present)
    let lastMode = tool.getMode()
    const offChange = tool.onChange((state) => {
      // Drawing cancelled from outside (the measure tool taking the pointer): as with Esc, the
      // last completed boundary goes back. Deferred: terra-draw is still in the mode switch.
      if (lastMode === 'draw' && state.mode === 'idle' && !ownSwitch.current) queueMicrotask(() => tool.setBoundary(historyRef.current.present))
      lastMode = state.mode
      setLive(state)
    })
    const offCommit = tool.onCommit((boundary) => setHistory((h) => record(h, boundary)))
    return () => {
      offChange()
      offCommit()
    }
  }, [tool])

  useEffect(() => saveBoundary(history.present), [history.present])

  const apply = useCallback((next: History<Polygon | null>) => {
    setHistory(next)
    tool?.setBoundary(next.present)
  }, [tool])

  const setMode = useCallback((mode: DrawingMode) => {
    if (!tool) return
    const wasDrawing = tool.getMode() === 'draw'
    ownSwitch.current = true
    try {
      tool.setMode(mode)
    } finally {
      ownSwitch.current = false
    }
    // Leaving an unfinished polygon puts the last completed boundary back.
    if (wasDrawing && mode !== 'draw') tool.setBoundary(historyRef.current.present)
  }, [tool])

  const undo = useCallback(() => {
    if (tool?.getMode() === 'draw' && tool.undoCorner()) return
    apply(undoStep(historyRef.current))
  }, [tool, apply])

  const redo = useCallback(() => apply(redoStep(historyRef.current)), [apply])
  const load = useCallback((polygon: Polygon | null) => apply(record(historyRef.current, polygon)), [apply])
  const deleteBoundary = useCallback(() => {
    if (tool?.getMode() === 'draw') setMode('idle')
    apply(record(historyRef.current, null))
  }, [tool, apply, setMode])
  const setSnapping = useCallback((enabled: boolean) => {
    setSnappingState(enabled)
    tool?.setSnapping(enabled)
  }, [tool])

  useEffect(() => {
    if (!active || !tool) return
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return
      const mode = tool.getMode()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (event.key === 'Escape' && mode !== 'idle') setMode('idle')
      else if (mod && key === 'z' && !event.shiftKey) undo()
      else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) redo()
      else if (event.key === 'Delete' && mode === 'edit') deleteBoundary()
      else if (event.key === 'Backspace' && mode === 'draw') tool.undoCorner()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active, tool, setMode, undo, redo, deleteBoundary])

  const measure = useMemo(() => measureBoundary(live.boundary), [live.boundary])
  const kinks = useMemo(() => selfIntersections(live.boundary), [live.boundary])

  return {
    mode: live.mode,
    boundary: live.boundary,
    committed: history.present,
    drawing: live.drawing,
    measure,
    kinks,
    canUndo: canUndo(history) || live.drawing,
    canRedo: canRedo(history),
    snapping,
    setSnapping,
    setMode,
    undo,
    redo,
    deleteBoundary,
    load,
  }
}
