import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './history'

const square = (size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[115.4, 28.7], [115.4 + size, 28.7], [115.4 + size, 28.7 + size], [115.4, 28.7 + size], [115.4, 28.7]]],
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

describe('boundary history', () => {
  it('starts with nothing to undo or redo', () => {
    const h = createHistory<Polygon | null>(null)
    expect(h).toEqual({ past: [], present: null, future: [] })
    expect(canUndo(h)).toBe(false)
    expect(canRedo(h)).toBe(false)
    expect(undo(h)).toBe(h)
    expect(redo(h)).toBe(h)
  })

  it('undoes and redoes drawn shapes in order', () => {
    let h: History<Polygon | null> = createHistory<Polygon | null>(null)
    h = record(h, square(0.001))
    h = record(h, square(0.002))
    h = record(h, null) // deleted
    expect(h.present).toBeNull()
    h = undo(h)
    expect(h.present).toEqual(square(0.002))
    h = undo(h)
    expect(h.present).toEqual(square(0.001))
    expect(canRedo(h)).toBe(true)
    h = redo(h)
    expect(h.present).toEqual(square(0.002))
    h = undo(undo(h))
    expect(h.present).toBeNull()
    expect(canUndo(h)).toBe(false)
  })

  it('drops the redo branch when something new is recorded', () => {
    let h = record(record(createHistory<Polygon | null>(null), square(0.001)), square(0.002))
    h = undo(h)
    h = record(h, square(0.003))
    expect(canRedo(h)).toBe(false)
    expect(undo(h).present).toEqual(square(0.001))
  })

  it('records nothing when the snapshot equals the present (a click that changed nothing)', () => {
    const h = record(createHistory<Polygon | null>(null), square(0.001))
    expect(record(h, square(0.001))).toBe(h)
  })

  it('keeps at most `limit` undo steps, dropping the oldest', () => {
    let h = createHistory(0)
    for (let i = 1; i <= 10; i++) h = record(h, i, undefined, 3)
    expect(h.past).toEqual([7, 8, 9])
    expect(h.present).toBe(10)
  })

  it('never mutates its input', () => {
    const frozen = deepFreeze(record(record(createHistory<Polygon | null>(null), square(0.001)), square(0.002)))
    expect(() => redo(undo(record(undo(frozen), square(0.005))))).not.toThrow()
    expect(frozen.present).toEqual(square(0.002))
  })
})
