import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchUsers } from '../../lib/admin'
import type { Account } from '../../shared/api/accounts'
import type { PublicUser } from '../../shared/api/session'
import { errorMessage } from '../analysis/errorMessage'
import { AccountRow } from './AccountRow'
import { NewAccountForm } from './NewAccountForm'
import { ReadinessSettings } from '../portal/ReadinessSettings'
import './admin.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { adminZhCN } from '../../i18n/admin.zh-CN'

addPanelStrings('admin', adminZhCN)

/** 账户 Accounts (admins only): every account with its role and state, a form for a new one, and the readiness distances. */
export function AccountsPanel({ me, active }: { me: PublicUser; active: boolean }) {
  const { t } = useTranslation()
  // Loaded when the tab is first shown, then kept; each write updates the row it changed.
  const [opened, setOpened] = useState(false)
  if (active && !opened) setOpened(true)
  const users = useResource(opened ? `users:${me.id}` : null, fetchUsers)
  const [edits, setEdits] = useState<Record<number, Account>>({})
  const [created, setCreated] = useState<Account[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const listed = [...(users.data ?? []), ...created.filter((c) => !users.data?.some((u) => u.id === c.id))].map((u) => edits[u.id] ?? u)
  const changed = (user: Account, text: string) => {
    setEdits((e) => ({ ...e, [user.id]: user }))
    setMessage(text)
  }

  return (
    <section className="accounts-panel" aria-label={t('admin.title')}>
      <h3>{t('admin.title')}</h3>
      {message && <p className="form-ok" role="status">{message}</p>}
      {users.status === 'loading' && listed.length === 0 && <p className="note"><span className="spinner" aria-hidden="true" /> {t('admin.loading')}</p>}
      {users.status === 'error' && (
        <p className="form-error" role="alert">
          {t('admin.loadError')}: {errorMessage(users.error)}{' '}
          <button type="button" className="link-button" onClick={users.reload}>{t('admin.retry')}</button>
        </p>
      )}
      {users.status === 'ready' && listed.length === 0 && <p className="note">{t('admin.empty')}</p>}
      {listed.length > 0 && (
        <div className="accounts-table__scroll">
          <table className="accounts-table">
            <thead>
              <tr>
                <th>{t('admin.column.account')}</th><th>{t('admin.column.role')}</th>
                <th>{t('admin.column.lastLogin')}</th><th>{t('admin.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((u) => <AccountRow key={u.id} user={u} isSelf={u.id === me.id} onChanged={changed} />)}
            </tbody>
          </table>
        </div>
      )}
      <NewAccountForm onCreated={(user) => {
        setCreated((c) => [...c, user])
        setMessage(t('admin.create.created', { email: user.email }))
      }} />
      {/* The park's one other admin setting that is not the per-mu grading (that sits with its drawer). */}
      <ReadinessSettings active={active} />
    </section>
  )
}
