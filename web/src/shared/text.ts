/**
 * Free text that people type (names, notes, reasons, display names) and the two ways it can
 * mislead the next reader: a name that is only spaces, and Unicode's bidirectional controls.
 *
 * A bidi control is invisible, yet it reorders what follows it: with U+202E (right-to-left
 * override) "退回 U+202E 准批" is shown with the last word reversed, so an officer reads a reason,
 * a holder's name or a colleague's display name other than it is stored. The park writes Chinese
 * and English, where these characters have no use, so the API refuses them in every free-text
 * field (400 naming the character and where it is), and the client takes them out of every
 * answer before it shows anything (web/src/lib/api.ts), for text that reached the database by
 * another way (the sample data, a restore, SQL, rows older than this rule).
 */

/**
 * The bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic
 * letter mark (U+061C). As the inside of a regular-expression character class.
 */
const BIDI_CONTROL_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069'
const BIDI_CONTROL = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'u')
const BIDI_CONTROLS = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'gu')
/** Something a reader can see: neither whitespace (U+3000 included) nor an invisible format character (Cf). */
const VISIBLE = /[^\s\p{Cf}]/u

/** JSON Schema `pattern` of any free text (notes): no bidi control. Ajv reads patterns with the `u` flag. */
export const FREE_TEXT_PATTERN = `^[^${BIDI_CONTROL_CLASS}]*$`
/** JSON Schema `pattern` of a name or a required statement (a reason): also at least one visible character. */
export const NAME_PATTERN = `^(?=[\\s\\S]*${VISIBLE.source})[^${BIDI_CONTROL_CLASS}]*$`

/** Whether a schema pattern is one of these, so a refusal can be put in words (textRefusal). */
export function isTextPattern(pattern: unknown): boolean {
  return pattern === FREE_TEXT_PATTERN || pattern === NAME_PATTERN
}

/**
 * Why a text fails FREE_TEXT_PATTERN or NAME_PATTERN, in words that follow the field's name;
 * undefined when it does not.
 * @example textRefusal('退回\u202E准批') // 'contains the bidirectional control character U+202E (character 3), which reorders how the text reads: remove it'
 * @example textRefusal('   ') // 'is blank: it needs a character other than spaces'
 */
export function textRefusal(value: string, pattern: string = NAME_PATTERN): string | undefined {
  const control = BIDI_CONTROL.exec(value)
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    return `contains the bidirectional control character U+${code} (character ${[...value.slice(0, control.index)].length + 1}), which reorders how the text reads: remove it`
  }
  if (pattern === NAME_PATTERN && !VISIBLE.test(value)) return 'is blank: it needs a character other than spaces'
  return undefined
}

/** Whether the text holds a bidi control. */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text)
}

/**
 * The text without bidi controls, for display: what is left reads in the order it is stored.
 * @example withoutBidiControls('abc\u202Edef') // 'abcdef'
 */
export function withoutBidiControls(text: string): string {
  return hasBidiControl(text) ? text.replace(BIDI_CONTROLS, '') : text
}
