import { figureValue, isFigureKey, type FigureKey } from './figures'
import { NOT_GRADED_REASONS } from '../../shared/per-mu-vocabulary'
import type { FirmResult } from '../../shared/api/per-mu'

export type SortKey = 'rank' | 'name' | 'grade' | FigureKey
export type SortDirection = 'asc' | 'desc'
export interface SortState {
  key: SortKey
  direction: SortDirection
}

/** What a first click on a column does: rank, name and grade read best-first ascending, figures largest first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'rank' || key === 'name' || key === 'grade' ? 'asc' : 'desc'
}

/**
 * The state after clicking a column header: the same column flips, another starts at its default.
 * @example nextSort({ key: 'rank', direction: 'asc' }, 'rank') // { key: 'rank', direction: 'desc' }
 */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { key, direction: defaultDirection(key) }
}

/** Firms not graded follow the graded ones, in the API's order of reasons. */
function rankOrder(f: FirmResult): number {
  return f.rank ?? 1e6 + (f.reason ? NOT_GRADED_REASONS.indexOf(f.reason) : 0)
}

function sortValue(f: FirmResult, key: SortKey): number | null {
  if (key === 'rank') return f.rank
  if (key === 'grade') return f.grade === null ? null : f.grade.charCodeAt(0)
  return isFigureKey(key) ? figureValue(f, key) : null
}

/**
 * A sorted copy. Missing values (no grade, no figure) always go last, whichever the direction, so
 * flipping a column never brings the blanks to the top; ties fall back to rank, then id.
 * `name` gives the display name the table shows (collated for the language, pinyin order in Chinese).
 * @example sortFirms(firms, { key: 'tax_per_mu', direction: 'desc' }, (f) => f.name_zh, 'zh-CN')
 */
export function sortFirms(firms: readonly FirmResult[], sort: SortState, name: (f: FirmResult) => string, locale: string): FirmResult[] {
  const collator = new Intl.Collator(locale)
  const sign = sort.direction === 'asc' ? 1 : -1
  const tieBreak = (a: FirmResult, b: FirmResult) => rankOrder(a) - rankOrder(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return [...firms].sort((a, b) => {
    if (sort.key === 'name') return sign * collator.compare(name(a), name(b)) || tieBreak(a, b)
    const [x, y] = [sortValue(a, sort.key), sortValue(b, sort.key)]
    if (x === null || y === null) return x === y ? tieBreak(a, b) : x === null ? 1 : -1
    return sign * (x - y) || tieBreak(a, b)
  })
}
