import type { MultiPolygon, Polygon, Position } from 'geojson'
import { lazy, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoundaryDrawing } from '../../hooks/useBoundaryDrawing'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { fetchScenarios } from '../../lib/scenarios/api'
import type { Draft } from '../../lib/analysis/types'
import { editablePolygon } from '../../lib/boundary/editablePolygon'
import { selfIntersections } from '../../lib/boundary/kinks'
import { parkBounds } from '../../lib/bounds'
import type { Language } from '../../lib/featureDetails'
import type { ParkMap } from '../../map/ParkMap'
import type { AnalysisAccess } from './AccessNotice'
import { ChemicalSection } from './ChemicalSection'
import { DrawSection } from './DrawSection'
import { ExportSection } from './ExportSection'
import { ImportSection } from './ImportSection'
import { OverlapSection } from './OverlapSection'
import { Section } from './Section'
import { Deferred } from '../Deferred'
import './analysis.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

/** Scenarios (versions, comparison, review) are a chunk of their own, loaded when the panel first shows step 4. */
const ScenarioSection = lazy(() => import('./scenarios/ScenarioSection'))

interface Props {
  parkMap: ParkMap | null
  /** The panel is on screen: keyboard shortcuts are live. */
  active: boolean
  /** A scenario changed (saved, approved): the map's layers reload to show it (and an approved zone). */
  onZonesChanged: () => void
}

/**
 * The planner's journey in one panel: draw a boundary with live ellipsoidal area, run the overlap,
 * ask the chemical-firms question, keep it as a rezoning scenario (versions, comparison, review), export it.
 * App offers the tab to internal roles only (investors and the public measure with the map's
 * tool); within it, each section still asks the access table (a land officer may analyse but not
 * save scenarios) and says so when the API would refuse.
 */
export function AnalysisPanel({ parkMap, active, onZonesChanged }: Props) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { user, epoch, access: features } = useSession()
  const access: AnalysisAccess = features.analysis
  const role = user?.role
  const drawing = useBoundaryDrawing(parkMap, active)
  const [scenariosVersion, setScenariosVersion] = useState(0)
  const scenarios = useResource(access === 'allowed' ? `scenarios:${epoch}:${scenariosVersion}` : null, fetchScenarios)
  const [editing, setEditing] = useState<Draft | null>(null)
  const [serverProblem, setServerProblem] = useState<Position | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const committedInvalid = useMemo(() => selfIntersections(drawing.committed).length > 0, [drawing.committed])

  useEffect(() => setServerProblem(null), [drawing.committed])
  useEffect(() => {
    if (access === 'allowed' || access === 'checking') return
    setEditing(null)
    parkMap?.analysis.clearHighlights()
  }, [access, parkMap])
  useEffect(() => {
    parkMap?.analysis.showProblems(serverProblem ? [...drawing.kinks, serverProblem] : drawing.kinks)
  }, [parkMap, drawing.kinks, serverProblem])

  const fitTo = useCallback((boundary: Polygon | null) => {
    if (boundary) parkMap?.fitToPark(parkBounds([{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: boundary, properties: {} }] }]), true)
  }, [parkMap])

  const loadBoundary = useCallback((geometry: Polygon | MultiPolygon) => {
    const editable = editablePolygon(geometry)
    if (!editable) return
    try {
      drawing.load(editable.polygon)
      setNotice(editable.simplified ? t('analysis.draw.multipart', { parts: editable.pieces }) : null)
    } catch (cause) {
      setNotice(t('analysis.draw.refused', { reason: cause instanceof Error ? cause.message : String(cause) }))
    }
    fitTo(editable.polygon)
  }, [drawing, fitTo, t])

  const zoomToBoundary = useCallback(() => fitTo(drawing.committed), [fitTo, drawing.committed])

  const saved = useCallback(() => {
    setScenariosVersion((n) => n + 1)
    onZonesChanged()
  }, [onZonesChanged])

  const scenarioList = scenarios.data?.items ?? []
  // the overlap's subject list: open scenarios, which the scenarios layer holds (approved ones are zones)
  const openScenarios = useMemo(() => scenarioList.filter((s) => s.status !== 'approved'), [scenarioList])
  return (
    <div className="analysis" data-access={access} data-mode={drawing.mode}>
      <Section id="import" step={0} title={t('analysis.import.title')}>
        <ImportSection parkMap={parkMap} access={features.convert} role={role} active={active} lang={lang} onAccept={loadBoundary} />
      </Section>
      <Section id="draw" step={1} title={t('analysis.draw.title')}>
        <DrawSection drawing={drawing} notice={notice} onZoomTo={zoomToBoundary} />
      </Section>
      <Section id="overlap" step={2} title={t('analysis.overlap.title')}>
        <OverlapSection parkMap={parkMap} access={access} role={role} boundary={drawing.committed} boundaryInvalid={committedInvalid}
          drafts={openScenarios} lang={lang} onServerProblem={setServerProblem} />
      </Section>
      <Section id="chemical" step={3} title={t('analysis.chemical.title')}>
        <ChemicalSection parkMap={parkMap} access={access} role={role} lang={lang} />
      </Section>
      <Section id="scenarios" step={4} title={t('analysis.scenario.title')}>
        <Deferred>
          <ScenarioSection parkMap={parkMap} access={access} mayEdit={features.editScenarios === 'allowed'} mayDecide={features.decideScenarios === 'allowed'} role={role}
            scenarios={scenarioList} open={editing} onOpenChange={setEditing} onLoadBoundary={loadBoundary}
            boundary={drawing.committed} boundaryInvalid={committedInvalid} lang={lang} onChanged={saved} onServerProblem={setServerProblem} />
        </Deferred>
      </Section>
      <Section id="export" step={5} title={t('analysis.export.title')}>
        <ExportSection boundary={drawing.committed} boundaryInvalid={committedInvalid} draft={editing} lang={lang} />
      </Section>
    </div>
  )
}
