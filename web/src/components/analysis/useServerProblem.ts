import type { Position } from 'geojson'
import { useEffect } from 'react'

/** Pushes where the server found a boundary invalid to the map marker, once per new place. */
export function useServerProblem(place: [number, number] | null, onServerProblem: (place: Position | null) => void): void {
  const key = place ? place.join(',') : ''
  useEffect(() => {
    if (place) onServerProblem(place)
    // `place` is a new array on each render; its text says whether it changed.
  }, [key])
}
