/**
 * Overlap answers turned into table rows and summaries: names in the reader's language, classes in
 * a fixed order, mu with 2 decimals, shares as percentages. Pure: tested without a browser.
 */
import { featureNames, type Language } from '../featureDetails'
import { MISSING_VALUE } from '../../shared/units'
import type { ChemicalFirm, OverlapClass, OverlapFeature, OverlapLayerId, OverlapLayerResult, OverlapResult } from '../../shared/api/overlap'

export type Translate = (key: string, options?: Record<string, unknown>) => string
type Properties = Record<string, string | number | boolean | null | undefined>

export const CLASS_ORDER: readonly OverlapClass[] = ['inside', 'partial', 'outside']

/** Overlap classes on the map and in the chips: taken in (green), cut (amber), left out (grey). */
export const OVERLAP_CLASS_COLORS: Record<OverlapClass, string> = { inside: '#1f9d55', partial: '#e8890c', outside: '#7b8794' }
/** For the chemical-firms question "outside" is the complaint itself, so it is red. */
export const FIRM_CLASS_COLORS: Record<OverlapClass, string> = { inside: '#1f9d55', partial: '#e8890c', outside: '#d64545' }

export interface ResultRow {
  layer: OverlapLayerId
  id: string
  name: string
  detail: string | null
  cls: OverlapClass
  /** Overlap in mu, 2 decimals, no unit ("—" for points). */
  overlapMu: string
  /** Share of the feature inside the boundary ("—" for points). */
  share: string
}

/** The enum column that best says what a feature is, per layer. */
const KIND_COLUMN: Partial<Record<OverlapLayerId, string>> = {
  zones: 'kind', chemical_clusters: 'stage', projects: 'stage', enterprises: 'industry', idle_plots: 'category', basemap: 'kind', parcels: 'status',
}

function enumLabel(layer: OverlapLayerId, props: Properties, t: Translate): string | null {
  const column = KIND_COLUMN[layer]
  const value = column ? props[column] : undefined
  return typeof value === 'string' ? t(`enum.${layer}.${column}.${value}`) : null
}

/**
 * What to call one feature in a results table: its name (parcels: their id) and a second line
 * (parcels: the land user, else the status; others: the kind, stage or industry).
 * @example featureLabel('parcels', 'FT-001', { enterprise_zh: '璞泰来', status: 'occupied' }, 'zh-CN', t) // { name: 'FT-001', detail: '璞泰来' }
 */
export function featureLabel(layer: OverlapLayerId, id: string, props: Properties, lang: Language, t: Translate): { name: string; detail: string | null } {
  if (layer === 'parcels') {
    const holder = lang === 'zh-CN' ? props.enterprise_zh ?? props.enterprise_en : props.enterprise_en ?? props.enterprise_zh
    return { name: id, detail: typeof holder === 'string' ? holder : enumLabel(layer, props, t) }
  }
  const { name } = featureNames(props as Record<string, string | number | boolean | null>, lang)
  const kind = enumLabel(layer, props, t)
  return name ? { name, detail: kind } : { name: kind ?? id, detail: kind ? id : null }
}

const formats = new Map<string, Intl.NumberFormat>()
function fixed(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return f
}

/**
 * A number of mu with 2 decimals and grouping, no unit; "—" for null or non-finite.
 * @example formatMuValue(1234.567, 'en') // "1,234.57"
 */
export function formatMuValue(mu: number | null, locale: string): string {
  return mu === null || !Number.isFinite(mu) ? MISSING_VALUE : fixed(locale, 2).format(mu)
}

/**
 * A share 0…1 as a percentage with one decimal. A partial share never reads "0.0 %" or "100.0 %":
 * it shows "<0.1 %" or ">99.9 %" so a cut feature never looks untouched or whole.
 * @example formatShare(0.4251, 'en') // "42.5%"
 * @example formatShare(0.99999, 'en', 'partial') // ">99.9%"
 */
export function formatShare(share: number | null, locale: string, cls?: OverlapClass): string {
  if (share === null || !Number.isFinite(share)) return MISSING_VALUE
  const pct = share * 100
  if (cls === 'partial' && pct < 0.05) return `<${fixed(locale, 1).format(0.1)}%`
  if (cls === 'partial' && pct >= 99.95) return `>${fixed(locale, 1).format(99.9)}%`
  return `${fixed(locale, 1).format(pct)}%`
}

function byClassThenOverlap(a: OverlapFeature, b: OverlapFeature): number {
  return CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || (b.overlap_m2 ?? 0) - (a.overlap_m2 ?? 0) || a.id.localeCompare(b.id)
}

/** One layer's features as table rows: inside first, then partial, then outside; larger overlaps first. */
export function overlapRows(layer: OverlapLayerResult, lang: Language, t: Translate): ResultRow[] {
  const polygonal = layer.id !== 'enterprises'
  return [...layer.features].sort(byClassThenOverlap).map((f) => ({
    layer: layer.id,
    id: f.id,
    ...featureLabel(layer.id, f.id, f.properties, lang, t),
    cls: f.class,
    overlapMu: formatMuValue(polygonal ? f.overlap_mu : null, lang),
    share: polygonal && f.overlap_mu !== null ? formatShare(f.share, lang, f.class) : MISSING_VALUE,
  }))
}

/**
 * Two overlap answers for the same subject (one asked with include:'all', one without) as one,
 * layers in `order`. The subject area is the same in both; the first answer's is kept.
 */
export function mergeOverlapResults(results: readonly OverlapResult[], order: readonly OverlapLayerId[]): OverlapResult | null {
  const first = results[0]
  if (!first) return null
  const layers = results.flatMap((r) => r.layers).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
  return { subject: first.subject, layers }
}

/**
 * How a result feature is drawn: `fill` (a plot the boundary takes in or cuts), `muted` (a plot it
 * leaves out), `outline` (containers such as park zones, the cluster, land cover: filled, they
 * would bury everything under them).
 */
export type HighlightStyle = 'fill' | 'muted' | 'outline'

export interface Highlight<L extends string = OverlapLayerId> {
  layer: L
  id: string
  color: string
  style: HighlightStyle
}

const OUTLINE_LAYERS: readonly OverlapLayerId[] = ['zones', 'chemical_clusters', 'basemap']

/** Features to colour on the map: each result feature with its layer, class colour and style. */
export function highlightItems(result: OverlapResult): Highlight[] {
  return result.layers.flatMap((l) => l.features.map((f) => ({
    layer: l.id,
    id: f.id,
    color: OVERLAP_CLASS_COLORS[f.class],
    style: OUTLINE_LAYERS.includes(l.id) ? 'outline' as const : f.class === 'outside' ? 'muted' as const : 'fill' as const,
  })))
}

/** The parcels (and, for firms without land, the works' point) of each chemical firm, coloured by its class. */
export function firmHighlightItems(firms: readonly ChemicalFirm[]): Highlight<'parcels' | 'enterprises'>[] {
  return firms.flatMap((f) => [
    ...f.parcel_ids.map((id) => ({ layer: 'parcels' as const, id, color: FIRM_CLASS_COLORS[f.class], style: 'fill' as const })),
    { layer: 'enterprises' as const, id: f.id, color: FIRM_CLASS_COLORS[f.class], style: 'fill' as const },
  ])
}

/** Firms in the order the question is asked: outside first, then partial, then inside; larger holdings first. */
export function sortFirms(firms: readonly ChemicalFirm[]): ChemicalFirm[] {
  const order: readonly OverlapClass[] = ['outside', 'partial', 'inside']
  return [...firms].sort((a, b) => order.indexOf(a.class) - order.indexOf(b.class) || (b.held_m2 ?? 0) - (a.held_m2 ?? 0) || a.id.localeCompare(b.id))
}
