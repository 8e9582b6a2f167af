import { useTranslation } from 'react-i18next'
import type { IdleCase } from '../../shared/api/edits'
import { useSession } from '../../hooks/useSession'
import { actorLabel, formatValue } from './formatValue'

/** One case as recorded: stage, disposal, successor, and who flagged it, when and why. */
export function CaseCard({ idleCase }: { idleCase: IdleCase }) {
  const me = useSession().user ?? null
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const successor = (en ? idleCase.successor_en || idleCase.successor_zh : idleCase.successor_zh || idleCase.successor_en) ?? null
  const rows: [string, string][] = [
    [t('idle.case.holder'), (en ? idleCase.holder_en : idleCase.holder_zh) ?? '—'],
    [t('idle.case.category'), formatValue('category', idleCase.category, t)],
    [t('idle.case.stage'), formatValue('stage', idleCase.stage, t)],
    [t('idle.case.disposal'), formatValue('disposal', idleCase.disposal, t)],
    [t('idle.case.successor'), successor ?? '—'],
    [t('idle.case.flaggedBy'), actorLabel(idleCase.flagged_by, me, t)],
    [t('idle.case.flaggedOn'), idleCase.flagged_on || '—'],
    [t('idle.case.reason'), idleCase.reason],
    [t('idle.case.agreedStart'), idleCase.agreed_start_date ?? '—'],
  ]
  return (
    <div className="idle-case" data-case={idleCase.id} data-stage={idleCase.stage}>
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
