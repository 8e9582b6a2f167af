import { useTranslation } from 'react-i18next'
import type { BoundaryMeasure } from '../../lib/boundary/measure'
import { formatMu } from '../../shared/units'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

function fixed(value: number, locale: string, digits: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** The live area of the drawn boundary: mu (2 decimals) large, ha, m², perimeter and corners beside it. */
export function AreaReadout({ measure, drawing, kinks }: { measure: BoundaryMeasure | null; drawing: boolean; kinks: number }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  if (!measure) return null
  const perimeter = measure.perimeterM >= 1000 ? `${fixed(measure.perimeterM / 1000, locale, 3)} km` : `${fixed(measure.perimeterM, locale, 1)} m`
  return (
    <div className={`area-readout${kinks > 0 ? ' area-readout--invalid' : ''}`} data-drawing={drawing ? 'true' : 'false'} aria-live="polite">
      <div className="area-readout__label">{drawing ? t('analysis.area.drawing') : t('analysis.area.title')}</div>
      <div className="area-readout__mu" data-m2={measure.m2}>{formatMu(measure.m2, locale)}</div>
      <dl className="area-readout__grid">
        <div><dt>{t('analysis.area.ha')}</dt><dd className="area-readout__ha">{fixed(measure.ha, locale, 2)}</dd></div>
        <div><dt>{t('analysis.area.m2')}</dt><dd className="area-readout__m2">{fixed(measure.m2, locale, 0)}</dd></div>
        <div><dt>{t('analysis.area.perimeter')}</dt><dd>{perimeter}</dd></div>
        <div><dt>{t('analysis.area.vertices')}</dt><dd>{measure.vertices}</dd></div>
      </dl>
      <p className="area-readout__method">{t('analysis.area.method')}</p>
    </div>
  )
}
