import { useEffect, useState } from 'react'
import { fetchMe, type SessionUser } from '../lib/session'

/**
 * Who is signed in, asked again whenever `sessionVersion` changes (the app bumps it on sign-in and
 * sign-out). `undefined` while asking, `null` for the public.
 */
export function useSessionUser(sessionVersion: number): SessionUser | null | undefined {
  const [answer, setAnswer] = useState<{ version: number; user: SessionUser | null } | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    fetchMe(abort.signal)
      .then((user) => !abort.signal.aborted && setAnswer({ version: sessionVersion, user }))
      .catch(() => !abort.signal.aborted && setAnswer({ version: sessionVersion, user: null }))
    return () => abort.abort()
  }, [sessionVersion])
  // An answer about the previous session is no answer: in the render right after signing out, the old
  // role must not let a request for internal figures go out.
  return answer?.version === sessionVersion ? answer.user : undefined
}
