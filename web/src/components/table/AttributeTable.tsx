import {
  getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable,
  type ColumnDef, type ColumnFiltersState, type Row, type RowSelectionState, type SortingState, type VisibilityState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchLayerRows } from '../../lib/api'
import type { Language, NameLookup } from '../../lib/featureDetails'
import { cellMatches, tableColumns, type Cell, type TableColumn } from '../../lib/table/tableColumns'
import type { LayerRows } from '../../shared/api/layers'
import type { LayerId } from '../../shared/park-vocabulary'
import { TableExport } from './TableExport'
import './AttributeTable.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { tableZhCN } from '../../i18n/table.zh-CN'

addPanelStrings('table', tableZhCN)

type DataRow = LayerRows['rows'][number]
export type RowBox = LayerRows['bboxes'][number]

export interface AttributeTableProps {
  /** The layers this visitor can see, in the layer panel's order. */
  layers: readonly { id: LayerId; title: string }[]
  layer: LayerId
  onLayerChange: (layer: LayerId) => void
  /** Changes when the map's data is reloaded (a sign-in, an edit): the table reloads with it. */
  dataKey: string
  lookup: NameLookup
  /** Ids of this layer's features selected on the map: the table follows them. */
  mapSelection: readonly string[]
  /** Rows the user selected here, with their boxes (the map may not hold the features). */
  onSelect: (layer: LayerId, ids: string[], boxes: RowBox[]) => void
  onClose: () => void
  /** The table's height in px as it changes (the map keeps its centre above it); 0 when it closes. */
  onHeight: (pixels: number) => void
}

const ROW_HEIGHT = 28
const WIDTH: Record<TableColumn['kind'], string> = { text: 'minmax(120px, 1.6fr)', number: 'minmax(84px, 0.8fr)', area: 'minmax(90px, 0.8fr)', bool: 'minmax(64px, 0.5fr)' }

/**
 * The attribute table of one layer, docked under the map: every row the visitor may see (the
 * server's rows endpoint, up to a county's 100,000), virtualised so only the rows in view are in
 * the DOM; sort by a header, filter per column, choose columns, select rows (click, Ctrl/⌘-click,
 * Shift-click, or the keyboard) to outline them on the map, and export the filtered rows.
 * An ARIA grid: aria-rowcount counts every filtered row, not only those rendered.
 */
export function AttributeTable({ layers, layer, onLayerChange, dataKey, lookup, mapSelection, onSelect, onClose, onHeight }: AttributeTableProps) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const resource = useResource(`${layer}|${dataKey}`, (signal) => fetchLayerRows(layer, signal))
  // The previous layer's rows stay in `data` while the next load; never show them under another name.
  const table = resource.data?.layer === layer ? resource.data : null
  const title = layers.find((l) => l.id === layer)?.title ?? layer
  const section = useRef<HTMLElement>(null)
  useEffect(() => {
    const node = section.current
    if (!node) return
    const observer = new ResizeObserver(() => onHeight(node.offsetHeight))
    observer.observe(node)
    return () => {
      observer.disconnect()
      onHeight(0)
    }
  }, [onHeight])

  return (
    <section ref={section} className="attribute-table" aria-label={t('table.title')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="attribute-table__bar">
        <h2 className="attribute-table__title">{t('table.title')}</h2>
        <label className="attribute-table__layer">
          <span className="visually-hidden">{t('table.layer')}</span>
          <select value={layer} onChange={(e) => onLayerChange(e.currentTarget.value as LayerId)}>
            {layers.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
          </select>
        </label>
        <span className="attribute-table__spacer" />
        <button type="button" className="attribute-table__close" onClick={onClose} aria-label={t('table.close')} title={t('table.close')}>×</button>
      </header>
      {resource.status === 'error' && !table ? (
        <p className="attribute-table__message" role="alert">
          {t('table.failed', { message: resource.error?.message ?? '' })}{' '}
          <button type="button" onClick={resource.reload}>{t('table.retry')}</button>
        </p>
      ) : !table ? (
        <p className="attribute-table__message" role="status"><span className="attribute-table__spinner" aria-hidden="true" />{t('table.loading', { layer: title })}</p>
      ) : (
        <RowsGrid key={`${layer}|${lang}`} table={table} title={title} lang={lang} lookup={lookup}
          mapSelection={mapSelection} onSelect={(ids, boxes) => onSelect(layer, ids, boxes)} />
      )}
    </section>
  )
}

interface RowsGridProps {
  table: LayerRows
  title: string
  lang: Language
  lookup: NameLookup
  mapSelection: readonly string[]
  onSelect: (ids: string[], boxes: RowBox[]) => void
}

function RowsGrid({ table, title, lang, lookup, mapSelection, onSelect }: RowsGridProps) {
  const { t } = useTranslation()
  const columns = useMemo(() => tableColumns(table, t, lang, lookup), [table, t, lang, lookup])
  const boxById = useMemo(() => new Map(table.rows.map((r, i) => [String(r[0]), table.bboxes[i]!])), [table])
  const [sorting, setSorting] = useState<SortingState>([])
  const [filters, setFilters] = useState<ColumnFiltersState>([])
  const [visibility, setVisibility] = useState<VisibilityState>(() => Object.fromEntries(columns.map((c) => [c.key, c.defaultVisible])))
  const [selection, setSelection] = useState<RowSelectionState>({})
  const [cursor, setCursor] = useState(0)
  const anchor = useRef<number | null>(null)

  const defs = useMemo<ColumnDef<DataRow, Cell | string | number | undefined>[]>(() => columns.map((c) => ({
    id: c.key,
    header: c.label,
    accessorFn: (row) => c.sortValue(row[c.index] ?? null),
    sortingFn: 'basic',
    sortUndefined: 'last',
    filterFn: (row, _id, query: string) => cellMatches(c, row.original[c.index] ?? null, query),
    cell: (info) => c.display(info.row.original[c.index] ?? null),
  })), [columns])

  const grid = useReactTable({
    data: table.rows,
    columns: defs,
    state: { sorting, columnFilters: filters, columnVisibility: visibility, rowSelection: selection },
    getRowId: (row) => String(row[0]),
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    enableMultiRowSelection: true,
  })
  const rows = grid.getRowModel().rows
  const shownColumns = columns.filter((c) => visibility[c.key] !== false)
  const template = shownColumns.map((c) => (c.key === 'id' ? 'minmax(96px, 0.9fr)' : WIDTH[c.kind])).join(' ')

  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })

  // Selections made here go to the map; the map's own (a click on a feature) come back as mapSelection.
  const choose = useCallback((ids: string[]) => {
    setSelection(Object.fromEntries(ids.map((id) => [id, true])))
    onSelect(ids, ids.map((id) => boxById.get(id)).filter((b): b is RowBox => b !== undefined))
  }, [onSelect, boxById])

  const mapKey = mapSelection.join('\n')
  useEffect(() => {
    if (mapKey === '') return
    const ids = mapKey.split('\n')
    setSelection(Object.fromEntries(ids.map((id) => [id, true])))
    const index = grid.getRowModel().rows.findIndex((r) => r.id === ids[0])
    if (index >= 0) {
      setCursor(index)
      virtualizer.scrollToIndex(index, { align: 'auto' })
    }
    // Follow the map only when its selection changes, not on every re-sort.
  }, [mapKey])

  const clickRow = (event: MouseEvent, row: Row<DataRow>, index: number) => {
    setCursor(index)
    if (event.shiftKey && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)]
      choose(rows.slice(from, to + 1).map((r) => r.id))
      return
    }
    anchor.current = index
    if (event.ctrlKey || event.metaKey) {
      const next = new Set(Object.keys(selection).filter((id) => selection[id]))
      if (next.has(row.id)) next.delete(row.id)
      else next.add(row.id)
      choose([...next])
    } else {
      choose([row.id])
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || rows.length === 0) return
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key]
    if (step !== undefined || event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, cursor + (step ?? 0)))
      setCursor(next)
      virtualizer.scrollToIndex(next, { align: 'auto' })
      if (event.shiftKey) choose(rows.slice(Math.min(anchor.current ?? next, next), Math.max(anchor.current ?? next, next) + 1).map((r) => r.id))
      else anchor.current = next
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault()
      const row = rows[cursor]
      if (row) choose(event.key === ' ' && selection[row.id] ? [] : [row.id])
    }
  }

  const selectedIds = Object.keys(selection).filter((id) => selection[id])
  const filtered = filters.some((f) => String(f.value ?? '').trim() !== '')

  return (
    <>
      <div className="attribute-table__tools">
        <span className="attribute-table__count" role="status">
          {t('table.count', { shown: rows.length.toLocaleString(lang), total: table.rows.length.toLocaleString(lang) })}
          {selectedIds.length > 0 && <> · {t('table.selected', { count: selectedIds.length })}</>}
          {table.numberMatched > table.rows.length && <> · {t('table.truncated', { shown: table.rows.length.toLocaleString(lang), total: table.numberMatched.toLocaleString(lang) })}</>}
        </span>
        {filtered && <button type="button" className="attribute-table__tool" onClick={() => setFilters([])}>{t('table.clearFilters')}</button>}
        {selectedIds.length > 0 && <button type="button" className="attribute-table__tool" onClick={() => choose(selectedIds)}>{t('table.zoom')}</button>}
        <details className="attribute-table__columns">
          <summary className="attribute-table__tool" title={t('table.columnsTitle')}>{t('table.columns')}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('table.columnsTitle')}</legend>
            {columns.map((c) => (
              <label key={c.key}>
                <input type="checkbox" checked={visibility[c.key] !== false} disabled={c.key === 'id'}
                  onChange={(e) => { const on = e.currentTarget.checked; setVisibility((v) => ({ ...v, [c.key]: on })) }} />
                {c.label}
              </label>
            ))}
          </fieldset>
        </details>
        <TableExport title={title} columns={shownColumns} rows={rows.map((r) => r.original)} />
      </div>
      {table.rows.length === 0 ? (
        <p className="attribute-table__message">{t('table.empty')}</p>
      ) : (
        <div ref={scroller} className="attribute-table__scroller" role="grid" tabIndex={0} aria-label={`${t('table.title')} · ${title}`}
          aria-rowcount={rows.length + 1} aria-colcount={shownColumns.length} aria-multiselectable="true"
          aria-activedescendant={rows[cursor] ? rowDomId(rows[cursor].id) : undefined} aria-describedby="attribute-table-keys" onKeyDown={onKeyDown}>
          <div className="attribute-table__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {grid.getHeaderGroups()[0]!.headers.map((header) => {
              const column = header.column
              const sorted = column.getIsSorted()
              const label = String(column.columnDef.header)
              return (
                <div key={header.id} role="columnheader" className="attribute-table__th"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                  <button type="button" className="attribute-table__sort" onClick={column.getToggleSortingHandler()} title={t('table.sortHint')}>
                    {label}<span aria-hidden="true" className="attribute-table__arrow">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                  </button>
                  <input className="attribute-table__filter" type="search" value={String(column.getFilterValue() ?? '')}
                    aria-label={t('table.filter', { column: label })} title={t('table.filterHint')}
                    onChange={(e) => column.setFilterValue(e.currentTarget.value)} />
                </div>
              )
            })}
          </div>
          {rows.length === 0 && <p className="attribute-table__message">{t('table.noMatch')}</p>}
          <div className="attribute-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!
              return (
                <div key={row.id} id={rowDomId(row.id)} role="row" aria-rowindex={item.index + 2} aria-selected={selection[row.id] === true}
                  className={`attribute-table__row${item.index === cursor ? ' attribute-table__row--cursor' : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => clickRow(e, row, item.index)}>
                  {row.getVisibleCells().map((cell) => {
                    const spec = columns.find((c) => c.key === cell.column.id)!
                    const text = spec.display(row.original[spec.index] ?? null)
                    return (
                      <div key={cell.id} role="gridcell" title={text}
                        className={`attribute-table__td${spec.kind === 'number' || spec.kind === 'area' ? ' attribute-table__td--number' : ''}`}>
                        {text}
                      </div>
                    )
                  })}
                </div>
              )
            })}
          </div>
        </div>
      )}
      <p id="attribute-table-keys" className="visually-hidden">{t('table.keyboard')}</p>
    </>
  )
}

/** Row ids are feature ids (HX-001, a UUID): made safe for an HTML id. */
function rowDomId(id: string): string {
  return `attribute-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`
}
