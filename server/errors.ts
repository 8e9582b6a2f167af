import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody } from '../web/src/shared/api/errors'

/**
 * One error type per way a request can fail, one table from type to HTTP status, the mapping of
 * the database's refusals, and the single error handler that applies them (registered in app.ts).
 * Messages name the bad value; nothing internal (SQL, stack) leaks.
 */
export class ApiError extends Error {
  readonly code: string = 'bad_request'
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export class BadRequest extends ApiError {
  override readonly code = 'bad_request'
}
export class InvalidParameter extends ApiError {
  override readonly code = 'invalid_parameter'
}
export class InvalidGeometry extends ApiError {
  override readonly code = 'invalid_geometry'
}
/** An uploaded file that is not the format it was sent as (garbage, a line that is no point line). */
export class MalformedFile extends ApiError {
  override readonly code = 'malformed_file'
}
/** A well-formed file whose shapes cannot be used (too few corners, self-crossing, outside any zone, too many vertices). */
export class InvalidFile extends ApiError {
  override readonly code = 'invalid_file'
}
export class NotFound extends ApiError {
  override readonly code = 'not_found'
}
export class Unauthorized extends ApiError {
  override readonly code = 'unauthorized'
}
export class Forbidden extends ApiError {
  override readonly code = 'forbidden'
}
/** A write with a session cookie but without its CSRF token (x-csrf-token). */
export class CsrfFailure extends ApiError {
  override readonly code = 'csrf_token'
}
export class TooManyRequests extends ApiError {
  override readonly code = 'too_many_requests'
}
export class Conflict extends ApiError {
  override readonly code = 'conflict'
}
/**
 * A write that would break a rule between rows (a parcel's open idle-land case, a case's stage
 * order): 409, with the rule as the code, so a client can tell it from a stale version.
 */
export class BrokenRule extends ApiError {
  constructor(
    override readonly code: string,
    message: string,
    details?: unknown,
  ) {
    super(message, details)
  }
}
export class PreconditionRequired extends ApiError {
  override readonly code = 'precondition_required'
}
export class PayloadTooLarge extends ApiError {
  override readonly code = 'payload_too_large'
}

const STATUS: ReadonlyArray<[new (...args: never[]) => ApiError, number]> = [
  [InvalidParameter, 422],
  [InvalidGeometry, 422],
  [InvalidFile, 422],
  [MalformedFile, 400],
  [NotFound, 404],
  [Unauthorized, 401],
  [Forbidden, 403],
  [CsrfFailure, 403],
  [TooManyRequests, 429],
  [Conflict, 409],
  [BrokenRule, 409],
  [PayloadTooLarge, 413],
  [PreconditionRequired, 428],
  [BadRequest, 400],
]

export function statusOf(err: ApiError): number {
  for (const [type, status] of STATUS) if (err instanceof type) return status
  return 400
}

export type { ErrorBody }

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

interface DatabaseRefusal {
  status: number
  code: string
  message: string
}

/**
 * The data's own rules that deserve their own words: the name PostgreSQL reports for the broken
 * constraint (a CHECK, a unique index, or a trigger's RAISE … CONSTRAINT) → the refusal. The names
 * are the migrations'; a name starting with `*` matches every name that ends with the rest.
 */
const DATABASE_RULES: ReadonlyArray<[constraint: string, refusal: DatabaseRefusal]> = [
  // migration 006: <table>_<column>_finite on every numeric column
  ['*_finite', { status: 422, code: 'invalid_value', message: 'a number must be finite: Infinity and NaN are refused' }],
  // migration 005: the deferred trigger on users
  ['keep_an_enabled_admin', { status: 409, code: 'last_admin', message: 'the park must keep at least one enabled admin: make another account admin first' }],
  // migrations 007 and 012: idle-land cases and their parcels (the codes are BrokenRule's, as the API's own checks give them)
  ['idle_plots_one_open_case', { status: 409, code: 'one_open_case', message: 'a parcel has at most one open idle-land case: take the open case to revitalised or close it first' }],
  ['idle_plots_stage_order', { status: 409, code: 'stage_order', message: 'an idle-land case moves one statutory step on (investigation → notice → determination → disposal_plan → implementing → revitalised; no notice for low-efficiency land) or is closed, never back, and keeps its category' }],
  ['parcels_status_follows_case', { status: 409, code: 'status_follows_case', message: "a parcel's status follows its open idle-land case (investigation to determination: idle or low_efficiency; disposal_plan, implementing: revitalising): move the case on instead" }],
  // migration 013: a scenario's versions are what was saved; an approved one is frozen
  ['scenario_versions_immutable', { status: 409, code: 'scenario_approved', message: 'a saved scenario version never changes, and an approved one is frozen: save a new version (or start a new scenario)' }],
]

function ruleFor(constraint: unknown): DatabaseRefusal | undefined {
  if (typeof constraint !== 'string') return undefined
  for (const [name, refusal] of DATABASE_RULES) {
    const matches = name.startsWith('*') ? constraint.endsWith(name.slice(1)) : constraint === name
    if (matches) return refusal
  }
  return undefined
}

/**
 * PostgreSQL errors that mean the caller's data was refused, not that the server failed: SQLSTATE
 * class 22 (data exception: a NUL character, a malformed date) and class 23 (a constraint). The
 * routes validate first; this is the backstop, with messages that name no table or SQL. A statement
 * cancelled for taking too long is no client error but no crash either: 503.
 */
export function databaseClientError(err: unknown): DatabaseRefusal | undefined {
  const sqlstate = (err as { code?: unknown }).code
  // 57014: PostgreSQL cancelled the statement (statement_timeout). Cancelled inside GEOS,
  // PostGIS reports the interrupted call as "GEOS isvaliddetail() threw an exception!" (XX000)
  // instead; the input reaching GEOS has passed every check, so that is the timeout too.
  // 'Query read timeout' is pg's own query_timeout (the embedded database).
  const message = err instanceof Error ? err.message : ''
  if (sqlstate === '57014' || (sqlstate === 'XX000' && /^GEOS \w+\(\) threw an exception!$/.test(message)) || message === 'Query read timeout') {
    return { status: 503, code: 'statement_timeout', message: 'the database took too long on this request and gave up; try a simpler shape or try again later' }
  }
  if (typeof sqlstate !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(sqlstate)) return undefined
  const rule = sqlstate.startsWith('23') ? ruleFor((err as { constraint?: unknown }).constraint) : undefined
  if (rule) return rule
  if (sqlstate === '23505') return { status: 409, code: 'conflict', message: 'that already exists' }
  if (sqlstate === '23503') return { status: 422, code: 'invalid_reference', message: 'a value refers to something that does not exist' }
  if (sqlstate.startsWith('23')) return { status: 422, code: 'invalid_value', message: 'a value breaks a rule of the data (an allowed range or combination)' }
  return { status: 400, code: 'invalid_value', message: 'a value has characters or a format the database refuses (e.g. a NUL character)' }
}

/** The app's error handler: every failure of every route leaves through here. */
export function sendError(err: FastifyError | ApiError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ApiError) return reply.status(statusOf(err)).send(errorBody(err.code, err.message, err.details))
  const fromDatabase = databaseClientError(err)
  if (fromDatabase) return reply.status(fromDatabase.status).send(errorBody(fromDatabase.code, fromDatabase.message))
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, body too large, wrong content type): their messages are safe.
    return reply.status(status).send(errorBody(err.code ?? 'bad_request', err.message))
  }
  req.log.error(err)
  return reply.status(500).send(errorBody('internal', 'internal error; the server log has the details'))
}

/**
 * Errors the router raises before any route (a path parameter over 100 characters, broken
 * %-encoding) get the same JSON error shape as everything else, without echoing the URL.
 */
export function sendRouterError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is longer than 100 characters' : 'the URL is not valid'
  return reply.status(err.statusCode ?? 400).send(errorBody('bad_request', message))
}
