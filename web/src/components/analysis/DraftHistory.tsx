import type { MultiPolygon, Polygon } from 'geojson'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchDraftHistory } from '../../lib/analysis/api'
import type { AuditRecord } from '../../shared/api/audit'
import type { Language } from '../../lib/featureDetails'
import { geodesicArea } from '../../shared/geodesic-area'
import { formatMu } from '../../shared/units'

function geometryOf(entry: AuditRecord): Polygon | MultiPolygon | null {
  const g = entry.after?.geometry as { type?: string } | undefined
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? (g as Polygon | MultiPolygon) : null
}

function areaText(geometry: Polygon | MultiPolygon | null, lang: Language): string | null {
  if (!geometry) return null
  try {
    return formatMu(geodesicArea(geometry), lang)
  } catch {
    return null
  }
}

/** Every saved version of a draft, newest first: who, when, its area; "load" puts a version's boundary in the drawing. */
export function DraftHistory({ draftId, version, lang, onRestore }: {
  draftId: string
  version: number
  lang: Language
  onRestore: (geometry: Polygon | MultiPolygon) => void
}) {
  const { t } = useTranslation()
  const history = useResource(`${draftId}@${version}`, (signal) => fetchDraftHistory(draftId, signal))
  const entries = [...(history.data ?? [])].reverse()
  return (
    <div className="draft-history">
      <h4>{t('analysis.draft.history')}</h4>
      {history.status === 'loading' && entries.length === 0 && <span className="spinner" aria-hidden="true" />}
      {history.status === 'error' && <p className="note">{history.error?.message}</p>}
      {history.status === 'ready' && entries.length === 0 && <p className="note">{t('analysis.draft.historyEmpty')}</p>}
      <ol className="draft-history__list">
        {entries.map((entry) => {
          const geometry = geometryOf(entry)
          const v = entry.after?.version
          return (
            <li key={entry.id} className="draft-history__item" data-version={String(v ?? '')}>
              <div className="draft-history__main">
                <strong>{t('analysis.draft.version', { version: v ?? '?' })}</strong>
                <span className="draft-history__action">{t(`analysis.draft.action.${entry.action}`, { defaultValue: entry.action })}</span>
                {areaText(geometry, lang) && <span className="draft-history__area">{areaText(geometry, lang)}</span>}
              </div>
              <div className="draft-history__meta">
                {entry.actor} · <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })}</time>
              </div>
              {geometry && (
                <button type="button" className="link-button draft-history__restore" title={t('analysis.draft.restoreTitle')} onClick={() => onRestore(geometry)}>
                  {t('analysis.draft.restore')}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
