import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../../hooks/useTask'
import type { Language } from '../../../lib/featureDetails'
import { fetchDiff, fetchVersion } from '../../../lib/scenarios/api'
import { movedVertices, type MovedVertex } from '../../../lib/scenarios/movedVertices'
import type { ParkMap } from '../../../map/ParkMap'
import type { ScenarioDiff } from '../../../shared/api/scenarios'
import { Icon } from '../Icon'
import { TaskError } from '../TaskError'
import { DiffSummary } from './DiffSummary'

/**
 * Compares two versions: the server's diff (ellipsoidal mu, what enters and leaves) and both shapes
 * on the map in two colours with the added and removed areas and the moved corners.
 */
export function ScenarioCompare({ parkMap, scenarioId, compare, lang }: {
  parkMap: ParkMap | null
  scenarioId: string
  compare: { from: number; to: number }
  lang: Language
}) {
  const { t } = useTranslation()
  const task = useTask<{ diff: ScenarioDiff; moved: MovedVertex[] }>()
  const [shown, setShown] = useState(false)

  useEffect(() => () => parkMap?.scenarios.showComparison(null), [parkMap])
  useEffect(() => {
    task.reset()
    clear()
  }, [scenarioId, compare.from, compare.to])

  function clear() {
    setShown(false)
    parkMap?.scenarios.showComparison(null)
  }

  async function run() {
    const done = await task.run(async () => {
      const diff = await fetchDiff(scenarioId, compare.from, compare.to)
      const from = await fetchVersion(scenarioId, compare.from)
      const to = await fetchVersion(scenarioId, compare.to)
      const moved = movedVertices(from.geometry, to.geometry)
      parkMap?.scenarios.showComparison({
        from: from.geometry, to: to.geometry, added: diff.geometry.added, removed: diff.geometry.removed,
        moved: moved.flatMap((m) => (m.was ? [[m.was, m.is] as [typeof m.is, typeof m.is]] : [])),
      })
      return { diff, moved }
    })
    setShown(done !== undefined)
  }

  return (
    <div className="scenario-compare">
      <h4>{t('scenarios:compare')}</h4>
      <div className="actions">
        <button type="button" className="button" data-action="compare-versions" disabled={task.state.status === 'running'} onClick={() => void run()}>
          <Icon name="run" /> {t('scenarios:compareRun')} v{compare.from} → v{compare.to}
        </button>
        {shown && <button type="button" className="link-button" onClick={clear}>{t('scenarios:compareClear')}</button>}
        {task.state.status === 'running' && <span className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('scenarios:comparing')}</span>}
      </div>
      {task.state.status === 'error' && <TaskError error={task.state.error} />}
      {shown && task.state.status === 'done' && <DiffSummary diff={task.state.value.diff} moved={task.state.value.moved} lang={lang} />}
    </div>
  )
}
