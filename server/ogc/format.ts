import type { FastifyRequest } from 'fastify'

export type OgcFormat = 'json' | 'html'

/** One media range of an Accept header with its quality. */
function ranges(accept: string): { type: string; q: number }[] {
  return accept.split(',').map((part) => {
    const [type = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    return { type: type.trim(), q: Number.isFinite(quality) ? quality : 0 }
  })
}

/**
 * JSON or HTML: `f=` first, then the Accept header (application/json or application/geo+json
 * against text/html, by quality; a tie goes to JSON), JSON when neither says.
 * @example formatOf(req) // 'html' for a browser's "text/html,…,*\/*;q=0.8"
 */
export function formatOf(req: FastifyRequest<{ Querystring: { f?: OgcFormat } }>): OgcFormat {
  if (req.query.f) return req.query.f
  const accept = req.headers.accept
  if (!accept) return 'json'
  let json = 0
  let html = 0
  for (const { type, q } of ranges(accept)) {
    if (type === 'application/json' || type === 'application/geo+json' || type === 'application/schema+json') json = Math.max(json, q)
    else if (type === 'text/html') html = Math.max(html, q)
  }
  return html > json ? 'html' : 'json'
}
