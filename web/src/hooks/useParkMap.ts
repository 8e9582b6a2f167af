import { useEffect, useState, type RefObject } from 'react'
import { ParkMap } from '../map/ParkMap'

/** Creates the one ParkMap for a container and removes it on unmount; null until created. */
export function useParkMap(container: RefObject<HTMLDivElement | null>): ParkMap | null {
  const [parkMap, setParkMap] = useState<ParkMap | null>(null)
  useEffect(() => {
    if (!container.current) return
    const created = new ParkMap({
      container: container.current,
      basemapStyleUrl: import.meta.env.VITE_BASEMAP_STYLE_URL || undefined,
    })
    setParkMap(created)
    // Debugging and e2e handle: lets a test find a place on screen without reaching into maplibre.
    ;(window as unknown as { parkAtlas?: unknown }).parkAtlas = { map: created }
    return () => {
      created.destroy()
      setParkMap(null)
    }
  }, [container])
  return parkMap
}
