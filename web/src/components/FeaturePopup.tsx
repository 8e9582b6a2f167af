import { useTranslation } from 'react-i18next'
import { describeFeature, type Language, type NameLookup } from '../lib/featureDetails'
import type { FeatureHit } from '../map/ParkMap'

interface Props {
  hit: FeatureHit
  lookup: NameLookup
  /** Another feature of the click's stack was chosen (identify). */
  onChoose: (choice: { layer: FeatureHit['layer']; feature: FeatureHit['feature'] }) => void
}

/**
 * The attributes of a clicked feature, translated, with its area in mu and hectares. Where the
 * click met several features, they are listed first (identify), the shown one marked.
 */
export function FeaturePopup({ hit, lookup, onChoose }: Props) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const translate = (key: string, options?: Record<string, unknown>) => t(key, options ?? {})
  const details = describeFeature(hit.layer, hit.feature, translate, lang, lookup)
  return (
    <div className="feature-popup" data-layer={hit.layer}>
      {hit.stack && (
        <nav className="feature-popup__stack" aria-label={t('mapTools.identify.choose')}>
          <div className="feature-popup__stack-title">{t('mapTools.identify.title', { count: hit.stack.length })}</div>
          <ul>
            {hit.stack.map((entry) => {
              const current = entry.feature === hit.feature
              const title = describeFeature(entry.layer, entry.feature, translate, lang, lookup).title
              const noun = t(`noun.${entry.layer}`)
              return (
                <li key={`${entry.layer}:${String(entry.feature.id)}`}>
                  <button type="button" className="feature-popup__stack-item" aria-current={current ? 'true' : undefined} onClick={() => onChoose(entry)}>
                    {/* An unnamed feature's title already starts with its noun ("地块 NQ-002"). */}
                    {!title.startsWith(noun) && <span className="feature-popup__stack-layer">{noun}</span>}
                    {title}
                  </button>
                </li>
              )
            })}
          </ul>
        </nav>
      )}
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
