/**
 * What the park says of its land on offer (the investor portal, migration 011): whether each
 * available parcel is levelled (场地平整) and its planning conditions (标准地 控制指标). Sample
 * figures in the ranges of Zhejiang's 标准地 rules for county industrial land; chemical cluster B
 * land is for chemical projects only. Its own PRNG, so the other files do not move.
 */
import { createRng } from './frame'
import { centroid, pointInRing } from './geometry'
import { CLUSTER_B } from './layout'
import type { Parcel } from './parcels'
import type { Industry, SiteState } from '../../web/src/shared/park-vocabulary'

export const CONDITION_COLUMNS = [
  'parcel_id', 'min_investment_wan_per_mu', 'min_plot_ratio', 'max_plot_ratio', 'max_building_coverage_pct',
  'min_tax_wan_per_mu', 'max_energy_tce_per_wan', 'industries',
] as const

export interface Offer {
  siteState: Map<string, SiteState>
  conditions: Record<(typeof CONDITION_COLUMNS)[number], string | number>[]
}

/** The site state and conditions of every available parcel, in id order. */
export function buildOffers(parcels: Parcel[]): Offer {
  const rng = createRng('offer')
  const siteState = new Map<string, SiteState>()
  const conditions: Offer['conditions'] = []
  for (const p of parcels.filter((q) => q.status === 'available').sort((a, b) => a.id.localeCompare(b.id))) {
    siteState.set(p.id, rng.chance(0.6) ? 'leveled' : 'not_leveled')
    const chemical = pointInRing(centroid(p.ring), CLUSTER_B)
    const industries: Industry[] = chemical ? ['chemical_pharma'] : rng.chance(0.5) ? ['new_energy_materials', 'other'] : ['textile', 'new_energy_materials', 'other']
    conditions.push({
      parcel_id: p.id,
      min_investment_wan_per_mu: chemical ? 400 : rng.chance(0.5) ? 300 : 350,
      min_plot_ratio: chemical ? 1.0 : 1.2,
      max_plot_ratio: chemical ? 2.0 : 3.0,
      max_building_coverage_pct: chemical ? 55 : 60,
      min_tax_wan_per_mu: chemical ? 30 : rng.chance(0.5) ? 20 : 25,
      max_energy_tce_per_wan: chemical ? 0.5 : 0.25,
      // a PostgreSQL array literal: the loader types it by the column (text[])
      industries: `{${industries.join(',')}}`,
    })
  }
  return { siteState, conditions }
}
