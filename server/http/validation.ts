import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifyInstance, FastifySchema } from 'fastify'
import { BadRequest } from '../errors'
import { isTextPattern, textRefusal } from '../../web/src/shared/text'

/**
 * The one validation of requests, at the edge: every route declares JSON schemas for its body,
 * query string and path parameters, and handlers receive typed values. Bodies are JSON and are
 * checked exactly as sent — no type coercion ("30" is not 30, true is not 1), no unknown field
 * dropped, no default filled in. Query strings and path parameters are text by nature: a value
 * is turned into a number only when it is written as a plain decimal number (not "0x10",
 * "Infinity" or "1e400"), and into a boolean only from "true" / "false"; an empty value of a
 * number or boolean parameter counts as not given. Refusals are 400 with every problem named.
 */

const COMMON: Options = { allErrors: true, removeAdditional: false, useDefaults: false, coerceTypes: false, strict: true, verbose: true }
// ajv-formats is CommonJS; under ESM its function arrives as the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv
const ajv = addFormats(new Ajv(COMMON))

/** A decimal number as people type it in a URL: digits, an optional fraction and exponent — finite. */
const DECIMAL = /^-?(?:\d+)(?:\.\d+)?(?:[eE][-+]?\d{1,3})?$/

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema> }

function typesOf(schema: JsonSchema | undefined): string[] {
  return schema?.type === undefined ? [] : [schema.type].flat()
}

/** One text value read as the schema's scalar type, when it is written plainly as one; otherwise left as text. */
function fromText(value: unknown, schema: JsonSchema | undefined): unknown {
  if (typeof value !== 'string') return value
  const types = typesOf(schema)
  if ((types.includes('number') || types.includes('integer')) && DECIMAL.test(value)) {
    const n = Number(value)
    if (Number.isFinite(n)) return n
  }
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/** Query strings and path parameters are flat objects of text: each property is read per its schema. */
function textValidator(schema: JsonSchema, validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    if (typeof data === 'object' && data !== null) {
      const record = data as Record<string, unknown>
      for (const [key, value] of Object.entries(record)) {
        const property = schema.properties?.[key]
        // `?year=` is how a form sends "no year": an empty value of a non-text parameter is no value.
        if (value === '' && property !== undefined && !typesOf(property).includes('string')) delete record[key]
        else record[key] = fromText(value, property)
      }
    }
    const ok = validate(data)
    wrapped.errors = validate.errors
    return ok
  }) as ValidateFunction
  return wrapped
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' }

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** One Ajv error in words that name the place and, for scalars, the value that was refused. */
export function describeError(e: ErrorObject, part = 'body'): string {
  const where = `${PART_NAMES[part] ?? part}${e.instancePath.replaceAll('/', '.')}`
  if (e.keyword === 'additionalProperties') return `${where} has unknown field "${String(e.params.additionalProperty)}"`
  if (e.propertyName !== undefined) return `${where} has unknown key "${e.propertyName}"`
  if (e.keyword === 'required') return `${where} must have the field "${String(e.params.missingProperty)}"`
  // A free-text pattern says what is wrong in words, not as a regular expression.
  if (e.keyword === 'pattern' && typeof e.data === 'string' && isTextPattern(e.params.pattern)) {
    const why = textRefusal(e.data, String(e.params.pattern))
    if (why) return `${where} ${why}`
  }
  const scalar = e.data === null || typeof e.data !== 'object'
  return `${where} ${e.message ?? 'is invalid'}${scalar && e.data !== undefined ? `, got ${shown(e.data)}` : ''}`
}

/** The distinct messages of a failed validation (propertyNames adds a generic line after the precise one). */
export function describeErrors(errors: readonly ErrorObject[], part = 'body'): string[] {
  return [...new Set(errors.filter((e) => e.keyword !== 'propertyNames' || e.propertyName === undefined).map((e) => describeError(e, part)))]
}

/** Installs the validators and the error wording for every route of the app. */
export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const validate = ajv.compile(schema as object)
    return httpPart === 'body' ? validate : textValidator(schema as JsonSchema, validate)
  })
  app.setSchemaErrorFormatter((errors, dataVar) => {
    const messages = describeErrors(errors as ErrorObject[], dataVar)
    return new BadRequest(`invalid request: ${messages.join('; ')}`)
  })
}

/**
 * A checker for values that do not arrive as a route's body (a file's contents, a stored setting),
 * with the same rules and wording as the edge. Throws BadRequest naming every problem.
 * @example const check = bodyChecker<{ a: number }>({ type: 'object', properties: { a: { type: 'number' } } })
 */
export function bodyChecker<T>(schema: object, what = 'invalid request'): (data: unknown) => T {
  const validate = ajv.compile<T>(schema)
  return (data) => {
    if (validate(data)) return data
    const messages = describeErrors(validate.errors ?? [])
    throw new BadRequest(`${what}: ${messages.join('; ')}`)
  }
}

export type { FastifySchema }
