/**
 * The default HTTP client: undici's `request()` on a dedicated keep-alive `Agent` (or `ProxyAgent`),
 * with python-telegram-bot's four timeouts and a bounded connection pool.
 */
import type { ConnectionOptions } from 'node:tls';
import { inspect } from 'node:util';
import type { Dispatcher, ProxyAgent } from 'undici';
import { InvalidArgumentError, NetworkError, TelegramError, TimedOut } from '../errors.js';
import {
  BaseRequest,
  type DefaultTimeouts,
  type HttpRequest,
  type HttpResponse,
  sanitizeCause,
} from './base.js';
import { loadUndici, type UndiciParts } from './undici-loader.js';

/**
 * undici, once loaded. It is loaded on first use, not at import: it is most of the cost of
 * importing the library, and a program that builds a bot without sending pays none of it.
 */
let undici: UndiciParts | undefined;

/**
 * Options for the sockets undici opens (passed to its connector, then to `net.connect` /
 * `tls.connect`), e.g. `{ keepAlive: true, noDelay: true }` or a `ca` for a local Bot API server.
 */
export interface SocketOptions
  extends Omit<ConnectionOptions, 'host' | 'port' | 'path' | 'socket' | 'timeout'> {
  /** TCP keep-alive probes on idle connections (undici's default: on). */
  readonly keepAlive?: boolean;
  /** Milliseconds of idleness before the first keep-alive probe (undici's default: 60000). */
  readonly keepAliveInitialDelay?: number;
  /** Disables Nagle's algorithm. */
  readonly noDelay?: boolean;
  /** IP family to resolve to: 4, 6, or 0 for both. */
  readonly family?: number;
  /** Local interface address to connect from. */
  readonly localAddress?: string;
  /** Try IPv4 and IPv6 addresses in parallel (happy eyeballs). */
  readonly autoSelectFamily?: boolean;
}

/** Options of {@link UndiciRequest}; timeouts in seconds, `null` meaning no limit (python-telegram-bot's `HTTPXRequest` parameters). */
export interface UndiciRequestOptions {
  /** Most requests in flight at once, and most connections per origin. Default 256. */
  readonly connectionPoolSize?: number;
  /** Longest wait for the answer's headers and between chunks of its body. Default 5. */
  readonly readTimeout?: number | null;
  /** Longest time without progress while sending a multipart body. Default 5. */
  readonly writeTimeout?: number | null;
  /** Longest wait for a connection (TCP and TLS). Default 5. */
  readonly connectTimeout?: number | null;
  /** Longest wait for a free slot of the pool before the request fails with `TimedOut`. Default 1. */
  readonly poolTimeout?: number | null;
  /** {@link writeTimeout} for requests that upload files. Default 20. */
  readonly mediaWriteTimeout?: number | null;
  /** An `http:` or `https:` proxy URL, e.g. `http://user:pass@127.0.0.1:3128`; requests tunnel through it with CONNECT. */
  readonly proxy?: string | URL | undefined;
  /** `'2'` lets TLS connections negotiate HTTP/2 (ALPN); default `'1.1'`. */
  readonly httpVersion?: '1.1' | '2';
  /** Socket and TLS options for new connections. */
  readonly socketOptions?: SocketOptions;
  /**
   * Raw options for the undici `Agent` (or `ProxyAgent`), applied last so they override the ones
   * derived above (python-telegram-bot's `httpx_kwargs`). Per-request timeouts still come from the
   * timeout options.
   */
  readonly clientOptions?: Omit<ProxyAgent.Options, 'uri'>;
}

type Lifecycle = 'fresh' | 'open' | 'closed';

/** Extra dispatchers kept for per-call connect timeouts that differ from the default. */
const MAX_EXTRA_DISPATCHERS = 8;
/** URLs whose origin and path are kept parsed (the API's methods, with room for file URLs). */
const MAX_CACHED_TARGETS = 1024;

interface RequestTarget {
  readonly origin: string;
  readonly path: string;
}

const JSON_HEADERS: readonly string[] = [
  'user-agent',
  BaseRequest.USER_AGENT,
  'content-type',
  'application/json',
];
const PLAIN_HEADERS: readonly string[] = ['user-agent', BaseRequest.USER_AGENT];

function noop(): void {}

/** What the usual connection failures mean for a bot, added to their terse messages. */
const CONNECT_HINTS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing accepts connections there; check the base URL and that the server runs',
  ENOTFOUND: 'the host name does not resolve; check the base URL and the network connection',
  EAI_AGAIN: 'the host name could not be resolved now; check the network connection',
};

/** Seconds to undici milliseconds, where 0 means "no limit". A zero timeout still times out at once. */
function toMilliseconds(seconds: number | null): number {
  return seconds === null ? 0 : Math.max(1, Math.round(seconds * 1000));
}

function checkTimeout(
  name: string,
  value: number | null | undefined,
  fallback: number | null,
): number | null {
  if (value === undefined) return fallback;
  if (value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return value;
  throw new InvalidArgumentError(`${name} must be a number of seconds >= 0 or null`, { parameter: name });
}

function checkProxy(proxy: string | URL): URL {
  let url: URL;
  try {
    url = typeof proxy === 'string' ? new URL(proxy) : new URL(proxy.href);
  } catch {
    // The value is not repeated: it may hold the proxy's password.
    throw new InvalidArgumentError('proxy is not a valid URL', { parameter: 'proxy' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(
      `proxy scheme '${url.protocol.slice(0, -1)}' is not supported; use an http:// or https:// proxy URL`,
      { parameter: 'proxy' },
    );
  }
  return url;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  timer: NodeJS.Timeout | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** Counting semaphore over the pool's slots, with a bounded wait. */
class PoolSlots {
  #free: number;
  readonly #waiters: Waiter[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** Takes a free slot if there is one, without waiting. */
  tryAcquire(): boolean {
    if (this.#free === 0) return false;
    this.#free--;
    return true;
  }

  /** Waits for a slot up to `timeoutMs` (`null`: forever); rejects with `TimedOut` or the signal's reason. */
  acquire(timeoutMs: number | null, signal: AbortSignal | undefined): Promise<void> {
    if (timeoutMs === 0) return Promise.reject(poolTimedOut());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: undefined, signal, onAbort: undefined };
      if (timeoutMs !== null) {
        waiter.timer = setTimeout(() => this.#drop(waiter, poolTimedOut()), timeoutMs);
      }
      if (signal !== undefined) {
        waiter.onAbort = () => this.#drop(waiter, signal.reason);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
    });
  }

  /** Returns a slot, handing it straight to the longest waiter if any. */
  release(): void {
    const waiter = this.#waiters.shift();
    if (waiter === undefined) {
      this.#free++;
      return;
    }
    settle(waiter);
    waiter.resolve();
  }

  /** Rejects everyone still waiting. */
  rejectAll(reason: unknown): void {
    for (const waiter of this.#waiters.splice(0)) {
      settle(waiter);
      waiter.reject(reason);
    }
  }

  #drop(waiter: Waiter, reason: unknown): void {
    const index = this.#waiters.indexOf(waiter);
    if (index === -1) return;
    this.#waiters.splice(index, 1);
    settle(waiter);
    waiter.reject(reason);
  }
}

function settle(waiter: Waiter): void {
  if (waiter.timer !== undefined) clearTimeout(waiter.timer);
  if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
}

function poolTimedOut(): TimedOut {
  return new TimedOut(
    'Pool timeout: all connections in use. The request was not sent; consider a larger connectionPoolSize or poolTimeout',
  );
}

/** Asks an iterator to clean up, ignoring how it reacts. */
function closeQuietly(iterator: AsyncIterator<Uint8Array>): void {
  try {
    iterator.return?.().then(noop, noop);
  } catch {
    // A broken return() must not mask the error being reported.
  }
}

/**
 * Wraps an upload body so that `onStall` runs when no progress is made for `timeoutMs`: neither a
 * new chunk from the source nor the consumer (the socket writer) asking for the next one.
 */
function watchWrites(
  source: AsyncIterable<Uint8Array>,
  timeoutMs: number,
  onStall: () => void,
): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const iterator = source[Symbol.asyncIterator]();
      let timer: NodeJS.Timeout | undefined;
      const stall = (): void => {
        onStall();
        closeQuietly(iterator);
      };
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          if (timer === undefined) timer = setTimeout(stall, timeoutMs);
          else timer.refresh();
          let result: IteratorResult<Uint8Array>;
          try {
            result = await iterator.next();
          } catch (error) {
            clearTimeout(timer);
            throw error;
          }
          if (result.done === true) clearTimeout(timer);
          else timer.refresh();
          return result;
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          clearTimeout(timer);
          // Not awaited: a source stuck on its own I/O must not hold up the writer.
          closeQuietly(iterator);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * The default {@link BaseRequest}: undici's `request()` on a dedicated keep-alive `Agent` (a
 * `ProxyAgent` with {@link UndiciRequestOptions.proxy}), never the global dispatcher or `fetch`.
 *
 * - At most `connectionPoolSize` requests are in flight; further ones wait up to `poolTimeout` for a
 *   slot, then fail with `TimedOut` without being sent. A slot is held until the answer's body is
 *   read to its end (or its iteration stopped).
 * - Lifecycle: the first request opens the connection pool if {@link initialize} was not called.
 *   After {@link shutdown}, requests reject with a {@link TelegramError} until {@link initialize}
 *   is called again, so a shut-down bot cannot silently reopen connections.
 * - A per-call `connectTimeout` other than the default uses a separate pool (undici fixes the
 *   connect timeout per pool); up to eight such pools are kept.
 *
 * @example
 * const request = new UndiciRequest({ connectionPoolSize: 8, readTimeout: 10, proxy: 'http://127.0.0.1:3128' });
 * const bot = new Bot(token, { request });
 */
export class UndiciRequest extends BaseRequest {
  readonly #poolSize: number;
  readonly #defaults: DefaultTimeouts;
  readonly #defaultConnectMs: number;
  readonly #proxy: URL | undefined;
  readonly #httpVersion: '1.1' | '2';
  readonly #socketOptions: SocketOptions;
  readonly #clientOptions: Omit<ProxyAgent.Options, 'uri'>;
  readonly #slots: PoolSlots;
  #state: Lifecycle = 'fresh';
  #main: Dispatcher | undefined;
  readonly #extra = new Map<number, Dispatcher>();
  readonly #targets = new Map<string, RequestTarget>();

  constructor(options: UndiciRequestOptions = {}) {
    super();
    const poolSize = options.connectionPoolSize ?? 256;
    if (!Number.isInteger(poolSize) || poolSize < 1) {
      throw new InvalidArgumentError('connectionPoolSize must be an integer >= 1', {
        parameter: 'connectionPoolSize',
      });
    }
    const httpVersion = options.httpVersion ?? '1.1';
    if (httpVersion !== '1.1' && httpVersion !== '2') {
      throw new InvalidArgumentError("httpVersion must be '1.1' or '2'", { parameter: 'httpVersion' });
    }
    this.#poolSize = poolSize;
    this.#httpVersion = httpVersion;
    this.#defaults = Object.freeze({
      readTimeout: checkTimeout('readTimeout', options.readTimeout, 5),
      writeTimeout: checkTimeout('writeTimeout', options.writeTimeout, 5),
      connectTimeout: checkTimeout('connectTimeout', options.connectTimeout, 5),
      poolTimeout: checkTimeout('poolTimeout', options.poolTimeout, 1),
      mediaWriteTimeout: checkTimeout('mediaWriteTimeout', options.mediaWriteTimeout, 20),
    });
    this.#defaultConnectMs = toMilliseconds(this.#defaults.connectTimeout);
    this.#proxy = options.proxy === undefined ? undefined : checkProxy(options.proxy);
    this.#socketOptions = options.socketOptions ?? {};
    this.#clientOptions = options.clientOptions ?? {};
    this.#slots = new PoolSlots(poolSize);
  }

  /** The default timeouts given to the constructor. */
  override get defaultTimeouts(): DefaultTimeouts {
    return this.#defaults;
  }

  /** Most requests in flight at once. */
  get connectionPoolSize(): number {
    return this.#poolSize;
  }

  /** The HTTP version asked for: `'1.1'` or `'2'`. */
  get httpVersion(): '1.1' | '2' {
    return this.#httpVersion;
  }

  /** Opens the connection pool (again, after a shutdown). Safe to call twice. */
  override async initialize(): Promise<void> {
    undici ??= await loadUndici();
    this.#state = 'open';
    this.#main ??= this.#createDispatcher(this.#defaultConnectMs);
  }

  /**
   * Closes the connection pool: requests in flight finish, requests waiting for a slot reject,
   * later requests reject until {@link initialize} is called. Safe to call twice.
   */
  override async shutdown(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#slots.rejectAll(shutDownError());
    const dispatchers = [...this.#extra.values()];
    if (this.#main !== undefined) dispatchers.push(this.#main);
    this.#main = undefined;
    this.#extra.clear();
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
  }

  /**
   * Sends one request on the pool: waits for a slot, then resolves when the answer's headers
   * arrived. Rejects with `TimedOut` (pool or write timeout), the signal's reason, an
   * {@link InvalidArgumentError} when the payload cannot be serialised, or undici's own error
   * (mapped by {@link wrapTransportError}).
   */
  override async doRequest(httpRequest: HttpRequest): Promise<HttpResponse> {
    const { timeouts, signal, payload } = httpRequest;
    if (signal?.aborted) throw signal.reason;
    undici ??= await loadUndici();
    const dispatcher = this.#dispatcherFor(timeouts.connectTimeout);
    const target = this.#target(httpRequest.url);
    let headers = PLAIN_HEADERS;
    let body: string | AsyncIterable<Uint8Array> | null = null;
    if (payload !== undefined) {
      try {
        if (payload.containsFiles) {
          const multipart = payload.multipart();
          headers = ['user-agent', BaseRequest.USER_AGENT, 'content-type', multipart.contentType];
          body = multipart.body;
        } else {
          headers = JSON_HEADERS;
          body = payload.jsonPayload();
        }
      } catch (error) {
        throw new InvalidArgumentError('The parameters of the request could not be serialised', {
          cause: error,
        });
      }
    }
    if (!this.#slots.tryAcquire()) {
      await this.#slots.acquire(
        timeouts.poolTimeout === null ? null : toMilliseconds(timeouts.poolTimeout),
        signal,
      );
    }
    let requestSignal = signal;
    let unlink: (() => void) | undefined;
    try {
      if (typeof body === 'object' && body !== null && timeouts.writeTimeout !== null) {
        const controller = new AbortController();
        const seconds = timeouts.writeTimeout;
        body = watchWrites(body, toMilliseconds(seconds), () => {
          controller.abort(new TimedOut(`Write timeout: no upload progress for ${seconds} seconds`));
        });
        if (signal !== undefined) {
          const forward = (): void => controller.abort(signal.reason);
          signal.addEventListener('abort', forward, { once: true });
          unlink = () => signal.removeEventListener('abort', forward);
        }
        requestSignal = controller.signal;
      }
      const readMs = toMilliseconds(timeouts.readTimeout);
      const response = await dispatcher.request({
        origin: target.origin,
        path: target.path,
        method: httpRequest.method,
        headers: headers as string[],
        // undici streams any async iterable body; its typings list only the concrete kinds.
        body: body as NonNullable<Dispatcher.RequestOptions['body']> | null,
        signal: requestSignal ?? null,
        headersTimeout: readMs,
        bodyTimeout: readMs,
      });
      const done = unlink;
      unlink = undefined;
      response.body.once('close', () => {
        done?.();
        this.#slots.release();
      });
      return response;
    } catch (error) {
      unlink?.();
      this.#slots.release();
      throw error;
    }
  }

  /** Recognises undici's timeouts and network errors; causes are sanitised copies. */
  protected override wrapTransportError(error: unknown, httpRequest: HttpRequest): TelegramError {
    const cause = sanitizeCause(error, httpRequest.url);
    const code = (cause as { code?: unknown }).code;
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return new TimedOut('Connect timeout: no connection to the server in time', { cause });
      case 'UND_ERR_HEADERS_TIMEOUT':
      case 'UND_ERR_BODY_TIMEOUT':
        return new TimedOut('Read timeout: the server did not answer in time', { cause });
      default: {
        const message = cause.message || cause.name;
        const suffix = typeof code === 'string' && !message.includes(code) ? ` (${code})` : '';
        const hint = typeof code === 'string' ? CONNECT_HINTS[code] : undefined;
        return new NetworkError(`${message}${suffix}${hint === undefined ? '' : `: ${hint}`}`, { cause });
      }
    }
  }

  /** A description without anything secret (no proxy credentials). */
  override toString(): string {
    const proxy = this.#proxy === undefined ? '' : `, proxy=${this.#proxy.protocol}//${this.#proxy.host}`;
    return `UndiciRequest(connectionPoolSize=${this.#poolSize}, httpVersion=${this.#httpVersion}${proxy}, ${this.#state})`;
  }

  /** What `util.inspect` shows: {@link toString}. */
  [inspect.custom](): string {
    return this.toString();
  }

  /**
   * The origin and path of a URL, parsed once per URL: the API's URLs are a few hundred
   * (`<base>/<method>`), and handing them to the dispatcher split saves a URL parse per call.
   */
  #target(url: string): RequestTarget {
    let target = this.#targets.get(url);
    if (target === undefined) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        // Not repeated: the URL holds the token. The Bot checks its base URLs when it is built.
        throw new InvalidArgumentError('The request URL is not a valid URL; check the base URL');
      }
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (this.#targets.size >= MAX_CACHED_TARGETS) this.#targets.clear();
      this.#targets.set(url, target);
    }
    return target;
  }

  #dispatcherFor(connectTimeout: number | null): Dispatcher {
    if (this.#state === 'closed') throw shutDownError();
    const connectMs = toMilliseconds(connectTimeout);
    if (connectMs === this.#defaultConnectMs) {
      this.#main ??= this.#createDispatcher(connectMs);
      return this.#main;
    }
    let dispatcher = this.#extra.get(connectMs);
    if (dispatcher === undefined) {
      if (this.#extra.size >= MAX_EXTRA_DISPATCHERS) {
        const [oldestKey, oldest] = this.#extra.entries().next().value as [number, Dispatcher];
        this.#extra.delete(oldestKey);
        // close() lets requests in flight finish.
        oldest.close().catch(noop);
      }
      dispatcher = this.#createDispatcher(connectMs);
      this.#extra.set(connectMs, dispatcher);
    }
    return dispatcher;
  }

  #createDispatcher(connectMs: number): Dispatcher {
    // Callers load undici first (initialize() or doRequest()).
    const { Agent, ProxyAgent } = undici as UndiciParts;
    const allowH2 = this.#httpVersion === '2';
    const connect = { ...this.#socketOptions, timeout: connectMs };
    if (this.#proxy === undefined) {
      return new Agent({ connections: this.#poolSize, allowH2, connect, ...this.#clientOptions });
    }
    return new ProxyAgent({
      uri: this.#proxy.href,
      connections: this.#poolSize,
      allowH2,
      proxyTls: connect,
      requestTls: { ...connect, allowH2 },
      ...this.#clientOptions,
    });
  }
}

function shutDownError(): TelegramError {
  return new TelegramError('This UndiciRequest was shut down; call initialize() before using it again');
}
