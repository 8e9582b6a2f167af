import { ApiError } from '../../lib/api'

/** An error as a reader sees it: the server's own message (it names the bad value), then the code. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.status ? `${error.message} (${error.status} ${error.code})` : `${error.message} (${error.code})`
  return error instanceof Error ? error.message : String(error)
}
