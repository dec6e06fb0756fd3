/**
 * The contract between the Bot and an HTTP client: {@link BaseRequest} turns raw HTTP exchanges
 * into Bot API results and the library's error family. Implementations only move bytes
 * ({@link BaseRequest.doRequest}); status codes, JSON and errors are handled here, once.
 */
import { isRecord } from '../base/field-check.js';
import {
  errorFromResponse,
  InvalidArgumentError,
  NetworkError,
  type ResponseParametersLike,
  TelegramError,
} from '../errors.js';
import type { RequestTimeouts } from './types.js';

/**
 * The parameters of one API call, ready to send (implemented by `RequestData`). Declared here so
 * the request layer does not depend on how payloads are built.
 */
export interface RequestPayload {
  /** Whether some parameter is a file to upload, i.e. the call must go as multipart/form-data. */
  readonly containsFiles: boolean;
  /** All parameters as one JSON document (sent as `application/json`). */
  jsonPayload(): string;
  /** All parameters as multipart/form-data; may be called again for a retry and yields the same bytes. */
  multipart(): { contentType: string; body: AsyncIterable<Uint8Array> };
}

/** Timeouts of one request after defaults were applied: seconds, or `null` for no limit. */
export interface ResolvedTimeouts {
  readonly readTimeout: number | null;
  readonly writeTimeout: number | null;
  readonly connectTimeout: number | null;
  readonly poolTimeout: number | null;
}

/** A request object's default timeouts, plus the write timeout used for uploads. */
export interface DefaultTimeouts extends ResolvedTimeouts {
  /** Write timeout for payloads that contain files. */
  readonly mediaWriteTimeout: number | null;
}

/** One HTTP exchange, as {@link BaseRequest.doRequest} receives it. */
export interface HttpRequest {
  /** The full URL. Secret: it holds the bot token. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** The body of a POST; none for GET. */
  readonly payload?: RequestPayload | undefined;
  readonly timeouts: ResolvedTimeouts;
  /** The caller's signal: when it aborts, the exchange rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** The answer of an HTTP exchange; the body must be consumed (or its iteration ended) to free the connection. */
export interface HttpResponse {
  readonly statusCode: number;
  /**
   * The body's chunks. A body that also has a `text()` method (undici's does) is read through it,
   * which is faster than iterating.
   */
  readonly body: AsyncIterable<Uint8Array> & {
    /** The whole body as UTF-8 text. */
    text?(): Promise<string>;
  };
}

/** Options of {@link BaseRequest.post}. */
export interface PostOptions {
  /** The Bot API method name, used in errors (never the URL). */
  readonly endpoint: string;
  /** The parameters; none for a call without parameters. */
  readonly payload?: RequestPayload | undefined;
  /** Per-call timeouts; `undefined` entries fall back to the request object's defaults. */
  readonly timeouts?: RequestTimeouts | undefined;
  /** Aborts the call; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link BaseRequest.retrieve} and {@link BaseRequest.retrieveStream}. */
export interface RetrieveOptions {
  /** Per-call timeouts; `undefined` entries fall back to the request object's defaults. */
  readonly timeouts?: RequestTimeouts | undefined;
  /** Aborts the download; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

const REDACTED = '<redacted>';
/** Anything shaped like a bot token (`123456:ABC-def...`), also URL-encoded. */
const TOKEN_PATTERN = /\d{3,}(?::|%3A)[\w-]{20,}/gi;
const SAFE_ERROR_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/** The secret parts of a URL: itself, its path, and `bot<token>` path segments with their token. */
function secretsOf(url: string): string[] {
  const secrets = [url];
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  if (pathStart > 0) {
    secrets.push(url.slice(pathStart));
    for (const segment of url.slice(pathStart).split(/[/?#]/)) {
      if (segment.startsWith('bot') && segment.length > 3) secrets.push(segment, segment.slice(3));
    }
  }
  return secrets.filter((secret) => secret.length >= 6).sort((a, b) => b.length - a.length);
}

function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
  }
  return result.replace(TOKEN_PATTERN, REDACTED);
}

function sanitize(error: unknown, secrets: readonly string[], depth: number): Error {
  if (!(error instanceof Error)) {
    return new Error(redactText(typeof error === 'string' ? error : 'Non-error value thrown', secrets));
  }
  const nested = error instanceof AggregateError && depth > 0 ? error.errors : undefined;
  const copy: Error =
    nested === undefined
      ? new Error(redactText(error.message, secrets))
      : new AggregateError(
          nested.map((inner: unknown) => sanitize(inner, secrets, depth - 1)),
          redactText(error.message, secrets),
        );
  copy.name = redactText(error.name, secrets);
  const source = error as unknown as Record<string, unknown>;
  const target = copy as unknown as Record<string, unknown>;
  for (const field of SAFE_ERROR_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') target[field] = redactText(value, secrets);
    else if (typeof value === 'number') target[field] = value;
  }
  if (error.stack !== undefined) copy.stack = redactText(error.stack, secrets);
  if (error.cause !== undefined && depth > 0) copy.cause = sanitize(error.cause, secrets, depth - 1);
  return copy;
}

/**
 * A copy of `error` that is safe to keep as a `cause`: message, name, stack and the usual
 * network fields (`code`, `errno`, `syscall`, `address`, `port`), with `url`, its parts and anything
 * shaped like a bot token replaced by `<redacted>`; other properties are dropped. Causes and
 * `AggregateError` members are sanitised too (three levels deep).
 */
export function sanitizeCause(error: unknown, url: string): Error {
  return sanitize(error, secretsOf(url), 3);
}

/** Reads a whole body into one buffer (no copy when it came in one chunk). */
async function readAll(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  let first: Uint8Array | undefined;
  let rest: Uint8Array[] | undefined;
  for await (const chunk of body) {
    if (first === undefined) first = chunk;
    else if (rest === undefined) rest = [first, chunk];
    else rest.push(chunk);
  }
  if (rest !== undefined) return Buffer.concat(rest);
  return first ?? new Uint8Array(0);
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The error for a non-2xx (or `ok: false`) answer whose body is already text. */
function answerError(statusCode: number, text: string, method: string | undefined): TelegramError {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return notJson(statusCode, method);
  }
  if (!isRecord(data)) return notAnAnswer(statusCode, method);
  return apiError(statusCode, data, method);
}

function apiError(
  statusCode: number,
  data: Record<string, unknown>,
  method: string | undefined,
): TelegramError {
  const description = typeof data.description === 'string' ? data.description : undefined;
  const parameters = isRecord(data.parameters) ? (data.parameters as ResponseParametersLike) : undefined;
  const errorCode =
    statusCode >= 200 && statusCode < 300 && typeof data.error_code === 'number'
      ? data.error_code
      : statusCode;
  return errorFromResponse({ method, errorCode, description, parameters });
}

function notJson(statusCode: number, method: string | undefined): NetworkError {
  return new NetworkError(
    `Invalid server response: the body of the HTTP ${statusCode} answer is not valid JSON`,
    method === undefined ? {} : { method },
  );
}

function notAnAnswer(statusCode: number, method: string | undefined): NetworkError {
  return new NetworkError(
    `Invalid server response: the body of the HTTP ${statusCode} answer is JSON but not a Bot API answer object`,
    method === undefined ? {} : { method },
  );
}

/**
 * The HTTP client behind a Bot: implement {@link doRequest} (plus lifecycle and defaults) to plug in
 * another client. `post`, `retrieve` and `retrieveStream` resolve timeouts, interpret the answers and
 * raise the library's errors, the same way for every implementation.
 *
 * Usable with `await using request = new UndiciRequest()`, which shuts it down at scope end.
 */
export abstract class BaseRequest {
  /** The `user-agent` header sent with every request. */
  static readonly USER_AGENT: string = 'typescript-telegram-bot';

  #defaultsSeen: DefaultTimeouts | undefined;
  #plainDefaults: ResolvedTimeouts | undefined;
  #mediaDefaults: ResolvedTimeouts | undefined;

  /** Prepares connections and other resources. Safe to call twice. */
  abstract initialize(): Promise<void>;
  /** Releases connections and other resources. Safe to call twice. */
  abstract shutdown(): Promise<void>;
  /** All default timeouts. Must return the same object as long as the defaults do not change. */
  abstract get defaultTimeouts(): DefaultTimeouts;

  /** The default read timeout in seconds (`null`: none); the Bot adds getUpdates' `timeout` to it. */
  get readTimeout(): number | null {
    return this.defaultTimeouts.readTimeout;
  }

  /**
   * Performs one HTTP exchange and resolves as soon as the status is known. Rejects with a
   * {@link TelegramError} (usually {@link NetworkError} or `TimedOut`) for transport failures, with
   * an {@link InvalidArgumentError} for a payload that cannot be sent, or with the signal's reason
   * when the caller aborted; both pass through unchanged. Other errors are passed to
   * {@link wrapTransportError}.
   * Called by `post`/`retrieve`; not meant to be called directly.
   */
  abstract doRequest(request: HttpRequest): Promise<HttpResponse>;

  /**
   * Turns a failure of {@link doRequest} or of reading a body into a {@link TelegramError}.
   * The default wraps it in a {@link NetworkError} with a sanitised cause; implementations
   * override it to recognise their client's timeouts and errors.
   */
  protected wrapTransportError(error: unknown, request: HttpRequest): TelegramError {
    const cause = sanitizeCause(error, request.url);
    return new NetworkError(`Unknown error in HTTP implementation: ${cause.name}: ${cause.message}`, {
      cause,
    });
  }

  /**
   * POSTs a Bot API call and resolves to the `result` of the answer, or rejects with the most
   * specific {@link TelegramError} (see `errorFromResponse`). Called by the Bot.
   *
   * @example
   * const me = await request.post(`${base}/bot${token}/getMe`, { endpoint: 'getMe' });
   */
  async post(url: string, options: PostOptions): Promise<unknown> {
    const { endpoint, payload, signal } = options;
    const request: HttpRequest = {
      url,
      method: 'POST',
      payload,
      timeouts: this.#resolve(options.timeouts, payload?.containsFiles === true),
      signal,
    };
    let statusCode: number;
    let text: string;
    try {
      const response = await this.doRequest(request);
      statusCode = response.statusCode;
      const body = response.body;
      text = typeof body.text === 'function' ? await body.text() : utf8(await readAll(body));
    } catch (error) {
      throw this.#failure(error, request);
    }
    if (statusCode >= 200 && statusCode < 300) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw notJson(statusCode, endpoint);
      }
      if (!isRecord(data)) throw notAnAnswer(statusCode, endpoint);
      if (data.ok === false) throw apiError(statusCode, data, endpoint);
      return data.result;
    }
    throw answerError(statusCode, text, endpoint);
  }

  /** GETs a URL (a file download) and resolves to the whole body; non-2xx answers reject. */
  async retrieve(url: string, options: RetrieveOptions = {}): Promise<Uint8Array> {
    const request = this.#getRequest(url, options);
    let statusCode: number;
    let bytes: Uint8Array;
    try {
      const response = await this.doRequest(request);
      statusCode = response.statusCode;
      bytes = await readAll(response.body);
    } catch (error) {
      throw this.#failure(error, request);
    }
    if (statusCode >= 200 && statusCode < 300) return bytes;
    throw answerError(statusCode, utf8(bytes), undefined);
  }

  /**
   * GETs a URL and resolves, once the status is known, to the body as a stream; non-2xx answers
   * reject. Consume the stream to the end or stop iterating (`break`) to free the connection.
   */
  async retrieveStream(url: string, options: RetrieveOptions = {}): Promise<AsyncIterable<Uint8Array>> {
    const request = this.#getRequest(url, options);
    let response: HttpResponse;
    let errorText: string | undefined;
    try {
      response = await this.doRequest(request);
      if (response.statusCode < 200 || response.statusCode >= 300) {
        errorText = utf8(await readAll(response.body));
      }
    } catch (error) {
      throw this.#failure(error, request);
    }
    if (errorText !== undefined) throw answerError(response.statusCode, errorText, undefined);
    return this.#guardStream(response.body, request);
  }

  /** Shuts the request object down (for `await using`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }

  async *#guardStream(body: AsyncIterable<Uint8Array>, request: HttpRequest): AsyncGenerator<Uint8Array> {
    try {
      yield* body;
    } catch (error) {
      throw this.#failure(error, request);
    }
  }

  #getRequest(url: string, options: RetrieveOptions): HttpRequest {
    return { url, method: 'GET', timeouts: this.#resolve(options.timeouts, false), signal: options.signal };
  }

  #failure(error: unknown, request: HttpRequest): unknown {
    if (request.signal?.aborted) return request.signal.reason;
    if (error instanceof TelegramError || error instanceof InvalidArgumentError) return error;
    return this.wrapTransportError(error, request);
  }

  #resolve(timeouts: RequestTimeouts | undefined, containsFiles: boolean): ResolvedTimeouts {
    const defaults = this.defaultTimeouts;
    if (defaults !== this.#defaultsSeen) {
      this.#defaultsSeen = defaults;
      this.#plainDefaults = Object.freeze({
        readTimeout: defaults.readTimeout,
        writeTimeout: defaults.writeTimeout,
        connectTimeout: defaults.connectTimeout,
        poolTimeout: defaults.poolTimeout,
      });
      this.#mediaDefaults = Object.freeze({
        ...this.#plainDefaults,
        writeTimeout: defaults.mediaWriteTimeout,
      });
    }
    const base = (containsFiles ? this.#mediaDefaults : this.#plainDefaults) as ResolvedTimeouts;
    if (
      timeouts === undefined ||
      (timeouts.readTimeout === undefined &&
        timeouts.writeTimeout === undefined &&
        timeouts.connectTimeout === undefined &&
        timeouts.poolTimeout === undefined)
    ) {
      return base;
    }
    return {
      readTimeout: timeouts.readTimeout === undefined ? base.readTimeout : timeouts.readTimeout,
      writeTimeout: timeouts.writeTimeout === undefined ? base.writeTimeout : timeouts.writeTimeout,
      connectTimeout: timeouts.connectTimeout === undefined ? base.connectTimeout : timeouts.connectTimeout,
      poolTimeout: timeouts.poolTimeout === undefined ? base.poolTimeout : timeouts.poolTimeout,
    };
  }
}
