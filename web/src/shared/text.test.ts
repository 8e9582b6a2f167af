import { describe, expect, it } from 'vitest'
import { FREE_TEXT_PATTERN, NAME_PATTERN, hasBidiControl, isTextPattern, textRefusal, withoutBidiControls } from './text'

/** Every bidirectional control, by code point. */
const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]
// As Ajv compiles a schema `pattern` (unicodeRegExp: the `u` flag).
const name = new RegExp(NAME_PATTERN, 'u')
const freeText = new RegExp(FREE_TEXT_PATTERN, 'u')

describe('free-text patterns, as the API checks them', () => {
  it.each(CONTROLS.map((c) => [`U+${c.toString(16).toUpperCase()}`, String.fromCodePoint(c)]))('%s is refused in names and notes alike', (_, c) => {
    expect(name.test(`批准${c}方案`)).toBe(false)
    expect(freeText.test(`note ${c}`)).toBe(false)
    expect(textRefusal(`批准${c}方案`)).toMatch(/^contains the bidirectional control character U\+[0-9A-F]{4} \(character 3\)/)
  })

  it.each([['spaces', '   '], ['tabs and newlines', '\t\n'], ['ideographic spaces', '\u3000'], ['no-break spaces', '\u00a0\u00a0'], ['zero-width space', '\u200b'], ['nothing', '']])(
    'a name of %s is blank; a note may be',
    (_, blank) => {
      expect(name.test(blank)).toBe(false)
      expect(textRefusal(blank)).toBe('is blank: it needs a character other than spaces')
      expect(freeText.test(blank)).toBe(true)
      expect(textRefusal(blank, FREE_TEXT_PATTERN)).toBeUndefined()
    },
  )

  it('takes names in any script, with spaces around or inside, and neighbouring format characters that are not bidi controls', () => {
    for (const ok of ['南区', ' 南区 扩区 ', 'South — phase 2', 'Ü é 한 عربي', 'a\u200db', '1']) {
      expect(name.test(ok), ok).toBe(true)
      expect(textRefusal(ok)).toBeUndefined()
    }
  })

  it('counts the place of a control in characters, not UTF-16 units', () => {
    expect(textRefusal('𠀀\u202e')).toMatch(/U\+202E \(character 2\)/)
  })

  it('knows its own patterns', () => {
    expect(isTextPattern(NAME_PATTERN)).toBe(true)
    expect(isTextPattern(FREE_TEXT_PATTERN)).toBe(true)
    expect(isTextPattern('^[a-z]+$')).toBe(false)
  })
})

describe('withoutBidiControls', () => {
  it('takes every control out and leaves the rest as it is', () => {
    const all = CONTROLS.map((c) => String.fromCodePoint(c)).join('')
    expect(withoutBidiControls(`退回${all}准批 ok`)).toBe('退回准批 ok')
    expect(hasBidiControl(withoutBidiControls(`a${all}b`))).toBe(false)
    expect(withoutBidiControls('plain 文字 عربي \u200d')).toBe('plain 文字 عربي \u200d')
  })
})
