import type { MultiPolygon, Polygon, Position } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../../hooks/useResource'
import { useTask } from '../../../hooks/useTask'
import { invalidLocation } from '../../../lib/analysis/api'
import type { Language } from '../../../lib/featureDetails'
import { fetchScenario, fetchVersion, saveVersion, staleVersionOf } from '../../../lib/scenarios/api'
import type { ParkMap } from '../../../map/ParkMap'
import { SCENARIO_LIMITS, type ScenarioDetail, type ScenarioSummary, type ScenarioVersion } from '../../../shared/api/scenarios'
import { AccessNotice, type AnalysisAccess } from '../AccessNotice'
import { Banner } from '../Banner'
import { Icon } from '../Icon'
import { useServerProblem } from '../useServerProblem'
import { NewScenarioForm } from './NewScenarioForm'
import { SaveError } from './SaveError'
import { ScenarioComments } from './ScenarioComments'
import { ScenarioCompare } from './ScenarioCompare'
import { ScenarioReview } from './ScenarioReview'
import { StaleVersion } from './StaleVersion'
import { VersionHistory } from './VersionHistory'
import { scenarioName, zoneName } from './names'
import './scenarios.css'
import { registerScenarioStrings } from '../../../i18n/scenarios'

registerScenarioStrings()

export interface ScenarioSectionProps {
  parkMap: ParkMap | null
  access: AnalysisAccess
  /** The role may create scenarios and save versions (planners, admins). */
  mayEdit: boolean
  /** The role may approve or reject (admins). */
  mayDecide: boolean
  role: string | undefined
  scenarios: readonly ScenarioSummary[]
  open: ScenarioSummary | null
  onOpenChange: (scenario: ScenarioSummary | null) => void
  onLoadBoundary: (geometry: Polygon | MultiPolygon) => void
  boundary: Polygon | null
  boundaryInvalid: boolean
  lang: Language
  /** A scenario changed: the list and the map's scenarios layer reload. */
  onChanged: () => void
  onServerProblem: (place: Position | null) => void
}

const summaryOf = ({ versions: _v, comments: _c, ...summary }: ScenarioDetail): ScenarioSummary => summary
const defaultCompare = (version: number) => ({ from: Math.max(1, version - 1), to: version })

/** Step 4: rezoning scenarios — open or create one, save versions (If-Match), compare two, review, comment. */
export default function ScenarioSection(props: ScenarioSectionProps) {
  const { parkMap, access, mayEdit, mayDecide, role, scenarios, open, onOpenChange, onLoadBoundary, boundary, boundaryInvalid, lang, onChanged, onServerProblem } = props
  const { t } = useTranslation()
  const [tick, setTick] = useState(0)
  const detail = useResource(open ? `${open.id}:${tick}` : null, (signal) => fetchScenario(open!.id, signal))
  const scenario = detail.data && detail.data.id === open?.id ? detail.data : null
  const [compare, setCompare] = useState(defaultCompare(open?.version ?? 1))
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const save = useTask<ScenarioVersion>()
  const stale = save.state.status === 'error' ? staleVersionOf(save.state.error) : null

  useEffect(() => {
    if (!scenario) return
    setCompare(defaultCompare(scenario.version))
    if (open && (open.version !== scenario.version || open.status !== scenario.status || open.zone_id !== scenario.zone_id)) onOpenChange(summaryOf(scenario))
  }, [scenario?.id, scenario?.version, scenario?.status])
  useEffect(() => setRefusal(null), [boundary])
  useServerProblem(save.state.status === 'error' ? invalidLocation(save.state.error) : null, onServerProblem)
  if (access !== 'allowed') return <AccessNotice access={access} role={role} compact />

  const reload = () => setTick((n) => n + 1)
  const changed = (text: string | null) => {
    setMessage(text)
    reload()
    onChanged()
  }

  async function loadVersion(id: string, n: number) {
    onLoadBoundary((await fetchVersion(id, n)).geometry)
  }

  function choose(id: string) {
    save.reset()
    setMessage(null)
    const next = scenarios.find((s) => s.id === id) ?? null
    onOpenChange(next)
    if (next) void loadVersion(next.id, next.version)
  }

  async function saveNew() {
    if (!scenario) return
    const problem = !boundary ? t('scenarios:needBoundary') : boundaryInvalid ? t('scenarios:kinks') : null
    setRefusal(problem)
    if (problem || !boundary) return
    onServerProblem(null)
    setMessage(null)
    const saved = await save.run(() => saveVersion(scenario.id, scenario.version, boundary, comment.trim() || null))
    if (saved) {
      setComment('')
      changed(t('scenarios:saved', { version: saved.n }))
    }
  }

  const latest = scenario?.versions.at(-1)
  const closed = latest && (latest.status === 'approved' || latest.status === 'submitted')
  return (
    <div className="scenarios">
      <label className="field">
        <span>{t('scenarios:open')}</span>
        <select className="select" name="scenario" value={open?.id ?? ''} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('scenarios:none')}</option>
          {scenarios.map((s) => <option key={s.id} value={s.id}>{scenarioName(s, lang)} · v{s.version} · {t(`scenarios:status.${s.status}`)}</option>)}
        </select>
      </label>

      {!open && mayEdit && <NewScenarioForm boundary={boundary} boundaryInvalid={boundaryInvalid} lang={lang} onCreated={(s) => { onOpenChange(summaryOf(s)); changed(t('scenarios:created')) }} />}
      {!open && !mayEdit && <Banner kind="info">{t('scenarios:plannerOnly', { role: role ? t(`auth.role.${role}`) : '' })}</Banner>}
      {open && !scenario && detail.status === 'loading' && <span className="spinner" aria-hidden="true" />}

      {scenario && latest && (
        <>
          <p className="editing-note" data-scenario={scenario.id} data-version={scenario.version} data-status={latest.status}>
            {t('scenarios:editing', { name: scenarioName(scenario, lang), version: scenario.version, status: t(`scenarios:status.${latest.status}`) })}
            <br /><span className="hint">{zoneName(scenario, lang) ? t('scenarios:revises', { zone: zoneName(scenario, lang) }) : t('scenarios:newZoneScenario')}</span>
          </p>
          {latest.status === 'approved' && <Banner kind="info">{t('scenarios:frozen', { version: latest.n })}</Banner>}
          {latest.status === 'submitted' && <Banner kind="info">{t('scenarios:underReview', { version: latest.n })}</Banner>}
          {mayEdit && !closed && (
            <div className="draft-form">
              <label className="field"><span>{t('scenarios:comment')}</span>
                <input name="version_comment" value={comment} maxLength={SCENARIO_LIMITS.comment} onChange={(e) => setComment(e.target.value)} /></label>
              <div className="actions">
                <button type="button" className="primary-button" data-action="save-version" disabled={save.state.status === 'running' || !boundary} onClick={() => void saveNew()}>
                  <Icon name="save" /> {t('scenarios:saveVersion')}
                </button>
                {save.state.status === 'running' && <span className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('scenarios:saving')}</span>}
              </div>
            </div>
          )}
          {!mayEdit && <Banner kind="info">{t('scenarios:plannerOnly', { role: role ? t(`auth.role.${role}`) : '' })}</Banner>}
          {refusal && <Banner kind="warning">{refusal}</Banner>}
          {stale && (
            <StaleVersion stale={stale} boundary={boundary} parkMap={parkMap} lang={lang}
              onReapply={() => { save.reset(); setMessage(t('scenarios:reapplied', { version: stale.current_version })); reload() }}
              onLoadCurrent={() => { save.reset(); onLoadBoundary(stale.current.geometry); reload() }} />
          )}
          {save.state.status === 'error' && !stale && <SaveError error={save.state.error} />}
          {message && <Banner kind="success">{message}</Banner>}
          <ScenarioReview scenarioId={scenario.id} latest={latest} mayEdit={mayEdit} mayDecide={mayDecide} onChanged={changed} />
          {scenario.versions.length > 1 && <ScenarioCompare parkMap={parkMap} scenarioId={scenario.id} compare={compare} lang={lang} />}
          <VersionHistory versions={scenario.versions} lang={lang} compare={compare} onCompareChange={setCompare} onLoad={(n) => void loadVersion(scenario.id, n)} />
          <ScenarioComments scenarioId={scenario.id} comments={scenario.comments} version={latest.n} parkMap={parkMap} mayEdit={mayEdit} lang={lang} onChanged={reload} />
        </>
      )}
    </div>
  )
}
