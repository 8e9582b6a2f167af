import { withoutBidiControls } from '../../web/src/shared/text'

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
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r))).join(','))
  return UTF8_BOM + lines.join('\r\n') + '\r\n'
}
