/**
 * The attribute table's columns, pure (no React, no map) so they can be tested: how each column of
 * a layer's rows (shared/api/layers.ts LayerRows) is labelled, shown, sorted, filtered and
 * exported. Values are shown as the popup shows them: enums translated, references by name,
 * areas in mu (ellipsoidal, from the server).
 */
import type { LayerRows } from '../../shared/api/layers'
import { m2ToMu } from '../../shared/units'
import { featureNames, type Language, type NameLookup } from '../featureDetails'
import type { LayerId } from '../../shared/park-vocabulary'
import { addPanelStrings } from '../../i18n/panelStrings'
import { tableZhCN } from '../../i18n/table.zh-CN'

addPanelStrings('table', tableZhCN)

export type Cell = LayerRows['rows'][number][number]
type Translate = (key: string, options?: Record<string, unknown>) => string

export interface TableColumn {
  key: string
  /** Position of the value in each row of LayerRows.rows. */
  index: number
  label: string
  kind: 'text' | 'number' | 'bool' | 'area'
  /** Shown by default; the rest are one click away in the column chooser. */
  defaultVisible: boolean
  /** The text shown in the cell and matched by the filter. */
  display: (value: Cell) => string
  /** What sorting compares: numbers as numbers, everything else as its shown text; null sorts last. */
  sortValue: (value: Cell) => string | number | undefined
}

/**
 * Mu to 12 significant digits: 100 mu stored as m² comes back as 100, not 99.99999999999999, so a
 * filter `>=100` and a spreadsheet agree with the figure the reader sees.
 */
const mu = (m2: number): number => Number(m2ToMu(m2).toPrecision(12))

/** Columns that name another layer's feature: shown by that feature's name. */
const REFERENCES: Partial<Record<string, LayerId>> = { zone_id: 'zones', enterprise_id: 'enterprises' }
/** Bookkeeping, or a name the table already shows in a readable column. */
const HIDDEN_BY_DEFAULT = new Set(['version', 'updated_at', 'enterprise_id', 'capacity_unit'])

/**
 * The table's columns for one layer's rows, in the server's order (id first, area last).
 * @example tableColumns(rows, t, 'zh-CN', lookup).map((c) => c.label) // ['编号', '所在片区', …, '面积（亩）']
 */
export function tableColumns(table: LayerRows, t: Translate, lang: Language, lookup: NameLookup): TableColumn[] {
  const numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
  return table.columns.map((key, index): TableColumn => {
    const label = columnLabel(key, t)
    const base = { key, index, label, defaultVisible: !HIDDEN_BY_DEFAULT.has(key) && !hiddenName(key, lang) }
    if (key === 'area_m2') {
      return {
        ...base, label: t('table.column.area_mu'), kind: 'area',
        display: (v) => (typeof v === 'number' ? numberFormat.format(mu(v)) : ''),
        sortValue: (v) => (typeof v === 'number' ? v : undefined),
      }
    }
    const sample = table.rows.find((r) => r[index] !== null && r[index] !== undefined)?.[index]
    if (typeof sample === 'number') {
      return { ...base, kind: 'number', display: (v) => (typeof v === 'number' ? numberFormat.format(v) : ''), sortValue: (v) => (typeof v === 'number' ? v : undefined) }
    }
    if (typeof sample === 'boolean') {
      const display = (v: Cell) => (v === null ? '' : t(v === true ? 'bool.yes' : 'bool.no'))
      return { ...base, kind: 'bool', display, sortValue: (v) => (v === null ? undefined : display(v)) }
    }
    const target = REFERENCES[key]
    const display = (v: Cell): string => {
      if (v === null || v === undefined) return ''
      const raw = String(v)
      if (target) {
        const props = lookup(target, raw)
        return (props && featureNames(props, lang).name) ?? raw
      }
      if (key === 'updated_at') return raw.slice(0, 19).replace('T', ' ')
      return t(`enum.${table.layer}.${key}.${raw}`, { defaultValue: raw })
    }
    return { ...base, kind: 'text', display, sortValue: (v) => (v === null ? undefined : display(v)) }
  })
}

function columnLabel(key: string, t: Translate): string {
  const own = t(`table.column.${key}`, { defaultValue: '' })
  return own || t(`field.${key}`, { defaultValue: key })
}

/** Of a zh/en pair of names, the table shows the reader's language; the other is in the chooser. */
function hiddenName(key: string, lang: Language): boolean {
  return lang === 'zh-CN' ? key.endsWith('_en') : key.endsWith('_zh')
}

/**
 * A column filter as people type one: text is "contains" (case-insensitive); on number and area
 * columns `>100`, `<=5`, `=3`, `10..20` compare the number shown (mu for areas), and plain text
 * still matches the shown digits.
 * @example cellMatches(areaColumn, 70000, '>100') // true: 70,000 m² is 105 mu
 */
export function cellMatches(column: TableColumn, value: Cell, query: string): boolean {
  const q = query.trim()
  if (q === '') return true
  if (column.kind === 'number' || column.kind === 'area') {
    const n = typeof value === 'number' ? (column.kind === 'area' ? mu(value) : value) : null
    const range = /^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$/.exec(q)
    if (range) return n !== null && n >= Number(range[1]) && n <= Number(range[2])
    const compare = /^(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?)$/.exec(q)
    if (compare) {
      if (n === null) return false
      const limit = Number(compare[2])
      switch (compare[1]) {
        case '>': return n > limit
        case '<': return n < limit
        case '>=': return n >= limit
        case '<=': return n <= limit
        default: return n === limit
      }
    }
  }
  return column.display(value).toLowerCase().includes(q.toLowerCase())
}

/**
 * The rows as a spreadsheet sees them: a header, then one line per row with the columns given.
 * Numbers stay numbers (full precision; areas in mu, and m² beside them); text is what the table
 * shows, so enum codes never reach a spreadsheet.
 */
export function sheetRows(columns: readonly TableColumn[], rows: readonly (readonly Cell[])[], t: Translate): (string | number | null)[][] {
  const header = columns.flatMap((c) => (c.kind === 'area' ? [c.label, t('table.column.area_m2')] : [c.label]))
  const body = rows.map((row) => columns.flatMap((c): (string | number | null)[] => {
    const v = row[c.index] ?? null
    if (c.kind === 'area') return typeof v === 'number' ? [mu(v), v] : [null, null]
    if (c.kind === 'number') return [typeof v === 'number' ? v : null]
    const shown = c.display(v)
    return [shown === '' ? null : shown]
  }))
  return [header, ...body]
}
