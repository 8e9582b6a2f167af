import { describe, expect, it } from 'vitest'
import { SEED_GRADING } from '../../../../tests/helpers/per-mu-reference'
import { checkDraft, draftFromConfig, type GradingDraft } from './gradingDraft'
import type { GradingConfig } from '../../shared/per-mu-vocabulary'

const config: GradingConfig = Object.freeze({
  version: 4,
  ...SEED_GRADING,
  updated_at: '2022-07-01T00:00:00Z',
  updated_by: 'migration 003',
})

const edit = (change: (d: GradingDraft) => void): GradingDraft => {
  const draft = structuredClone(draftFromConfig(config))
  change(draft)
  return draft
}
const keys = (draft: GradingDraft) => checkDraft(draft, 4).problems.map((p) => `${p.field}:${p.key}`)

describe('grading draft', () => {
  it('round-trips the active configuration into the PUT body', () => {
    const check = checkDraft(draftFromConfig(config), config.version)
    expect(check.problems).toEqual([])
    expect(check.sums).toEqual({ above_scale: 100, small: 100 })
    expect(check.update).toEqual({ version: 4, benchmark: 'mean', thresholds: config.thresholds, min_mu: 3, weights: config.weights })
  })

  it('requires each weight set to sum to 100, allowing decimal float noise', () => {
    expect(keys(edit((d) => { d.weights.small.tax_per_mu = '40' }))).toEqual(['weights.small:weightSum'])
    expect(checkDraft(edit((d) => { d.weights.small.tax_per_mu = '40' }), 4).problems[0]!.values).toEqual({ sum: 90 })
    expect(keys(edit((d) => { d.weights.small.tax_per_mu = '30.1'; d.weights.small.tax_per_kwh = '69.9' }))).toEqual([])
  })

  it('drops blank and zero weights from the body', () => {
    const check = checkDraft(edit((d) => { d.weights.small.rnd_share = '0'; d.weights.small.labour_productivity = ' ' }), 4)
    expect(check.update?.weights.small).toEqual({ tax_per_mu: 50, tax_per_kwh: 50 })
  })

  it('flags weights that are not numbers or outside 0–100', () => {
    expect(keys(edit((d) => { d.weights.small.tax_per_mu = 'abc' }))).toEqual(['weights.small.tax_per_mu:notNumber', 'weights.small:weightSum'])
    expect(keys(edit((d) => { d.weights.small.tax_per_mu = '150'; d.weights.small.tax_per_kwh = '-50' }))).toEqual([
      'weights.small.tax_per_mu:weightRange', 'weights.small.tax_per_kwh:weightRange', 'weights.small:weightSum',
    ])
  })

  it('requires thresholds in (0, 100] and increasing', () => {
    expect(keys(edit((d) => { d.thresholds.B = '10' }))).toEqual(['thresholds:thresholdOrder'])
    expect(keys(edit((d) => { d.thresholds.C = '101' }))).toEqual(['thresholds.C:thresholdRange'])
    expect(keys(edit((d) => { d.thresholds.A = '' }))).toEqual(['thresholds.A:notNumber'])
    expect(keys(edit((d) => { d.thresholds.C = '100' }))).toEqual([])
  })

  it('requires a minimum land area of 0 to 1,000,000 mu', () => {
    expect(keys(edit((d) => { d.min_mu = '-1' }))).toEqual(['min_mu:minMuRange'])
    expect(keys(edit((d) => { d.min_mu = '1e400' }))).toEqual(['min_mu:notNumber'])
    expect(checkDraft(edit((d) => { d.min_mu = '0' }), 4).update?.min_mu).toBe(0)
  })
})
