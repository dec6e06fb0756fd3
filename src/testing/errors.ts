/** Parameters Telegram attaches to some errors (`migrate_to_chat_id`, `retry_after`). */
export interface ResponseParameters {
  migrate_to_chat_id?: number;
  retry_after?: number;
}

/** An error answer of the emulated Bot API: an HTTP status, a description and optional parameters. */
export class ApiError extends Error {
  readonly code: number;
  readonly description: string;
  readonly parameters: ResponseParameters | undefined;

  constructor(code: number, description: string, parameters?: ResponseParameters) {
    super(description);
    this.name = 'ApiError';
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }

  /** The JSON body Telegram sends for this error. */
  toJSON(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error_code: this.code, description: this.description };
    if (this.parameters !== undefined) body.parameters = this.parameters;
    return body;
  }
}

/** A 400 answer: `Bad Request: <what>`. */
export function badRequest(what: string, parameters?: ResponseParameters): ApiError {
  return new ApiError(400, `Bad Request: ${what}`, parameters);
}

/** A 403 answer: `Forbidden: <what>`. */
export function forbidden(what: string): ApiError {
  return new ApiError(403, `Forbidden: ${what}`);
}

/** The 401 answer for an unknown token. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized');
}

/** The 404 answer for an unknown method or file. */
export function notFound(): ApiError {
  return new ApiError(404, 'Not Found');
}

/** A 409 answer: `Conflict: <what>`. */
export function conflict(what: string): ApiError {
  return new ApiError(409, `Conflict: ${what}`);
}

/** A 429 answer with `retry_after`. */
export function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}
