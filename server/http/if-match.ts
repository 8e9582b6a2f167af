import type { FastifyRequest } from 'fastify'
import { BadRequest, PreconditionRequired } from '../errors'

/**
 * The version the client last saw: the `If-Match` header (the ETag we sent, `"3"` or `W/"3"`)
 * or a `version` field in the body. An edit without one is refused (428): a blind overwrite is
 * exactly what optimistic concurrency exists to prevent.
 * @example expectedVersion(req) // 3 for `If-Match: "3"`
 */
export function expectedVersion(req: FastifyRequest, bodyVersion?: number): number {
  const header = req.headers['if-match']
  if (typeof header === 'string' && header.trim() !== '') {
    const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
    if (!m) throw new BadRequest(`If-Match must be the version ETag, e.g. "3"; got ${header}`)
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
