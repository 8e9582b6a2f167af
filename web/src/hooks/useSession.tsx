import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { accessOf, type Access, type Feature } from '../lib/access'
import { fetchMe, signIn as postLogin, signOut as postLogout } from '../lib/session'
import type { PublicUser } from '../shared/api/session'

/**
 * The one session store of the client: who is signed in (asked once, at start), signing in and
 * out, and what the role may use (lib/access.ts). Every component reads it from here; nothing else
 * asks /api/auth/me.
 */
export interface Session {
  /** undefined while asking, null for the public. */
  user: PublicUser | null | undefined
  /**
   * Counts sign-ins and sign-outs: data that depends on who asks (layers, figures, drafts) is keyed
   * on it, so nothing fetched for the previous session is shown to the next.
   */
  epoch: number
  access: Record<Feature, Access>
  signIn(email: string, password: string): Promise<void>
  signOut(): Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside <SessionProvider>')
  return session
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ user: PublicUser | null | undefined; epoch: number }>({ user: undefined, epoch: 0 })

  useEffect(() => {
    const abort = new AbortController()
    fetchMe(abort.signal)
      .then((user) => setState((s) => (s.user === undefined ? { ...s, user } : s)))
      .catch(() => !abort.signal.aborted && setState((s) => (s.user === undefined ? { ...s, user: null } : s)))
    return () => abort.abort()
  }, [])

  const signIn = useCallback(async (email: string, password: string) => {
    const user = await postLogin(email, password)
    setState((s) => ({ user, epoch: s.epoch + 1 }))
  }, [])
  const signOut = useCallback(async () => {
    await postLogout().catch(() => undefined)
    setState((s) => ({ user: null, epoch: s.epoch + 1 }))
  }, [])

  const session = useMemo<Session>(() => ({ ...state, access: accessOf(state.user), signIn, signOut }), [state, signIn, signOut])
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}
