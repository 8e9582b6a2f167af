import type { LayerView } from '../layers/catalog'
import { CRS84, OGC_CRS } from './crs'

/**
 * The metadata documents of OGC API – Features (landing page, conformance, collections) as plain
 * objects, and the links they carry. Every href is absolute, built on the request's own origin.
 */

export interface OgcLink {
  href: string
  rel: string
  type: string
  title?: string
}

const JSON_TYPE = 'application/json'
const GEOJSON_TYPE = 'application/geo+json'
const HTML_TYPE = 'text/html'

/**
 * The conformance classes passed, exactly: Part 1 core, GeoJSON and HTML; Part 2 CRS; Part 3
 * queryables and queryables as query parameters (equality). No OpenAPI document is served, so
 * not oas30; no CQL2, so not filter.
 */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
] as const

/** `self` in the format answered and `alternate` in the other one. */
export function selfLinks(url: string, answered: 'json' | 'html', jsonType = JSON_TYPE, title = 'this document'): OgcLink[] {
  const as = (f: 'json' | 'html'): OgcLink => ({
    href: withParam(url, 'f', f),
    rel: f === answered ? 'self' : 'alternate',
    type: f === 'json' ? jsonType : HTML_TYPE,
    title: f === answered ? title : `${title} as ${f === 'json' ? 'JSON' : 'HTML'}`,
  })
  return [as(answered), as(answered === 'json' ? 'html' : 'json')]
}

/** The URL with one query parameter set (replaced if present). */
export function withParam(url: string, name: string, value: string): string {
  const u = new URL(url)
  u.searchParams.set(name, value)
  return u.toString()
}

export interface LandingPage {
  title: string
  description: string
  links: OgcLink[]
}

export interface Conformance {
  links: OgcLink[]
  conformsTo: readonly string[]
}

/**
 * A collection's bounding box in CRS84 (null when it has no features) and, for a layer with a
 * temporal column, its first and last day (null when it has none, or no feature has a date).
 */
export interface Extent {
  bbox: [number, number, number, number] | null
  days: [string, string] | null
}

/** The Gregorian calendar, the temporal reference system of every interval here. */
const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian'

export interface Collection {
  id: string
  title: string
  description: string
  itemType: 'feature'
  extent?: {
    spatial?: { bbox: [number, number, number, number][]; crs: string }
    /** The park's days as instants in its time zone: from the first day's start to the last day's end. */
    temporal?: { interval: [[string, string]]; trs: string }
  }
  crs: string[]
  storageCrs: string
  links: OgcLink[]
}

export interface Collections {
  links: OgcLink[]
  crs: string[]
  collections: Collection[]
}

/** A GeoJSON Feature as the items queries give it (for the HTML pages, which read it). */
export interface OgcFeature {
  id: string
  geometry: { type: string } | null
  properties: Record<string, unknown>
}

export function landingPage(base: string, f: 'json' | 'html'): LandingPage {
  return {
    title: 'Park Atlas · 园区地图',
    description: "OGC API – Features over the industrial park's layers, each as the caller may see it",
    links: [
      ...selfLinks(`${base}/ogc`, f, JSON_TYPE, 'landing page'),
      { href: `${base}/ogc/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'conformance classes' },
      { href: `${base}/ogc/collections`, rel: 'data', type: JSON_TYPE, title: 'collections' },
    ],
  }
}

export function conformance(base: string, f: 'json' | 'html'): Conformance {
  return { links: selfLinks(`${base}/ogc/conformance`, f, JSON_TYPE, 'conformance classes'), conformsTo: CONFORMANCE }
}

/** One collection: a layer as the audience sees it. */
export function collection(base: string, view: LayerView, extent: Extent, f: 'json' | 'html' | undefined): Collection {
  const { layer } = view
  const url = `${base}/ogc/collections/${encodeURIComponent(layer.id)}`
  return {
    id: layer.id,
    title: layer.title_en,
    description: `${layer.title} · ${layer.title_en}`,
    itemType: 'feature' as const,
    ...(extent.bbox || extent.days
      ? {
          extent: {
            ...(extent.bbox ? { spatial: { bbox: [extent.bbox], crs: CRS84 } } : {}),
            ...(extent.days ? { temporal: { interval: [[`${extent.days[0]}T00:00:00+08:00`, `${extent.days[1]}T23:59:59+08:00`]], trs: GREGORIAN } } : {}),
          },
        }
      : {}),
    crs: OGC_CRS.map((c) => c.uri),
    storageCrs: CRS84,
    links: [
      ...(f ? selfLinks(url, f, JSON_TYPE, layer.title_en) : [{ href: url, rel: 'self', type: JSON_TYPE, title: layer.title_en }]),
      // No `?f=json` on the GeoJSON link: GDAL appends `/{featureId}` to it as it stands, and Accept says JSON already.
      { href: `${url}/items`, rel: 'items', type: GEOJSON_TYPE, title: `${layer.title_en}: items` },
      { href: `${url}/items?f=html`, rel: 'items', type: HTML_TYPE, title: `${layer.title_en}: items as HTML` },
      { href: `${url}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'queryables' },
      // `describedBy`: relation types compare case-insensitively (RFC 8288), and GDAL matches this spelling only.
      { href: `${url}/schema`, rel: 'describedBy', type: 'application/schema+json', title: 'schema of the features' },
    ],
  }
}

export function collections(base: string, entries: Collection[], f: 'json' | 'html'): Collections {
  return { links: selfLinks(`${base}/ogc/collections`, f, JSON_TYPE, 'collections'), crs: OGC_CRS.map((c) => c.uri), collections: entries }
}

/** Where a page of items sits among the matches, for its links. */
export interface Paging {
  offset: number
  limit: number
  returned: number
  matched: number
}

/**
 * A page of items' links: `self` and `alternate` (the request's own URL, `f` set), `next` while
 * matches are left, `prev` after the first page (both keep every other parameter), `collection`.
 * In HTML, `next` and `prev` lead to HTML pages too.
 */
export function itemsLinks(url: string, f: 'json' | 'html', paging: Paging, collectionUrl: string): OgcLink[] {
  const { offset, limit, returned, matched } = paging
  const page = (o: number, rel: 'next' | 'prev'): OgcLink => {
    const href = withParam(withParam(url, 'offset', String(o)), 'limit', String(limit))
    const title = rel === 'next' ? 'next page' : 'previous page'
    return f === 'html' ? { href: withParam(href, 'f', 'html'), rel, type: HTML_TYPE, title } : { href, rel, type: GEOJSON_TYPE, title }
  }
  return [
    ...selfLinks(url, f, GEOJSON_TYPE, 'this page'),
    ...(offset + returned < matched ? [page(offset + limit, 'next')] : []),
    ...(offset > 0 ? [page(Math.max(0, offset - limit), 'prev')] : []),
    { href: collectionUrl, rel: 'collection', type: JSON_TYPE, title: 'the collection' },
  ]
}

/** One item's links: `self`, `alternate` (the request's own URL, `f` set) and `collection`. */
export function itemLinks(url: string, f: 'json' | 'html', collectionUrl: string): OgcLink[] {
  return [...selfLinks(url, f, GEOJSON_TYPE, 'this feature'), { href: collectionUrl, rel: 'collection', type: JSON_TYPE, title: 'the collection' }]
}
