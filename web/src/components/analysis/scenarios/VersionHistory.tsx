import { useTranslation } from 'react-i18next'
import type { Language } from '../../../lib/featureDetails'
import type { ScenarioVersionSummary } from '../../../shared/api/scenarios'
import { formatMu } from '../../../shared/units'
import { when } from './names'

/** Every version, newest first: status, author, time, area, comment, the review; load one, or pick two to compare. */
export function VersionHistory({ versions, lang, compare, onCompareChange, onLoad }: {
  versions: readonly ScenarioVersionSummary[]
  lang: Language
  compare: { from: number; to: number }
  onCompareChange: (next: { from: number; to: number }) => void
  onLoad: (n: number) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="version-history">
      <h4>{t('scenarios:history')}</h4>
      <ol className="version-history__list">
        {[...versions].reverse().map((v) => (
          <li key={v.n} className="version-history__item" data-version={v.n} data-status={v.status}>
            <div className="version-history__main">
              <strong>{t('scenarios:version', { version: v.n })}</strong>
              <span className={`scenario-status scenario-status--${v.status}`}>{t(`scenarios:status.${v.status}`)}</span>
              <span className="version-history__area">{formatMu(v.area_m2, lang)}</span>
            </div>
            <div className="version-history__meta">{v.created_by} · <time dateTime={v.created_at}>{when(v.created_at, lang)}</time></div>
            {v.comment && <div className="version-history__comment">{v.comment}</div>}
            {v.reviewed_by && v.reviewed_at && (
              <div className="version-history__review">{t('scenarios:reviewedBy', { who: v.reviewed_by, when: when(v.reviewed_at, lang), comment: v.review_comment ?? '' })}</div>
            )}
            <div className="version-history__actions">
              <label className="check" title={t('scenarios:pickFrom')}>
                <input type="radio" name="compare-from" checked={compare.from === v.n} onChange={() => onCompareChange({ ...compare, from: v.n })} />
                {t('scenarios:compareFrom')}
              </label>
              <label className="check" title={t('scenarios:pickTo')}>
                <input type="radio" name="compare-to" checked={compare.to === v.n} onChange={() => onCompareChange({ ...compare, to: v.n })} />
                {t('scenarios:compareTo')}
              </label>
              <button type="button" className="link-button" data-action="load-version" title={t('scenarios:loadTitle')} onClick={() => onLoad(v.n)}>
                {t('scenarios:load')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}
