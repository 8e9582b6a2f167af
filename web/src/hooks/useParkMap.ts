import { useEffect, useState, type RefObject } from 'react'
import { fetchBasemap, fetchFeature } from '../lib/api'
import { ParkMap } from '../map/ParkMap'

/** Creates the one ParkMap for a container and removes it on unmount; null until created. */
export function useParkMap(container: RefObject<HTMLDivElement | null>): ParkMap | null {
  const [parkMap, setParkMap] = useState<ParkMap | null>(null)
  useEffect(() => {
    if (!container.current) return
    const created = new ParkMap({ container: container.current, loadFeature: (layer, id) => fetchFeature(layer, id) })
    setParkMap(created)
    // The online base map, if the server has one: drawn when it answers, the park does not wait.
    const abort = new AbortController()
    fetchBasemap(abort.signal).then((info) => created.setOnlineBasemap(info)).catch(() => undefined)
    // Debugging and e2e handle: lets a test find a place on screen without reaching into maplibre.
    ;(window as unknown as { parkAtlas?: unknown }).parkAtlas = { map: created }
    return () => {
      abort.abort()
      created.destroy()
      setParkMap(null)
    }
  }, [container])
  return parkMap
}
