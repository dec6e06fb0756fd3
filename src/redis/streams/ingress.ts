/**
 * The ingress of a bot spread over several processes: takes updates from Telegram (one poller, or
 * any number of webhook instances) and appends each to its chat's shard stream in Redis, where the
 * workers take them. Telegram is answered (webhook 200, getUpdates offset) only once the update is
 * in Redis.
 */
import { Bot } from '../../bot.js';
import type { RunPollingOptions, RunWebhookOptions } from '../../ext/app-types.js';
import { defaultLogger } from '../../ext/logging.js';
import { positiveIntegerOption, secondsOption } from '../../ext/option-checks.js';
import { defaultStopSignals, installSignalHandlers } from '../../ext/signals.js';
import { UpdateQueue } from '../../ext/updater/update-queue.js';
import { Updater } from '../../ext/updater/updater.js';
import {
  type WebhookHandlerOptions,
  type WebhookRequestHandler,
  webhookHandler,
} from '../../ext/updater/webhook-handler.js';
import {
  type WebhookListenerOptions,
  type WebhookNodeListener,
  webhookListener,
} from '../../ext/updater/webhook-listener.js';
import { Update } from '../../generated/types.js';
import type { Logger } from '../../logging.js';
import { DEFAULT_REDIS_URL, openRedis, type Redis, type RedisConnection } from '../connection.js';
import { ShardAppender } from './appender.js';
import {
  checkShards,
  DEFAULT_STREAMS_PREFIX,
  type StreamKeys,
  type StreamsLocation,
  shardOf,
  streamKeys,
} from './keys.js';
import { agreeOnShards, ensureGroup } from './setup.js';

/** Unhandled updates a shard's stream holds at most unless configured otherwise. */
export const DEFAULT_MAX_PENDING = 10_000;

/**
 * How long the ingress's webhook holds a request for its update to reach Redis, in ms (10 min):
 * past Telegram's own timeout, so a request is never answered 200 before its update is stored.
 */
export const INGRESS_ACK_TIMEOUT_MS = 600_000;

/** Options of {@link redisIngress}. */
export interface RedisIngressOptions extends StreamsLocation {
  /** The bot token (the ingress makes a plain `Bot`); or give `bot`. */
  readonly token?: string | undefined;
  /** A bot to poll with or to set the webhook of, instead of `token`. */
  readonly bot?: Bot | undefined;
  /**
   * Unhandled updates a shard's stream may hold; past it, new updates of that shard are held
   * (the webhook request waits, polling pauses) until the workers catch up. Default 10000.
   */
  readonly maxPending?: number | undefined;
  /** Updates appended per round trip at most; default 100. */
  readonly batchSize?: number | undefined;
  /** Where the ingress logs (a full shard, Redis failures); default the console's warnings and errors. */
  readonly logger?: Logger | undefined;
  /**
   * Seconds a stop waits for the updates received so far to reach Redis; default 30. Past it (Redis
   * unreachable, say) the stop ends without them: they were not acknowledged to Telegram (polling
   * leaves them unconfirmed), so Telegram delivers them again; an error says how many.
   */
  readonly stopTimeout?: number | undefined;
}

/** Seconds a stop waits for received updates to reach Redis unless configured otherwise. */
export const DEFAULT_INGRESS_STOP_TIMEOUT = 30;

const STOP = Symbol('stop');

/**
 * Appends the updates Telegram sends to the shard streams (see {@link redisIngress}). It is a
 * webhook target: `webhookHandler`/`webhookListener` of `typescript-telegram-bot/ext` accept it.
 */
export class RedisIngress {
  readonly bot: Bot;
  /** Where updates wait to be appended; an update counts as done once it is in Redis. */
  readonly updateQueue: UpdateQueue = new UpdateQueue();
  readonly logger: Logger;
  readonly shards: number;
  readonly keys: StreamKeys;
  readonly #connection: RedisConnection;
  readonly #maxPending: number;
  readonly #batchSize: number;
  readonly #stopTimeout: number;
  #client: Redis | undefined;
  #ownsClient = false;
  #appenders: ShardAppender[] = [];
  #loop: Promise<void> | undefined;
  #running = false;
  #stopRunning: (() => void) | undefined;
  #errorCallback: (error: unknown) => void;

  constructor(options: RedisIngressOptions) {
    if ((options.token === undefined) === (options.bot === undefined)) {
      throw new TypeError('redisIngress needs exactly one of token (a bot token) and bot (a Bot)');
    }
    this.bot = options.bot ?? new Bot(options.token as string, { logger: options.logger });
    this.logger = options.logger ?? defaultLogger;
    this.shards = checkShards(options.shards);
    this.keys = streamKeys(options.prefix ?? DEFAULT_STREAMS_PREFIX);
    this.#connection = options.redis ?? DEFAULT_REDIS_URL;
    this.#maxPending = positiveIntegerOption('maxPending', options.maxPending, DEFAULT_MAX_PENDING);
    this.#batchSize = positiveIntegerOption('batchSize', options.batchSize, 100);
    this.#stopTimeout = secondsOption('stopTimeout', options.stopTimeout, DEFAULT_INGRESS_STOP_TIMEOUT);
    this.updateQueue.consumerAcknowledges = true;
    this.#errorCallback = (error) => this.logger.error('Appending updates to Redis failed; retrying', error);
  }

  /** Whether the ingress appends updates (between {@link start} and {@link stop}). */
  get running(): boolean {
    return this.#running;
  }

  /** Updates received and not yet in Redis (held by backpressure, or on their way). */
  get unstored(): number {
    return this.updateQueue.unfinished;
  }

  /**
   * Connects, checks that the shard count matches the one the streams were set up with, creates
   * the consumer groups, and starts appending. {@link runPolling} and {@link runWebhook} call it;
   * call it yourself with {@link webhookHandler} or {@link webhookListener}.
   */
  async start(
    options: { readonly errorCallback?: ((error: unknown) => void) | undefined } = {},
  ): Promise<void> {
    if (this.#running) throw new Error('The ingress is already running');
    const { client, owned } = openRedis(this.#connection);
    this.#client = client;
    this.#ownsClient = owned;
    try {
      await agreeOnShards(client, this.keys, this.shards);
      await Promise.all(
        Array.from({ length: this.shards }, (_, shard) => ensureGroup(client, this.keys, shard)),
      );
    } catch (error) {
      await this.#close('quit');
      throw error;
    }
    if (options.errorCallback !== undefined) this.#errorCallback = options.errorCallback;
    this.#appenders = Array.from(
      { length: this.shards },
      (_, shard) =>
        new ShardAppender({
          client,
          stream: this.keys.stream(shard),
          maxPending: this.#maxPending,
          batchSize: this.#batchSize,
          logger: this.logger,
          report: (error) => this.#errorCallback(error),
        }),
    );
    this.#running = true;
    this.#loop = this.#consume();
  }

  /**
   * Stops after appending every update received so far (stop the updater or the webhook server
   * first, so that nothing new comes), then closes the connection it opened. Waits at most
   * `stopTimeout` seconds for Redis; the updates it did not take by then are given up (never
   * acknowledged, so Telegram delivers them again) and an error is logged.
   */
  stop(): Promise<void> {
    return this.#stopBy(Date.now() + this.#stopTimeout * 1000);
  }

  async #stopBy(deadline: number): Promise<void> {
    if (!this.#running) throw new Error('The ingress is not running');
    this.#running = false;
    this.updateQueue.put(STOP);
    await this.#loop;
    const appenders = this.#appenders;
    const stored = await settlesBy(
      Promise.all(appenders.map((appender) => appender.idle())),
      deadline - Date.now(),
    );
    if (stored) {
      await this.#close('quit');
      return;
    }
    const unstored = appenders.reduce((sum, appender) => sum + appender.waiting, 0);
    for (const appender of appenders) appender.abandon();
    this.logger.error(
      `Redis did not take ${unstored} received updates within stopTimeout (${this.#stopTimeout} s); the ingress stopped without them. They were not acknowledged, so Telegram delivers them again.`,
    );
    await this.#close('drop');
  }

  /**
   * Closes the connection it opened: `quit` after Redis's answers, `drop` at once (`quit()` would
   * wait for an unreachable Redis).
   */
  async #close(how: 'quit' | 'drop'): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client === undefined || !this.#ownsClient) return;
    if (how === 'drop') client.disconnect();
    else await client.quit().catch(() => undefined);
  }

  async #consume(): Promise<void> {
    const queue = this.updateQueue;
    for (;;) {
      const item = await queue.get();
      if (item === STOP) {
        queue.taskDone();
        return;
      }
      if (!(item instanceof Update)) {
        this.logger.error('The ingress received something other than an Update; it is dropped', item);
        queue.taskDone(item);
        continue;
      }
      const appender = this.#appenders[shardOf(item, this.shards)] as ShardAppender;
      appender.add(item, () => queue.taskDone(item));
    }
  }

  /**
   * A web-standard webhook endpoint (`(request) => Promise<Response>`) that appends each update
   * and answers 200 once it is in Redis. The checks are those of ext's `webhookHandler`;
   * `ackTimeout` defaults to {@link INGRESS_ACK_TIMEOUT_MS}. Call {@link start} first.
   */
  webhookHandler(options: WebhookHandlerOptions = {}): WebhookRequestHandler {
    return webhookHandler(this, { ackTimeout: INGRESS_ACK_TIMEOUT_MS, ...options });
  }

  /** A node request listener (`(req, res) => void`) like {@link webhookHandler}, for node:http, Express, Fastify or Koa. */
  webhookListener(options: WebhookListenerOptions = {}): WebhookNodeListener {
    return webhookListener(this, { ackTimeout: INGRESS_ACK_TIMEOUT_MS, ...options });
  }

  /** Ends {@link runPolling} or {@link runWebhook} gracefully. */
  stopRunning(): void {
    this.#stopRunning?.();
  }

  /**
   * Polls Telegram with getUpdates (one poller per bot: Telegram allows no second) and appends
   * the updates until a stop signal or {@link stopRunning}. An offset is confirmed only once its
   * updates are in Redis; while a shard is full, polling pauses.
   */
  async runPolling(options: RunPollingOptions = {}): Promise<void> {
    const { stopSignals = defaultStopSignals(), ...polling } = options;
    let fatal: unknown;
    let hasFatal = false;
    await this.#runUntilStopped(stopSignals, 'polling', (updater) =>
      updater.startPolling({
        stopTimeout: this.#stopTimeout,
        ...polling,
        errorCallback: polling.errorCallback,
        fatalCallback: (error) => {
          fatal = error;
          hasFatal = true;
          this.stopRunning();
        },
      }),
    );
    if (hasFatal) throw fatal;
  }

  /**
   * Runs a webhook server (ext's `Updater.startWebhook`, which calls setWebhook) that appends each
   * update and answers 200 once it is in Redis, until a stop signal or {@link stopRunning}. Run
   * several behind a load balancer; only one of them needs to call setWebhook, but each may.
   */
  async runWebhook(options: RunWebhookOptions = {}): Promise<void> {
    const { stopSignals = defaultStopSignals(), ...webhook } = options;
    await this.#runUntilStopped(stopSignals, 'webhook', (updater) =>
      updater.startWebhook({ ackTimeout: INGRESS_ACK_TIMEOUT_MS, ...webhook }),
    );
  }

  async #runUntilStopped(
    stopSignals: readonly NodeJS.Signals[],
    how: string,
    startUpdater: (updater: Updater) => Promise<void>,
  ): Promise<void> {
    let deadline: number | undefined;
    const stopped = new Promise<void>((resolve) => {
      this.#stopRunning = () => {
        // One stopTimeout for the whole stop: the updater's wait and the ingress's are for the same updates.
        deadline ??= Date.now() + this.#stopTimeout * 1000;
        resolve();
      };
    });
    const removeSignals = installSignalHandlers(stopSignals, () => this.stopRunning());
    const updater = new Updater(this.bot, this.updateQueue, { logger: this.logger });
    try {
      await this.start();
      await updater.initialize();
      await startUpdater(updater);
      this.logger.info(`Ingress of @${this.bot.username} started (${how}, ${this.shards} shards)`);
      await stopped;
    } finally {
      try {
        if (updater.running) await updater.stop();
        if (this.#running) {
          await this.#stopBy(deadline ?? Date.now() + this.#stopTimeout * 1000);
        }
        await updater.shutdown();
        this.logger.info('Ingress stopped');
      } finally {
        removeSignals();
        this.#stopRunning = undefined;
      }
    }
  }
}

/**
 * An ingress for a bot spread over several processes: run it with `runPolling()` (one process) or
 * `runWebhook()` (as many as you like, behind a load balancer), or plug its
 * `webhookHandler()`/`webhookListener()` into your server. Workers built with
 * {@link redisStreams} handle the updates.
 *
 * @example
 * ```ts
 * import { redisIngress } from 'typescript-telegram-bot/redis';
 * const ingress = redisIngress({ token: process.env.BOT_TOKEN!, redis: process.env.REDIS_URL!, shards: 16 });
 * await ingress.runWebhook({ port: 8443, urlPath: 'telegram', webhookUrl: 'https://bot.example.org/telegram', secretToken: process.env.WEBHOOK_SECRET });
 * ```
 */
export function redisIngress(options: RedisIngressOptions): RedisIngress {
  return new RedisIngress(options);
}

/** Whether `promise` settles within `ms` (it is not cancelled either way). */
async function settlesBy(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Even when already late, a timer lets a promise that is about to settle do so first.
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
