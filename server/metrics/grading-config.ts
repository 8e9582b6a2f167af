import { Ajv, type ErrorObject } from 'ajv'
import { BadRequest, InvalidParameter } from '../errors'
import { INDICATOR_CODES } from './indicators'
import { WEIGHT_SETS, type GradingSettings, type GradingUpdate } from '../../web/src/shared/per-mu-vocabulary'

/**
 * The per-mu grading configuration (migration 003), its JSON schema and the checks a schema
 * cannot express. Pure: the database side is grading-store.ts.
 */

export { GRADES, WEIGHT_SETS } from '../../web/src/shared/per-mu-vocabulary'
export type { Grade, GradingConfig, GradingSettings, GradingUpdate, Thresholds, Weights, WeightSet } from '../../web/src/shared/per-mu-vocabulary'

const percent = { type: 'number', exclusiveMinimum: 0, maximum: 100 } as const
const weightSet = {
  type: 'object',
  propertyNames: { type: 'string', enum: [...INDICATOR_CODES] },
  additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
  minProperties: 1,
} as const

export const GRADING_UPDATE_SCHEMA = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    benchmark: { type: 'string', enum: ['mean', 'median'] },
    thresholds: {
      type: 'object',
      properties: { A: percent, B: percent, C: percent },
      required: ['A', 'B', 'C'],
      additionalProperties: false,
    },
    // 1e6 mu is 667 km²: far beyond any park, and it keeps Infinity (JSON 1e400) out.
    min_mu: { type: 'number', minimum: 0, maximum: 1_000_000 },
    weights: {
      type: 'object',
      properties: { above_scale: weightSet, small: weightSet },
      required: [...WEIGHT_SETS],
      additionalProperties: false,
    },
  },
  required: ['version', 'benchmark', 'thresholds', 'min_mu', 'weights'],
  additionalProperties: false,
} as const

// Strict on purpose: Fastify's own Ajv coerces "30" to 30 and drops unknown fields silently;
// a grading change must be exactly what the admin sent, or refused.
const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: true })
const validateShape = ajv.compile<GradingUpdate>(GRADING_UPDATE_SCHEMA)

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'body' : `body${e.instancePath.replaceAll('/', '.')}`
  if (e.keyword === 'additionalProperties') return `${where} has unknown field "${String(e.params.additionalProperty)}"`
  if (e.propertyName !== undefined) return `${where} has unknown indicator "${e.propertyName}"; known: ${INDICATOR_CODES.join(', ')}`
  return `${where} ${e.message ?? 'is invalid'}`
}

/** Weights must add up to 100 per set; float sums of decimals get a hair of slack. */
const SUM_TOLERANCE = 1e-9

/**
 * Checks a PUT body and returns it typed. Throws BadRequest (400) when the shape or a type is
 * wrong, InvalidParameter (422) when the values are well-formed but inconsistent (weights not
 * summing to 100, thresholds not increasing).
 * @example parseGradingUpdate({ version: 1, benchmark: 'mean', thresholds: { A: 20, B: 60, C: 95 }, min_mu: 3, weights: {...} })
 */
export function parseGradingUpdate(body: unknown): GradingUpdate {
  if (!validateShape(body)) {
    // propertyNames reports the bad name, then a generic line: the first says it all.
    const messages = [...new Set((validateShape.errors ?? []).filter((e) => e.keyword !== 'propertyNames').map(describe))]
    throw new BadRequest(`invalid grading configuration: ${messages.join('; ')}`, { errors: messages })
  }
  const problems: string[] = []
  for (const set of WEIGHT_SETS) {
    const sum = Object.values(body.weights[set]).reduce((s, w) => s + (w ?? 0), 0)
    if (Math.abs(sum - 100) > SUM_TOLERANCE) problems.push(`weights.${set} must sum to 100, got ${sum}`)
  }
  const { A, B, C } = body.thresholds
  if (!(A < B && B < C)) problems.push(`thresholds must increase strictly (A < B < C ≤ 100), got A=${A}, B=${B}, C=${C}`)
  if (problems.length) throw new InvalidParameter(`invalid grading configuration: ${problems.join('; ')}`, { errors: problems })
  return body
}
