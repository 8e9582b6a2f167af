import type { FastifyRequest } from 'fastify'
import { BadRequest, PreconditionRequired } from '../errors'

/**
 * The only If-Match we take: the strong ETag the server sends, `"<version>"`. A weak ETag
 * (`W/"3"`) never matches under If-Match's strong comparison (RFC 9110 §13.1.1), and we never send
 * one, so it is a client's mistake rather than a stale version; so are half-quoted and bare values,
 * lists and `*`. Each is refused as malformed (400), not read as "some version".
 */
const STRONG_VERSION_ETAG = /^"(\d{1,9})"$/

/**
 * The version the client last saw: the `If-Match` header (the ETag we sent, `"3"`) or a `version`
 * field in the body. An edit without one is refused (428): a blind overwrite is exactly what
 * optimistic concurrency exists to prevent.
 * @example expectedVersion(req) // 3 for `If-Match: "3"`
 */
export function expectedVersion(req: FastifyRequest, bodyVersion?: number): number {
  const header = req.headers['if-match']
  if (typeof header === 'string' && header.trim() !== '') {
    const m = STRONG_VERSION_ETAG.exec(header.trim())
    if (!m) throw new BadRequest(`If-Match must be the strong ETag the server sent, the version in double quotes, e.g. "3" (not W/"3", 3 or "3); got ${header.slice(0, 40)}`)
    const v = Number(m[1])
    if (bodyVersion !== undefined && bodyVersion !== v) throw new BadRequest(`If-Match ${v} and body version ${bodyVersion} disagree`)
    return v
  }
  if (bodyVersion !== undefined) return bodyVersion
  throw new PreconditionRequired('send If-Match with the version you edited (or "version" in the body)')
}

/** The ETag for a row's version. */
export function etagOf(version: unknown): string {
  return `"${String(version)}"`
}
