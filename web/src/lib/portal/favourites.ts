import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { fetchFavourites, setFavourite } from './api'

/**
 * A signed-in investor's favourites, shared by the land-on-offer list and the parcel sheet (two
 * lazily loaded trees): one store per page, read once per session and kept in step with each
 * click. A click shows at once and is taken back if the server refuses it.
 */
interface State {
  /** Whose favourites these are (`<user id>:<session epoch>`), null for nobody's. */
  owner: string | null
  ids: readonly string[]
  error: string | null
}

let state: State = { owner: null, ids: [], error: null }
const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
function update(next: State): void {
  state = next
  for (const listener of listeners) listener()
}
let loading: string | null = null

export interface Favourites {
  /** False for everyone but a signed-in investor: no star is offered. */
  enabled: boolean
  ids: readonly string[]
  has: (id: string) => boolean
  toggle: (id: string) => void
  error: string | null
}

/** `owner`: `<user id>:<epoch>` for a signed-in investor, null otherwise. */
export function useFavourites(owner: string | null): Favourites {
  const current = useSyncExternalStore(subscribe, () => state)
  useEffect(() => {
    if (owner === null) {
      if (state.owner !== null) update({ owner: null, ids: [], error: null })
      return
    }
    if (state.owner === owner || loading === owner) return
    loading = owner
    fetchFavourites()
      .then((answer) => update({ owner, ids: answer.parcel_ids, error: null }))
      .catch((cause: unknown) => update({ owner, ids: [], error: cause instanceof Error ? cause.message : String(cause) }))
      .finally(() => {
        if (loading === owner) loading = null
      })
  }, [owner])
  const ids = current.owner === owner ? current.ids : []
  const toggle = useCallback((id: string) => {
    if (owner === null) return
    const before = state.ids
    const keep = !before.includes(id)
    update({ owner, ids: keep ? [...before, id] : before.filter((x) => x !== id), error: null })
    setFavourite(id, keep).catch((cause: unknown) => {
      update({ owner, ids: before, error: cause instanceof Error ? cause.message : String(cause) })
    })
  }, [owner])
  return { enabled: owner !== null, ids, has: (id) => ids.includes(id), toggle, error: current.owner === owner ? current.error : null }
}

/** Who keeps favourites: a signed-in investor, per session. */
export function favouritesOwner(user: { id: number; role: string } | null | undefined, epoch: number): string | null {
  return user?.role === 'investor' ? `${user.id}:${epoch}` : null
}
