import type { Collection, Collections, Conformance, LandingPage, OgcFeature, OgcLink } from './documents'

/**
 * The HTML encoding of OGC API – Features (conformance class html): plain pages a person can read
 * and click through, with every piece of text escaped — names come from the data.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`
}

function linkList(links: readonly OgcLink[]): string {
  const items = links.map((l) => `<li><a href="${escapeHtml(l.href)}" rel="${escapeHtml(l.rel)}" type="${escapeHtml(l.type)}">${escapeHtml(l.title ?? l.href)}</a> (${escapeHtml(l.rel)}, ${escapeHtml(l.type)})</li>`)
  return `<h2>Links</h2><ul>\n${items.join('\n')}\n</ul>`
}

function table(headers: readonly string[], rows: readonly string[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
  // Cells arrive escaped (some hold links).
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')
  return `<table border="1"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

const anchor = (href: string, text: unknown): string => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`

export function landingHtml(doc: LandingPage): string {
  return page(doc.title, `<p>${escapeHtml(doc.description)}</p>\n${linkList(doc.links)}`)
}

export function conformanceHtml(doc: Conformance): string {
  return page('Conformance', `<ul>${doc.conformsTo.map((c) => `<li>${escapeHtml(c)}</li>`).join('\n')}</ul>\n${linkList(doc.links)}`)
}

export function collectionsHtml(doc: Collections, base: string): string {
  const rows = doc.collections.map((c) => {
    const url = `${base}/ogc/collections/${encodeURIComponent(c.id)}`
    return [anchor(`${url}?f=html`, c.id), escapeHtml(c.title), escapeHtml(c.description), anchor(`${url}/items?f=html`, 'items')]
  })
  return page('Collections', `${table(['id', 'title', 'description', 'items'], rows)}\n${linkList(doc.links)}`)
}

export function collectionHtml(doc: Collection): string {
  const facts = [
    ['id', escapeHtml(doc.id)],
    ['description', escapeHtml(doc.description)],
    ['extent (CRS84)', escapeHtml(doc.extent?.spatial?.bbox[0]?.join(', ') ?? 'no features')],
    ...(doc.extent?.temporal ? [['temporal extent', escapeHtml(doc.extent.temporal.interval[0].join(' – '))] as [string, string]] : []),
    ['coordinate reference systems', escapeHtml(doc.crs.join(' '))],
  ]
  return page(doc.title, `${table(['', ''], facts)}\n${linkList(doc.links)}`)
}

export function queryablesHtml(title: string, properties: Record<string, { type: string; format?: string }>, links: OgcLink[]): string {
  const rows = Object.entries(properties).map(([name, s]) => [escapeHtml(name), escapeHtml(s.format ? `${s.type} (${s.format})` : s.type)])
  return page(`${title}: queryables`, `<p>Filter items with ?name=value (equality).</p>\n${table(['name', 'type'], rows)}\n${linkList(links)}`)
}

function featureRows(features: readonly OgcFeature[], itemUrl: (id: string) => string): string {
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))]
  const rows = features.map((f) => [anchor(itemUrl(f.id), f.id), escapeHtml(f.geometry?.type), ...keys.map((k) => escapeHtml(f.properties[k]))])
  return table(['id', 'geometry', ...keys], rows)
}

export function itemsHtml(
  title: string,
  doc: { features: OgcFeature[]; numberMatched: number; numberReturned: number; links: OgcLink[] },
  itemUrl: (id: string) => string,
): string {
  const summary = `<p>${escapeHtml(doc.numberReturned)} of ${escapeHtml(doc.numberMatched)} features.</p>`
  return page(`${title}: items`, `${summary}\n${featureRows(doc.features, itemUrl)}\n${linkList(doc.links)}`)
}

export function itemHtml(title: string, feature: OgcFeature & { links: OgcLink[] }): string {
  const rows = Object.entries(feature.properties).map(([k, v]) => [escapeHtml(k), escapeHtml(v)])
  return page(`${title}: ${feature.id}`, `<p>${escapeHtml(feature.geometry?.type)}</p>\n${table(['property', 'value'], rows)}\n${linkList(feature.links)}`)
}
