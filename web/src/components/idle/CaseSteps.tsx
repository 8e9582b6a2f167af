import { useTranslation } from 'react-i18next'
import { attachmentUrl, documentUrl } from '../../lib/idle/api'
import type { CaseFile, CaseStep, StepFieldName } from '../../shared/api/idle-cases'
import { STEP_FIELD_NAMES } from '../../shared/api/idle-cases'
import { formatValue } from './formatValue'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** The documents a step can print: the notice its 告知 step records, the determination its 认定 step. */
const DOCUMENT_OF: Partial<Record<CaseStep['stage'], 'notice' | 'determination'>> = { notice: 'notice', determination: 'determination' }

/** The case's steps, oldest first: who, when, the note, the step's own fields, its evidence (thumbnails) and printable documents. */
export function CaseSteps({ idleCase }: { idleCase: CaseFile }) {
  const { t } = useTranslation()
  return (
    <section className="idle-steps" aria-label={t('idle.steps.title')}>
      <h4>{t('idle.steps.title')}</h4>
      <ol className="idle-steps__list">
        {idleCase.steps.map((s) => {
          const doc = DOCUMENT_OF[s.stage]
          const fields = STEP_FIELD_NAMES.filter((f) => s[f] !== null && s[f] !== undefined && s[f] !== '')
          return (
            <li key={s.seq} className="idle-steps__item" data-seq={s.seq} data-stage={s.stage}>
              <div className="idle-steps__meta">
                <span className={`idle-stage idle-stage--${s.stage}`}>{formatValue('stage', s.stage, t)}</span>
                <time dateTime={s.happened_on}>{s.happened_on}</time>
                <span className="idle-steps__by">{s.by}</span>
              </div>
              <p className="idle-steps__note">{s.note}</p>
              {fields.length > 0 && (
                <dl className="idle-steps__fields">
                  {fields.map((f: StepFieldName) => (
                    <div key={f}><dt>{t(`idle.stepField.${f}`)}</dt><dd>{formatValue(f, s[f], t)}</dd></div>
                  ))}
                </dl>
              )}
              {s.attachments.length > 0 && (
                <ul className="idle-steps__files">
                  {s.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={attachmentUrl(idleCase.id, a.id)} target="_blank" rel="noopener" title={a.file_name}>
                        {a.media_type.startsWith('image/')
                          ? <img className="idle-thumb" src={attachmentUrl(idleCase.id, a.id)} alt={a.file_name} loading="lazy" width={64} height={64} />
                          : <span className="idle-thumb idle-thumb--pdf">PDF</span>}
                        <span className="idle-steps__file-name">{a.file_name}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {doc && (
                <a className="link-button idle-steps__doc" href={documentUrl(idleCase.id, doc)} target="_blank" rel="noopener">{t(`idle.steps.print.${doc}`)}</a>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
