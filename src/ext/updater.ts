/**
 * Fetches updates with long polling and puts them into an update queue (PTB's `Updater`).
 */
import type { Bot } from '../bot.js';
import { Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut } from '../errors.js';
import { InvalidFieldError } from '../fieldcheck.js';
import type { UpdateType } from '../generated/metadata.js';
import { Update } from '../generated/types.js';
import type { Logger } from '../logging.js';
import { MalformedUpdateError } from './errors.js';
import { defaultLogger } from './logging.js';
import type { UpdateQueue } from './updatequeue.js';

/** Options of {@link Updater.startPolling} (and `Application.runPolling`). */
export interface PollingOptions {
  /** Seconds to wait between polls; default 0. */
  readonly pollInterval?: number | undefined;
  /** Long-poll timeout in seconds; default 10. */
  readonly timeout?: number | undefined;
  /** Retries of the bootstrap (deleteWebhook): 0 none (default), n up to n, negative forever. */
  readonly bootstrapRetries?: number | undefined;
  /** Update kinds to receive; default: what the bot received last time (Telegram's default). */
  readonly allowedUpdates?: readonly UpdateType[] | undefined;
  /** Drop the updates waiting on Telegram's side before polling starts. */
  readonly dropPendingUpdates?: boolean | undefined;
  /** Receives errors of the polling loop (network errors, conflicts, malformed updates). */
  readonly errorCallback?: ((error: unknown) => void) | undefined;
  /** Receives the error that ended polling (an invalid token). */
  readonly fatalCallback?: ((error: unknown) => void) | undefined;
  /** Seconds past `timeout` after which a long poll that got no answer is aborted and retried; default 10. */
  readonly stuckPollMargin?: number | undefined;
  /** Longest wait between retries after errors, in seconds; default 30. */
  readonly maxRetryInterval?: number | undefined;
}

/** Options of the {@link Updater} constructor. */
export interface UpdaterOptions {
  readonly logger?: Logger | undefined;
}

/** A sleep that a stop interrupts. */
function sleep(seconds: number, signal: AbortSignal): Promise<void> {
  if (seconds <= 0 || signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, seconds * 1000);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Parses one update of a getUpdates answer. A malformed one becomes a {@link MalformedUpdateError}
 * naming the field at fault.
 */
export function parseUpdate(raw: unknown, bot: Bot): Update | MalformedUpdateError {
  try {
    return Update.fromJSON(raw, bot);
  } catch (error) {
    const path = error instanceof InvalidFieldError ? error.path : 'Update';
    return new MalformedUpdateError(path, raw, error);
  }
}

/**
 * Long polling: fetches updates with getUpdates and puts them into the update queue. When the
 * queue's consumer acknowledges items (the Application does), the next poll — which confirms
 * the previous batch to Telegram — waits until the batch was handled, so a crash or a stop never
 * loses an update and a restart never repeats a handled one.
 *
 * @example
 * ```ts
 * const queue = new UpdateQueue();
 * const updater = new Updater(bot, queue);
 * await updater.initialize();
 * await updater.startPolling({ timeout: 30 });
 * const update = await queue.get();
 * ```
 */
export class Updater implements AsyncDisposable {
  readonly bot: Bot;
  readonly updateQueue: UpdateQueue;
  readonly #logger: Logger;
  #initialized = false;
  #running = false;
  #stop: AbortController | undefined;
  #loop: Promise<void> | undefined;
  #offset: number | undefined;

  constructor(bot: Bot, updateQueue: UpdateQueue, options: UpdaterOptions = {}) {
    this.bot = bot;
    this.updateQueue = updateQueue;
    this.#logger = options.logger ?? defaultLogger;
  }

  /** Whether polling runs. */
  get running(): boolean {
    return this.#running;
  }

  /** The offset the next getUpdates sends (the id after the last handled update). */
  get offset(): number | undefined {
    return this.#offset;
  }

  /** Initializes the bot. */
  async initialize(): Promise<void> {
    if (this.#initialized) return;
    await this.bot.initialize();
    this.#initialized = true;
  }

  /** Shuts the bot down. */
  async shutdown(): Promise<void> {
    if (this.#running) throw new Error('The updater is still running: stop it first');
    if (!this.#initialized) return;
    await this.bot.shutdown();
    this.#initialized = false;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#running) await this.stop();
    await this.shutdown();
  }

  /**
   * Removes any webhook (dropping pending updates if asked) and starts polling in the background.
   * Resolves once polling runs.
   */
  async startPolling(options: PollingOptions = {}): Promise<void> {
    if (this.#running) throw new Error('The updater is already running');
    if (!this.#initialized) throw new Error('The updater is not initialized: call initialize() first');
    const stop = new AbortController();
    this.#stop = stop;
    this.#running = true;
    try {
      await this.#bootstrap(options, stop.signal);
    } catch (error) {
      this.#running = false;
      this.#stop = undefined;
      throw error;
    }
    this.#loop = this.#poll(options, stop.signal);
  }

  /**
   * Stops polling: an open long poll is aborted (its updates, not yet handed out, stay on
   * Telegram), the current batch finishes, and the offset of handled updates is confirmed.
   */
  async stop(): Promise<void> {
    if (!this.#running) throw new Error('The updater is not running');
    this.#stop?.abort();
    await this.#loop;
    this.#loop = undefined;
    this.#stop = undefined;
    this.#running = false;
    if (this.#offset !== undefined) {
      try {
        await this.bot.callApi('getUpdates', { offset: this.#offset, timeout: 0, limit: 1 });
      } catch (error) {
        this.#logger.error('Confirming the last updates to Telegram failed', error);
      }
    }
  }

  async #bootstrap(options: PollingOptions, signal: AbortSignal): Promise<void> {
    const retries = options.bootstrapRetries ?? 0;
    const maxInterval = options.maxRetryInterval ?? 30;
    let attempt = 0;
    let interval = Math.min(1, maxInterval);
    for (;;) {
      try {
        await this.bot.callApi('deleteWebhook', {
          drop_pending_updates: options.dropPendingUpdates ?? false,
        });
        return;
      } catch (error) {
        if (error instanceof InvalidToken || signal.aborted) throw error;
        if (!(error instanceof TelegramError)) throw error;
        if (retries >= 0 && attempt >= retries) throw error;
        attempt++;
        this.#logger.warn(`Bootstrap failed (attempt ${attempt}), retrying`, error);
        await sleep(error instanceof RetryAfter ? error.retryAfter + 0.5 : interval, signal);
        interval = Math.min(maxInterval, interval * 1.5);
      }
    }
  }

  async #poll(options: PollingOptions, signal: AbortSignal): Promise<void> {
    const pollInterval = options.pollInterval ?? 0;
    const timeout = options.timeout ?? 10;
    const margin = options.stuckPollMargin ?? 10;
    const maxInterval = options.maxRetryInterval ?? 30;
    const report = options.errorCallback ?? ((error: unknown) => this.#logger.error('Polling error', error));
    let allowed = options.allowedUpdates;
    let wait = pollInterval;
    while (!signal.aborted) {
      let raw: unknown;
      const watchdog = AbortSignal.timeout((timeout + margin) * 1000);
      try {
        raw = await this.bot.callApi(
          'getUpdates',
          {
            ...(this.#offset === undefined ? {} : { offset: this.#offset }),
            timeout,
            ...(allowed === undefined ? {} : { allowed_updates: allowed }),
          },
          { signal: AbortSignal.any([signal, watchdog]) },
        );
        allowed = undefined;
      } catch (error) {
        if (signal.aborted) return;
        if (watchdog.aborted) {
          this.#logger.warn('A long poll got no answer in time; retrying');
          continue;
        }
        if (error instanceof InvalidToken) {
          this.#logger.error('Invalid token: polling stops', error);
          options.fatalCallback?.(error);
          return;
        }
        if (error instanceof RetryAfter) {
          wait = error.retryAfter + 0.5;
        } else if (error instanceof TimedOut) {
          wait = 0;
        } else {
          if (error instanceof Conflict) {
            report(
              new Conflict(
                `Conflict: another getUpdates or a webhook is active for this bot (${error.message})`,
                { cause: error },
              ),
            );
          } else {
            report(error);
          }
          wait = Math.min(maxInterval, wait === 0 ? 1 : wait * 1.5);
        }
        await sleep(wait, signal);
        continue;
      }
      wait = pollInterval;
      if (signal.aborted) return;
      await this.#dispatch(raw, report);
      await sleep(pollInterval, signal);
    }
  }

  /** Parses and queues a getUpdates answer; waits until it was handled when the consumer acknowledges. */
  async #dispatch(raw: unknown, report: (error: unknown) => void): Promise<void> {
    if (!Array.isArray(raw)) {
      report(
        new MalformedUpdateError('getUpdates', raw, new TypeError('getUpdates did not answer an array')),
      );
      return;
    }
    let next = this.#offset;
    let queued = false;
    for (const item of raw) {
      const id =
        typeof item === 'object' && item !== null ? (item as { update_id?: unknown }).update_id : undefined;
      if (typeof id === 'number' && Number.isSafeInteger(id)) {
        if (this.#offset !== undefined && id < this.#offset) continue;
        if (next === undefined || id + 1 > next) next = id + 1;
      }
      const update = parseUpdate(item, this.bot);
      if (update instanceof MalformedUpdateError) {
        report(update);
        continue;
      }
      this.updateQueue.put(update);
      queued = true;
    }
    if (queued && this.updateQueue.consumerAcknowledges) await this.updateQueue.join();
    this.#offset = next;
  }
}
