import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../lib/api'
import { sendInquiry } from '../../lib/portal/api'
import { INQUIRY_LIMITS, type InquiryReceipt } from '../../shared/api/portal'
import { addPanelStrings } from '../../i18n/panelStrings'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('sheet', sheetZhCN)

const EMPTY = { name: '', company: '', contact: '', message: '' }

/**
 * 在线咨询: anyone asks the park about a parcel on offer (POST /api/public/parcels/:id/inquiries).
 * The browser checks what it can (required, lengths from the shared limits); the server's refusal
 * (blank text, a burst: 429) is shown in words, and the form keeps what was typed.
 */
export function InquiryForm({ parcelId }: { parcelId: string }) {
  const { t } = useTranslation()
  const [fields, setFields] = useState(EMPTY)
  const [status, setStatus] = useState<'editing' | 'sending' | { sent: InquiryReceipt } | { failed: string }>('editing')
  const set = (key: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setFields((f) => ({ ...f, [key]: value }))
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setStatus('sending')
    try {
      const company = fields.company.trim()
      const receipt = await sendInquiry(parcelId, { name: fields.name, contact: fields.contact, message: fields.message, ...(company ? { company } : {}) })
      setStatus({ sent: receipt })
      setFields(EMPTY)
    } catch (cause) {
      const tooMany = cause instanceof ApiError && cause.status === 429
      setStatus({ failed: tooMany ? t('sheet.form.tooMany') : t('sheet.form.failed', { message: cause instanceof Error ? cause.message : String(cause) }) })
    }
  }

  if (typeof status === 'object' && 'sent' in status) {
    return (
      <div className="inquiry-form inquiry-form--sent">
        <p role="status">{t('sheet.form.sent', { id: status.sent.id.slice(0, 8) })}</p>
        <button type="button" className="button" onClick={() => setStatus('editing')}>{t('sheet.form.another')}</button>
      </div>
    )
  }
  return (
    <form className="inquiry-form" onSubmit={(e) => void submit(e)} aria-labelledby="inquiry-form-title">
      <h3 id="inquiry-form-title">{t('sheet.form.title')}</h3>
      <label>{t('sheet.form.name')}<input required maxLength={INQUIRY_LIMITS.name} value={fields.name} onChange={set('name')} autoComplete="name" /></label>
      <label>{t('sheet.form.company')}<input maxLength={INQUIRY_LIMITS.company} value={fields.company} onChange={set('company')} autoComplete="organization" /></label>
      <label>{t('sheet.form.contact')}<input required maxLength={INQUIRY_LIMITS.contact} value={fields.contact} onChange={set('contact')} autoComplete="tel" /></label>
      <label>{t('sheet.form.message')}
        <textarea required rows={3} maxLength={INQUIRY_LIMITS.message} value={fields.message} placeholder={t('sheet.form.messagePlaceholder')} onChange={set('message')} />
      </label>
      <button type="submit" className="primary-button" disabled={status === 'sending'}>{status === 'sending' ? t('sheet.form.sending') : t('sheet.form.send')}</button>
      {typeof status === 'object' && 'failed' in status && <p role="alert" className="inquiry-form__error">{status.failed}</p>}
    </form>
  )
}
