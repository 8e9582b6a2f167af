import { describe, expect, it } from 'vitest'
import { historyChanges, mergeHistories } from './historyChanges'

describe('historyChanges', () => {
  it('lists the fields that changed, not the version bookkeeping', () => {
    const entry = Object.freeze({
      before: Object.freeze({ stage: 'flagged', disposal: null, version: 1, updated_at: 'a', reason: 'x' }),
      after: Object.freeze({ stage: 'disposing', disposal: 'lease', version: 2, updated_at: 'b', reason: 'x' }),
    })
    expect(historyChanges(entry)).toEqual([
      { field: 'stage', before: 'flagged', after: 'disposing' },
      { field: 'disposal', before: null, after: 'lease' },
    ])
  })
  it('a creation lists every field it set', () => {
    expect(historyChanges({ before: null, after: { category: 'idle', successor_zh: null } })).toEqual([
      { field: 'category', before: null, after: 'idle' },
    ])
  })
})

describe('mergeHistories', () => {
  it('orders entries of both lists by time, then id', () => {
    const a = [{ id: 2, at: '2022-01-02T00:00:00Z', actor: 'x', action: 'flag', before: null, after: null }]
    const b = [{ id: 3, at: '2022-01-02T00:00:00Z', actor: 'x', action: 'status', before: null, after: null },
      { id: 1, at: '2022-01-01T00:00:00Z', actor: 'y', action: 'update', before: null, after: null }]
    expect(mergeHistories(a, b).map((e) => [e.id, e.entity])).toEqual([[1, 1], [2, 0], [3, 1]])
  })
})
