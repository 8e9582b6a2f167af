import { describe, expect, it } from 'vitest'
import { parseReadableJson } from './readableJson'

describe('parseReadableJson: API answers without bidi controls', () => {
  it('takes raw controls out of every string, keys and nesting included', () => {
    const text = JSON.stringify({ features: [{ id: 'P\u202e1', properties: { name_zh: '批准\u202e方案', note: ['\u2067x\u2069'], n: 3 } }] })
    expect(parseReadableJson(text)).toEqual({ features: [{ id: 'P1', properties: { name_zh: '批准方案', note: ['x'], n: 3 } }] })
  })

  it('takes out controls written as JSON escapes, in either case', () => {
    expect(parseReadableJson('{"reason":"abc\\u202Edef","holder":"\\u200fx\\u061c"}')).toEqual({ reason: 'abcdef', holder: 'x' })
  })

  it('leaves other escapes and text alone', () => {
    expect(parseReadableJson('{"a":"tab\\tnewline\\n\\u0001","b":"\\\\u202E is how it is written"}')).toEqual({ a: 'tab\tnewline\n\u0001', b: '\\u202E is how it is written' })
    const plain = { type: 'FeatureCollection', features: [{ geometry: { coordinates: [115.4, 28.7] }, properties: { name_en: 'Park' } }] }
    expect(parseReadableJson(JSON.stringify(plain))).toEqual(plain)
  })

  it('throws on broken JSON, as response.json() did', () => {
    expect(() => parseReadableJson('{"a":')).toThrow(SyntaxError)
  })
})
