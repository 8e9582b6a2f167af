import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftFields } from '../../shared/api/edits'
import { Icon } from './Icon'

export interface DraftFormValue {
  name_zh: string
  name_en: string
  note: string
}

/** The form as fields to send: names trimmed, an empty note as null. */
export function draftFields(value: DraftFormValue): DraftFields {
  return { name_zh: value.name_zh.trim(), name_en: value.name_en.trim(), note: value.note.trim() || null }
}

/** Names and note of a draft, and Save ("save new version" when a draft is open). */
export function DraftForm({ value, onChange, onSubmit, editing, saving, canSave, onSaveAsNew }: {
  value: DraftFormValue
  onChange: (next: DraftFormValue) => void
  onSubmit: () => void
  editing: boolean
  saving: boolean
  canSave: boolean
  onSaveAsNew: () => void
}) {
  const { t } = useTranslation()
  const set = (patch: Partial<DraftFormValue>) => onChange({ ...value, ...patch })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form className="draft-form" onSubmit={submit}>
      <label className="field"><span>{t('analysis.draft.nameZh')}</span>
        <input name="name_zh" value={value.name_zh} maxLength={200} onChange={(e) => set({ name_zh: e.target.value })} /></label>
      <label className="field"><span>{t('analysis.draft.nameEn')}</span>
        <input name="name_en" value={value.name_en} maxLength={200} onChange={(e) => set({ name_en: e.target.value })} /></label>
      <label className="field"><span>{t('analysis.draft.note')}</span>
        <textarea name="note" rows={2} value={value.note} maxLength={2000} onChange={(e) => set({ note: e.target.value })} /></label>
      <div className="actions">
        <button type="submit" className="primary-button" data-action="save-draft" disabled={saving || !canSave}>
          <Icon name="save" /> {editing ? t('analysis.draft.saveVersion') : t('analysis.draft.save')}
        </button>
        {editing && <button type="button" className="link-button" onClick={onSaveAsNew}>{t('analysis.draft.newDraft')}</button>}
        {saving && <span className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('analysis.draft.saving')}</span>}
      </div>
    </form>
  )
}
