import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../lib/api'

export interface Resource<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** The last data that arrived: kept while a new key loads, so a table does not blank out on a year switch. */
  data: T | null
  error: ApiError | null
  reload: () => void
}

/**
 * One GET, loaded whenever `key` changes (null: nothing to load, e.g. signed out) and on `reload`;
 * a request that a newer one overtakes is aborted.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({ status: 'idle', data: null, error: null })

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle', data: null, error: null })
      return
    }
    const abort = new AbortController()
    setState((s) => ({ ...s, status: 'loading', error: null }))
    load(abort.signal)
      .then((data) => !abort.signal.aborted && setState({ status: 'ready', data, error: null }))
      .catch((cause: unknown) => {
        if (abort.signal.aborted) return
        const error = cause instanceof ApiError ? cause : new ApiError('client', cause instanceof Error ? cause.message : String(cause), null, key)
        setState((s) => ({ ...s, status: 'error', error }))
      })
    return () => abort.abort()
    // `load` is a fresh closure each render; `key` says what it loads.
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
