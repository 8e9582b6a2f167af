import type { FeatureHit } from '../../map/ParkMap'

/**
 * The parcel a clicked feature is about, for its idle-land case: a parcel itself, or the parcel
 * an idle_plots feature was flagged on; null for other layers.
 * @example idleCaseParcel({ layer: 'idle_plots', feature: { properties: { parcel_id: 'P-001' } } }) // 'P-001'
 */
export function idleCaseParcel(hit: Pick<FeatureHit, 'layer' | 'feature'>): string | null {
  const p = hit.feature.properties ?? {}
  if (hit.layer === 'parcels') {
    const id = hit.feature.id ?? p.id
    return id === undefined || id === null ? null : String(id)
  }
  if (hit.layer === 'idle_plots') return typeof p.parcel_id === 'string' ? p.parcel_id : null
  return null
}
