/**
 * The application: dispatches updates to handlers, routes errors, owns chat/user/bot data and
 * runs the lifecycle (PTB's `Application`).
 */

import { Update } from '../generated/types.js';
import type { Logger } from '../logging.js';
import { LazyDataMap, type MigrateChatDataOptions, migrationIds } from './app-data.js';
import type {
  ApplicationHook,
  ApplicationOptions,
  CreateTaskOptions,
  ErrorCallback,
  RunPollingOptions,
  RunWebhookOptions,
  RunWorkerOptions,
} from './app-types.js';
import type { ApplicationBuilder } from './builder.js';
import type {
  AnyContext,
  BotDataOf,
  BotOf,
  CallbackContext,
  ChatDataOf,
  ContextHost,
  JobLike,
  UserDataOf,
} from './context.js';
import type { ContextTypes } from './context-types.js';
import type { Defaults } from './defaults.js';
import { ApplicationHandlerStop, MalformedUpdateError } from './errors.js';
import type { AnyHandler } from './handlers/base.js';
import type { JobQueue } from './job-queue/job-queue.js';
import { defaultLogger } from './logging.js';
import {
  AppPersistence,
  isPersistenceParticipant,
  isPersistentHandler,
  type MarkDataOptions,
} from './persistence/app-persistence.js';
import type { BasePersistence, PersistenceParticipant } from './persistence/base.js';
import type { BaseUpdateProcessor } from './processor.js';
import { defaultStopSignals, installSignalHandlers } from './signals.js';
import { parseUpdate } from './updater/parse-update.js';
import type { UpdateQueue } from './updater/update-queue.js';
import type { UpdateSource } from './updater/update-source.js';
import type { Updater } from './updater/updater.js';
import {
  webhookHandler as makeWebhookHandler,
  type WebhookHandlerOptions,
  type WebhookRequestHandler,
} from './updater/webhook-handler.js';
import {
  webhookListener as makeWebhookListener,
  type WebhookListenerOptions,
  type WebhookNodeListener,
} from './updater/webhook-listener.js';

export type {
  ApplicationHook,
  ApplicationOptions,
  CreateTaskOptions,
  ErrorCallback,
  RunPollingOptions,
  RunWebhookOptions,
  RunWorkerOptions,
};

const STOP = Symbol('stop');

/** An update's JSON: a plain object (as `JSON.parse` makes them) with a numeric `update_id`. */
function isUpdateJson(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    value.constructor === Object &&
    typeof (value as { update_id?: unknown }).update_id === 'number'
  );
}

/**
 * Receives updates from its update queue (fed by the updater or by you), hands each one to the
 * first matching handler of every handler group in ascending group order, and sends every
 * exception to the error handlers. Build one with {@link Application.builder}.
 *
 * @example
 * ```ts
 * const app = Application.builder().token(process.env.BOT_TOKEN!).build();
 * app.addHandler(new CommandHandler('start', (update) => update.message!.replyText('Hi!')));
 * app.addErrorHandler((update, context) => console.error(context.error));
 * await app.runPolling();
 * ```
 */
export class Application<C extends AnyContext = CallbackContext> implements ContextHost, AsyncDisposable {
  readonly bot: BotOf<C>;
  readonly updateQueue: UpdateQueue;
  /** The updater (long polling or webhook server), or `null` when built with `.updater(null)`. */
  readonly updater: Updater | null;
  readonly contextTypes: ContextTypes<C>;
  readonly updateProcessor: BaseUpdateProcessor;
  readonly postInit: ApplicationHook<C> | undefined;
  readonly postStop: ApplicationHook<C> | undefined;
  readonly postShutdown: ApplicationHook<C> | undefined;
  readonly logger: Logger;
  /** The job queue (started and stopped with the application); `null` when built with `.jobQueue(null)`. */
  readonly jobQueue: JobQueue<C> | null;
  /** The persistence (set with the builder's `.persistence(p)`), or `null` for none. */
  readonly persistence: BasePersistence<UserDataOf<C>, ChatDataOf<C>, BotDataOf<C>> | null;
  /** Where {@link runWorker} takes updates from (the builder's `.updateSource(s)`), or `null`. */
  readonly updateSource: UpdateSource | null;

  readonly #groups = new Map<number, AnyHandler<C>[]>();
  #groupOrder: number[] = [];
  /** The handler lists in ascending group order (what processUpdate walks). */
  #ordered: AnyHandler<C>[][] = [];
  readonly #errorHandlers = new Map<ErrorCallback<C>, boolean | undefined>();
  #botData: BotDataOf<C>;
  /** Persistence bookkeeping; `undefined` without a persistence. */
  readonly #persist: AppPersistence<UserDataOf<C>, ChatDataOf<C>, BotDataOf<C>> | undefined;
  readonly #chatData: LazyDataMap<ChatDataOf<C>>;
  readonly #userData: LazyDataMap<UserDataOf<C>>;
  readonly #tasks = new Set<Promise<unknown>>();
  readonly #runUpdate = (update: unknown): Promise<void> => this.#process(update);
  #initialized = false;
  #running = false;
  #fetcher: Promise<void> | undefined;
  #stopRunning: (() => void) | undefined;
  /** Concurrently processed updates not finished yet, and who waits for none to be left. */
  #inFlight = 0;
  #idle: (() => void) | undefined;

  constructor(options: ApplicationOptions<C>) {
    this.bot = options.bot;
    this.updateQueue = options.updateQueue;
    this.updateQueue.consumerAcknowledges = true;
    this.updater = options.updater;
    this.contextTypes = options.contextTypes;
    this.updateProcessor = options.updateProcessor;
    this.postInit = options.postInit;
    this.postStop = options.postStop;
    this.postShutdown = options.postShutdown;
    this.logger = options.logger ?? defaultLogger;
    this.jobQueue = options.jobQueue ?? null;
    this.jobQueue?.setApplication(this);
    this.#botData = options.contextTypes.botData();
    this.#chatData = new LazyDataMap(options.contextTypes.chatData);
    this.#userData = new LazyDataMap(options.contextTypes.userData);
    this.persistence = options.persistence ?? null;
    this.updateSource = options.updateSource ?? null;
    this.#persist =
      this.persistence === null
        ? undefined
        : new AppPersistence(this.persistence, {
            bot: this.bot,
            userData: this.#userData,
            chatData: this.#chatData,
            getBotData: () => this.#botData,
            setBotData: (data) => {
              this.#botData = data;
            },
            freshBotData: options.contextTypes.botData,
            participants: () => this.#participants(),
            processError: (update, error) => this.processError(update, error),
          });
  }

  /** The job queue (when it keeps state in the persistence) and the persistent handlers. */
  #participants(): PersistenceParticipant[] {
    const found: PersistenceParticipant[] = [];
    const jobQueue: unknown = this.jobQueue;
    if (isPersistenceParticipant(jobQueue)) found.push(jobQueue);
    for (const list of this.#ordered)
      for (const handler of list) if (isPersistentHandler(handler)) found.push(handler);
    return found;
  }

  /** A builder for an application: `Application.builder().token(t).build()`. */
  static builder: () => ApplicationBuilder;

  /** Whether {@link start} ran and {@link stop} did not yet. */
  get running(): boolean {
    return this.#running;
  }

  /** Whether {@link initialize} ran and {@link shutdown} did not yet. */
  get initialized(): boolean {
    return this.#initialized;
  }

  /** The most updates processed at once (1: one after another). */
  get concurrentUpdates(): number {
    return this.updateProcessor.maxConcurrentUpdates;
  }

  /** The bot's defaults, when its bot has them. */
  get defaults(): Defaults | undefined {
    const bot = this.bot as { readonly defaults?: Defaults | undefined };
    return bot.defaults;
  }

  /** Handlers by group, groups in ascending order. */
  get handlers(): ReadonlyMap<number, readonly AnyHandler<C>[]> {
    const view = new Map<number, readonly AnyHandler<C>[]>();
    for (const group of this.#groupOrder) view.set(group, [...(this.#groups.get(group) ?? [])]);
    return view;
  }

  /** Error handlers and their `block` setting (`undefined`: the default). */
  get errorHandlers(): ReadonlyMap<ErrorCallback<C>, boolean | undefined> {
    return new Map(this.#errorHandlers);
  }

  /** Data shared by the whole bot. */
  get botData(): BotDataOf<C> {
    this.#persist?.useBot();
    return this.#botData;
  }

  /** Chat data by chat id (read-only view; entries appear when first used). */
  get chatData(): ReadonlyMap<number, ChatDataOf<C>> {
    return this.#chatData.view;
  }

  /** User data by user id (read-only view; entries appear when first used). */
  get userData(): ReadonlyMap<number, UserDataOf<C>> {
    return this.#userData.view;
  }

  /** The data of a chat, created from the context types' factory on first use. */
  chatDataFor(chatId: number): ChatDataOf<C> {
    this.#persist?.useChat(chatId);
    return this.#chatData.for(chatId);
  }

  /** The data of a user, created from the context types' factory on first use. */
  userDataFor(userId: number): UserDataOf<C> {
    this.#persist?.useUser(userId);
    return this.#userData.for(userId);
  }

  /** Forgets a chat's data; with a persistence, it is dropped there at the next write too. */
  dropChatData(chatId: number): void {
    this.#chatData.drop(chatId);
    this.#persist?.dropChat(chatId);
  }

  /** Forgets a user's data; with a persistence, it is dropped there at the next write too. */
  dropUserData(userId: number): void {
    this.#userData.drop(userId);
    this.#persist?.dropUser(userId);
  }

  /**
   * Marks chat and user data for the next persistence write, for data changed outside a context
   * (through {@link chatData}'s entries in a job, for instance). Data read through a context or
   * {@link chatDataFor}/{@link userDataFor} is marked already. Does nothing without a persistence.
   *
   * @example
   * ```ts
   * app.userData.get(42)!.credits += 10;
   * app.markDataForUpdatePersistence({ userIds: 42 });
   * ```
   */
  markDataForUpdatePersistence(options: MarkDataOptions): void {
    this.#persist?.markData(options);
  }

  /**
   * Writes the chat and user data used or marked since the last write, dropped entries, the bot
   * data (when it was read) and the state of persistence participants (PTB's
   * `update_persistence`). The application calls it every `persistence.updateInterval` seconds,
   * at {@link stop} and at {@link shutdown}. Failures go to the error handlers; never rejects.
   */
  async updatePersistence(): Promise<void> {
    await this.#persist?.write();
  }

  /**
   * Moves chat data when a group becomes a supergroup: give the service message (with
   * `migrate_from_chat_id` or `migrate_to_chat_id`) or both ids. The application does this by
   * itself after the handlers of a message with `migrate_to_chat_id` (the old group's last
   * message) ran; call it for migrations it cannot see (unlike PTB, where only you call it).
   */
  migrateChatData(options: MigrateChatDataOptions): void {
    const [from, to] = migrationIds(options);
    this.#chatData.move(from, to);
    this.#persist?.migrated(from, to);
  }

  /**
   * Registers a handler in a group (default 0). Groups run in ascending order; in each, the first
   * handler whose check matches handles the update.
   */
  addHandler(handler: AnyHandler<C>, group = 0): void {
    if (typeof handler?.checkUpdate !== 'function' || typeof handler.handleUpdate !== 'function') {
      throw new TypeError('addHandler expects a handler (a BaseHandler subclass instance)');
    }
    if (!Number.isInteger(group)) throw new TypeError('A handler group must be an integer');
    if (isPersistentHandler(handler)) {
      if (this.persistence === null) {
        throw new Error(
          'A persistent handler (persistent: true) needs a persistence: build the application with .persistence(...), or make the handler not persistent',
        );
      }
      if (this.#initialized) {
        throw new Error(
          'A persistent handler must be added before initialize(), so that its stored state is loaded first',
        );
      }
    }
    let list = this.#groups.get(group);
    if (list === undefined) {
      list = [];
      this.#groups.set(group, list);
      this.#reorder();
    }
    list.push(handler);
  }

  #reorder(): void {
    this.#groupOrder = [...this.#groups.keys()].sort((a, b) => a - b);
    this.#ordered = this.#groupOrder.map((group) => this.#groups.get(group) as AnyHandler<C>[]);
  }

  /** Registers several handlers: a list (into `group`, default 0) or an object of group → list. */
  addHandlers(
    handlers: readonly AnyHandler<C>[] | Readonly<Record<number, readonly AnyHandler<C>[]>>,
    group?: number,
  ): void {
    if (Array.isArray(handlers)) {
      for (const handler of handlers) this.addHandler(handler, group ?? 0);
      return;
    }
    if (group !== undefined) {
      throw new TypeError('addHandlers: the group comes from the object keys; do not pass group too');
    }
    for (const [key, list] of Object.entries(handlers as Record<string, readonly AnyHandler<C>[]>)) {
      for (const handler of list) this.addHandler(handler, Number(key));
    }
  }

  /** Removes a handler from a group (default 0); empty groups disappear. */
  removeHandler(handler: AnyHandler<C>, group = 0): void {
    const list = this.#groups.get(group);
    if (list === undefined) return;
    const index = list.indexOf(handler);
    if (index === -1) return;
    list.splice(index, 1);
    if (list.length === 0) {
      this.#groups.delete(group);
      this.#reorder();
    }
  }

  /**
   * Registers an error handler. It receives every exception from handlers, tasks, and the
   * updater, with the update that caused it (`null` when none did). `block: false` runs it as a task.
   */
  addErrorHandler(callback: ErrorCallback<C>, options: { readonly block?: boolean | undefined } = {}): void {
    if (typeof callback !== 'function') throw new TypeError('addErrorHandler expects a function');
    if (this.#errorHandlers.has(callback)) {
      this.logger.warn('The error handler is already registered; it is not added twice');
      return;
    }
    this.#errorHandlers.set(callback, options.block);
  }

  /** Unregisters an error handler. */
  removeErrorHandler(callback: ErrorCallback<C>): void {
    this.#errorHandlers.delete(callback);
  }

  /**
   * Hands an error to every error handler. Resolves `true` when one of them threw
   * {@link ApplicationHandlerStop} (later handler groups are then skipped). Never rejects.
   */
  async processError(
    update: unknown,
    error: unknown,
    job?: JobLike,
    coroutine?: Promise<unknown>,
  ): Promise<boolean> {
    if (this.#errorHandlers.size === 0) {
      this.logger.error('No error handlers are registered, logging exception.', error);
      return false;
    }
    for (const [callback, block] of this.#errorHandlers) {
      let context: C;
      try {
        context = this.contextTypes.context.fromError(update, error, this, job, coroutine);
      } catch (contextError) {
        this.logger.error('Creating the context for an error handler failed.', contextError);
        return false;
      }
      if (!this.#blocks(block)) {
        this.#track(this.#runErrorHandler(callback, update, context));
        continue;
      }
      try {
        await callback(update, context);
      } catch (handlerError) {
        if (handlerError instanceof ApplicationHandlerStop) return true;
        this.logger.error(
          'An error was raised and an uncaught error was raised while handling the error with an error handler.',
          handlerError,
        );
      }
    }
    return false;
  }

  async #runErrorHandler(callback: ErrorCallback<C>, update: unknown, context: C): Promise<void> {
    try {
      await callback(update, context);
    } catch (handlerError) {
      if (handlerError instanceof ApplicationHandlerStop) {
        this.logger.warn('ApplicationHandlerStop is not supported by error handlers that do not block');
        return;
      }
      this.logger.error('An uncaught error was raised by a non-blocking error handler.', handlerError);
    }
  }

  #blocks(block: boolean | undefined): boolean {
    return block ?? this.defaults?.block ?? true;
  }

  /**
   * Processes one object through the handler groups (PTB's `process_update`): usually an
   * `Update`, but any object works with handlers that accept it (see `TypeHandler`). Never
   * rejects: every exception goes to the error handlers.
   *
   * The JSON of an update as Telegram sends it (a plain object with an `update_id`, e.g. the parsed
   * body of your own webhook route) is parsed into an `Update` of this application's bot first; a
   * malformed one goes to the error handlers as a `MalformedUpdateError`. Other plain objects are
   * passed on as they are, for handlers of your own types.
   *
   * @example
   * ```ts
   * server.post('/telegram', async (request) => {
   *   await app.processUpdate(await request.json()); // or app.updateQueue.put(...) to queue it
   * });
   * ```
   */
  processUpdate(update: unknown): Promise<void> {
    return isUpdateJson(update) ? this.#processJson(update) : this.#process(update);
  }

  async #processJson(json: Record<string, unknown>): Promise<void> {
    const parsed = parseUpdate(json, this.bot);
    if (parsed instanceof MalformedUpdateError) await this.processError(json, parsed);
    else await this.#process(parsed);
  }

  async #process(update: unknown): Promise<void> {
    let context: C | undefined;
    const ordered = this.#ordered;
    // Indexed loops: an `await` inside for-of keeps iterator objects alive across suspensions.
    for (let g = 0; g < ordered.length; g++) {
      const handlers = ordered[g] as AnyHandler<C>[];
      try {
        for (let h = 0; h < handlers.length; h++) {
          const handler = handlers[h] as AnyHandler<C>;
          const check = handler.checkUpdate(update);
          if (check === undefined || check === null || check === false) continue;
          if (context === undefined) {
            context = this.contextTypes.context.fromUpdate(update, this);
            const refresh = this.#persist?.refresh;
            if (refresh !== undefined) await refresh(update);
          }
          const blocking = handler.blockIsDefault ? this.#blocks(undefined) : handler.block;
          if (blocking) {
            await handler.handleUpdate(update as never, this, check, context);
          } else {
            this.#spawn(handler.handleUpdate(update as never, this, check, context), update);
          }
          break;
        }
      } catch (error) {
        if (error instanceof ApplicationHandlerStop) break;
        if (await this.processError(update, error)) break;
      }
    }
    // A group became a supergroup: its chat data follows (a handler may have moved it already).
    if (update instanceof Update) {
      const message = update.message;
      if (message?.migrate_to_chat_id !== undefined) this.migrateChatData({ message });
    }
  }

  /**
   * Runs a promise (or a function returning one) as a task the application tracks: its error goes
   * to the error handlers with `update`, and {@link stop} waits for it. Resolves to the result, or
   * `undefined` when it failed (the failure was already routed).
   */
  createTask<T>(
    task: Promise<T> | (() => Promise<T>),
    options: CreateTaskOptions = {},
  ): Promise<T | undefined> {
    if (!this.#running) {
      this.logger.warn(
        'createTask was called while the application is not running; stop() will not wait for it',
      );
    }
    const promise = typeof task === 'function' ? Promise.resolve().then(task) : task;
    return this.#spawn(promise, options.update ?? null);
  }

  #spawn<T>(promise: Promise<T>, update: unknown): Promise<T | undefined> {
    const tracked = promise.then(
      (value) => value,
      async (reason: unknown) => {
        if (reason instanceof ApplicationHandlerStop) {
          this.logger.warn('ApplicationHandlerStop is not supported by handlers that do not block');
          return undefined;
        }
        await this.processError(update, reason, undefined, promise);
        return undefined;
      },
    );
    this.#track(tracked);
    return tracked;
  }

  #track(promise: Promise<unknown>): void {
    this.#tasks.add(promise);
    promise.then(
      () => this.#tasks.delete(promise),
      () => this.#tasks.delete(promise),
    );
  }

  /** Tasks (non-blocking handlers, `createTask`, concurrent updates) not finished yet. */
  get pendingTasks(): number {
    return this.#tasks.size + this.#inFlight;
  }

  /** Prepares the bot, the updater and the update processor. Safe to call twice. */
  async initialize(): Promise<void> {
    if (this.#initialized) {
      this.logger.debug('The application is already initialized');
      return;
    }
    await this.bot.initialize();
    await this.updater?.initialize();
    await this.updateProcessor.initialize();
    await this.#persist?.load();
    this.#initialized = true;
  }

  /** Starts taking updates from the update queue. Requires {@link initialize}. */
  async start(): Promise<void> {
    if (this.#running) throw new Error('The application is already running');
    if (!this.#initialized) throw new Error('The application is not initialized: call initialize() first');
    this.#running = true;
    this.#fetcher = this.#fetchLoop();
    await this.jobQueue?.start();
    this.#persist?.startTimer();
  }

  /**
   * Stops taking updates after the ones already queued, stops the job queue (waiting for running
   * jobs), then waits for every pending task. Stop the updater first.
   */
  async stop(): Promise<void> {
    if (!this.#running) throw new Error('The application is not running');
    if (this.updater?.running) throw new Error('The updater is still running: stop it first');
    if (this.updateSource?.running) throw new Error('The update source is still running: stop it first');
    this.#running = false;
    this.updateQueue.put(STOP);
    await this.#fetcher;
    this.#fetcher = undefined;
    await this.jobQueue?.stop({ wait: true });
    while (this.#inFlight > 0 || this.#tasks.size > 0) {
      if (this.#inFlight > 0) {
        await new Promise<void>((resolve) => {
          this.#idle = resolve;
        });
      }
      await Promise.all([...this.#tasks]);
    }
    if (this.#persist !== undefined) {
      this.#persist.stopTimer();
      await this.#persist.write();
    }
  }

  /** Releases the bot, the updater and the update processor. */
  async shutdown(): Promise<void> {
    if (this.#running) throw new Error('The application is still running: stop it first');
    if (!this.#initialized) return;
    // Before the bot shuts down, so error handlers can still report a failed write.
    await this.#persist?.flush();
    await this.updater?.shutdown();
    await this.bot.shutdown();
    await this.updateProcessor.shutdown();
    this.#initialized = false;
  }

  /** `await using app = ...`: stops (if running) and shuts down. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.updater?.running) await this.updater.stop();
    if (this.updateSource?.running) await this.updateSource.stop();
    if (this.#running) await this.stop();
    await this.shutdown();
  }

  async #fetchLoop(): Promise<void> {
    const queue = this.updateQueue;
    const processor = this.updateProcessor;
    const concurrent = processor.maxConcurrentUpdates > 1;
    for (;;) {
      const item = await queue.get();
      if (item === STOP) {
        queue.taskDone();
        return;
      }
      if (concurrent) {
        this.#inFlight++;
        void this.#processQueued(item);
      } else {
        await this.#processQueued(item, false);
      }
    }
  }

  async #processQueued(item: unknown, concurrent = true): Promise<void> {
    try {
      let update = item;
      // Queued JSON is parsed before the processor sees it, so per-chat order applies to it too.
      if (isUpdateJson(item)) {
        const parsed = parseUpdate(item, this.bot);
        if (parsed instanceof MalformedUpdateError) {
          const id = (item as { update_id?: unknown }).update_id;
          await this.#handleRecorded(typeof id === 'number' ? id : undefined, () =>
            this.processError(item, parsed).then(() => undefined),
          );
          return;
        }
        update = parsed;
      }
      const id = update instanceof Update ? update.update_id : undefined;
      // The record is made inside the processor's slot: the chat's next update waits until this
      // one is stored, so a kill repeats at most the update each chat was busy with.
      await this.updateProcessor.processUpdate(
        update,
        this.#persist?.journal === undefined
          ? this.#runUpdate
          : (queued) => this.#handleRecorded(id, () => this.#runUpdate(queued)),
      );
    } catch (error) {
      await this.processError(item, error);
    } finally {
      this.updateQueue.taskDone(item);
      if (concurrent) this.#settleInFlight();
    }
  }

  /**
   * With a journaling persistence, runs the update and records it before it counts as done, or
   * skips it when it was recorded before this run.
   */
  async #handleRecorded(updateId: number | undefined, work: () => Promise<void>): Promise<void> {
    const persist = this.#persist;
    if (persist === undefined) return work();
    const ran = await persist.handle(updateId, work);
    if (!ran) this.logger.debug(`Update ${String(updateId)} was handled before a restart: skipped`);
  }

  #settleInFlight(): void {
    this.#inFlight--;
    if (this.#inFlight === 0 && this.#idle !== undefined) {
      this.#idle();
      this.#idle = undefined;
    }
  }

  /**
   * Ends {@link runPolling}, {@link runWebhook} or {@link runWorker} gracefully (from a handler or a
   * hook, for instance): the updater (or update source) stops, queued and running updates finish, then the application stops
   * and shuts down. Does nothing when neither is running.
   */
  stopRunning(): void {
    this.#stopRunning?.();
  }

  #updaterFor(method: string): Updater {
    const updater = this.updater;
    if (updater === null) {
      throw new Error(`${method} needs an updater; this application was built with updater(null)`);
    }
    return updater;
  }

  /**
   * Initializes, starts long polling and runs until a stop signal or {@link stopRunning}, then
   * stops and shuts down gracefully: the handlers in flight finish, the data is written and the
   * handled updates are confirmed to Telegram, so a restart repeats nothing. After a kill, a
   * journaling persistence (`supportsJournal`) makes the restarted application skip the updates
   * Telegram delivers again that it had recorded. Polling errors go to the error handlers with
   * update `null`.
   *
   * @example
   * ```ts
   * await app.runPolling({ allowedUpdates: ['message', 'callback_query'], dropPendingUpdates: true });
   * ```
   */
  async runPolling(options: RunPollingOptions = {}): Promise<void> {
    const updater = this.#updaterFor('runPolling');
    const { stopSignals = defaultStopSignals(), ...polling } = options;
    let fatal: unknown;
    let hasFatal = false;
    await this.#runUntilStopped(updater, stopSignals, 'long polling', () =>
      updater.startPolling({
        ...polling,
        errorCallback: (error: unknown) => {
          // Without error handlers the updater's own log line (once per failure streak) says it.
          if (this.#errorHandlers.size !== 0) this.#track(this.processError(null, error));
        },
        fatalCallback: (error: unknown) => {
          fatal = error;
          hasFatal = true;
          this.stopRunning();
        },
      }),
    );
    if (hasFatal) throw fatal;
  }

  /**
   * Initializes, starts the webhook server (`Updater.startWebhook`: listens, then calls
   * setWebhook) and runs until a stop signal or {@link stopRunning}; then the server stops taking
   * requests, the updates it received are processed, and the application stops and shuts down.
   * Bodies that are not updates go to the error handlers with update `null`. Without `cert`/`key`
   * the server speaks plain HTTP, for a reverse proxy that terminates TLS.
   *
   * @example
   * ```ts
   * await app.runWebhook({
   *   listen: '127.0.0.1',
   *   port: 8000,
   *   urlPath: 'telegram',
   *   webhookUrl: 'https://bot.example.org/telegram', // what the reverse proxy serves
   *   secretToken: process.env.WEBHOOK_SECRET,
   * });
   * ```
   */
  async runWebhook(options: RunWebhookOptions = {}): Promise<void> {
    const updater = this.#updaterFor('runWebhook');
    const { stopSignals = defaultStopSignals(), ...webhook } = options;
    await this.#runUntilStopped(
      updater,
      stopSignals,
      () => describeWebhook(updater),
      () =>
        updater.startWebhook({
          ...webhook,
          errorCallback:
            webhook.errorCallback ??
            ((error) => {
              this.#track(this.processError(null, error));
            }),
        }),
    );
  }

  /**
   * Runs this process as a worker of a bot spread over several processes: initializes, starts the
   * update source set with the builder's `.updateSource(...)` (e.g. `redisStreams(...)` from
   * `typescript-telegram-bot/redis`) and runs until a stop signal or {@link stopRunning}; then the
   * source stops taking updates, the ones handed out finish and are acknowledged, and the
   * application stops and shuts down. Updates come in as from any updater: the handlers, the
   * update processor and the persistence work as with {@link runPolling}.
   *
   * @example
   * ```ts
   * const app = Application.builder()
   *   .token(process.env.BOT_TOKEN!)
   *   .updateSource(redisStreams({ redis: process.env.REDIS_URL!, shards: 16 }))
   *   .build();
   * app.addHandler(new CommandHandler('start', (update) => update.message!.replyText('Hi!')));
   * await app.runWorker();
   * ```
   */
  async runWorker(options: RunWorkerOptions = {}): Promise<void> {
    const source = this.updateSource;
    if (source === null) {
      throw new Error(
        'runWorker needs an update source: build the application with .updateSource(...), e.g. redisStreams({ redis, shards }) from typescript-telegram-bot/redis',
      );
    }
    const { stopSignals = defaultStopSignals() } = options;
    let fatal: unknown;
    let hasFatal = false;
    await this.#runUntilStopped(
      source,
      stopSignals,
      () => source.describe(),
      () =>
        source.start(this, {
          errorCallback: (error) => {
            this.#track(this.processError(null, error));
          },
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
   * A web-standard webhook endpoint, `(request: Request) => Promise<Response>`, that feeds this
   * application's update queue (see {@link makeWebhookHandler | webhookHandler} for the checks).
   * For servers built on the Fetch API (Hono, Bun, Deno, Cloudflare Workers): you initialize and
   * start the application, call setWebhook, and stop it on shutdown; while it is not running,
   * requests get 503. Bodies that are not updates go to the error handlers with update `null`.
   *
   * @example
   * ```ts
   * const app = Application.builder().token(process.env.BOT_TOKEN!).updater(null).build();
   * await app.initialize();
   * await app.start();
   * await app.bot.setWebhook('https://bot.example.org/telegram', { secret_token: 'S3cret' });
   * const handle = app.webhookHandler({ secretToken: 'S3cret' });
   * honoApp.post('/telegram', (c) => handle(c.req.raw)); // or Bun.serve({ fetch: handle })
   * ```
   */
  webhookHandler(options: WebhookHandlerOptions = {}): WebhookRequestHandler {
    return makeWebhookHandler(this, {
      ...options,
      errorCallback:
        options.errorCallback ??
        ((error) => {
          this.#track(this.processError(null, error));
        }),
    });
  }

  /**
   * A node request listener, `(req, res) => void`, that feeds this application's update queue: for
   * node:http, Express (`server.post('/telegram', listener)`, with or without `express.json()`),
   * Fastify (pass `request.raw` with `body: request.body`, and `reply.raw`) or Koa (`ctx.req`,
   * `ctx.res`). See {@link makeWebhookListener | webhookListener} for the checks. As with
   * {@link webhookHandler}, you start the application and call setWebhook; bodies that are not
   * updates go to the error handlers with update `null`.
   */
  webhookListener(options: WebhookListenerOptions = {}): WebhookNodeListener {
    return makeWebhookListener(this, {
      ...options,
      errorCallback:
        options.errorCallback ??
        ((error) => {
          this.#track(this.processError(null, error));
        }),
    });
  }

  /** initialize → postInit → start the updater → start → wait for a stop → updater stop → stop → postStop → shutdown → postShutdown. */
  async #runUntilStopped(
    updater: { readonly running: boolean; stop(): Promise<void> },
    stopSignals: readonly NodeJS.Signals[],
    how: string | (() => string),
    startUpdater: () => Promise<void>,
  ): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.#stopRunning = resolve;
    });
    const removeSignals = installSignalHandlers(stopSignals, () => this.stopRunning());
    try {
      await this.initialize();
      if (this.postInit !== undefined) await this.postInit(this);
      await startUpdater();
      await this.start();
      this.logger.info(`Started as @${this.bot.username}: ${typeof how === 'string' ? how : how()}`);
      await stopped;
      this.logger.info(`Stopping @${this.bot.username}: finishing the updates in progress`);
    } finally {
      try {
        if (updater.running) await updater.stop();
        if (this.#running) {
          await this.stop();
          if (this.postStop !== undefined) await this.postStop(this);
        }
        await this.shutdown();
        if (this.postShutdown !== undefined) await this.postShutdown(this);
        this.logger.info('Stopped');
      } finally {
        removeSignals();
        this.#stopRunning = undefined;
      }
    }
  }
}

/**
 * Where a running webhook receives updates, for the start line. The URL's path is left out: it
 * often holds a secret (some bots put the token there).
 */
function describeWebhook(updater: Updater): string {
  const address = updater.webhookAddress;
  const listening = typeof address === 'string' ? address : `${address?.address}:${address?.port}`;
  const url = updater.webhookUrl;
  const origin = url === undefined ? 'an unknown URL' : `${new URL(url).origin}/…`;
  return `webhook at ${origin} (server listening on ${listening})`;
}
