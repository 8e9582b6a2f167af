import { InvalidParameter } from '../errors'
import { BENCHMARKS, INDICATOR_CODES, WEIGHT_SETS, type GradingUpdate } from '../../web/src/shared/per-mu-vocabulary'

/**
 * The per-mu grading configuration (migration 003): the PUT body's JSON schema (checked at the
 * edge, server/http/validation.ts) and the rules a schema cannot express. Pure: the database side
 * is grading-store.ts.
 */

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
    benchmark: { type: 'string', enum: BENCHMARKS },
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

/** Weights must add up to 100 per set; float sums of decimals get a hair of slack. */
const SUM_TOLERANCE = 1e-9

/**
 * What the schema cannot say: weights summing to 100 per set, thresholds increasing. Takes a body
 * the route's schema (GRADING_UPDATE_SCHEMA) has checked and returns it; throws InvalidParameter
 * (422) naming each problem.
 * @example checkGradingRules({ version: 1, benchmark: 'mean', thresholds: { A: 20, B: 60, C: 95 }, min_mu: 3, weights: {...} })
 */
export function checkGradingRules(body: GradingUpdate): GradingUpdate {
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
