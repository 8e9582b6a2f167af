import type { Polygon, Position } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../hooks/useTask'
import { invalidLocation, requestOverlapTakingAll } from '../../lib/analysis/api'
import { highlightItems } from '../../lib/analysis/overlapFormat'
import type { Draft, OverlapSubject } from '../../lib/analysis/types'
import type { OverlapResult } from '../../shared/api/overlap'
import type { Language } from '../../lib/featureDetails'
import type { ParkMap } from '../../map/ParkMap'
import { AccessNotice, type AnalysisAccess } from './AccessNotice'
import { Banner } from './Banner'
import { Icon } from './Icon'
import { DEFAULT_OVERLAP_REQUEST, OverlapForm, type OverlapRequest } from './OverlapForm'
import { OverlapResults } from './OverlapResults'
import { TaskError } from './TaskError'
import { useServerProblem } from './useServerProblem'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

interface Props {
  parkMap: ParkMap | null
  access: AnalysisAccess
  role: string | undefined
  /** The last completed boundary, and whether it crosses itself. */
  boundary: Polygon | null
  boundaryInvalid: boolean
  drafts: readonly Draft[]
  lang: Language
  /** Where the server found the boundary invalid (null clears the marker). */
  onServerProblem: (place: Position | null) => void
}

/** Step 2: what a boundary (drawn, or a saved draft) overlaps, layer by layer, highlighted on the map. */
export function OverlapSection({ parkMap, access, role, boundary, boundaryInvalid, drafts, lang, onServerProblem }: Props) {
  const { t } = useTranslation()
  const [request, setRequest] = useState<OverlapRequest>(DEFAULT_OVERLAP_REQUEST)
  const [missing, setMissing] = useState(0)
  const [ranFor, setRanFor] = useState<Polygon | string | null>(null)
  const task = useTask<OverlapResult>()
  const { state } = task

  useEffect(() => {
    if (request.draftId && !drafts.some((d) => d.id === request.draftId)) setRequest((r) => ({ ...r, draftId: '' }))
  }, [drafts, request.draftId])
  useEffect(() => {
    if (state.status !== 'done' || !parkMap) return
    const items = highlightItems(state.value)
    setMissing(items.length - parkMap.analysis.showHighlights(items))
  }, [state, parkMap])
  // Signed out: the answers were for internal eyes; drop them.
  useEffect(() => {
    if (access !== 'allowed' && access !== 'checking') task.reset()
  }, [access])
  useServerProblem(state.status === 'error' ? invalidLocation(state.error) : null, onServerProblem)
  if (access !== 'allowed') return <AccessNotice access={access} role={role} />

  const drawn = request.subject === 'drawn'
  const target = drawn ? boundary : request.draftId || null
  const problem = !target ? t('analysis.overlap.needBoundary')
    : drawn && boundaryInvalid ? t('analysis.overlap.invalid')
    : request.layers.length === 0 ? t('analysis.overlap.needLayers') : null

  function run() {
    if (problem || !target) return
    const subject: OverlapSubject = drawn ? { geometry: boundary! } : { ref: { layer: 'scenarios', ids: [request.draftId] } }
    setRanFor(target)
    onServerProblem(null)
    void task.run(() => requestOverlapTakingAll(subject, request.layers, request.takeInLeaveOut))
  }

  function clear() {
    task.reset()
    parkMap?.analysis.clearHighlights()
    parkMap?.select(null)
  }

  return (
    <div className="overlap">
      <OverlapForm value={request} onChange={setRequest} drafts={drafts} lang={lang} />
      <div className="actions">
        <button type="button" className="primary-button" data-action="run-overlap" disabled={problem !== null || state.status === 'running'} onClick={run}>
          <Icon name="run" /> {t('analysis.overlap.run')}
        </button>
        {state.status === 'running' && (
          <span className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('analysis.overlap.running', { count: request.layers.length })}</span>
        )}
      </div>
      {problem && state.status !== 'running' && <p className="hint">{problem}</p>}
      {state.status === 'error' && <TaskError error={state.error} />}
      {state.status === 'done' && ranFor !== target && <Banner kind="info">{t('analysis.overlap.stale')}</Banner>}
      {state.status === 'done' && (
        <OverlapResults result={state.value} lang={lang} missing={missing} onClear={clear} onFocus={(layer, id) => parkMap?.focusFeatures(layer, [id])} />
      )}
    </div>
  )
}
