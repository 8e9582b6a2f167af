import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { useVersionedSave } from '../../hooks/useVersionedSave'
import type { Language } from '../../lib/featureDetails'
import { answerInquiry, fetchInquiries, isInternalInquiry } from '../../lib/portal/api'
import type { InquiryRow, OwnInquiry } from '../../shared/api/portal'
import { INQUIRY_STATUSES, type InquiryStatus } from '../../shared/park-vocabulary'
import './ParcelSheet.css'
import './InquiriesPanel.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('sheet', sheetZhCN)

interface InquiriesPanelProps {
  active: boolean
  /** A parcel named in an inquiry: shown on the map. */
  onShowParcel: (id: string) => void
}

/**
 * 投资咨询: land officers and admins work through every inquiry (status and an internal note,
 * saved at the version read); a signed-in investor sees the ones they sent and where each stands.
 * GET /api/inquiries answers each by the session, so the panel shows what came back.
 */
export function InquiriesPanel({ active, onShowParcel }: InquiriesPanelProps) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { user, epoch } = useSession()
  const [attempt, setAttempt] = useState(0)
  // Read again each time the tab is opened: inquiries arrive while the panel sits in the background.
  const [opened, setOpened] = useState(0)
  const [wasActive, setWasActive] = useState(false)
  if (active !== wasActive) {
    setWasActive(active)
    if (active) setOpened((n) => n + 1)
  }
  const list = useResource(user && opened > 0 ? `inquiries:${epoch}:${opened}:${attempt}` : null, fetchInquiries)
  const [filter, setFilter] = useState<InquiryStatus | ''>('')
  const rows = list.data?.inquiries ?? []
  const shown = filter ? rows.filter((r) => r.status === filter) : rows
  const internal = user?.role !== 'investor'
  const open = rows.filter((r) => r.status === 'new').length
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section className="inquiries" aria-labelledby="inquiries-title">
      <h2 id="inquiries-title">{t('sheet.inquiries.title')}</h2>
      <p className="inquiries__intro">{internal ? t('sheet.inquiries.intro') : t('sheet.inquiries.own')}</p>
      <div className="inquiries__bar">
        <label>{t('sheet.inquiries.status')}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as InquiryStatus | '')}>
            <option value="">{t('sheet.inquiries.all')}</option>
            {INQUIRY_STATUSES.map((s) => <option key={s} value={s}>{t(`sheet.inquiries.statusName.${s}`)}</option>)}
          </select>
        </label>
        {list.data && <span role="status" className="inquiries__count">{t('sheet.inquiries.count', { count: rows.length, open })}</span>}
      </div>
      {list.status === 'loading' && !list.data && <p role="status">{t('sheet.inquiries.loading')}</p>}
      {list.error && <p role="alert">{t('sheet.inquiries.failed', { message: list.error.message })}</p>}
      {list.data && shown.length === 0 && <p className="inquiries__none">{t('sheet.inquiries.none')}</p>}
      <ul className="inquiries__list">
        {shown.map((row) => (
          <li key={row.id} className="inquiries__item" data-inquiry={row.id} data-status={row.status}>
            <InquiryCard row={row} when={date.format(new Date(row.created_at))} onShowParcel={onShowParcel} onStale={() => setAttempt((n) => n + 1)} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function InquiryCard({ row, when, onShowParcel, onStale }: { row: OwnInquiry | InquiryRow; when: string; onShowParcel: (id: string) => void; onStale: () => void }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="inquiries__meta">
        <span>{t('sheet.inquiries.at', { date: when, parcel: row.parcel_id })}</span>
        <button type="button" className="link-button" onClick={() => onShowParcel(row.parcel_id)}>{t('sheet.inquiries.show')}</button>
      </p>
      <p className="inquiries__from">{t('sheet.inquiries.from', { name: row.name, company: row.company ? ` · ${row.company}` : '', contact: row.contact })}</p>
      <p className="inquiries__message">{row.message}</p>
      {isInternalInquiry(row) ? <AnswerForm row={row} onStale={onStale} /> : <p className="inquiries__state">{t(`sheet.inquiries.statusName.${row.status}`)}</p>}
    </>
  )
}

/** Status and the internal note, saved with the version the officer read: someone else's answer in between is a 409, shown, and the list is read again. */
function AnswerForm({ row, onStale }: { row: InquiryRow; onStale: () => void }) {
  const { t } = useTranslation()
  const [saved, setSaved] = useState(row)
  const [status, setStatus] = useState<InquiryStatus>(row.status)
  const [note, setNote] = useState(row.note ?? '')
  const saving = useVersionedSave(onStale)
  const changed = status !== saved.status || note !== (saved.note ?? '')

  const save = () => saving.save(async () => setSaved(await answerInquiry(row.id, { version: saved.version, status, note: note.trim() === '' ? null : note })))
  const busy = saving.state.status === 'running'
  const failed = saving.failure && (saving.failure.stale ? t('sheet.inquiries.stale') : t('sheet.inquiries.saveFailed', { message: saving.failure.message }))

  return (
    <form className="inquiries__answer" onSubmit={(e) => {
      e.preventDefault()
      void save()
    }}>
      <label>{t('sheet.inquiries.status')}
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as InquiryStatus)}>
          {INQUIRY_STATUSES.map((s) => <option key={s} value={s}>{t(`sheet.inquiries.statusName.${s}`)}</option>)}
        </select>
      </label>
      <label>{t('sheet.inquiries.note')}<textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} /></label>
      <button type="submit" className="button" disabled={!changed || busy}>{busy ? t('sheet.inquiries.saving') : t('sheet.inquiries.save')}</button>
      {saving.state.status === 'done' && !changed && <span role="status" className="inquiries__saved">{t('sheet.inquiries.saved')}</span>}
      {failed && <p role="alert" className="inquiries__error">{failed}</p>}
    </form>
  )
}
