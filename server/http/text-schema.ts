import { FREE_TEXT_PATTERN, NAME_PATTERN } from '../../web/src/shared/text'

/**
 * The JSON schemas of free text, for every route that takes some: one place, so that no name field
 * forgets the rule. Names and required statements (a reason for flagging a plot) need a visible
 * character; no free text may hold a bidi control (web/src/shared/text.ts says why). The edge's
 * error wording (server/http/validation.ts) puts a refusal of these patterns in words.
 */

/** A name, or a statement that must say something (a reason): 1…max characters, not blank. */
export const nameText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: NAME_PATTERN }) as const
/** A name that may be cleared with null (a successor's). */
export const nullableNameText = (max: number) => ({ type: ['string', 'null'], maxLength: max, pattern: NAME_PATTERN }) as const
/** A note: may be empty or null, never a bidi control. */
export const nullableFreeText = (max: number) => ({ type: ['string', 'null'], maxLength: max, pattern: FREE_TEXT_PATTERN }) as const
