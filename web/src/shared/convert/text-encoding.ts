/**
 * Text of survey files: UTF-8 (with or without BOM) or GBK, as Chinese Windows tools write it.
 * Decoding uses the platform's TextDecoder (WHATWG Encoding: 'gbk' is GB18030's two-byte part,
 * in Node with full ICU and in every browser). Encoding GBK has no platform API, so the table is
 * built once by decoding every GBK double-byte code and inverting it: no library, the same bytes
 * in the browser and on the server.
 */

// The shared code compiles without DOM or Node types; TextDecoder/TextEncoder are in both at run time.
interface Decoder { decode(bytes: Uint8Array): string }
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => Decoder
declare const TextEncoder: new () => { encode(text: string): Uint8Array }

export type TextEncodingName = 'utf-8' | 'gbk'

/**
 * The text of a file and the encoding it was in: UTF-8 if the bytes are valid UTF-8 (a BOM is
 * dropped), else GBK. Pure ASCII is UTF-8.
 * @example decodeText(new Uint8Array([0xd6, 0xd0])) // { text: '中', encoding: 'gbk' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' }
  }
}

let gbkTable: Map<string, number> | undefined

/** char → its two GBK bytes (lead·256 + trail), from the platform's own decoder. */
function gbkCodes(): Map<string, number> {
  if (gbkTable) return gbkTable
  const table = new Map<string, number>()
  const decoder = new TextDecoder('gbk')
  const pair = new Uint8Array(2)
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      pair[0] = lead
      pair[1] = trail
      const char = decoder.decode(pair)
      // U+FFFD: no character there; the first code of a character wins (GBK has a few duplicates).
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, lead * 256 + trail)
    }
  }
  gbkTable = table
  return table
}

/**
 * Text as bytes in UTF-8 or GBK. A character GBK lacks is written as '?' and counted, so the
 * writer can say so.
 * @example encodeText('中', 'gbk') // { bytes: Uint8Array [0xd6, 0xd0], unencodable: 0 }
 */
export function encodeText(text: string, encoding: TextEncodingName): { bytes: Uint8Array; unencodable: number } {
  if (encoding === 'utf-8') return { bytes: new TextEncoder().encode(text), unencodable: 0 }
  const table = gbkCodes()
  const out: number[] = []
  let unencodable = 0
  for (const char of text) {
    const code = char.codePointAt(0) as number
    if (code < 0x80) out.push(code)
    else if (char === '€') out.push(0x80)
    else {
      const gbk = table.get(char)
      if (gbk === undefined) {
        unencodable++
        out.push(0x3f)
      } else out.push(gbk >> 8, gbk & 0xff)
    }
  }
  return { bytes: Uint8Array.from(out), unencodable }
}
