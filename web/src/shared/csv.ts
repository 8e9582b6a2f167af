import { withoutBidiControls } from './text'

/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold a comma, a quote,
 * a line break or edge spaces, quotes doubled. Pure.
 */

/** Excel reads a CSV as the local code page (GBK on Chinese Windows) unless it starts with a BOM. */
export const UTF8_BOM = '\uFEFF'

export type CsvValue = string | number | boolean | null | undefined

export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvValue
}

/**
 * One field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP "CSV injection"), and loses any bidi control; numbers are written as
 * they are, in full precision.
 * @example csvField('a,"b"') // '"a,""b"""'
 * @example csvField(null)    // ''
 */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  // Bidi controls would reorder a name on screen (web/src/shared/text.ts); taken out first, so
  // that a formula behind one still gets its apostrophe.
  const plain = withoutBidiControls(v)
  const text = /^[=+\-@\t\r]/.test(plain) ? `'${plain}` : plain
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The whole document: BOM, a header row, one row per item.
 * @example toCsv([{ header: 'id', value: (r: { id: string }) => r.id }], [{ id: 'a' }]) // '\uFEFFid\r\na\r\n'
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return UTF8_BOM + csvLines([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))])
}

/**
 * Rows already laid out (a header among them if wanted) as CSV lines, without the BOM.
 * @example csvLines([['a', 1], ['=b', null]]) // "a,1\r\n'=b,\r\n"
 */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
