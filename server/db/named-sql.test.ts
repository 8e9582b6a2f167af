import { describe, expect, it } from 'vitest'
import { namedSql, splitNamedSql } from './named-sql'

describe('splitNamedSql', () => {
  const text = '-- header\n\n-- name: one\n-- why\nSELECT 1\n\n--name:two\nSELECT 2;\n'
  it('splits at name lines and drops the header', () => {
    expect(splitNamedSql(text, ['one', 'two'])).toEqual({ one: '-- why\nSELECT 1', two: 'SELECT 2;' })
  })
  it('a missing name fails loudly', () => {
    expect(() => splitNamedSql(text, ['three'], 'x.sql')).toThrow('x.sql: no query named "three"')
  })
  it('a repeated name fails loudly', () => {
    expect(() => splitNamedSql(`${text}-- name: one\nSELECT 3`, ['one'])).toThrow(/defined twice/)
  })
  it('reads a file beside the module that asks', () => {
    expect(Object.keys(namedSql(new URL('../metrics/sql/per-mu.sql', import.meta.url), ['years', 'firms']))).toEqual(['years', 'firms'])
  })
})
