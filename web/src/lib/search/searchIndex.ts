import type { ParkFeature, ParkFeatureCollection } from '../../shared/api/layers'
import type { LayerId } from '../../shared/park-vocabulary'

/**
 * The header's search, over what this visitor's map already holds (the server sent each layer
 * in the visitor's audience, so nothing can be found that may not be seen): parcels by number,
 * firms, projects, zones, facilities, roads and villages by Chinese or English name and by pinyin
 * — full (ningdeshidai) or initials (ndsd).
 */
export type SearchKind = LayerId | 'road' | 'village'

export interface SearchEntry {
  layer: LayerId
  id: string
  kind: SearchKind
  name: string
  nameEn: string | null
  /** Lower-case strings a query is matched against, best first: id, Chinese, English, pinyin, initials. */
  keys: string[]
}

/** What pinyin-pro gives for a Chinese string: full syllables and initials, lower case, no spaces. */
export interface Romanizer {
  full(text: string): string
  initials(text: string): string
}

const SEARCHED: readonly LayerId[] = ['parcels', 'enterprises', 'projects', 'zones', 'chemical_clusters', 'utilities', 'basemap']
const HAS_HAN = /\p{Script=Han}/u

function kindOf(layer: LayerId, feature: ParkFeature): SearchKind | null {
  if (layer !== 'basemap') return layer
  const kind = String(feature.properties?.kind ?? '')
  if (kind.startsWith('road')) return 'road'
  if (kind === 'village') return 'village'
  return null // forest, water: scenery, not a place anyone searches for by name
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '')

export function buildSearchIndex(layers: readonly { id: LayerId; data: ParkFeatureCollection }[], romanizer: Romanizer): SearchEntry[] {
  const entries: SearchEntry[] = []
  for (const { id: layer, data } of layers) {
    if (!SEARCHED.includes(layer)) continue
    for (const feature of data.features) {
      const kind = kindOf(layer, feature)
      if (!kind || feature.id === undefined) continue
      const props = feature.properties ?? {}
      const id = String(feature.id)
      const zh = typeof props.name_zh === 'string' ? props.name_zh : ''
      const en = typeof props.name_en === 'string' ? props.name_en : null
      // Parcels are known by their number; other layers' ids are internal slugs or opaque ids.
      const name = zh || en || (layer === 'parcels' ? id : '')
      if (!name) continue
      const keys = [layer === 'parcels' ? norm(id) : '', norm(zh), en ? norm(en) : '']
      if (HAS_HAN.test(zh)) keys.push(romanizer.full(zh), romanizer.initials(zh))
      entries.push({ layer, id, kind, name: layer === 'parcels' && zh ? `${id} ${zh}` : name, nameEn: en, keys: keys.filter(Boolean) })
    }
  }
  return entries
}

/**
 * Entries matching a query, best first: an exact key, then a key that starts with the query,
 * then one that contains it; among equals, the earlier key (id, Chinese name) and the shorter name.
 */
export function searchIndex(entries: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = norm(query)
  if (!q) return []
  const scored: { entry: SearchEntry; score: number }[] = []
  for (const entry of entries) {
    let best = Infinity
    entry.keys.forEach((key, i) => {
      const at = key.indexOf(q)
      if (at < 0) return
      const rank = key === q ? 0 : at === 0 ? 1 : 2
      best = Math.min(best, rank * 10 + i)
    })
    if (best < Infinity) scored.push({ entry, score: best * 1000 + entry.name.length })
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.entry)
}
