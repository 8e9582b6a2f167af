import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { createUser, newUserProblem } from '../../lib/admin'
import { ROLES, type Role } from '../../shared/access-policy'
import { PASSWORD_MIN_LENGTH, type Account } from '../../shared/api/accounts'
import { accountError } from './accountError'
import { addPanelStrings } from '../../i18n/panelStrings'
import { adminZhCN } from '../../i18n/admin.zh-CN'

addPanelStrings('admin', adminZhCN)

/** Creates an account: email, first password (≥ 10 characters), role and an optional name. */
export function NewAccountForm({ onCreated }: { onCreated: (user: Account) => void }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('planner')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = { email, password, role, display_name: displayName }
    const problem = newUserProblem(input)
    if (problem) {
      setError(t(`admin.problem.${problem}`, { min: PASSWORD_MIN_LENGTH }))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const user = await createUser(input)
      setEmail('')
      setPassword('')
      setDisplayName('')
      onCreated(user)
    } catch (cause) {
      setError(accountError(cause, t, 'create'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <h4>{t('admin.create.title')}</h4>
      <label>
        <span>{t('admin.create.email')}</span>
        <input name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        <span>{t('admin.create.password', { min: PASSWORD_MIN_LENGTH })}</span>
        <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label>
        <span>{t('admin.create.displayName')}</span>
        <input name="display_name" value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        <span>{t('admin.create.role')}</span>
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`auth.role.${r}`)}</option>)}
        </select>
      </label>
      <button type="submit" className="primary-button" disabled={busy}>{t('admin.create.submit')}</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  )
}
