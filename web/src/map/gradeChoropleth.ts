import type { ExpressionSpecification, FillLayerSpecification, Map as MaplibreMap } from 'maplibre-gl'
import { hatchPattern, hexToRgb, HATCH_PIXEL_RATIO } from '../lib/hatch'
import type { ParcelPaint } from '../lib/perMu/parcelTheme'
import { NOT_GRADED_STYLE, UNTHEMED_FILL } from '../lib/perMu/palette'
import { LAYER_META_KEY, parcelLayers, sourceOf } from './layerStyles'

/**
 * The per-mu choropleth on the parcels: a data-driven `fill-color` on the parcel fill, keyed by
 * parcel id (a `match` over id lists, one branch per class), and a hatch layer for firms without a
 * grade or value. Clearing puts back the status colours of layerStyles.ts, so the two can't drift.
 * Used by ParkMap only; nothing here knows about React.
 */

const PARCEL_FILL = 'parcels-fill'
const PARCEL_OUTLINE = 'parcels-outline'
const HATCH_LAYER = 'parcels-theme-hatch'
const HATCH_IMAGE = 'hatch-not-graded'
/** Themed plots stay opaque enough to read; the rest fade to let them lead. */
const THEMED_OPACITY = 0.88
const UNTHEMED_OPACITY = 0.55

function statusPaint(): { color: unknown; opacity: unknown } {
  const fill = parcelLayers().find((l) => l.id === PARCEL_FILL) as FillLayerSpecification
  return { color: fill.paint?.['fill-color'], opacity: fill.paint?.['fill-opacity'] }
}

/** A `match` on the parcel id; maplibre refuses empty label lists, so empty classes are left out. */
function matchById(idProperty: string, branches: { ids: string[]; value: string | number }[], fallback: string | number): ExpressionSpecification | string | number {
  const pairs = branches.filter((b) => b.ids.length > 0).flatMap((b) => [b.ids, b.value])
  return pairs.length === 0 ? fallback : (['match', ['get', idProperty], ...pairs, fallback] as unknown as ExpressionSpecification)
}

function ensureHatchLayer(map: MaplibreMap): void {
  if (!map.hasImage(HATCH_IMAGE)) {
    // 4 CSS px between lines, drawn at 2× like the cluster hatches.
    map.addImage(HATCH_IMAGE, hatchPattern({ size: 16, spacing: 8, lineWidth: 2, angle: 45, rgb: hexToRgb(NOT_GRADED_STYLE.hatch) }), { pixelRatio: HATCH_PIXEL_RATIO })
  }
  if (map.getLayer(HATCH_LAYER)) return
  // Tagged as a parcels layer, so the legend's toggle hides it with the parcels.
  const visibility = map.getLayoutProperty(PARCEL_FILL, 'visibility') === 'none' ? 'none' : 'visible'
  map.addLayer({
    id: HATCH_LAYER, type: 'fill', ...sourceOf('parcels'), metadata: { [LAYER_META_KEY]: 'parcels' },
    layout: { visibility }, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 }, filter: ['literal', false],
  }, map.getLayer(PARCEL_OUTLINE) ? PARCEL_OUTLINE : undefined)
}

/**
 * Colours the parcels by `paint` (ids as found in feature property `idProperty`), or, with null,
 * returns them to their status colours. The style must be loaded.
 */
export function applyParcelPaint(map: MaplibreMap, paint: ParcelPaint | null, idProperty: string): void {
  if (!map.getLayer(PARCEL_FILL)) return
  if (paint === null) {
    const status = statusPaint()
    map.setPaintProperty(PARCEL_FILL, 'fill-color', status.color)
    map.setPaintProperty(PARCEL_FILL, 'fill-opacity', status.opacity)
    if (map.getLayer(HATCH_LAYER)) map.setFilter(HATCH_LAYER, ['literal', false])
    return
  }
  const branches = [
    ...paint.classes.map((c) => ({ ids: c.parcelIds, value: c.color })),
    { ids: paint.hatchedIds, value: NOT_GRADED_STYLE.fill },
  ]
  const themed = branches.flatMap((b) => b.ids)
  map.setPaintProperty(PARCEL_FILL, 'fill-color', matchById(idProperty, branches, UNTHEMED_FILL))
  map.setPaintProperty(PARCEL_FILL, 'fill-opacity', matchById(idProperty, [{ ids: themed, value: THEMED_OPACITY }], UNTHEMED_OPACITY))
  ensureHatchLayer(map)
  map.setFilter(HATCH_LAYER, paint.hatchedIds.length > 0 ? ['in', ['get', idProperty], ['literal', paint.hatchedIds]] : ['literal', false])
}
