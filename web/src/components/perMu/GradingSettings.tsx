import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { ApiError } from '../../lib/api'
import { fetchGrading, saveGrading } from '../../lib/perMu/api'
import { checkDraft, draftFromConfig, type GradingDraft } from '../../lib/perMu/gradingDraft'
import { GRADE_COLORS, GRADE_TEXT } from '../../lib/perMu/palette'
import { BENCHMARKS, GRADES, WEIGHT_SETS, type GradingConfig, type IndicatorCode, type WeightSet } from '../../shared/per-mu-vocabulary'
import type { IndicatorInfo } from '../../shared/api/per-mu'
import { Notice } from './Notice'
import { usePerMu } from './PerMuContext'
import { WeightTable } from './WeightTable'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

type Outcome = { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'rejected'; message: string } | { kind: 'fixFirst' }

/** The grade bands as a bar: A to the A threshold, B to B, C to C, D the rest (of firms by rank). */
function ThresholdBar({ draft }: { draft: GradingDraft }) {
  const cut = (['A', 'B', 'C'] as const).map((g) => Number(draft.thresholds[g]))
  if (!cut.every((c) => Number.isFinite(c)) || !(cut[0]! < cut[1]! && cut[1]! < cut[2]! && cut[2]! <= 100)) return null
  const edges = [0, ...cut, 100]
  return (
    <div className="threshold-bar" aria-hidden="true">
      {GRADES.map((g, i) => {
        const width = edges[i + 1]! - edges[i]!
        return width > 0 ? <span key={g} style={{ width: `${width}%`, background: GRADE_COLORS[g], color: GRADE_TEXT[g] }}>{width >= 6 ? g : ''}</span> : null
      })}
    </div>
  )
}

/**
 * Admin only: the weights (two sets), thresholds, minimum land and benchmark behind the grades.
 * Checked in the browser as typed; saved with the version read, so a concurrent change is a 409
 * (reload, then apply again) rather than a silent overwrite.
 */
export function GradingSettings({ indicators, lang }: { indicators: IndicatorInfo[]; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation()
  const { gradingChanged } = usePerMu()
  const [attempt, setAttempt] = useState(0)
  const grading = useResource(`grading|${attempt}`, fetchGrading)
  const [base, setBase] = useState<GradingConfig | null>(null)
  const [draft, setDraft] = useState<GradingDraft | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!grading.data) return
    setBase(grading.data)
    setDraft(draftFromConfig(grading.data))
  }, [grading.data])

  if (!base || !draft) {
    return grading.status === 'error'
      ? <Notice kind="error" title={t('perMu.settings.error')} detail={grading.error?.message} action={<button type="button" className="button" onClick={grading.reload}>{t('perMu.retry')}</button>} />
      : <Notice kind="loading" title={t('perMu.settings.loading')} />
  }

  const check = checkDraft(draft, base.version)
  const problem = (field: string) => check.problems.find((p) => p.field === field)
  const edit = (change: (d: GradingDraft) => GradingDraft) => {
    setDraft((d) => (d ? change(d) : d))
    setOutcome(null)
  }
  const setWeight = (set: WeightSet) => (code: IndicatorCode, value: string) =>
    edit((d) => ({ ...d, weights: { ...d.weights, [set]: { ...d.weights[set], [code]: value } } }))

  async function save() {
    if (!check.update) return setOutcome({ kind: 'fixFirst' })
    setBusy(true)
    try {
      const saved = await saveGrading(check.update)
      setBase(saved)
      setDraft(draftFromConfig(saved))
      setOutcome({ kind: 'saved', version: saved.version })
      gradingChanged()
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setOutcome({ kind: 'conflict' })
        setAttempt((n) => n + 1)
      } else {
        setOutcome({ kind: 'rejected', message: cause instanceof Error ? cause.message : String(cause) })
      }
    } finally {
      setBusy(false)
    }
  }

  const thresholdInput = (g: 'A' | 'B' | 'C') => (
    <label className="threshold" key={g}>
      <span className="grade-chip" style={{ background: GRADE_COLORS[g], color: GRADE_TEXT[g] }}>{g}</span>
      <span>{t(`perMu.settings.threshold${g}`)}</span>
      <input name={`thresholds.${g}`} inputMode="decimal" value={draft.thresholds[g]} aria-invalid={problem(`thresholds.${g}`) ? true : undefined}
        onChange={(e) => edit((d) => ({ ...d, thresholds: { ...d.thresholds, [g]: e.target.value } }))} />
      <span>%</span>
    </label>
  )
  const generalProblems = check.problems.filter((p) => p.field.startsWith('thresholds') || p.field === 'min_mu')

  return (
    <form className="settings" onSubmit={(e) => { e.preventDefault(); void save() }} data-version={base.version}>
      <p className="settings__intro">{t('perMu.settings.intro')}</p>
      <div className="settings__grid">
        <fieldset className="settings__general">
          <legend>{t('perMu.settings.benchmark')}</legend>
          <div className="segmented segmented--small" role="radiogroup" aria-label={t('perMu.settings.benchmark')}>
            {BENCHMARKS.map((how) => (
              <button key={how} type="button" role="radio" aria-checked={draft.benchmark === how} onClick={() => edit((d) => ({ ...d, benchmark: how }))}>
                {t(`perMu.benchmarkHow.${how}`)}
              </button>
            ))}
          </div>
          <p className="settings__help">{t('perMu.settings.benchmarkHelp')}</p>
          <h4>{t('perMu.settings.thresholds')}</h4>
          {(['A', 'B', 'C'] as const).map(thresholdInput)}
          <div className="threshold threshold--rest">
            <span className="grade-chip" style={{ background: GRADE_COLORS.D, color: GRADE_TEXT.D }}>D</span>
            <span>{t('perMu.settings.thresholdD')}</span>
          </div>
          <ThresholdBar draft={draft} />
          <h4>{t('perMu.settings.minMu')}</h4>
          <label className="threshold">
            <input name="min_mu" inputMode="decimal" value={draft.min_mu} aria-invalid={problem('min_mu') ? true : undefined}
              onChange={(e) => edit((d) => ({ ...d, min_mu: e.target.value }))} />
            <span>{t('perMu.unit.mu')}</span>
          </label>
          <p className="settings__help">{t('perMu.settings.minMuHelp')}</p>
          {generalProblems.map((p) => <p key={p.field + p.key} className="field-problem" role="alert">{t(`perMu.settings.problem.${p.key}`, p.values)}</p>)}
        </fieldset>
        {WEIGHT_SETS.map((set) => (
          <WeightTable key={set} set={set} draft={draft} indicators={indicators} sum={check.sums[set]} problems={check.problems} onChange={setWeight(set)} lang={lang} />
        ))}
      </div>
      <footer className="settings__footer">
        <span className="settings__version">
          {t('perMu.settings.version', { version: base.version, by: base.updated_by, at: new Date(base.updated_at).toLocaleString(lang) })}
        </span>
        {outcome && (
          <span className={`settings__outcome settings__outcome--${outcome.kind}`} role={outcome.kind === 'saved' ? 'status' : 'alert'}>
            {outcome.kind === 'saved' && t('perMu.settings.saved', { version: outcome.version })}
            {outcome.kind === 'conflict' && t('perMu.settings.conflict', { version: base.version })}
            {outcome.kind === 'rejected' && t('perMu.settings.rejected', { message: outcome.message })}
            {outcome.kind === 'fixFirst' && t('perMu.settings.fixFirst')}
          </span>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => { setDraft(draftFromConfig(base)); setOutcome(null) }}>{t('perMu.settings.reset')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('perMu.settings.saving') : t('perMu.settings.save')}</button>
      </footer>
    </form>
  )
}
