import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../../hooks/useTask'
import { decideVersion, submitVersion } from '../../../lib/scenarios/api'
import { SCENARIO_LIMITS, type ScenarioVersionSummary } from '../../../shared/api/scenarios'
import type { ScenarioDecision } from '../../../shared/park-vocabulary'
import { Banner } from '../Banner'
import { TaskError } from '../TaskError'

/**
 * The latest version's review: a planner submits a draft; an admin approves or rejects a submitted
 * one with a comment. An approval makes it the zone's boundary and freezes it.
 */
export function ScenarioReview({ scenarioId, latest, mayEdit, mayDecide, onChanged }: {
  scenarioId: string
  latest: ScenarioVersionSummary
  mayEdit: boolean
  mayDecide: boolean
  onChanged: (message: string) => void
}) {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const task = useTask<unknown>()
  const n = latest.n

  async function submit() {
    const done = await task.run(() => submitVersion(scenarioId, n, comment.trim() || null))
    if (done) {
      setComment('')
      onChanged(t('scenarios:submitted', { version: n }))
    }
  }

  async function decide(decision: ScenarioDecision) {
    if (!comment.trim()) return setRefusal(t('scenarios:needDecisionComment'))
    setRefusal(null)
    const done = await task.run(() => decideVersion(scenarioId, n, { decision, comment: comment.trim() }))
    if (done) {
      setComment('')
      onChanged(t(decision === 'approved' ? 'scenarios:approved' : 'scenarios:rejected', { version: n }))
    }
  }

  const canSubmit = mayEdit && latest.status === 'draft'
  const canDecide = mayDecide && latest.status === 'submitted'
  if (!canSubmit && !canDecide) {
    return latest.status === 'submitted' ? <p className="hint">{t('scenarios:adminOnly')}</p> : null
  }
  const busy = task.state.status === 'running'
  return (
    <div className="scenario-review" data-review={latest.status}>
      <h4>{t('scenarios:review')} · {t('scenarios:version', { version: n })}</h4>
      <label className="field"><span>{canDecide ? t('scenarios:decisionComment') : t('scenarios:comment')}</span>
        <textarea name="review_comment" rows={2} maxLength={SCENARIO_LIMITS.comment} value={comment} onChange={(e) => setComment(e.target.value)} /></label>
      <div className="actions">
        {canSubmit && <button type="button" className="primary-button" data-action="submit-version" disabled={busy} onClick={() => void submit()}>{t('scenarios:submit')}</button>}
        {canDecide && <button type="button" className="primary-button" data-action="approve-version" disabled={busy} onClick={() => void decide('approved')}>{t('scenarios:approve')}</button>}
        {canDecide && <button type="button" className="button" data-action="reject-version" disabled={busy} onClick={() => void decide('rejected')}>{t('scenarios:reject')}</button>}
      </div>
      {canSubmit && <p className="hint">{t('scenarios:adminOnly')}</p>}
      {refusal && <Banner kind="warning">{refusal}</Banner>}
      {task.state.status === 'error' && <TaskError error={task.state.error} />}
    </div>
  )
}
