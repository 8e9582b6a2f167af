import type { Geometry } from 'geojson'
import { describe, expect, it } from 'vitest'
import { idleCaseParcel } from './idleCaseParcel'

const geometry: Geometry = { type: 'Point', coordinates: [115.4, 28.7] }

describe('idleCaseParcel', () => {
  it('a parcel is its own case parcel', () => {
    expect(idleCaseParcel({ layer: 'parcels', feature: { type: 'Feature', id: 'P-007', geometry, properties: {} } })).toBe('P-007')
    expect(idleCaseParcel({ layer: 'parcels', feature: { type: 'Feature', geometry, properties: { id: 'P-008' } } })).toBe('P-008')
  })
  it('an idle plot points at its parcel; other layers at none', () => {
    expect(idleCaseParcel({ layer: 'idle_plots', feature: { type: 'Feature', id: 'IDLE-1', geometry, properties: { parcel_id: 'P-009' } } })).toBe('P-009')
    expect(idleCaseParcel({ layer: 'projects', feature: { type: 'Feature', id: 'X', geometry, properties: {} } })).toBeNull()
  })
})
