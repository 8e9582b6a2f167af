/**
 * Does the peer answer with the same features as Park Atlas? Feature ids of an OGC API items page
 * or of a decoded vector tile, compared as sets; and, for features both hold, the properties each
 * gives, compared as text (MapServer writes an SQL NULL as "" and may type a number as a string).
 */
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

export interface IdComparison {
  /** How many distinct ids each side holds. */
  counts: [number, number]
  onlyFirst: string[]
  onlySecond: string[]
  /** Ids one side sends more than once (a tile must hold each feature once). */
  duplicates: string[]
  same: boolean
}

export function compareIds(first: readonly string[], second: readonly string[]): IdComparison {
  const a = new Set(first)
  const b = new Set(second)
  const duplicates = [...new Set([...first.filter((id, i) => first.indexOf(id) !== i), ...second.filter((id, i) => second.indexOf(id) !== i)])]
  const onlyFirst = [...a].filter((id) => !b.has(id))
  const onlySecond = [...b].filter((id) => !a.has(id))
  return { counts: [a.size, b.size], onlyFirst, onlySecond, duplicates, same: !onlyFirst.length && !onlySecond.length && !duplicates.length }
}

/** A property value as text, so that `null`, `undefined` and `""` are alike and 12 equals "12". */
const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v))

/**
 * For the features present on both sides (by id), the properties whose values differ as text, with
 * how many features differ; a property one side lacks counts for every shared feature.
 */
export function propertyDifferences(
  first: ReadonlyMap<string, Record<string, unknown>>,
  second: ReadonlyMap<string, Record<string, unknown>>,
  ignore: readonly string[] = [],
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [id, a] of first) {
    const b = second.get(id)
    if (!b) continue
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (ignore.includes(key)) continue
      if (asText(a[key]) !== asText(b[key])) out[key] = (out[key] ?? 0) + 1
    }
  }
  return out
}

/** A decoded tile's features of `layer`, by the `id` property (the park's ids are text, which an MVT id cannot hold). */
export function tileFeatures(body: Uint8Array, layer: string): { ids: string[]; properties: Map<string, Record<string, unknown>> } {
  const tile = new VectorTile(new PbfReader(body))
  const l = tile.layers[layer]
  const ids: string[] = []
  const properties = new Map<string, Record<string, unknown>>()
  for (let i = 0; i < (l?.length ?? 0); i++) {
    const f = l!.feature(i)
    const id = asText(f.properties.id)
    ids.push(id)
    properties.set(id, f.properties)
  }
  return { ids, properties }
}

/** An OGC API items page's features by id (the Feature's own `id`). */
export function itemsFeatures(body: string): { ids: string[]; properties: Map<string, Record<string, unknown>>; numberMatched: number | undefined } {
  const fc = JSON.parse(body) as { numberMatched?: number; features: { id: string | number; properties: Record<string, unknown> }[] }
  const ids = fc.features.map((f) => String(f.id))
  return { ids, properties: new Map(fc.features.map((f) => [String(f.id), f.properties])), numberMatched: fc.numberMatched }
}
