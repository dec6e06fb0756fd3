/**
 * Builds an {@link Application} step by step (PTB's `ApplicationBuilder`).
 */
import type { BaseUrl } from '../bot.js';
import type { Logger } from '../logging.js';
import type { BaseRequest } from '../request/base.js';
import { type SocketOptions, UndiciRequest, type UndiciRequestOptions } from '../request/undici.js';
import { Application, type ApplicationHook, type ApplicationOptions } from './application.js';
import type { AnyContext, BotDataOf, BotOf, CallbackContext, ChatDataOf, UserDataOf } from './context.js';
import { ContextTypes } from './context-types.js';
import type { Defaults } from './defaults.js';
import { ExtBot } from './ext-bot.js';
import { JobQueue } from './job-queue/job-queue.js';
import { BasePersistence } from './persistence/base.js';
import {
  type BaseUpdateProcessor,
  DEFAULT_CONCURRENT_UPDATES,
  PerChatUpdateProcessor,
  SimpleUpdateProcessor,
} from './processor.js';
import type { BaseRateLimiter } from './rate-limiter/base.js';
import { UpdateQueue } from './updater/update-queue.js';
import type { UpdateSource } from './updater/update-source.js';
import { Updater } from './updater/updater.js';

/** A class the builder instantiates instead of {@link Application}. */
export type ApplicationClass<C extends AnyContext> = new (options: ApplicationOptions<C>) => Application<C>;

type RequestKey =
  | 'connectionPoolSize'
  | 'proxy'
  | 'socketOptions'
  | 'connectTimeout'
  | 'readTimeout'
  | 'writeTimeout'
  | 'mediaWriteTimeout'
  | 'poolTimeout'
  | 'httpVersion';

/** Options that configure the bot; they cannot combine with `.bot()` (or a non-null `.updater()`). */
const BOT_OPTIONS = [
  'token',
  'baseUrl',
  'baseFileUrl',
  'privateKey',
  'defaults',
  'arbitraryCallbackData',
  'localMode',
  'rateLimiter',
  'request',
  'getUpdatesRequest',
] as const;

const REQUEST_KEYS: readonly RequestKey[] = [
  'connectionPoolSize',
  'proxy',
  'socketOptions',
  'connectTimeout',
  'readTimeout',
  'writeTimeout',
  'mediaWriteTimeout',
  'poolTimeout',
  'httpVersion',
];

/**
 * Chainable configuration of an application; every option may be set once, and options that
 * exclude each other are reported when the second one is set.
 *
 * @example
 * ```ts
 * const app = Application.builder()
 *   .token(process.env.BOT_TOKEN!)
 *   .concurrentUpdates(16)
 *   .defaults(new Defaults({ parseMode: 'HTML' }))
 *   .postInit(async (app) => { await app.bot.setMyCommands([{ command: 'start', description: 'Start' }]); })
 *   .build();
 * ```
 */
export class ApplicationBuilder<C extends AnyContext = CallbackContext> {
  readonly #set = new Map<string, unknown>();

  #put(name: string, value: unknown, conflicts: readonly string[] = []): this {
    if (this.#set.has(name)) throw new TypeError(`ApplicationBuilder: ${name} was already set`);
    for (const other of conflicts) {
      if (this.#set.has(other)) {
        throw new TypeError(`ApplicationBuilder: ${name} cannot be combined with ${other}`);
      }
    }
    this.#set.set(name, value);
    return this;
  }

  #botOption(name: string, value: unknown, extra: readonly string[] = []): this {
    return this.#put(name, value, ['bot', ...(this.#set.get('updater') ? ['updater'] : []), ...extra]);
  }

  #requestOption(key: RequestKey, value: unknown, forGetUpdates: boolean): this {
    const name = forGetUpdates ? `getUpdates${key[0]?.toUpperCase()}${key.slice(1)}` : key;
    return this.#botOption(name, value, [forGetUpdates ? 'getUpdatesRequest' : 'request']);
  }

  /** The bot token from @BotFather. */
  token(token: string): this {
    return this.#botOption('token', token);
  }

  /** A ready bot instead of a token and bot options. */
  bot(bot: BotOf<C>): this {
    const taken = [
      ...BOT_OPTIONS,
      ...REQUEST_KEYS,
      ...REQUEST_KEYS.map((k) => `getUpdates${k[0]?.toUpperCase()}${k.slice(1)}`),
    ];
    return this.#put('bot', bot, taken);
  }

  /**
   * The API server's URL the token follows, for a local Bot API server or the emulator:
   * `baseUrl('http://127.0.0.1:8081/bot')`; an origin alone (`emulator.origin`) gets the `/bot`
   * path. Checked by `build()` (see `BotOptions.baseUrl`).
   */
  baseUrl(url: BaseUrl): this {
    return this.#botOption('baseUrl', url);
  }

  /** The file download URL the token follows, e.g. `http://127.0.0.1:8081/file/bot` (an origin alone gets `/file/bot`). */
  baseFileUrl(url: BaseUrl): this {
    return this.#botOption('baseFileUrl', url);
  }

  /** Telegram Passport decryption key (PEM) and its password. */
  privateKey(key: string | Uint8Array, password?: string | Uint8Array): this {
    return this.#botOption('privateKey', { key, password });
  }

  /** Defaults for requests and handlers. */
  defaults(defaults: Defaults): this {
    return this.#botOption('defaults', defaults);
  }

  /** For a self-hosted Bot API server started with `--local`. */
  localMode(enabled = true): this {
    return this.#botOption('localMode', enabled);
  }

  /**
   * Arbitrary callback data (PTB's `arbitrary_callback_data`): `true` lets inline buttons carry
   * any storable value (see `callbackButton`), kept in a {@link CallbackDataCache} of 1024
   * keyboards; a number sets that size; `false` (the default) keeps it off. With a persistence
   * that stores `callbackData`, the cache survives restarts.
   *
   * @example
   * ```ts
   * const app = Application.builder().token(token).arbitraryCallbackData(true).build();
   * ```
   */
  arbitraryCallbackData(value: boolean | number = true): this {
    if (value !== true && value !== false && (!Number.isSafeInteger(value) || value < 1)) {
      throw new TypeError(
        `ApplicationBuilder: arbitraryCallbackData takes true, false or a positive integer (the cache's maxsize), got ${String(value)}`,
      );
    }
    return this.#botOption('arbitraryCallbackData', value);
  }

  /**
   * A rate limiter every API call but getUpdates goes through (`null`: none, the default).
   *
   * @example builder.rateLimiter(new RateLimiter({ maxRetries: 2 }))
   */
  rateLimiter(limiter: BaseRateLimiter | null): this {
    return this.#botOption('rateLimiter', limiter);
  }

  /** The request object for every method but getUpdates. */
  request(request: BaseRequest): this {
    return this.#botOption('request', request, REQUEST_KEYS);
  }

  /** The request object for getUpdates. */
  getUpdatesRequest(request: BaseRequest): this {
    return this.#botOption(
      'getUpdatesRequest',
      request,
      REQUEST_KEYS.filter((k) => k !== 'mediaWriteTimeout').map(
        (k) => `getUpdates${k[0]?.toUpperCase()}${k.slice(1)}`,
      ),
    );
  }

  /** Connections of the sending pool; default 256. */
  connectionPoolSize(size: number): this {
    return this.#requestOption('connectionPoolSize', size, false);
  }
  /** Proxy URL for sending requests. */
  proxy(url: string | URL): this {
    return this.#requestOption('proxy', url, false);
  }
  /** Socket options for sending requests. */
  socketOptions(options: SocketOptions): this {
    return this.#requestOption('socketOptions', options, false);
  }
  /** Connect timeout (seconds) of sending requests. */
  connectTimeout(seconds: number | null): this {
    return this.#requestOption('connectTimeout', seconds, false);
  }
  /** Read timeout (seconds) of sending requests. */
  readTimeout(seconds: number | null): this {
    return this.#requestOption('readTimeout', seconds, false);
  }
  /** Write timeout (seconds) of sending requests. */
  writeTimeout(seconds: number | null): this {
    return this.#requestOption('writeTimeout', seconds, false);
  }
  /** Write timeout (seconds) of uploads. */
  mediaWriteTimeout(seconds: number | null): this {
    return this.#requestOption('mediaWriteTimeout', seconds, false);
  }
  /** Pool timeout (seconds) of sending requests. */
  poolTimeout(seconds: number | null): this {
    return this.#requestOption('poolTimeout', seconds, false);
  }
  /** HTTP version of sending requests. */
  httpVersion(version: '1.1' | '2'): this {
    return this.#requestOption('httpVersion', version, false);
  }

  /** Connections of the getUpdates pool; default 1. */
  getUpdatesConnectionPoolSize(size: number): this {
    return this.#requestOption('connectionPoolSize', size, true);
  }
  /** Proxy URL for getUpdates. */
  getUpdatesProxy(url: string | URL): this {
    return this.#requestOption('proxy', url, true);
  }
  /** Socket options for getUpdates. */
  getUpdatesSocketOptions(options: SocketOptions): this {
    return this.#requestOption('socketOptions', options, true);
  }
  /** Connect timeout (seconds) of getUpdates. */
  getUpdatesConnectTimeout(seconds: number | null): this {
    return this.#requestOption('connectTimeout', seconds, true);
  }
  /** Read timeout (seconds) of getUpdates, on top of the long-poll timeout. */
  getUpdatesReadTimeout(seconds: number | null): this {
    return this.#requestOption('readTimeout', seconds, true);
  }
  /** Write timeout (seconds) of getUpdates. */
  getUpdatesWriteTimeout(seconds: number | null): this {
    return this.#requestOption('writeTimeout', seconds, true);
  }
  /** Pool timeout (seconds) of getUpdates. */
  getUpdatesPoolTimeout(seconds: number | null): this {
    return this.#requestOption('poolTimeout', seconds, true);
  }
  /** HTTP version of getUpdates. */
  getUpdatesHttpVersion(version: '1.1' | '2'): this {
    return this.#requestOption('httpVersion', version, true);
  }

  /** The queue updates arrive in. */
  updateQueue(queue: UpdateQueue): this {
    return this.#put('updateQueue', queue, ['updater']);
  }

  /** A ready updater, or `null` for an application without one (you feed `app.updateQueue`). */
  updater(updater: Updater | null): this {
    return this.#put(
      'updater',
      updater,
      updater === null ? ['updateQueue'] : ['updateQueue', 'bot', ...BOT_OPTIONS],
    );
  }

  /**
   * Where `app.runWorker()` takes updates from: a queue several processes share, such as
   * `redisStreams(...)` from `typescript-telegram-bot/redis`. The application still has its
   * updater (for `runPolling`/`runWebhook`); a worker simply does not run it.
   *
   * @example
   * ```ts
   * const app = Application.builder()
   *   .token(process.env.BOT_TOKEN!)
   *   .updateSource(redisStreams({ redis: 'redis://127.0.0.1:6379', shards: 16 }))
   *   .build();
   * await app.runWorker();
   * ```
   */
  updateSource(source: UpdateSource): this {
    return this.#put('updateSource', source);
  }

  /**
   * How updates are processed. The default (without this call) is per-chat order: updates of one
   * chat (or of one user, for updates without a chat) run one after another in arrival order,
   * different chats run in parallel, at most 256 at once ({@link PerChatUpdateProcessor}).
   *
   * - `false`: one update at a time, in global arrival order (PTB's default).
   * - `true`: up to 256 at once in no particular order (PTB's `concurrent_updates(True)`).
   * - a number `n`: up to `n` at once in no particular order.
   * - an update processor, e.g. `new PerChatUpdateProcessor(64)` for per-chat order with another bound.
   */
  concurrentUpdates(value: boolean | number | BaseUpdateProcessor): this {
    let processor: BaseUpdateProcessor;
    if (value === true) processor = new SimpleUpdateProcessor(DEFAULT_CONCURRENT_UPDATES);
    else if (value === false) processor = new SimpleUpdateProcessor(1);
    else if (typeof value === 'number') processor = new SimpleUpdateProcessor(value);
    else processor = value;
    return this.#put('concurrentUpdates', processor, ['updateProcessor']);
  }

  /** The update processor (same as `concurrentUpdates(processor)`). */
  updateProcessor(processor: BaseUpdateProcessor): this {
    return this.#put('updateProcessor', processor, ['concurrentUpdates']);
  }

  /**
   * The job queue (`app.jobQueue`); by default a new {@link JobQueue}, `null` for none.
   *
   * @example builder.jobQueue(new JobQueue({ clock })) // or .jobQueue(null)
   */
  jobQueue(jobQueue: JobQueue<C> | null): this {
    if (jobQueue !== null && !(jobQueue instanceof JobQueue)) {
      throw new TypeError('jobQueue expects a JobQueue or null');
    }
    return this.#put('jobQueue', jobQueue);
  }

  /**
   * A persistence that keeps chat, user and bot data (and persistent handlers' and the job
   * queue's state) between runs; `null` for none (the default). Its data types are those of the
   * context types, so call `.contextTypes(...)` first when you use your own.
   *
   * @example
   * ```ts
   * const app = Application.builder()
   *   .token(process.env.BOT_TOKEN!)
   *   .persistence(new FilePersistence({ filepath: 'bot-data.json' }))
   *   .build();
   * ```
   */
  persistence(persistence: BasePersistence<UserDataOf<C>, ChatDataOf<C>, BotDataOf<C>> | null): this {
    if (persistence !== null && !(persistence instanceof BasePersistence)) {
      throw new TypeError('persistence must be an instance of a BasePersistence subclass, or null for none');
    }
    return this.#put('persistence', persistence);
  }

  /** A custom context class and data types; the built application is typed with them. */
  contextTypes<C2 extends AnyContext>(contextTypes: ContextTypes<C2>): ApplicationBuilder<C2> {
    this.#put('contextTypes', contextTypes);
    return this as unknown as ApplicationBuilder<C2>;
  }

  /** Runs after `initialize()` in runPolling. */
  postInit(hook: ApplicationHook<C>): this {
    return this.#put('postInit', hook);
  }
  /** Runs after `stop()` in runPolling. */
  postStop(hook: ApplicationHook<C>): this {
    return this.#put('postStop', hook);
  }
  /** Runs after `shutdown()` in runPolling. */
  postShutdown(hook: ApplicationHook<C>): this {
    return this.#put('postShutdown', hook);
  }

  /** Where the framework logs; default errors to console.error only. */
  logger(logger: Logger): this {
    return this.#put('logger', logger);
  }

  /** Builds instances of a subclass of Application. */
  applicationClass(cls: ApplicationClass<C>): this {
    return this.#put('applicationClass', cls);
  }

  #requestFor(forGetUpdates: boolean): BaseRequest {
    const given = this.#set.get(forGetUpdates ? 'getUpdatesRequest' : 'request') as BaseRequest | undefined;
    if (given !== undefined) return given;
    const options: Record<string, unknown> = { connectionPoolSize: forGetUpdates ? 1 : 256 };
    for (const key of REQUEST_KEYS) {
      const name = forGetUpdates ? `getUpdates${key[0]?.toUpperCase()}${key.slice(1)}` : key;
      if (this.#set.has(name)) options[key] = this.#set.get(name);
    }
    return new UndiciRequest(options as UndiciRequestOptions);
  }

  #bot(): BotOf<C> {
    const given = this.#set.get('bot');
    if (given !== undefined) return given as BotOf<C>;
    const updater = this.#set.get('updater');
    if (updater instanceof Updater) return updater.bot as BotOf<C>;
    if (!this.#set.has('token'))
      throw new TypeError('ApplicationBuilder: no bot token was set (.token(...))');
    // A token that was set but is no token (an unset environment variable) gets the Bot's own message.
    const token = this.#set.get('token') as string;
    const key = this.#set.get('privateKey') as
      | { key: string | Uint8Array; password?: string | Uint8Array }
      | undefined;
    const logger = this.#set.get('logger') as Logger | undefined;
    return new ExtBot(token, {
      baseUrl: this.#set.get('baseUrl') as BaseUrl | undefined,
      baseFileUrl: this.#set.get('baseFileUrl') as BaseUrl | undefined,
      request: this.#requestFor(false),
      getUpdatesRequest: this.#requestFor(true),
      localMode: (this.#set.get('localMode') as boolean | undefined) ?? false,
      privateKey: key?.key,
      privateKeyPassword: key?.password,
      defaults: this.#set.get('defaults') as Defaults | undefined,
      rateLimiter: (this.#set.get('rateLimiter') as BaseRateLimiter | null | undefined) ?? undefined,
      arbitraryCallbackData: this.#set.get('arbitraryCallbackData') as boolean | number | undefined,
      logger,
    }) as BotOf<C>;
  }

  /** Creates the application. */
  build(): Application<C> {
    const bot = this.#bot();
    const logger = this.#set.get('logger') as Logger | undefined;
    const givenUpdater = this.#set.get('updater') as Updater | null | undefined;
    const updateQueue =
      givenUpdater instanceof Updater
        ? givenUpdater.updateQueue
        : ((this.#set.get('updateQueue') as UpdateQueue | undefined) ?? new UpdateQueue());
    const updater = givenUpdater === undefined ? new Updater(bot, updateQueue, { logger }) : givenUpdater;
    const processor =
      (this.#set.get('concurrentUpdates') as BaseUpdateProcessor | undefined) ??
      (this.#set.get('updateProcessor') as BaseUpdateProcessor | undefined) ??
      new PerChatUpdateProcessor(DEFAULT_CONCURRENT_UPDATES);
    const Cls = (this.#set.get('applicationClass') as ApplicationClass<C> | undefined) ?? Application;
    return new Cls({
      bot,
      updateQueue,
      updater,
      contextTypes: (this.#set.get('contextTypes') as ContextTypes<C> | undefined) ?? new ContextTypes<C>(),
      updateProcessor: processor,
      postInit: this.#set.get('postInit') as ApplicationHook<C> | undefined,
      postStop: this.#set.get('postStop') as ApplicationHook<C> | undefined,
      postShutdown: this.#set.get('postShutdown') as ApplicationHook<C> | undefined,
      logger,
      jobQueue: this.#set.has('jobQueue')
        ? (this.#set.get('jobQueue') as JobQueue<C> | null)
        : new JobQueue<C>(),
      persistence: this.#set.get('persistence') as
        | BasePersistence<UserDataOf<C>, ChatDataOf<C>, BotDataOf<C>>
        | null
        | undefined,
      updateSource: this.#set.get('updateSource') as UpdateSource | undefined,
    });
  }
}

Application.builder = (): ApplicationBuilder => new ApplicationBuilder();
