import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../../hooks/useTask'
import type { Language } from '../../../lib/featureDetails'
import { addComment, resolveComment } from '../../../lib/scenarios/api'
import type { ParkMap } from '../../../map/ParkMap'
import { SCENARIO_LIMITS, type ScenarioComment } from '../../../shared/api/scenarios'
import { TaskError } from '../TaskError'
import { when } from './names'

/** Review comments: each may be pinned to a point (click on the map) and is resolved, never deleted. Pins show on the map. */
export function ScenarioComments({ scenarioId, comments, version, parkMap, mayEdit, lang, onChanged }: {
  scenarioId: string
  comments: readonly ScenarioComment[]
  version: number
  parkMap: ParkMap | null
  mayEdit: boolean
  lang: Language
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const [pin, setPin] = useState<[number, number] | null>(null)
  const [picking, setPicking] = useState(false)
  const task = useTask<unknown>()

  useEffect(() => {
    const pins = comments.flatMap((c) => (c.pin ? [{ id: c.id, at: c.pin.coordinates, resolved: c.resolved_at !== null }] : []))
    parkMap?.scenarios.showPins(pin ? [...pins, { id: 0, at: pin, resolved: false }] : pins)
  }, [parkMap, comments, pin])
  useEffect(() => () => {
    parkMap?.scenarios.cancelPick()
    parkMap?.scenarios.showPins([])
  }, [parkMap])
  useEffect(() => {
    if (!picking) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && parkMap?.scenarios.cancelPick()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [picking, parkMap])

  async function pick() {
    if (!parkMap) return
    setPicking(true)
    const at = await parkMap.scenarios.pickPoint()
    setPicking(false)
    if (at) setPin(at)
  }

  async function post() {
    if (!body.trim()) return
    const done = await task.run(() => addComment(scenarioId, { body: body.trim(), version, pin }))
    if (done) {
      setBody('')
      setPin(null)
      onChanged()
    }
  }

  async function resolve(id: number) {
    if (await task.run(() => resolveComment(scenarioId, id))) onChanged()
  }

  return (
    <div className="scenario-comments">
      <h4>{t('scenarios:comments')}</h4>
      {comments.length === 0 && <p className="hint">{t('scenarios:noComments')}</p>}
      <ul className="scenario-comments__list">
        {comments.map((c) => (
          <li key={c.id} data-comment={c.id} data-resolved={c.resolved_at ? 'yes' : 'no'} className={c.resolved_at ? 'is-resolved' : ''}>
            <div>{c.pin && <span className="scenario-pin-dot" aria-hidden="true" />}{c.body}</div>
            <div className="version-history__meta">
              {c.created_by} · {when(c.created_at, lang)}{c.version_n ? ` · v${c.version_n}` : ''}
              {c.resolved_by && ` · ${t('scenarios:resolvedBy', { who: c.resolved_by })}`}
            </div>
            {mayEdit && !c.resolved_at && <button type="button" className="link-button" data-action="resolve-comment" onClick={() => void resolve(c.id)}>{t('scenarios:resolve')}</button>}
          </li>
        ))}
      </ul>
      {mayEdit && (
        <div className="draft-form">
          <label className="field"><span>{t('scenarios:commentBody')}</span>
            <textarea name="comment_body" rows={2} maxLength={SCENARIO_LIMITS.comment} value={body} onChange={(e) => setBody(e.target.value)} /></label>
          <div className="actions">
            {pin
              ? <span className="hint" data-pin={pin.join(',')}>{t('scenarios:pinned', { lon: pin[0].toFixed(5), lat: pin[1].toFixed(5) })} <button type="button" className="link-button" onClick={() => setPin(null)}>{t('scenarios:unpin')}</button></span>
              : <button type="button" className="button" data-action="pin-comment" disabled={picking} onClick={() => void pick()}>{picking ? t('scenarios:pinning') : t('scenarios:pin')}</button>}
            <button type="button" className="primary-button" data-action="post-comment" disabled={!body.trim() || task.state.status === 'running'} onClick={() => void post()}>{t('scenarios:post')}</button>
          </div>
        </div>
      )}
      {task.state.status === 'error' && <TaskError error={task.state.error} />}
    </div>
  )
}
