import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { datedFileName, downloadBlob, downloadText, isoToday } from '../../lib/download'
import { sheetRows, type Cell, type TableColumn } from '../../lib/table/tableColumns'
import { csvLines } from '../../shared/csv'
import { addPanelStrings } from '../../i18n/panelStrings'
import { tableZhCN } from '../../i18n/table.zh-CN'

addPanelStrings('table', tableZhCN)

interface TableExportProps {
  title: string
  /** The columns shown, in order. */
  columns: readonly TableColumn[]
  /** The rows the filters let through, in the table's order. */
  rows: readonly (readonly Cell[])[]
}

/**
 * CSV and XLSX of what the table shows: the filtered rows, the visible columns, the shown text
 * (enum names, not codes) and full-precision numbers. The XLSX writer loads on first use.
 */
export function TableExport({ title, columns, rows }: TableExportProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const name = (extension: string) => datedFileName(`${title}-${t('table.title')}`, isoToday(), extension, 'table')

  const csv = () => downloadText(name('csv'), csvLines(sheetRows(columns, rows, t)), 'text/csv;charset=utf-8')
  const xlsx = async () => {
    setBusy(true)
    try {
      const { default: writeXlsxFile } = await import('write-excel-file/browser')
      const blob = await writeXlsxFile(sheetRows(columns, rows, t), { sheet: title.replace(/[[\]:*?\/\\]/g, '').slice(0, 31) }).toBlob()
      downloadBlob(name('xlsx'), blob)
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="attribute-table__export" title={t('table.exportTitle')}>
      <button type="button" className="attribute-table__tool" onClick={csv} disabled={rows.length === 0}>{t('table.exportCsv')}</button>
      <button type="button" className="attribute-table__tool" onClick={() => void xlsx()} disabled={rows.length === 0 || busy} aria-busy={busy}>
        {busy ? t('table.exporting') : t('table.exportXlsx')}
      </button>
    </span>
  )
}
