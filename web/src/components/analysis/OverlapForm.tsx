import { useTranslation } from 'react-i18next'
import type { Draft } from '../../lib/analysis/types'
import { OVERLAP_LAYERS, type OverlapLayerId } from '../../shared/api/overlap'
import type { Language } from '../../lib/featureDetails'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

/** What the planner asks: of which boundary, against which layers, and whether to list what lies outside. */
export interface OverlapRequest {
  subject: 'drawn' | 'draft'
  draftId: string
  layers: readonly OverlapLayerId[]
  takeInLeaveOut: boolean
}

export const DEFAULT_OVERLAP_REQUEST: OverlapRequest = { subject: 'drawn', draftId: '', layers: OVERLAP_LAYERS, takeInLeaveOut: false }

/** The overlap form: subject (drawn boundary or a saved draft), layer chips, "take in / leave out". */
export function OverlapForm({ value, onChange, drafts, lang }: {
  value: OverlapRequest
  onChange: (next: OverlapRequest) => void
  drafts: readonly Draft[]
  lang: Language
}) {
  const { t } = useTranslation()
  const set = (patch: Partial<OverlapRequest>) => onChange({ ...value, ...patch })
  const toggleLayer = (id: OverlapLayerId, on: boolean) =>
    set({ layers: OVERLAP_LAYERS.filter((l) => (l === id ? on : value.layers.includes(l))) })
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('analysis.overlap.subject')}</legend>
        <label className="radio">
          <input type="radio" name="overlap-subject" value="drawn" checked={value.subject === 'drawn'} onChange={() => set({ subject: 'drawn' })} />
          {t('analysis.overlap.subjectDrawn')}
        </label>
        <label className="radio">
          <input type="radio" name="overlap-subject" value="draft" checked={value.subject === 'draft'} onChange={() => set({ subject: 'draft' })} disabled={drafts.length === 0} />
          {t('analysis.overlap.subjectDraft')}
        </label>
        {value.subject === 'draft' && (
          <select className="select" value={value.draftId} onChange={(e) => set({ draftId: e.target.value })} aria-label={t('analysis.overlap.subjectDraft')}>
            <option value="">{drafts.length === 0 ? t('analysis.overlap.noDrafts') : t('analysis.overlap.chooseDraft')}</option>
            {drafts.map((d) => <option key={d.id} value={d.id}>{lang === 'en' ? d.name_en || d.name_zh : d.name_zh || d.name_en} · v{d.version}</option>)}
          </select>
        )}
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('analysis.overlap.layers')}</legend>
        <div className="layer-choices">
          {OVERLAP_LAYERS.map((id) => (
            <label key={id} className="check check--chip" data-layer={id}>
              <input type="checkbox" checked={value.layers.includes(id)} onChange={(e) => toggleLayer(id, e.target.checked)} />
              {t(`layer.${id}`)}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" name="take-in-leave-out" checked={value.takeInLeaveOut} onChange={(e) => set({ takeInLeaveOut: e.target.checked })} />
          {t('analysis.overlap.includeAll')}
        </label>
      </fieldset>
    </>
  )
}
