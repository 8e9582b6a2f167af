import { useCallback, useEffect, useRef, useState } from 'react'
import { differsBeyondCamera, formatView, parseView, type ViewState } from '../lib/viewState'

export interface UrlView {
  /** The view the page was opened with (read once). */
  initial: ViewState
  /**
   * Records the current view in the URL. A change of layers, selection, panel or theme makes a new
   * history entry (back undoes it); a camera move only rewrites the current one, so panning does
   * not bury the previous view under a hundred entries.
   */
  record(view: ViewState): void
}

/** The view kept in the URL's fragment (lib/viewState.ts); `onNavigate` gets it on back/forward. */
export function useUrlView(onNavigate: (view: ViewState) => void): UrlView {
  const [initial] = useState(() => parseView(window.location.hash))
  const current = useRef(initial)
  const navigate = useRef(onNavigate)
  navigate.current = onNavigate

  useEffect(() => {
    const onPop = () => {
      current.current = parseView(window.location.hash)
      navigate.current(current.current)
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const record = useCallback((view: ViewState) => {
    const hash = formatView(view)
    if (hash === formatView(current.current)) return
    const url = `${window.location.pathname}${window.location.search}${hash}`
    if (differsBeyondCamera(view, current.current)) window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    current.current = view
  }, [])

  return { initial, record }
}
