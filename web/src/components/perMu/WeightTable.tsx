import { useTranslation } from 'react-i18next'
import type { DraftProblem, GradingDraft } from '../../lib/perMu/gradingDraft'
import { formatNumber } from '../../lib/perMu/format'
import { INDICATOR_CODES, type IndicatorCode, type WeightSet } from '../../shared/per-mu-vocabulary'
import type { IndicatorInfo } from '../../shared/api/per-mu'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

interface Props {
  set: WeightSet
  draft: GradingDraft
  indicators: IndicatorInfo[]
  sum: number
  problems: DraftProblem[]
  onChange: (code: IndicatorCode, value: string) => void
  lang: 'zh-CN' | 'en'
}

/** The API's indicator name in the UI language; the English catalogue is lower case (it reads inside sentences). */
function indicatorName(info: IndicatorInfo | undefined, code: IndicatorCode, lang: 'zh-CN' | 'en'): string {
  if (!info) return code
  return lang === 'en' ? info.name_en.charAt(0).toUpperCase() + info.name_en.slice(1) : info.name_zh
}

/** One weight set: an input per indicator and the running total, which must reach 100. */
export function WeightTable({ set, draft, indicators, sum, problems, onChange, lang }: Props) {
  const { t } = useTranslation()
  const problemOf = (field: string) => problems.find((p) => p.field === field)
  const sumProblem = problemOf(`weights.${set}`)
  return (
    <fieldset className="weights" data-weight-set={set}>
      <legend>{t('perMu.settings.weights', { group: t(`perMu.group.${set}`) })}</legend>
      <table className="mini-table">
        <thead>
          <tr><th>{t('perMu.settings.indicator')}</th><th className="num">{t('perMu.settings.weight')}</th></tr>
        </thead>
        <tbody>
          {INDICATOR_CODES.map((code) => {
            const info = indicators.find((i) => i.code === code)
            const problem = problemOf(`weights.${set}.${code}`)
            const value = draft.weights[set][code]
            return (
              <tr key={code} className={value.trim() === '' || Number(value) === 0 ? 'weights__row--off' : undefined}>
                <td>
                  <label htmlFor={`w-${set}-${code}`}>{indicatorName(info, code, lang)}</label>
                  <span className="weights__unit">{t(`perMu.indicatorUnit.${code}`, { defaultValue: info?.unit ?? '' })}</span>
                </td>
                <td className="num">
                  <input id={`w-${set}-${code}`} name={`weights.${set}.${code}`} inputMode="decimal" value={value} placeholder="0"
                    aria-invalid={problem ? true : undefined} title={problem ? t(`perMu.settings.problem.${problem.key}`, problem.values) : undefined}
                    onChange={(e) => onChange(code, e.target.value)} />
                </td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr className={sumProblem ? 'weights__sum--bad' : 'weights__sum--ok'}>
            <th scope="row">{t('perMu.settings.sum')}</th>
            <td className="num" data-sum={set}>{formatNumber(sum, lang, Number.isInteger(sum) ? 0 : 2)} {sumProblem ? '✗' : '✓'}</td>
          </tr>
        </tfoot>
      </table>
      {sumProblem && <p className="field-problem" role="alert">{t(`perMu.settings.problem.${sumProblem.key}`, sumProblem.values)}</p>}
    </fieldset>
  )
}
