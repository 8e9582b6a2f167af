import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../hooks/useSession'
import { ApiError } from '../lib/api'

/** The header's sign-in: a button, a two-field form when opened, and the signed-in user with sign-out. */
export function LoginForm() {
  const { t } = useTranslation()
  const { user, signIn, signOut } = useSession()
  const [open, setOpen] = useState(false)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email, password)
      setPassword('')
      setOpen(false)
    } catch (cause) {
      setError(cause instanceof ApiError && cause.status === 401 ? t('auth.failed') : cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  if (user) {
    return (
      <div className="login login--signed-in" data-role={user.role}>
        <span className="login__user" title={user.email}>
          {user.display_name || user.email} · {t(`auth.role.${user.role}`)}
        </span>
        <button type="button" className="login__button" onClick={() => void signOut()}>{t('auth.signOut')}</button>
      </div>
    )
  }
  if (!open) {
    return <button type="button" className="login__button" onClick={() => setOpen(true)}>{t('auth.signIn')}</button>
  }
  return (
    <form className="login" onSubmit={submit}>
      <input type="email" required autoComplete="username" placeholder={t('auth.email')} aria-label={t('auth.email')} value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" required autoComplete="current-password" placeholder={t('auth.password')} aria-label={t('auth.password')} value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" className="login__button" disabled={busy}>{t('auth.signIn')}</button>
      {error && <span className="login__error" role="alert">{error}</span>}
    </form>
  )
}
