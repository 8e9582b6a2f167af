import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { UTF8_BOM, csvField, toCsv } from './csv'

describe('csvField', () => {
  it.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [Number.NaN, ''],
    [true, 'true'],
    ['宁新新材料', '宁新新材料'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1', "'-1"],
    // bidi controls would reorder a firm's name in the spreadsheet; out, before the formula check
    ['宁新\u202E新材料', '宁新新材料'],
    ['\u2067=1+1\u2069', "'=1+1"],
  ])('%j → %s', (v, out) => expect(csvField(v as never)).toBe(out))
})

describe('toCsv', () => {
  it('BOM, header, CRLF rows; parses back to the same cells', () => {
    const rows = [{ name: '金源纺织, "5G"', n: 1.25 }, { name: 'Lüyuan Bamboo & Wood', n: null }]
    const text = toCsv([{ header: '名称 name', value: (r: (typeof rows)[number]) => r.name }, { header: 'n', value: (r) => r.n }], rows)
    expect(text.startsWith(UTF8_BOM)).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(parse(text, { bom: true })).toEqual([['名称 name', 'n'], ['金源纺织, "5G"', '1.25'], ['Lüyuan Bamboo & Wood', '']])
  })
})
