/** Every refusal and failure of the API has this body, with a 4xx or 5xx status. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}
