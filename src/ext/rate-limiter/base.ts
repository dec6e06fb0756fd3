/**
 * The contract every rate limiter of an {@link ExtBot} fulfils (PTB's `BaseRateLimiter`), and the
 * per-call `rateLimitArgs` setting.
 */
import type { ExtBot } from '../ext-bot.js';

/**
 * What one call tells the rate limiter, given as `rateLimitArgs` in the call's settings (the last
 * argument of every API method). The built-in {@link RateLimiter} reads the fields below; a custom
 * limiter adds its own by declaration merging:
 *
 * @example
 * ```ts
 * await bot.sendMessage(chatId, 'news', {}, { rateLimitArgs: { priority: 'low', maxRetries: 3 } });
 *
 * declare module 'typescript-telegram-bot/ext' {
 *   interface RateLimitArgs { readonly tenant?: string | undefined }
 * }
 * ```
 */
export interface RateLimitArgs {
  /** How many times a call refused with `RetryAfter` is retried (overrides the limiter's default). */
  readonly maxRetries?: number | undefined;
  /**
   * `'low'` for bulk sends (broadcasts): they use only part of the rate and go after every
   * `'normal'` call that is ready, so they never hold up replies to users. Default `'normal'`.
   */
  readonly priority?: 'normal' | 'low' | undefined;
}

declare module '../../request/types.js' {
  interface CallSettings {
    /** Read by the rate limiter of an {@link ExtBot}; ignored without one. */
    readonly rateLimitArgs?: RateLimitArgs | undefined;
  }
}

/** The error of calls still waiting in a rate limiter when it shuts down (or after). */
export class RateLimiterShutDownError extends Error {
  override readonly name = 'RateLimiterShutDownError';
  constructor(endpoint: string) {
    super(`The rate limiter was shut down before ${endpoint} could be sent`);
  }
}

/**
 * A rate limiter an {@link ExtBot} sends every API call through (except `getUpdates`). The bot's
 * `initialize()` and `shutdown()` (hence the application's) call the limiter's.
 *
 * PTB's `process_request(callback, args, kwargs, endpoint, data, rate_limit_args)` takes the
 * callback's arguments apart; here `callback` is a closure that already holds them, and calling it
 * again is how a call is retried.
 *
 * @example
 * ```ts
 * class Serial extends BaseRateLimiter {
 *   #last: Promise<unknown> = Promise.resolve();
 *   async initialize() {}
 *   async shutdown() { await this.#last; }
 *   processRequest<T>(callback: () => Promise<T>): Promise<T> {
 *     const next = this.#last.then(callback, callback);
 *     this.#last = next.catch(() => undefined);
 *     return next;
 *   }
 * }
 * const app = Application.builder().token(token).rateLimiter(new Serial()).build();
 * ```
 */
export abstract class BaseRateLimiter {
  /** Prepares the limiter; called by the bot's `initialize()`. */
  abstract initialize(): Promise<void>;

  /** Releases the limiter; called by the bot's `shutdown()`. Nothing may stay pending after it. */
  abstract shutdown(): Promise<void>;

  /**
   * Sends one call when the limits allow it and resolves to its result.
   *
   * @param callback performs the call (validation, upload, HTTP) once per attempt
   * @param endpoint the API method, e.g. `'sendMessage'`
   * @param data the call's parameters (defaults filled in), e.g. `data.chat_id`
   * @param rateLimitArgs what the caller passed as `rateLimitArgs`
   */
  abstract processRequest<T>(
    callback: () => Promise<T>,
    endpoint: string,
    data: Readonly<Record<string, unknown>>,
    rateLimitArgs: RateLimitArgs | undefined,
  ): Promise<T>;
}
