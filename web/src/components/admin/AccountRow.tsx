import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { resetPassword, updateUser } from '../../lib/admin'
import { ROLES, type Role } from '../../shared/access-policy'
import { PASSWORD_MIN_LENGTH, type Account, type AccountChanges } from '../../shared/api/accounts'
import { accountError } from './accountError'
import { addPanelStrings } from '../../i18n/panelStrings'
import { adminZhCN } from '../../i18n/admin.zh-CN'

addPanelStrings('admin', adminZhCN)

interface Props {
  user: Account
  isSelf: boolean
  onChanged: (user: Account, message: string) => void
}

/** One account: its role (a select that saves), enable/disable, and a password reset form when asked. */
export function AccountRow({ user, isSelf, onChanged }: Props) {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [resetting, setResetting] = useState(false)
  const [password, setPassword] = useState('')

  async function save(changes: AccountChanges) {
    setBusy(true)
    setError(null)
    try {
      const after = await updateUser(user.id, changes)
      onChanged(after, t('admin.saved', { email: after.email }))
    } catch (cause) {
      setError(accountError(cause, t, 'update'))
    } finally {
      setBusy(false)
    }
  }

  async function reset(event: FormEvent) {
    event.preventDefault()
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(t('admin.problem.passwordShort', { min: PASSWORD_MIN_LENGTH }))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await resetPassword(user.id, password)
      setPassword('')
      setResetting(false)
      onChanged(user, t('admin.passwordReset', { email: user.email }))
    } catch (cause) {
      setError(accountError(cause, t, 'update'))
    } finally {
      setBusy(false)
    }
  }

  const lastLogin = user.last_login_at ? new Date(user.last_login_at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : t('admin.never')
  return (
    <>
      <tr className={`account-row${user.disabled ? ' account-row--disabled' : ''}`} data-email={user.email}>
        <td className="account-row__account">
          <div className="account-row__email">{user.email}</div>
          <div className="account-row__name">
            {user.display_name}
            {user.is_demo && <span className="account-row__badge" title={t('admin.demo')}>{t('admin.column.demo')}</span>}
            {user.disabled && <span className="account-row__badge account-row__badge--off">{t('admin.disabled')}</span>}
          </div>
        </td>
        <td>
          <select aria-label={t('admin.column.role')} value={user.role} disabled={busy} onChange={(e) => void save({ role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`auth.role.${r}`)}</option>)}
          </select>
        </td>
        <td className="account-row__login">{lastLogin}</td>
        <td className="account-row__actions">
          <button type="button" className="link-button" data-action="toggle-disabled" disabled={busy || (isSelf && !user.disabled)} onClick={() => void save({ disabled: !user.disabled })}>
            {user.disabled ? t('admin.enable') : t('admin.disable')}
          </button>
          <button type="button" className="link-button" data-action="reset-password" disabled={busy} onClick={() => setResetting((r) => !r)}>
            {t('admin.resetPassword')}
          </button>
        </td>
      </tr>
      {(resetting || error) && (
        <tr className="account-row__extra">
          <td colSpan={4}>
            {resetting && (
              <form className="account-row__reset" onSubmit={reset}>
                <input type="password" autoComplete="new-password" aria-label={t('admin.newPassword', { min: PASSWORD_MIN_LENGTH })}
                  placeholder={t('admin.newPassword', { min: PASSWORD_MIN_LENGTH })} value={password} onChange={(e) => setPassword(e.target.value)} />
                <button type="submit" className="primary-button" disabled={busy}>{t('admin.setPassword')}</button>
                <button type="button" className="link-button" onClick={() => setResetting(false)}>{t('admin.cancel')}</button>
              </form>
            )}
            {error && <p className="form-error" role="alert">{error}</p>}
          </td>
        </tr>
      )}
    </>
  )
}
