import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { LAYER_IDS } from '../shared/park-vocabulary'
import { legendEntries } from './legend'
import { PARCEL_STATUS_COLORS } from './symbology'

const lookup = (resources: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources)

describe('legendEntries', () => {
  it('has a label in both languages for every entry of every layer', () => {
    for (const layer of LAYER_IDS) {
      const entries = legendEntries(layer)
      expect(entries.length).toBeGreaterThan(0)
      for (const { labelKey } of entries) {
        expect(typeof lookup(zhCN, labelKey), `${labelKey} (zh-CN)`).toBe('string')
        expect(typeof lookup(en, labelKey), `${labelKey} (en)`).toBe('string')
      }
    }
  })

  it('names for the public only the classes its map draws: no idle-land flags; zones are adopted boundaries only', () => {
    const parcels = legendEntries('parcels', 'public').map((e) => e.labelKey.split('.').pop())
    expect(parcels).toEqual(['occupied', 'available', 'reserved', 'under_acquisition'])
    // proposals are the internal scenarios layer, which the public's layer list never has
    expect(legendEntries('zones', 'public').map((e) => e.labelKey)).toEqual(['enum.zones.kind.park_zone', 'enum.zones.kind.approved_boundary'])
    expect(legendEntries('scenarios', 'internal').map((e) => e.labelKey)).toEqual(['legend.scenario'])
    expect(legendEntries('parcels', 'internal')).toHaveLength(8)
  })

  it('gives the eight parcel statuses eight different colours', () => {
    expect(legendEntries('parcels')).toHaveLength(8)
    expect(new Set(Object.values(PARCEL_STATUS_COLORS)).size).toBe(8)
  })
})
