import { OPAQUE_ID_PATTERN, type ParkFeature, type ParkProperties } from '../shared/api/layers'
import { formatArea } from './area'
import { type LayerId } from '../shared/park-vocabulary'

const OPAQUE_ID = new RegExp(OPAQUE_ID_PATTERN)
/** Layers whose ids are numbers in the park's own registers, worth a row in the popup. */
const NUMBERED_LAYERS: readonly LayerId[] = ['utilities', 'parcels']

type Translate = (key: string, options?: Record<string, unknown>) => string
export type Language = 'zh-CN' | 'en'

/** How a column is shown in the popup. `ref` columns hold the id of a feature in another layer. */
type FieldSpec =
  | { key: string; type: 'enum' | 'bool' | 'text' | 'date' }
  | { key: string; type: 'number'; unitKey?: string }
  | { key: string; type: 'ref'; layer: LayerId }
  | { key: string; type: 'bilingual' }  // `<key>_zh` / `<key>_en` pairs
  | { key: 'capacity'; type: 'capacity' }

const FIELDS: Record<LayerId, FieldSpec[]> = {
  zones: [{ key: 'kind', type: 'enum' }, { key: 'status', type: 'enum' }, { key: 'note', type: 'text' }],
  scenarios: [{ key: 'status', type: 'enum' }, { key: 'zone_id', type: 'ref', layer: 'zones' }, { key: 'version', type: 'number' }, { key: 'created_by', type: 'text' }],
  chemical_clusters: [{ key: 'code', type: 'text' }, { key: 'stage', type: 'enum' }, { key: 'note', type: 'text' }],
  parcels: [
    { key: 'status', type: 'enum' }, { key: 'land_use', type: 'enum' }, { key: 'site_state', type: 'enum' },
    { key: 'enterprise_id', type: 'ref', layer: 'enterprises' }, { key: 'zone_id', type: 'ref', layer: 'zones' },
    { key: 'price_wan_per_mu', type: 'number', unitKey: 'unit.wanPerMu' },
    { key: 'land_approval', type: 'enum' }, { key: 'forest_approval', type: 'enum' },
    { key: 'demolished_buildings', type: 'number' }, { key: 'relocated_graves', type: 'number' },
    { key: 'note', type: 'text' },
  ],
  idle_plots: [
    { key: 'category', type: 'enum' }, { key: 'stage', type: 'enum' }, { key: 'disposal', type: 'enum' },
    { key: 'successor', type: 'bilingual' }, { key: 'parcel_id', type: 'text' },
    { key: 'agreed_start_date', type: 'date' }, { key: 'flagged_on', type: 'date' },
    { key: 'flagged_by', type: 'text' }, { key: 'reason', type: 'text' },
  ],
  projects: [
    { key: 'stage', type: 'enum' }, { key: 'investment_yi', type: 'number', unitKey: 'unit.yi' }, { key: 'is_major', type: 'bool' },
    { key: 'enterprise_id', type: 'ref', layer: 'enterprises' }, { key: 'zone_id', type: 'ref', layer: 'zones' }, { key: 'note', type: 'text' },
  ],
  utilities: [
    { key: 'kind', type: 'enum' }, { key: 'status', type: 'enum' }, { key: 'capacity', type: 'capacity' },
    { key: 'operator', type: 'text' }, { key: 'note', type: 'text' },
  ],
  enterprises: [
    { key: 'industry', type: 'enum' }, { key: 'is_chemical', type: 'bool' }, { key: 'above_scale', type: 'bool' },
    { key: 'started_year', type: 'text' }, { key: 'note', type: 'text' },
  ],
  basemap: [{ key: 'kind', type: 'enum' }],
}

export interface DetailRow {
  label: string
  value: string
}

export interface FeatureDetails {
  layerTitle: string
  title: string
  /** The name in the other language: names stay Chinese with an English gloss, and the reverse. */
  gloss: string | null
  rows: DetailRow[]
  area: { mu: string; ha: string } | null
}

/** Finds the display name of a feature of another layer by id, or null if it is not loaded. */
export type NameLookup = (layer: LayerId, id: string) => ParkProperties | null

/** Local name and gloss; `name_*` for most layers, `holder_*` for idle plots. */
export function featureNames(props: ParkProperties, lang: Language): { name: string | null; gloss: string | null } {
  const base = 'name_zh' in props ? 'name' : 'holder_zh' in props ? 'holder' : null
  if (!base) return { name: null, gloss: null }
  const zh = text(props[`${base}_zh`])
  const en = text(props[`${base}_en`])
  return lang === 'zh-CN' ? { name: zh ?? en, gloss: zh ? en : null } : { name: en ?? zh, gloss: en ? zh : null }
}

/** Everything the popup shows about one feature, translated; pure so it can be tested without a map. */
export function describeFeature(layer: LayerId, feature: ParkFeature, t: Translate, lang: Language, lookup: NameLookup): FeatureDetails {
  const props = feature.properties ?? {}
  const { name, gloss } = featureNames(props, lang)
  const id = text(feature.id) ?? text(props.id)
  const rows: DetailRow[] = []
  // An id is shown only where it is a number people quote (a facility's UT-001). Firms, projects
  // and zones are known by their names: their ids are internal slugs ("boteng") or opaque public
  // ids, which mean nothing to a reader. Unnamed features (parcels) carry their number in the title.
  if (id && name && NUMBERED_LAYERS.includes(layer) && !OPAQUE_ID.test(id)) rows.push({ label: t('field.id'), value: id })
  for (const spec of FIELDS[layer]) {
    const value = fieldValue(layer, spec, props, t, lang, lookup)
    if (value !== null) rows.push({ label: t(`field.${spec.key}`), value })
  }
  const m2 = props.area_m2
  return {
    layerTitle: t(`layer.${layer}`),
    title: name ?? `${t(`noun.${layer}`)} ${id ?? ''}`.trim(),
    gloss,
    rows,
    area: typeof m2 === 'number' && Number.isFinite(m2) ? formatArea(m2, lang) : null,
  }
}

function fieldValue(layer: LayerId, spec: FieldSpec, props: ParkProperties, t: Translate, lang: Language, lookup: NameLookup): string | null {
  if (spec.type === 'bilingual') {
    return lang === 'zh-CN' ? text(props[`${spec.key}_zh`]) ?? text(props[`${spec.key}_en`]) : text(props[`${spec.key}_en`]) ?? text(props[`${spec.key}_zh`])
  }
  const raw = props[spec.key]
  if (raw === null || raw === undefined || raw === '') return null
  switch (spec.type) {
    case 'enum':
      return t(`enum.${layer}.${spec.key}.${String(raw)}`, { defaultValue: String(raw) })
    case 'bool':
      return t(raw === true || raw === 'true' ? 'bool.yes' : 'bool.no')
    case 'number': {
      const n = Number(raw)
      const formatted = Number.isFinite(n) ? new Intl.NumberFormat(lang).format(n) : String(raw)
      return spec.unitKey ? `${formatted} ${t(spec.unitKey)}` : formatted
    }
    case 'capacity': {
      const unit = text(props.capacity_unit)
      return unit ? `${String(raw)} ${unit}` : String(raw)
    }
    case 'ref': {
      // The API joins some names in (parcels carry enterprise_zh/_en); else look in the loaded layer.
      const joined = featureNames({ name_zh: props[spec.key.replace(/_id$/, '_zh')] ?? null, name_en: props[spec.key.replace(/_id$/, '_en')] ?? null }, lang).name
      if (joined) return joined
      const target = lookup(spec.layer, String(raw))
      return (target && featureNames(target, lang).name) ?? String(raw)
    }
    case 'date':
      return String(raw).slice(0, 10)
    case 'text':
      return String(raw)
  }
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const s = String(value).trim()
  return s === '' ? null : s
}
