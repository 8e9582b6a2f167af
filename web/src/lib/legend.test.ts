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

  it('gives the eight parcel statuses eight different colours', () => {
    expect(legendEntries('parcels')).toHaveLength(8)
    expect(new Set(Object.values(PARCEL_STATUS_COLORS)).size).toBe(8)
  })
})
