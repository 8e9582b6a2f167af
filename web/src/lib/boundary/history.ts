/**
 * Undo / redo for the drawn boundary: a list of snapshots with a cursor. terra-draw keeps no
 * history of finished shapes, so the app records one snapshot per completed action (a polygon
 * closed, a vertex dragged, a delete, a draft loaded) and puts a snapshot back on undo.
 *
 * Immutable: every function returns a new history and never mutates its input, so React state
 * can hold it directly. `null` is a snapshot too: "nothing drawn".
 */
export interface History<T> {
  readonly past: readonly T[]
  readonly present: T
  readonly future: readonly T[]
}

/** Oldest snapshots are dropped beyond this many undo steps. */
export const MAX_UNDO_STEPS = 100

/**
 * A history that starts at `initial`.
 * @example createHistory<Polygon | null>(null) // { past: [], present: null, future: [] }
 */
export function createHistory<T>(initial: T): History<T> {
  return { past: [], present: initial, future: [] }
}

/**
 * Records a new present; the redo branch is dropped. A snapshot equal to the present (by `equals`,
 * default structural JSON comparison) records nothing, so a click that changes nothing is not an undo step.
 * @example record(createHistory(1), 2) // { past: [1], present: 2, future: [] }
 */
export function record<T>(history: History<T>, next: T, equals: (a: T, b: T) => boolean = sameJson, limit = MAX_UNDO_STEPS): History<T> {
  if (equals(history.present, next)) return history
  const past = [...history.past, history.present]
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] }
}

/**
 * One step back; unchanged when there is nothing to undo.
 * @example undo(record(createHistory(1), 2)).present // 1
 */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1]
  if (history.past.length === 0) return history
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] }
}

/**
 * One step forward again; unchanged when there is nothing to redo.
 * @example redo(undo(record(createHistory(1), 2))).present // 2
 */
export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history
  const [next, ...rest] = history.future
  return { past: [...history.past, history.present], present: next as T, future: rest }
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
