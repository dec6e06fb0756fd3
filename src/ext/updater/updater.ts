/**
 * Receives updates and puts them into an update queue (PTB's `Updater`): long polling with
 * getUpdates, or a webhook server Telegram posts to.
 */
import type { AddressInfo } from 'node:net';
import { InvalidFieldError } from '../../base/field-check.js';
import type { Bot } from '../../bot.js';
import { Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut } from '../../errors.js';
import type { UpdateType } from '../../generated/metadata.js';
import type { Logger } from '../../logging.js';
import { InputFile } from '../../request/input-file.js';
import { MalformedUpdateError } from '../errors.js';
import { defaultLogger } from '../logging.js';
import { secondsOption } from '../option-checks.js';
import { parseUpdate } from './parse-update.js';
import { PollWindow } from './poll-window.js';
import type { UpdateQueue } from './update-queue.js';
import { defaultWebhookUrl, planWebhook, type WebhookOptions } from './webhook-options.js';
import { WebhookServer } from './webhook-server.js';

export type { WebhookOptions };
export { parseUpdate };

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
  /**
   * Receives errors of the polling loop: network errors, conflicts, flood control (`RetryAfter`),
   * timed-out or stuck long polls (`TimedOut`), malformed answers and updates. Flood control,
   * timed-out polls and answers that are not lists are also logged as warnings.
   */
  readonly errorCallback?: ((error: unknown) => void) | undefined;
  /** Receives the error that ended polling (an invalid token). */
  readonly fatalCallback?: ((error: unknown) => void) | undefined;
  /** Seconds past `timeout` after which a long poll that got no answer is aborted and retried; default 10. */
  readonly stuckPollMargin?: number | undefined;
  /** Longest wait between retries after errors, in seconds; default 30. */
  readonly maxRetryInterval?: number | undefined;
  /**
   * Seconds {@link Updater.stop} waits for the updates handed out to be handled before it
   * confirms them to Telegram. Those still unhandled then stay unconfirmed, so Telegram delivers
   * them again on the next start (a warning says how many). Default: no limit. It bounds the
   * updater's part of a stop: what is handled gets confirmed even while a handler hangs, but
   * `Application.stop()` still waits for the handlers in progress.
   */
  readonly stopTimeout?: number | undefined;
}

/** Options of the {@link Updater} constructor. */
export interface UpdaterOptions {
  readonly logger?: Logger | undefined;
}

/** Seconds the confirming getUpdates of a stop may take before it is given up. */
const CONFIRM_TIMEOUT = 0.5;
/** Updates a getUpdates answer holds at most (Telegram's default `limit`). */
const BATCH = 100;
/**
 * After a full answer (Telegram likely holds more), the next poll starts once at most this many of
 * the updates handed out are unhandled (or handled after an unhandled one): the answer then
 * repeats those and brings at least `BATCH - REFILL_AT` new ones, while the others finish.
 */
const REFILL_AT = 25;
/**
 * Seconds polling waits for the updates handed out to be handled before it asks again anyway.
 * While one is unhandled, getUpdates cannot long-poll: its offset holds that update back, so
 * Telegram answers at once with it. A slow handler thus delays new updates of other chats by at
 * most this much, and costs a getUpdates call this often.
 */
const PEEK_PAUSE = 1;

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
 * Fetches updates and puts them into the update queue, by long polling ({@link startPolling}) or
 * through a webhook server ({@link startWebhook}).
 *
 * Polling: when the queue's consumer acknowledges items (the Application does), a getUpdates
 * confirms to Telegram only updates that were handled: its offset is the oldest update still
 * being handled, so a crash or a stop never loses one. Polling does not wait for a whole batch: the
 * next poll starts once most of it was handled, so a chat busy with a slow update does not hold
 * up the others; the updates Telegram sends again (handed out before) are skipped. Delivery is at
 * least once: a graceful {@link stop} confirms everything handled and a restart repeats nothing,
 * but after a crash (or a kill) Telegram sends the unconfirmed updates again, handled ones
 * included; with a journaling persistence (`BasePersistence.supportsJournal`) the application
 * skips the ones it recorded as handled.
 *
 * @example
 * ```ts
 * const queue = new UpdateQueue();
 * const updater = new Updater(bot, queue);
 * await updater.initialize();
 * await updater.startPolling({ timeout: 30 });
 * // or: await updater.startWebhook({ port: 8443, urlPath: 'hook', webhookUrl: 'https://bot.example.org/hook' });
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
  #window = new PollWindow();
  /** The offset of the last getUpdates Telegram answered: the updates below it are confirmed. */
  #confirmed: number | undefined;
  #webhook: WebhookServer | undefined;
  #webhookUrl: string | undefined;

  constructor(bot: Bot, updateQueue: UpdateQueue, options: UpdaterOptions = {}) {
    this.bot = bot;
    this.updateQueue = updateQueue;
    this.#logger = options.logger ?? defaultLogger;
  }

  /** Whether polling or the webhook server runs. */
  get running(): boolean {
    return this.#running;
  }

  /** The offset the next getUpdates sends: the oldest update not yet handled, or the id after the last one. */
  get offset(): number | undefined {
    return this.#window.offset;
  }

  /** The URL given to setWebhook while the webhook runs (it may contain a secret path: do not log it). */
  get webhookUrl(): string | undefined {
    return this.#webhookUrl;
  }

  /** Where the webhook server listens (the real port after `port: 0`; a path for `unix`), while it runs. */
  get webhookAddress(): AddressInfo | string | undefined {
    return this.#webhook?.address;
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

  /** For `await using`: stops the updater if it runs, then calls `shutdown()`. */
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
    secondsOption('stopTimeout', options.stopTimeout, undefined);
    // A stop that passed its stopTimeout left updates unconfirmed: Telegram sends them again, and
    // they are handed out again rather than skipped as still in hand.
    if (this.#window.size > 0) this.#window = new PollWindow();
    const stop = new AbortController();
    this.#stop = stop;
    this.#running = true;
    try {
      const drop = options.dropPendingUpdates ?? false;
      await this.#bootstrap(options, stop.signal, () =>
        this.bot.callApi('deleteWebhook', { drop_pending_updates: drop }),
      );
    } catch (error) {
      this.#running = false;
      this.#stop = undefined;
      throw error;
    }
    this.#loop = this.#poll(options, stop.signal);
  }

  /**
   * Starts a webhook server (node:http, or node:https with `cert` and `key`) and points Telegram's
   * webhook at it with setWebhook, retried as `bootstrapRetries` says. Resolves once updates can
   * arrive. The server answers only `POST` on `urlPath` (see {@link WebhookServer} for the checks)
   * and puts each update into the update queue.
   *
   * @example
   * ```ts
   * await updater.startWebhook({
   *   listen: '0.0.0.0',
   *   port: 8443,
   *   urlPath: 'telegram',
   *   cert: 'cert.pem',
   *   key: 'private.key',
   *   webhookUrl: 'https://203.0.113.7:8443/telegram',
   *   secretToken: process.env.WEBHOOK_SECRET,
   * });
   * ```
   */
  async startWebhook(options: WebhookOptions = {}): Promise<void> {
    if (this.#running) throw new Error('The updater is already running');
    if (!this.#initialized) throw new Error('The updater is not initialized: call initialize() first');
    const plan = await planWebhook(options);
    const server = new WebhookServer(this.bot, this.updateQueue, {
      path: plan.path,
      secretToken: options.secretToken,
      maxBodySize: options.maxBodySize,
      tls: plan.tls,
      errorCallback: options.errorCallback,
      healthPath: options.healthPath,
      maxInFlight: options.maxInFlight,
      ackTimeout: options.ackTimeout,
      logger: this.#logger,
    });
    const stop = new AbortController();
    this.#stop = stop;
    this.#running = true;
    this.#webhook = server;
    try {
      await server.listen(plan.target);
      const address = server.address;
      const port = typeof address === 'object' && address !== undefined ? address.port : 0;
      const url =
        plan.url ?? defaultWebhookUrl(plan.tls !== undefined, options.listen ?? '127.0.0.1', port, plan.path);
      const certificate =
        plan.tls === undefined ? undefined : new InputFile(plan.tls.cert, { filename: 'certificate.pem' });
      await this.#bootstrap(options, stop.signal, () =>
        this.bot.setWebhook(url, {
          certificate,
          ip_address: options.ipAddress,
          max_connections: options.maxConnections ?? 40,
          allowed_updates: options.allowedUpdates,
          drop_pending_updates: options.dropPendingUpdates,
          secret_token: options.secretToken,
        }),
      );
      this.#webhookUrl = url;
      if (options.secretToken === undefined) {
        this.#logger.warn(
          'The webhook runs without a secret token: anyone who finds its URL can post updates to it. Pass secretToken (1-256 of A-Z a-z 0-9 _ -) to startWebhook/runWebhook.',
        );
      }
      await this.#checkWebhookInfo(url);
    } catch (error) {
      await server.stop();
      this.#webhook = undefined;
      this.#running = false;
      this.#stop = undefined;
      throw error;
    }
  }

  /**
   * Stops polling: an open long poll is aborted at once (its updates, not yet handed out, stay on
   * Telegram), the current batch finishes, and the offset of handled updates is confirmed with a
   * short getUpdates call (skipped when Telegram already has it; given up after half a second, the
   * batch is then delivered again on the next start).
   * Stops a webhook server: it takes no new requests (503), and the updates in flight are handled
   * and answered (the application must still be running). The webhook stays set on Telegram, which keeps updates until the next start.
   */
  async stop(): Promise<void> {
    if (!this.#running) throw new Error('The updater is not running');
    this.#stop?.abort();
    const webhook = this.#webhook;
    if (webhook !== undefined) {
      await webhook.stop();
      this.#webhook = undefined;
      this.#webhookUrl = undefined;
      this.#stop = undefined;
      this.#running = false;
      return;
    }
    await this.#loop;
    this.#loop = undefined;
    this.#stop = undefined;
    this.#running = false;
    const offset = this.offset;
    if (offset === undefined || offset === this.#confirmed) return;
    try {
      await this.bot.callApi(
        'getUpdates',
        { offset, timeout: 0, limit: 1 },
        { signal: AbortSignal.timeout(CONFIRM_TIMEOUT * 1000) },
      );
      this.#confirmed = offset;
    } catch (error) {
      this.#logger.warn(
        `Confirming the handled updates to Telegram failed (offset ${offset}): they will be delivered again on the next start`,
        error,
      );
    }
  }

  /** Reads the webhook back from Telegram and warns about a different URL or a pending delivery error. */
  async #checkWebhookInfo(url: string): Promise<void> {
    let info: Awaited<ReturnType<Bot['getWebhookInfo']>>;
    try {
      info = await this.bot.getWebhookInfo();
    } catch (error) {
      this.#logger.warn('getWebhookInfo failed after setWebhook; the webhook could not be checked', error);
      return;
    }
    if (info.url !== url) {
      this.#logger.warn(
        'Telegram reports a different webhook URL than the one just set: another instance may have set its own',
      );
    }
    if (info.last_error_message !== undefined) {
      const when = info.last_error_date === undefined ? '' : ` at ${info.last_error_date.toISOString()}`;
      this.#logger.warn(
        `Telegram's last webhook delivery failed${when}: ${info.last_error_message} (${info.pending_update_count} updates pending)`,
      );
    }
  }

  /** Runs the bootstrap call (deleteWebhook or setWebhook), retrying Telegram's errors as configured. */
  async #bootstrap(
    options: {
      readonly bootstrapRetries?: number | undefined;
      readonly maxRetryInterval?: number | undefined;
    },
    signal: AbortSignal,
    call: () => Promise<unknown>,
  ): Promise<void> {
    const retries = options.bootstrapRetries ?? 0;
    const maxInterval = options.maxRetryInterval ?? 30;
    let attempt = 0;
    let interval = Math.min(1, maxInterval);
    for (;;) {
      try {
        await call();
        return;
      } catch (error) {
        if (error instanceof InvalidToken || signal.aborted) throw error;
        if (!(error instanceof TelegramError)) throw error;
        if (retries >= 0 && attempt >= retries) throw error;
        attempt++;
        this.#logger.warn(`Bootstrap failed (attempt ${attempt}), retrying`, error);
        await sleep(error instanceof RetryAfter ? error.retryAfter + 0.5 : interval, signal);
        if (signal.aborted) throw error;
        interval = Math.min(maxInterval, interval * 1.5);
      }
    }
  }

  async #poll(options: PollingOptions, signal: AbortSignal): Promise<void> {
    const pollInterval = options.pollInterval ?? 0;
    const timeout = options.timeout ?? 10;
    const margin = options.stuckPollMargin ?? 10;
    const maxInterval = options.maxRetryInterval ?? 30;
    // Failed polls are logged below, once per streak; without a callback they go nowhere else.
    const report = options.errorCallback ?? (() => {});
    const reportItem =
      options.errorCallback ??
      ((error: unknown) => this.#logger.error('An update from getUpdates could not be read', error));
    const failures = new FailureStreak(this.#logger);
    let allowed = options.allowedUpdates;
    // The wait after the last error (0 after an answer), and the streaks it depends on.
    let backoff = 0;
    let timedOutStreak = 0;
    let malformedStreak = 0;
    const nextBackoff = (): number => {
      backoff = backoff === 0 ? Math.min(1, maxInterval) : Math.min(maxInterval, backoff * 1.5);
      return backoff;
    };
    const window = this.#window;
    let backlog = false;
    while (!signal.aborted) {
      // With a backlog on Telegram's side, ask while the last batch finishes; without one, a poll
      // now would only bring back the updates still being handled.
      await window.shrinkTo(backlog ? REFILL_AT : 0, signal, PEEK_PAUSE);
      if (signal.aborted) break;
      const offset = window.offset;
      let raw: unknown;
      const watchdog = AbortSignal.timeout((timeout + margin) * 1000);
      try {
        raw = await this.bot.callApi(
          'getUpdates',
          {
            ...(offset === undefined ? {} : { offset }),
            timeout,
            ...(allowed === undefined ? {} : { allowed_updates: allowed }),
          },
          { signal: AbortSignal.any([signal, watchdog]) },
        );
      } catch (error) {
        if (signal.aborted) break;
        let wait: number;
        if (error instanceof InvalidToken) {
          this.#logger.error('Invalid token: polling stops', error);
          options.fatalCallback?.(error);
          break;
        }
        if (watchdog.aborted || error instanceof TimedOut) {
          // A hung server answers nothing: retrying at once is right the first time, and backing
          // off afterwards keeps a server that fails fast from being hammered.
          const stuck = watchdog.aborted
            ? new TimedOut(
                `getUpdates got no answer within ${timeout + margin} s (long-poll timeout ${timeout} s + stuckPollMargin ${margin} s); the poll was abandoned`,
                { method: 'getUpdates', cause: error },
              )
            : error;
          timedOutStreak++;
          wait = timedOutStreak === 1 ? 0 : nextBackoff();
          failures.add('getUpdates timed out', wait, stuck);
          report(stuck);
        } else if (error instanceof RetryAfter) {
          wait = error.retryAfter + 0.5;
          failures.add('getUpdates hit flood control', wait, error);
          report(error);
        } else if (error instanceof Conflict) {
          wait = nextBackoff();
          const conflict = conflictError(error);
          failures.add('getUpdates failed', wait, conflict);
          report(conflict);
        } else {
          wait = nextBackoff();
          failures.add('getUpdates failed', wait, error);
          report(error);
        }
        await sleep(wait, signal);
        continue;
      }
      allowed = undefined;
      timedOutStreak = 0;
      failures.recovered();
      // Telegram forgets the updates below the offset of a getUpdates it answers.
      this.#confirmed = offset;
      if (!Array.isArray(raw)) {
        const wait = nextBackoff();
        const error = new MalformedUpdateError(
          'getUpdates result',
          raw,
          new InvalidFieldError('getUpdates result', 'an array of Update objects', raw),
        );
        if (malformedStreak++ === 0) {
          this.#logger.warn(
            `getUpdates answered something other than a list; polling again in ${wait} s`,
            error,
          );
          report(error);
        } else {
          this.#logger.debug(
            `getUpdates answered no list again (${malformedStreak} times); polling again in ${wait} s`,
          );
        }
        await sleep(wait, signal);
        continue;
      }
      malformedStreak = 0;
      if (signal.aborted) break;
      backlog = raw.length >= BATCH;
      const fresh = this.#dispatch(raw, reportItem);
      if (fresh === 0 && window.size > 0) {
        // Only repeats: wait for progress (or a little) before asking again.
        backlog = false;
        await window.shrinkTo(window.size - 1, signal, Math.max(pollInterval, PEEK_PAUSE));
        continue;
      }
      // A batch of nothing but unreadable items (no update_id) would come back at once, forever.
      if (raw.length > 0 && fresh === 0) {
        await sleep(Math.max(pollInterval, nextBackoff()), signal);
        continue;
      }
      backoff = 0;
      await sleep(pollInterval, signal);
    }
    // Stopping: what was handed out finishes before stop() confirms it.
    await window.shrinkTo(0, undefined, options.stopTimeout);
    if (window.size > 0) {
      this.#logger.warn(
        `stopTimeout (${String(options.stopTimeout)} s) passed with updates still being handled: the ${window.size} updates from update ${String(window.offset)} on stay unconfirmed, and Telegram delivers them again on the next start`,
      );
    }
  }

  /**
   * Parses and queues the new updates of a getUpdates answer (the ones handed out before are
   * skipped) and has the window follow their handling. Returns how many were new, unreadable ones
   * included: those are reported and count as handled.
   */
  #dispatch(raw: readonly unknown[], report: (error: unknown) => void): number {
    const window = this.#window;
    const queue = this.updateQueue;
    let fresh = 0;
    for (let index = 0; index < raw.length; index++) {
      const item = raw[index];
      const rawId =
        typeof item === 'object' && item !== null ? (item as { update_id?: unknown }).update_id : undefined;
      const id = typeof rawId === 'number' && Number.isSafeInteger(rawId) ? rawId : undefined;
      if (id !== undefined && window.isDelivered(id)) continue;
      const update = parseUpdate(item, this.bot, `getUpdates result[${index}]`);
      if (update instanceof MalformedUpdateError) {
        report(update);
        if (id !== undefined) {
          window.skip(id);
          fresh++;
        }
        continue;
      }
      fresh++;
      const position = window.deliver(update.update_id);
      queue.putThen(update, () => window.complete(position));
    }
    return fresh;
  }
}

/**
 * Logs a run of failed polls the way a person can follow it: the first failure as a warning that
 * says what failed and when polling retries, the repeats at debug level, and the recovery once.
 * Telegram's errors (network, flood control, conflicts, timeouts) are told by their message alone;
 * anything else comes with the error, whose stack points at a bug.
 */
class FailureStreak {
  readonly #logger: Logger;
  #count = 0;
  #since = 0;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  add(what: string, wait: number, error: unknown): void {
    this.#count++;
    const retry = `polling again in ${wait} s`;
    if (this.#count > 1) {
      this.#logger.debug(`${what} again (${this.#count} times in a row): ${describe(error)}; ${retry}`);
      return;
    }
    this.#since = Date.now();
    const line = `${what}: ${describe(error)}; ${retry} (repeats are logged at debug level until it works)`;
    if (error instanceof TelegramError) this.#logger.warn(line);
    else this.#logger.warn(line, error);
  }

  recovered(): void {
    if (this.#count === 0) return;
    const seconds = Math.round((Date.now() - this.#since) / 100) / 10;
    this.#logger.info(`getUpdates works again after ${this.#count} failed attempt(s) over ${seconds} s`);
    this.#count = 0;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error instanceof TelegramError ? error.message : `${error.name}: ${error.message}`;
}

/** A 409 on getUpdates, said once with what to do about it. */
function conflictError(error: Conflict): Conflict {
  const told = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return new Conflict(
    `Another getUpdates request or a webhook is active for this bot: stop the other instance, or remove its webhook with deleteWebhook (Telegram: ${told})`,
    {
      method: error.method,
      errorCode: error.errorCode,
      description: error.description,
      parameters: error.parameters,
      cause: error,
    },
  );
}
