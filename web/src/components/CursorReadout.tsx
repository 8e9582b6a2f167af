import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GaussKrugerConverter, GaussKrugerZone } from '../shared/gauss-kruger'
import type { ParkMap } from '../map/ParkMap'

/** Converters by EPSG code: proj4 loads once, each zone's transform is built once. */
const converters = new Map<number, Promise<GaussKrugerConverter>>()
/** The GK module loads with the first pointer move over the map, not with the page. */
type GaussKruger = typeof import('../shared/gauss-kruger')
let gaussKruger: GaussKruger | null = null
const gaussKrugerLoading = (): Promise<GaussKruger> => import('../shared/gauss-kruger').then((m) => (gaussKruger = m))

function converterFor(gk: GaussKruger, zone: GaussKrugerZone): Promise<GaussKrugerConverter> {
  let converter = converters.get(zone.epsg)
  if (!converter) {
    converter = gk.loadGaussKrugerConverter(zone)
    converters.set(zone.epsg, converter)
  }
  return converter
}

/** Where the pointer is, in both systems; `gk` is null outside the CGCS2000 3° zones (73.5°E–136.5°E). */
interface Reading {
  lngLat: [number, number]
  gk: { x: number; y: number; zone: GaussKrugerZone } | null
}

/** 3 178 123.456: metres to the millimetre, thousands apart by a thin space as survey tables print them. */
function metres(value: number): string {
  const [whole = '', fraction = ''] = value.toFixed(3).split('.')
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')}.${fraction}`
}

/**
 * The pointer's coordinates in the map's bottom-left corner: lon/lat to 6 decimals (~0.1 m) and
 * CGCS2000 3° Gauss-Krüger X (northing) / Y (easting) in the zone of the pointer's longitude.
 * The easting carries the zone number in front (zone 38: 38 5xx xxx m) and the EPSG code is the
 * prefixed one (4513–4533), so the numbers alone say which zone they are in — the form the header
 * search reads back. Not shown on phones (≤ 480 px, CSS): a touch screen has no pointer to follow.
 */
export function CursorReadout({ parkMap }: { parkMap: ParkMap | null }) {
  const { t } = useTranslation()
  const [reading, setReading] = useState<Reading | null>(null)

  useEffect(() => {
    if (!parkMap) return
    let frame = 0
    let latest: [number, number] | null = null
    let generation = 0
    const show = () => {
      frame = 0
      const lngLat = latest
      const mine = ++generation
      if (!lngLat) {
        setReading(null)
        return
      }
      const gk = gaussKruger
      if (!gk) {
        setReading({ lngLat, gk: null })
        void gaussKrugerLoading().then(() => mine === generation && show())
        return
      }
      let zone: GaussKrugerZone | null = null
      try {
        zone = gk.gaussKrugerZoneForLongitude(lngLat[0], true)
      } catch {
        zone = null // outside the zones: lon/lat only
      }
      if (!zone) {
        setReading({ lngLat, gk: null })
        return
      }
      const inZone = zone
      void converterFor(gk, inZone).then((converter) => {
        if (mine !== generation) return // a newer position is on its way
        const [y, x] = converter.toPlane(lngLat[0], lngLat[1])
        setReading({ lngLat, gk: { x, y, zone: inZone } })
      })
    }
    // One reading per frame, however fast the mouse moves.
    const off = parkMap.onPointerMove((lngLat) => {
      latest = lngLat
      if (!frame) frame = requestAnimationFrame(show)
    })
    return () => {
      off()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [parkMap])

  if (!reading) return null
  const [lng, lat] = reading.lngLat
  return (
    <div className="cursor-readout" aria-label={t('mapTools.cursor.label')} data-lng={lng} data-lat={lat}>
      <div className="cursor-readout__line">
        <span className="cursor-readout__key">{t('mapTools.cursor.lonlat')}</span> {lng.toFixed(6)}, {lat.toFixed(6)}
      </div>
      {reading.gk && (
        <>
          <div className="cursor-readout__line" title={t('mapTools.cursor.xy')} data-x={reading.gk.x} data-y={reading.gk.y} data-epsg={reading.gk.zone.epsg}>
            X {metres(reading.gk.x)} Y {metres(reading.gk.y)}
          </div>
          <div className="cursor-readout__line cursor-readout__zone">
            {t('mapTools.cursor.gk', { zone: reading.gk.zone.zone, epsg: reading.gk.zone.epsg })}
          </div>
        </>
      )}
    </div>
  )
}
