import { useTranslation } from 'react-i18next'
import type { CaseFile } from '../../shared/api/idle-cases'
import { useSession } from '../../hooks/useSession'
import { actorLabel, formatValue } from './formatValue'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** One case as recorded: stage, disposal, successor, who opened it, when and why (the reason it was opened with). */
export function CaseCard({ idleCase }: { idleCase: CaseFile }) {
  const me = useSession().user ?? null
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const successor = (en ? idleCase.successor_en || idleCase.successor_zh : idleCase.successor_zh || idleCase.successor_en) ?? null
  const rows: [string, string][] = [
    [t('idle.case.holder'), (en ? idleCase.name_en : idleCase.name_zh) || '—'],
    [t('idle.case.category'), formatValue('category', idleCase.category, t)],
    [t('idle.case.stage'), formatValue('stage', idleCase.stage, t)],
    [t('idle.case.disposal'), formatValue('disposal', idleCase.disposal, t)],
    [t('idle.case.successor'), successor ?? '—'],
    [t('idle.case.flaggedBy'), actorLabel(idleCase.opened_by, me, t)],
    [t('idle.case.flaggedOn'), idleCase.opened_at || '—'],
    [t('idle.case.reason'), idleCase.reason],
    [t('idle.case.agreedStart'), idleCase.agreed_start_date ?? '—'],
    [t('idle.case.nextDue'), idleCase.next_due ? `${idleCase.next_due}${idleCase.overdue ? ` · ${t('idle.case.overdue')}` : ''}` : '—'],
  ]
  return (
    <div className="idle-case" data-case={idleCase.id} data-stage={idleCase.stage} data-overdue={idleCase.overdue}>
      <div className="idle-case__head">
        <strong>{t('idle.case.title', { id: idleCase.id })}</strong>
        <span className={`idle-stage idle-stage--${idleCase.stage}`}>{formatValue('stage', idleCase.stage, t)}</span>
        <span className="idle-case__version">{t('idle.case.version', { version: idleCase.version })}</span>
      </div>
      <dl className="idle-case__rows">
        {rows.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
    </div>
  )
}
