import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../lib/api'
import { fetchMe, signIn, signOut, type SessionUser } from '../lib/session'

interface Props {
  /** Called after signing in or out: the layers the server sends depend on who asks. */
  onSessionChange: () => void
}

/** The header's sign-in: a button, a two-field form when opened, and the signed-in user with sign-out. */
export function LoginForm({ onSessionChange }: Props) {
  const { t } = useTranslation()
  const [user, setUser] = useState<SessionUser | null>(null)
  const [open, setOpen] = useState(false)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    fetchMe(abort.signal).then(setUser).catch(() => undefined)
    return () => abort.abort()
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setUser(await signIn(email, password))
      setPassword('')
      setOpen(false)
      onSessionChange()
    } catch (cause) {
      setError(cause instanceof ApiError && cause.status === 401 ? t('auth.failed') : cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  async function leave() {
    await signOut().catch(() => undefined)
    setUser(null)
    onSessionChange()
  }

  if (user) {
    return (
      <div className="login login--signed-in" data-role={user.role}>
        <span className="login__user" title={user.email}>
          {user.display_name || user.email} · {t(`auth.role.${user.role}`)}
        </span>
        <button type="button" className="login__button" onClick={leave}>{t('auth.signOut')}</button>
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
