import { useEffect, useRef, useState } from 'react'
import type { ParkFeatureCollection } from '../shared/api/layers'
import { parkBounds } from '../lib/bounds'
import type { Language } from '../lib/featureDetails'
import { layerLabels } from '../lib/labels'
import { type LayerId } from '../shared/park-vocabulary'
import type { ParkMap } from '../map/ParkMap'
import type { LayerLoad } from './useParkData'

/**
 * Feeds the map adapter from React state: data as layers arrive, labels in the current language,
 * visibility from the legend, one fit to the park. Returns true once every layer is drawn and the
 * map is idle (the app exposes it as data-map-ready for tests). `listPending`: the layer list is
 * not in yet (or failed), so nothing can be ready. `fitToPark`: fit once to the park (not when the
 * URL gave a camera).
 */
export function useMapSync(parkMap: ParkMap | null, layers: LayerLoad[], visible: Record<LayerId, boolean>, lang: Language, listPending: boolean, fitToPark = true): boolean {
  const pushed = useRef(new Map<LayerId, ParkFeatureCollection>())
  const fitted = useRef(false)
  const [ready, setReady] = useState(false)
  const loaded = layers.filter((l): l is Extract<LayerLoad, { status: 'ready' }> => l.status === 'ready')

  useEffect(() => {
    pushed.current.clear()
    fitted.current = false
  }, [parkMap])

  useEffect(() => {
    if (!parkMap) return
    for (const { id, data } of loaded) {
      if (pushed.current.get(id) === data) continue
      pushed.current.set(id, data)
      void parkMap.setLayerData(id, data)
    }
    // Fit once, to the zones (the park's own outline) as soon as they are in; else to whatever loaded.
    const zones = loaded.find((l) => l.id === 'zones')
    const settled = !listPending && layers.every((l) => l.status !== 'loading')
    // A link that keeps a view (`fitToPark` false) opens where it was, not on the whole park.
    if (!fitToPark) fitted.current = true
    if (!fitted.current && (zones || settled)) {
      const bounds = parkBounds(zones ? [zones.data] : loaded.map((l) => l.data))
      if (bounds) {
        parkMap.fitToPark(bounds)
        fitted.current = true
      }
    }
  })

  useEffect(() => {
    if (!parkMap) return
    for (const { id, data } of loaded) parkMap.setLabels(id, layerLabels(id, data, lang))
    // `loaded` is derived from `layers`: re-label only when data or language change.
  }, [parkMap, layers, lang])

  useEffect(() => {
    if (!parkMap) return
    for (const [id, isVisible] of Object.entries(visible) as [LayerId, boolean][]) parkMap.setLayerVisible(id, isVisible)
  }, [parkMap, visible])

  const settled = parkMap !== null && !listPending && layers.every((l) => l.status !== 'loading')
  useEffect(() => {
    setReady(false)
    if (!settled || !parkMap) return
    let cancelled = false
    void parkMap.whenIdle().then(() => !cancelled && setReady(true))
    return () => {
      cancelled = true
    }
  }, [settled, parkMap, layers])

  return ready
}
