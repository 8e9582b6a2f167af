import type { Polygon } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../lib/featureDetails'
import { movedVertices } from '../../../lib/scenarios/movedVertices'
import type { ParkMap } from '../../../map/ParkMap'
import { geodesicArea } from '../../../shared/geodesic-area'
import type { StaleVersionDetails } from '../../../shared/api/scenarios'
import { formatMu } from '../../../shared/units'
import { Banner } from '../Banner'
import { MovedList } from './DiffSummary'

/**
 * A save refused because someone saved in between (409): nothing is lost. The planner compares
 * the unsaved boundary with the version saved meanwhile, then saves it on top of that version
 * (re-apply), or drops it and loads that version (Undo still brings it back).
 */
export function StaleVersion({ stale, boundary, parkMap, lang, onReapply, onLoadCurrent }: {
  stale: StaleVersionDetails
  boundary: Polygon | null
  parkMap: ParkMap | null
  lang: Language
  onReapply: () => void
  onLoadCurrent: () => void
}) {
  const { t } = useTranslation()
  const [comparing, setComparing] = useState(false)
  const current = stale.current
  const moved = comparing && boundary ? movedVertices(current.geometry, boundary) : []
  useEffect(() => () => parkMap?.scenarios.showComparison(null), [parkMap])

  function compare() {
    if (!boundary) return
    setComparing(true)
    parkMap?.scenarios.showComparison({
      from: current.geometry, to: boundary, added: null, removed: null,
      moved: movedVertices(current.geometry, boundary).flatMap((m) => (m.was ? [[m.was, m.is] as [typeof m.is, typeof m.is]] : [])),
    })
  }

  const version = stale.current_version
  return (
    <div className="scenario-stale" data-stale={version}>
      <Banner kind="error" title={t('scenarios:stale', { author: current.created_by, version })} />
      <div className="actions actions--column">
        <button type="button" className="button" data-action="stale-compare" disabled={!boundary} onClick={compare}>{t('scenarios:staleCompare', { version })}</button>
        <button type="button" className="button" data-action="stale-reapply" onClick={() => { parkMap?.scenarios.showComparison(null); onReapply() }}>{t('scenarios:staleReapply', { version })}</button>
        <button type="button" className="link-button" data-action="stale-load" onClick={() => { parkMap?.scenarios.showComparison(null); onLoadCurrent() }}>{t('scenarios:staleLoad', { version })}</button>
      </div>
      {comparing && boundary && (
        <div className="scenario-diff">
          <p>{t('scenarios:legendFrom', { version })}: {formatMu(current.area_m2, lang)} · {t('scenarios:legendDrawing')}: {formatMu(geodesicArea(boundary), lang)}</p>
          <MovedList moved={moved} lang={lang} />
        </div>
      )}
    </div>
  )
}
