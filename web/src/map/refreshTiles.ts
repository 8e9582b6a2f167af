import type maplibregl from 'maplibre-gl'

/** How often a refreshed source is looked at, and for how long at most (a tile that never answers errors out well before). */
const CHECK_MS = 50
const GIVE_UP_MS = 120_000

/**
 * Fetches a vector source's tiles again (they revalidate by ETag), and makes sure the map renders
 * a frame once they are all in. MapLibre (5.24) renders nothing when a refreshed tile comes back
 * unchanged (its ETag matched): the tile is marked loaded, but no 'data' event follows, so when the
 * last tile pending is such a one the map never draws again and never fires 'idle' — anything
 * waiting for it (the app's map-ready state, a selection from the URL, the parcel sheet) waits until
 * the pointer happens to move. Seen as 4 of 5 refreshes of the sample park's parcels without 'idle'.
 */
export function refreshTiles(map: maplibregl.Map, source: string): void {
  map.refreshTiles(source)
  const until = Date.now() + GIVE_UP_MS
  const check = (): void => {
    let loaded: boolean
    try {
      loaded = map.isSourceLoaded(source)
    } catch {
      return // the source (or the whole map) is gone
    }
    if (loaded) map.triggerRepaint()
    else if (Date.now() < until) setTimeout(check, CHECK_MS)
  }
  setTimeout(check, CHECK_MS)
}
