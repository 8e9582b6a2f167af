import { describe, expect, it } from 'vitest'
import { BadRequest, InvalidParameter } from '../errors'
import { bodyChecker } from '../http/validation'
import { checkGradingRules, GRADING_UPDATE_SCHEMA } from './grading-config'
import type { GradingUpdate } from '../../web/src/shared/per-mu-vocabulary'

/** What PUT /api/metrics/grading does with a body: the edge's schema check, then the rules. */
const checkShape = bodyChecker<GradingUpdate>(GRADING_UPDATE_SCHEMA, 'invalid grading configuration')
const parseGradingUpdate = (body: unknown) => checkGradingRules(checkShape(body))
import { SEED_GRADING } from '../../tests/helpers/per-mu-reference'

const VALID = Object.freeze({ version: 1, ...SEED_GRADING })

const withChange = (path: string[], value: unknown): unknown => {
  const copy = structuredClone(VALID) as Record<string, unknown>
  let o = copy
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>
  if (value === undefined) delete o[path.at(-1)!]
  else o[path.at(-1)!] = value
  return copy
}

describe('the grading configuration: schema, then rules', () => {
  it('accepts the Zhejiang defaults and returns them unchanged', () => {
    expect(parseGradingUpdate(structuredClone(VALID))).toEqual(VALID)
  })

  it('weights summing to 100 within float noise pass', () => {
    const body = withChange(['weights', 'small'], { tax_per_mu: 100 / 3, tax_per_kwh: 100 / 3, rnd_share: 100 / 3 })
    expect(() => parseGradingUpdate(body)).not.toThrow()
  })

  it.each<[string, unknown, RegExp]>([
    ['a string weight', withChange(['weights', 'small', 'tax_per_mu'], '50'), /must be number/],
    ['a negative weight', withChange(['weights', 'small', 'tax_per_mu'], -50), /must be >= 0/],
    ['an unknown indicator', withChange(['weights', 'small', 'emissions'], 0), /unknown key "emissions"/],
    ['an unknown field', withChange(['colour'], 'red'), /unknown field "colour"/],
    ['an unknown weight set', withChange(['weights', 'medium'], { tax_per_mu: 100 }), /unknown field "medium"/],
    ['no version', withChange(['version'], undefined), /must have the field "version"/],
    ['a fractional version', withChange(['version'], 1.5), /must be integer/],
    ['a threshold of 0', withChange(['thresholds', 'A'], 0), /must be > 0/],
    ['a threshold over 100', withChange(['thresholds', 'C'], 101), /must be <= 100/],
    ['a negative min_mu', withChange(['min_mu'], -1), /must be >= 0/],
    ['min_mu as a string', withChange(['min_mu'], '3'), /must be number/],
    ['an unknown benchmark', withChange(['benchmark'], 'mode'), /must be equal to one of the allowed values/],
    ['an empty weight set', withChange(['weights', 'small'], {}), /must NOT have fewer than 1 properties/],
    ['an array', [], /must be object/],
    ['null', null, /must be object/],
  ])('%s → 400', (_, body, message) => {
    expect(() => parseGradingUpdate(body)).toThrow(BadRequest)
    expect(() => parseGradingUpdate(body)).toThrow(message)
  })

  it.each<[string, unknown, RegExp]>([
    ['weights summing to 90', withChange(['weights', 'small', 'tax_per_mu'], 40), /weights.small must sum to 100, got 90/],
    ['thresholds not increasing', withChange(['thresholds', 'B'], 20), /thresholds must increase strictly/],
    ['thresholds reversed', withChange(['thresholds'], { A: 95, B: 60, C: 20 }), /thresholds must increase strictly/],
  ])('%s → 422', (_, body, message) => {
    expect(() => parseGradingUpdate(body)).toThrow(InvalidParameter)
    expect(() => parseGradingUpdate(body)).toThrow(message)
  })
})
