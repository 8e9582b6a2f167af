import { INDICATOR_CODES, WEIGHT_SETS, type GradingConfig, type GradingUpdate, type IndicatorCode, type WeightSet } from '../../shared/per-mu-vocabulary'

/**
 * The admin's grading form: the configuration as the text of its inputs, and the checks the server
 * would make (server/metrics/grading-config.ts), run first in the browser so the admin sees what is
 * wrong while typing. The server stays the judge: its 400/422 messages are shown as they come.
 */

export interface GradingDraft {
  benchmark: 'mean' | 'median'
  thresholds: Record<'A' | 'B' | 'C', string>
  min_mu: string
  /** Blank or 0 means the indicator does not count for that set. */
  weights: Record<WeightSet, Record<IndicatorCode, string>>
}

/** A problem with the draft: where (an input's name), and an i18n key under perMu.settings.problem. */
export interface DraftProblem {
  field: string
  key: 'notNumber' | 'weightRange' | 'weightSum' | 'thresholdRange' | 'thresholdOrder' | 'minMuRange'
  values?: Record<string, string | number>
}

export interface DraftCheck {
  /** The PUT body, when there is no problem. */
  update: GradingUpdate | null
  problems: DraftProblem[]
  /** Each set's weight total as typed (invalid entries count 0), for the live "sum" readout. */
  sums: Record<WeightSet, number>
}

/** The server's slack for float sums of decimal weights (30.1 + 69.9). */
const SUM_TOLERANCE = 1e-9
const MAX_MIN_MU = 1_000_000

const text = (n: number | undefined) => (n === undefined ? '' : String(n))

/**
 * The form's starting state from the active configuration.
 * @example draftFromConfig(config).weights.small.tax_per_mu // "50"
 */
export function draftFromConfig(config: GradingConfig): GradingDraft {
  const weights = {} as GradingDraft['weights']
  for (const set of WEIGHT_SETS) {
    weights[set] = Object.fromEntries(INDICATOR_CODES.map((code) => [code, text(config.weights[set][code])])) as Record<IndicatorCode, string>
  }
  return {
    benchmark: config.benchmark,
    thresholds: { A: text(config.thresholds.A), B: text(config.thresholds.B), C: text(config.thresholds.C) },
    min_mu: text(config.min_mu),
    weights,
  }
}

/** A typed number: null when blank, NaN when not a finite number. */
function parse(raw: string): number | null {
  const trimmed = raw.trim()
  if (trimmed === '') return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : Number.NaN
}

/**
 * Checks a draft: weights 0–100 and each set summing to 100; thresholds in (0, 100] and A < B < C;
 * minimum land 0–1,000,000 mu. Returns the PUT body (at `version`) when all hold.
 * @example checkDraft(draftFromConfig(config), config.version).update?.version // config.version
 */
export function checkDraft(draft: GradingDraft, version: number): DraftCheck {
  const problems: DraftProblem[] = []
  const weights = {} as GradingUpdate['weights']
  const sums = {} as DraftCheck['sums']
  for (const set of WEIGHT_SETS) {
    weights[set] = {}
    sums[set] = 0
    for (const code of INDICATOR_CODES) {
      const field = `weights.${set}.${code}`
      const value = parse(draft.weights[set][code])
      if (value === null) continue
      if (Number.isNaN(value)) problems.push({ field, key: 'notNumber' })
      else if (value < 0 || value > 100) problems.push({ field, key: 'weightRange' })
      else {
        sums[set] += value
        // Zero weights are left out: the indicator simply does not count.
        if (value > 0) weights[set][code] = value
      }
    }
    if (Math.abs(sums[set] - 100) > SUM_TOLERANCE) problems.push({ field: `weights.${set}`, key: 'weightSum', values: { sum: Math.round(sums[set] * 1e6) / 1e6 } })
  }

  const t = { A: parse(draft.thresholds.A), B: parse(draft.thresholds.B), C: parse(draft.thresholds.C) }
  for (const grade of ['A', 'B', 'C'] as const) {
    const value = t[grade]
    if (value === null || Number.isNaN(value)) problems.push({ field: `thresholds.${grade}`, key: 'notNumber' })
    else if (!(value > 0 && value <= 100)) problems.push({ field: `thresholds.${grade}`, key: 'thresholdRange' })
  }
  const [A, B, C] = [t.A, t.B, t.C]
  if (A !== null && B !== null && C !== null && !(A < B && B < C)) problems.push({ field: 'thresholds', key: 'thresholdOrder' })

  const minMu = parse(draft.min_mu)
  if (minMu === null || Number.isNaN(minMu)) problems.push({ field: 'min_mu', key: 'notNumber' })
  else if (minMu < 0 || minMu > MAX_MIN_MU) problems.push({ field: 'min_mu', key: 'minMuRange' })

  const update: GradingUpdate | null = problems.length > 0 ? null : {
    version,
    benchmark: draft.benchmark,
    thresholds: { A: A!, B: B!, C: C! },
    min_mu: minMu!,
    weights,
  }
  return { update, problems, sums }
}
