import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchHistory } from '../../lib/idle/api'
import { historyChanges, mergeHistories } from '../../lib/idle/historyChanges'
import { useSession } from '../../hooks/useSession'
import { errorMessage } from '../analysis/errorMessage'
import { actorLabel, formatValue } from './formatValue'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** The audit log's actions as a reader names them (`status_by_IDLE-…` is the parcel following its case). */
function actionKey(action: string): string {
  return action.startsWith('status_by_') ? 'status' : action
}

/**
 * The parcel's and its case's history together, newest first: who, when, and each field before → after.
 * `revision` reloads it after a write.
 */
export function CaseHistory({ parcelId, caseId, revision }: { parcelId: string; caseId: string | null; revision: number }) {
  const me = useSession().user ?? null
  const { t, i18n } = useTranslation()
  const history = useResource(`${parcelId}|${caseId ?? ''}|${revision}`, async (signal) => {
    const [parcel, idle] = await Promise.all([
      fetchHistory('parcels', parcelId, signal),
      caseId ? fetchHistory('idle-plots', caseId, signal) : Promise.resolve([]),
    ])
    return mergeHistories(idle, parcel).reverse()
  })
  const entries = history.data ?? []
  return (
    <div className="idle-history">
      <h4>{t('idle.history.title')}</h4>
      {history.status === 'loading' && entries.length === 0 && <span className="spinner" aria-hidden="true" />}
      {history.status === 'error' && <p className="form-error">{errorMessage(history.error)}</p>}
      {history.status === 'ready' && entries.length === 0 && <p className="note">{t('idle.history.empty')}</p>}
      <ol className="idle-history__list">
        {entries.map((entry) => {
          const changes = historyChanges(entry)
          return (
            <li key={entry.id} className="idle-history__item" data-action={entry.action}>
              <div className="idle-history__meta">
                <span className="idle-history__entity">{entry.entity === 0 ? t('idle.history.case') : t('idle.history.parcel')}</span>
                <strong>{t(`idle.history.action.${actionKey(entry.action)}`, { defaultValue: entry.action })}</strong>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</time>
              </div>
              <div className="idle-history__actor">{actorLabel(entry.actor, me, t)}</div>
              <ul className="idle-history__changes">
                {(entry.before === null ? changes.filter((c) => ['stage', 'category', 'reason', 'agreed_start_date'].includes(c.field)) : changes).map((c) => (
                  <li key={c.field}>
                    {t(`idle.field.${c.field}`, { defaultValue: c.field })}:{' '}
                    {entry.before !== null && <><span className="idle-history__before">{formatValue(c.field, c.before, t)}</span> → </>}
                    <span className="idle-history__after">{formatValue(c.field, c.after, t)}</span>
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
