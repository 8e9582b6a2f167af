import { useTranslation } from 'react-i18next'
import type { Language } from '../../../lib/featureDetails'
import type { MovedVertex } from '../../../lib/scenarios/movedVertices'
import type { DiffFeature, DiffFeatures, ScenarioDiff } from '../../../shared/api/scenarios'
import { formatMu, m2ToMu } from '../../../shared/units'
import { SCENARIO_COMPARE_COLORS } from '../../../lib/symbology'

const LAYERS: [keyof DiffFeatures, string][] = [['parcels', 'layerParcels'], ['enterprises', 'layerEnterprises'], ['projects', 'layerProjects']]
const label = (f: DiffFeature, lang: Language) => {
  const name = lang === 'en' ? f.name_en ?? f.name_zh : f.name_zh ?? f.name_en
  return name ? `${f.id} ${name}` : f.id
}
/** A change in mu with its sign, as the rounded figure reads: −0.004 mu is ±0.00, not −0.00. */
const signed = (m2: number, lang: Language) => {
  const hundredths = Math.round(m2ToMu(m2) * 100)
  return `${hundredths > 0 ? '+' : hundredths < 0 ? '−' : '±'}${formatMu(Math.abs(m2), lang)}`
}

function Crossing({ title, features, lang }: { title: string; features: DiffFeatures; lang: Language }) {
  const { t } = useTranslation()
  return (
    <div className="diff-crossing">
      <h5>{title}</h5>
      {LAYERS.map(([layer, key]) => (
        <p key={layer} data-crossing={layer}>
          <strong>{t(`scenarios:${key}`)} ({features[layer].length})</strong>{' '}
          {features[layer].length === 0 ? t('scenarios:nothing') : features[layer].map((f) => label(f, lang)).join('、')}
        </p>
      ))}
    </div>
  )
}

/** The comparison in words and figures: the legend of the map overlay, mu added / removed / net, what enters and leaves, moved corners. */
export function DiffSummary({ diff, moved, lang }: { diff: ScenarioDiff; moved: readonly MovedVertex[]; lang: Language }) {
  const { t } = useTranslation()
  const C = SCENARIO_COMPARE_COLORS
  return (
    <div className="scenario-diff" data-diff={`${diff.from}-${diff.to}`}>
      <ul className="scenario-diff__legend">
        <li><span className="swatch swatch--dashed" style={{ borderColor: C.from }} />{t('scenarios:legendFrom', { version: diff.from })}</li>
        <li><span className="swatch swatch--line" style={{ borderColor: C.to }} />{t('scenarios:legendTo', { version: diff.to })}</li>
      </ul>
      <table className="result-table scenario-diff__areas">
        <tbody>
          <tr data-area="added"><td><span className="swatch" style={{ background: C.added }} />{t('scenarios:added')}</td><td className="num">{formatMu(diff.added.m2, lang)}</td></tr>
          <tr data-area="removed"><td><span className="swatch" style={{ background: C.removed }} />{t('scenarios:removed')}</td><td className="num">{formatMu(diff.removed.m2, lang)}</td></tr>
          <tr data-area="net"><td><strong>{t('scenarios:net')}</strong></td><td className="num"><strong>{signed(diff.net.m2, lang)}</strong></td></tr>
        </tbody>
      </table>
      <Crossing title={t('scenarios:entering')} features={diff.entering} lang={lang} />
      <Crossing title={t('scenarios:leaving')} features={diff.leaving} lang={lang} />
      <MovedList moved={moved} lang={lang} />
    </div>
  )
}

export function MovedList({ moved, lang }: { moved: readonly MovedVertex[]; lang: Language }) {
  const { t } = useTranslation()
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 })
  return (
    <details className="scenario-diff__moved" open={moved.length > 0 && moved.length <= 8}>
      <summary data-moved={moved.length}>{t('scenarios:moved', { count: moved.length })}</summary>
      <ol>
        {moved.map((m, i) => (
          <li key={i}>{m.is[0]!.toFixed(6)}, {m.is[1]!.toFixed(6)} · {m.was ? t('scenarios:movedRow', { metres: fmt.format(m.metres) }) : t('scenarios:addedVertex')}</li>
        ))}
      </ol>
    </details>
  )
}
