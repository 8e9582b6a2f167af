import { useEffect, useState } from 'react'
import { fetchMe, type SessionUser } from '../lib/session'

/**
 * Who is signed in, asked again whenever `sessionVersion` changes (the app bumps it on sign-in and
 * sign-out). `undefined` while asking, `null` for the public.
 */
export function useSessionUser(sessionVersion: number): SessionUser | null | undefined {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined)
  useEffect(() => {
    const abort = new AbortController()
    setUser(undefined)
    fetchMe(abort.signal)
      .then((me) => !abort.signal.aborted && setUser(me))
      .catch(() => !abort.signal.aborted && setUser(null))
    return () => abort.abort()
  }, [sessionVersion])
  return user
}
