import { useTranslation } from 'react-i18next'
import { CLASS_METHODS } from '../../lib/perMu/classify'
import { THEMATIC_FIGURES, type ThematicFigure } from '../../lib/perMu/figures'
import { formatFigure } from '../../lib/perMu/format'
import { NOT_GRADED_STYLE, UNTHEMED_FILL } from '../../lib/perMu/palette'
import type { ThemeChoice } from '../../lib/perMu/parcelTheme'
import { usePerMu } from './PerMuContext'
import './perMu.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

type Option = 'status' | 'grade' | ThematicFigure

const UNIT_KEY: Record<ThematicFigure, string | null> = {
  tax_per_mu: 'perMu.unit.wanPerMu', revenue_per_mu: 'perMu.unit.wanPerMu', value_added_per_mu: 'perMu.unit.wanPerMu',
  electricity_kwh_per_mu: 'perMu.unit.kwhPerMu', score: null,
}

function optionOf(choice: ThemeChoice | null): Option {
  return choice === null ? 'status' : choice.kind === 'grade' ? 'grade' : choice.figure
}

/**
 * The sidebar's thematic-map block (internal users only): what the parcels are coloured by, the
 * class method for figures, and the legend of the colouring on the map. "Parcel status" clears it.
 */
export function ThemePanel() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { access, report, theme, setTheme, painted } = usePerMu()
  if (access !== 'allowed' || !report.data) return null

  const method = theme?.kind === 'figure' ? theme.method : 'natural'
  const choose = (option: Option) => {
    if (option === 'status') setTheme(null)
    else if (option === 'grade') setTheme({ kind: 'grade' })
    else setTheme({ kind: 'figure', figure: option, method })
  }
  const unitKey = theme?.kind === 'figure' ? UNIT_KEY[theme.figure] : null
  const figure = painted?.choice.kind === 'figure' ? painted.choice.figure : null

  return (
    <section className="theme-panel" aria-label={t('perMu.theme.title')} data-theme={optionOf(theme)}>
      <div className="theme-panel__head">
        <h3>{t('perMu.theme.title')}</h3>
        {theme && <button type="button" className="link-button" onClick={() => setTheme(null)}>{t('perMu.theme.clear')}</button>}
      </div>
      <label className="theme-panel__field">
        <span>{t('perMu.theme.colourBy')}</span>
        <select value={optionOf(theme)} onChange={(e) => choose(e.target.value as Option)} name="parcel-theme">
          <option value="status">{t('perMu.theme.status')}</option>
          <option value="grade">{t('perMu.theme.grade')}</option>
          {THEMATIC_FIGURES.map((f) => <option key={f} value={f}>{t(`perMu.column.${f}`)}</option>)}
        </select>
      </label>
      {theme?.kind === 'figure' && (
        <div className="segmented segmented--small" role="radiogroup" aria-label={t('perMu.theme.methodLabel')}>
          {CLASS_METHODS.map((m) => (
            <button key={m} type="button" role="radio" aria-checked={method === m} onClick={() => setTheme({ ...theme, method: m })}>
              {t(`perMu.theme.method.${m}`)}
            </button>
          ))}
        </div>
      )}
      {painted && (
        <>
          <p className="theme-panel__caption">
            {t('perMu.theme.caption', { year: painted.year })}
            {unitKey && <> · {t(unitKey)}</>}
          </p>
          <ul className="theme-legend">
            {painted.classes.map((c, i) => (
              <li key={c.grade ?? i} data-class={c.grade ?? i}>
                <span className="theme-legend__swatch" style={{ background: c.color }} />
                <span className="theme-legend__label">
                  {c.grade || !figure
                    ? t(`perMu.grade.${c.grade}`)
                    : t('perMu.theme.range', { from: formatFigure(figure, c.from, lang), to: formatFigure(figure, c.to, lang) })}
                </span>
                <span className="theme-legend__count">{t('perMu.theme.firms', { count: c.firms })}</span>
              </li>
            ))}
            <li data-class="hatched">
              <span className="theme-legend__swatch theme-legend__swatch--hatched"
                style={{ backgroundColor: NOT_GRADED_STYLE.fill, backgroundImage: `repeating-linear-gradient(135deg, ${NOT_GRADED_STYLE.hatch} 0 1.5px, transparent 1.5px 4px)` }} />
              <span className="theme-legend__label">{t('perMu.theme.hatched')}</span>
              <span className="theme-legend__count">{t('perMu.theme.firms', { count: painted.hatchedFirms })}</span>
            </li>
            <li data-class="unthemed">
              <span className="theme-legend__swatch" style={{ background: UNTHEMED_FILL }} />
              <span className="theme-legend__label">{t('perMu.theme.unthemed')}</span>
            </li>
          </ul>
        </>
      )}
    </section>
  )
}
