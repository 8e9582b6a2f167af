import { useTranslation } from 'react-i18next'
import { describeFeature, type Language, type NameLookup } from '../lib/featureDetails'
import type { FeatureHit } from '../map/ParkMap'

/** The attributes of a clicked feature, translated, with its area in mu and hectares. */
export function FeaturePopup({ hit, lookup }: { hit: FeatureHit; lookup: NameLookup }) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const details = describeFeature(hit.layer, hit.feature, (key, options) => t(key, options ?? {}), lang, lookup)
  return (
    <div className="feature-popup" data-layer={hit.layer}>
      <div className="feature-popup__layer">{details.layerTitle}</div>
      <h3 className="feature-popup__title">{details.title}</h3>
      {details.gloss && <div className="feature-popup__gloss">{details.gloss}</div>}
      {details.area && (
        <div className="feature-popup__area">
          <span>{t('popup.area')}</span>
          <strong>{t('popup.areaValue', details.area)}</strong>
        </div>
      )}
      <dl className="feature-popup__rows">
        {details.rows.map((row) => (
          <div key={row.label} className="feature-popup__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
