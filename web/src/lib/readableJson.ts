import { hasBidiControl, withoutBidiControls } from '../shared/text'

/**
 * An API answer parsed for display: every string without bidi controls (web/src/shared/text.ts),
 * so that no name, note or reason on screen reads in another order than it is stored. The API
 * refuses them on the way in; this covers text that reached the database by another way. Both
 * the raw characters and their `\u202E` escapes are caught: the escapes only appear after parsing.
 * The answers are GeoJSON of up to 10,000 features, so the reviver (called for every coordinate
 * too) runs only when the text could hold a control: the server writes them raw and escapes only
 * characters below U+0020, so an answer without either is parsed as it is.
 * @example parseReadableJson('{"name_zh":"批准\u202E方案"}') // { name_zh: '批准方案' }
 */
export function parseReadableJson(text: string): unknown {
  if (!hasBidiControl(text) && !text.includes('\\u')) return JSON.parse(text)
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? withoutBidiControls(value) : value))
}
