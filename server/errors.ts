/**
 * One error type per way a request can fail, and one table from type to HTTP status, read by the
 * single error handler in app.ts. Messages name the bad value; nothing internal (SQL, stack) leaks.
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
export class PreconditionRequired extends ApiError {
  override readonly code = 'precondition_required'
}
export class PayloadTooLarge extends ApiError {
  override readonly code = 'payload_too_large'
}

const STATUS: ReadonlyArray<[new (...args: never[]) => ApiError, number]> = [
  [InvalidParameter, 422],
  [InvalidGeometry, 422],
  [NotFound, 404],
  [Unauthorized, 401],
  [Forbidden, 403],
  [CsrfFailure, 403],
  [TooManyRequests, 429],
  [Conflict, 409],
  [PayloadTooLarge, 413],
  [PreconditionRequired, 428],
  [BadRequest, 400],
]

export function statusOf(err: ApiError): number {
  for (const [type, status] of STATUS) if (err instanceof type) return status
  return 400
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
