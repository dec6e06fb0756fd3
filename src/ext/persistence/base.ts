/**
 * The persistence contract (PTB's `BasePersistence`): what an application stores between runs and
 * the calls through which it reads and writes it. Backends (file, JSON strings, SQLite, ...)
 * implement every abstract method; the application, persistent conversation handlers and the job
 * queue are its only callers.
 */
import type { Bot } from '../../bot.js';

/** Which kinds of data a persistence stores (PTB's `PersistenceInput`); each `true` unless set. */
export interface PersistenceInput {
  readonly botData: boolean;
  readonly chatData: boolean;
  readonly userData: boolean;
  readonly callbackData: boolean;
}

/** A conversation's state as stored: the state a callback returned (a string or a number). */
export type ConversationState = string | number;

/** Whether `value` can be stored as a conversation state (a string or a number). */
export function isConversationState(value: unknown): value is ConversationState {
  return typeof value === 'string' || typeof value === 'number';
}

/** Throws a TypeError starting with `owner` unless `state` is a conversation state or `null` (ended). */
export function assertConversationState(
  state: unknown,
  owner: string,
): asserts state is ConversationState | null {
  if (state !== null && !isConversationState(state)) {
    throw new TypeError(`${owner}: a conversation state must be a string or a number, got ${typeof state}`);
  }
}

/** Throws a TypeError starting with `owner` unless `updateId` is an integer, as `recordUpdate` needs. */
export function assertRecordedUpdateId(updateId: unknown, owner: string): void {
  if (!Number.isSafeInteger(updateId)) {
    throw new TypeError(`${owner}.recordUpdate: updateId must be an integer, got ${String(updateId)}`);
  }
}

/**
 * A conversation's key as stored: the JSON text of the ids the ConversationHandler keys by, in
 * order chat id, user id, message id (or inline message id), each only where the handler's
 * `perChat`/`perUser`/`perMessage` asks for it, e.g. `"[-100123,42]"`.
 */
export type ConversationKey = string;

/** The states of one named conversation handler, by key. */
export type ConversationDict = Map<ConversationKey, ConversationState>;

/**
 * The arbitrary callback data cache as stored: the keyboards (their id, the time they were last
 * used in epoch seconds, and their buttons' data by button id) and the callback query ids mapped
 * to keyboard ids.
 */
export interface PersistedCallbackData {
  readonly keyboards: ReadonlyArray<
    readonly [keyboardId: string, accessTime: number, buttons: Readonly<Record<string, unknown>>]
  >;
  readonly queries: Readonly<Record<string, string>>;
}

/** What happens to runs of a persistent job that fell due while the bot was not running. */
export type MissedRunPolicy = 'runOnce' | 'skip';

/**
 * A persistent job as stored. The job queue writes it and reads it back on start; backends keep
 * it as it is (every field is JSON-serialisable except `data`, which is stored like user data).
 */
export interface PersistedJob {
  /** The job's id, unique within the job queue. */
  readonly id: string;
  /** The name under which the callback was registered (`jobQueue.register(name, callback)`). */
  readonly callback: string;
  readonly name: string | null;
  readonly data: unknown;
  readonly chatId: number | null;
  readonly userId: number | null;
  readonly enabled: boolean;
  /** When the job runs, in the job queue's own JSON description (kind, interval, time of day, ...). */
  readonly schedule: Readonly<Record<string, unknown>>;
  /** The next run, epoch milliseconds; `null` when it will not run again. */
  readonly nextRun: number | null;
  readonly missedRuns: MissedRunPolicy;
}

/**
 * How many of the most recently recorded update ids a journaling persistence must return from
 * {@link BasePersistence.getHandledUpdates} (it may return more). Telegram re-delivers at most the
 * updates not yet confirmed: one long-polling batch (at most 100) or the webhook requests not yet
 * answered (at most `max_connections`, at most 100), so 1 000 leaves a wide margin.
 */
export const HANDLED_UPDATES_KEPT = 1000;

/**
 * What one update's handlers changed, stored by {@link BasePersistence.recordUpdate} together with
 * the update's id as one atomic step: after a crash, either all of it is stored or none of it.
 *
 * Data is a copy the backend may keep (see `persistenceCopy`). `null` means dropped (user or chat
 * data) or ended/removed (a conversation, a job). Kinds the persistence does not store (its
 * `storeData`) are left empty by the application.
 */
export interface UpdateRecord<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> {
  /** The update's `update_id`. */
  readonly updateId: number;
  /** The user data the update's handlers used, by user id; `null` for dropped. */
  readonly userData: ReadonlyArray<readonly [userId: number, data: UD | null]>;
  /** The chat data the update's handlers used, by chat id; `null` for dropped. */
  readonly chatData: ReadonlyArray<readonly [chatId: number, data: CD | null]>;
  /** The bot data, when the update's handlers used it; `undefined` otherwise. */
  readonly botData: BD | undefined;
  /** The callback data cache, when it changed; `undefined` otherwise. */
  readonly callbackData: PersistedCallbackData | undefined;
  /** Conversation states set: handler name, key, new state (`null`: the conversation ended). */
  readonly conversations: ReadonlyArray<
    readonly [name: string, key: ConversationKey, state: ConversationState | null]
  >;
  /** Persistent jobs added, changed or removed (`null`), by job id. */
  readonly jobs: ReadonlyArray<readonly [id: string, job: PersistedJob | null]>;
}

/** Options of {@link BasePersistence}. */
export interface BasePersistenceOptions {
  /** Which kinds of data to store; anything left out is stored. */
  readonly storeData?: Partial<PersistenceInput> | undefined;
  /** Seconds between the application's writes of changed data; default 60. */
  readonly updateInterval?: number | undefined;
}

/**
 * The base class of every persistence. Type parameters: the types of user data, chat data and bot
 * data, as in the application's context types.
 *
 * Every `get*` method is called once, by `Application.initialize()`; `update*` and `drop*` after
 * handlers changed data (at most every {@link updateInterval} seconds, at stop, and at shutdown);
 * `refresh*` before an update's handlers run, for a backend others may write to; {@link flush}
 * at shutdown. Data handed to `update*` is a copy the backend may keep (see `persistenceCopy`).
 * A rejection of any call after loading goes to the application's error handlers.
 *
 * @example
 * ```ts
 * class MemoryPersistence extends BasePersistence {
 *   readonly users = new Map<number, Record<string, unknown>>();
 *   async getUserData() { return new Map(this.users); }
 *   async updateUserData(id: number, data: Record<string, unknown>) { this.users.set(id, data); }
 *   async dropUserData(id: number) { this.users.delete(id); }
 *   // ... the other abstract methods
 * }
 * ```
 */
export abstract class BasePersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> {
  readonly storeData: PersistenceInput;
  readonly #updateInterval: number;
  #bot: Bot | undefined;

  constructor(options: BasePersistenceOptions = {}) {
    const interval = options.updateInterval ?? 60;
    if (!(typeof interval === 'number' && interval > 0 && Number.isFinite(interval))) {
      throw new RangeError(`updateInterval must be a positive number of seconds, got ${String(interval)}`);
    }
    this.#updateInterval = interval;
    this.storeData = Object.freeze({
      botData: options.storeData?.botData ?? true,
      chatData: options.storeData?.chatData ?? true,
      userData: options.storeData?.userData ?? true,
      callbackData: options.storeData?.callbackData ?? true,
    });
  }

  /** Seconds between the application's writes of changed data. */
  get updateInterval(): number {
    return this.#updateInterval;
  }

  /** The bot whose objects stored data may hold; set by the application before any `get*` call. */
  get bot(): Bot {
    if (this.#bot === undefined) throw new Error('This persistence has no bot yet: the application sets it');
    return this.#bot;
  }

  /** Called by the application with its bot (PTB's `set_bot`). */
  setBot(bot: Bot): void {
    this.#bot = bot;
  }

  /** Every stored user's data, by user id. */
  abstract getUserData(): Promise<Map<number, UD>>;
  /** Every stored chat's data, by chat id. */
  abstract getChatData(): Promise<Map<number, CD>>;
  /** The stored bot data; `undefined` for none yet (the application then builds a fresh one). */
  abstract getBotData(): Promise<BD | undefined>;
  /** The stored callback data cache, or `null` for none. */
  abstract getCallbackData(): Promise<PersistedCallbackData | null>;
  /** The stored states of the conversation handler called `name`. */
  abstract getConversations(name: string): Promise<ConversationDict>;
  /** Stores a conversation's new state; `null` when it ended (the key is removed). */
  abstract updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void>;
  /** Stores the `userData` of one user, replacing what was stored. */
  abstract updateUserData(userId: number, data: UD): Promise<void>;
  /** Stores the `chatData` of one chat, replacing what was stored. */
  abstract updateChatData(chatId: number, data: CD): Promise<void>;
  /** Stores the `botData`, replacing what was stored. */
  abstract updateBotData(data: BD): Promise<void>;
  /** Stores the arbitrary callback data cache, replacing what was stored. */
  abstract updateCallbackData(data: PersistedCallbackData): Promise<void>;
  /** Deletes the stored `userData` of one user (`Application.dropUserData`). */
  abstract dropUserData(userId: number): Promise<void>;
  /** Deletes the stored `chatData` of one chat (`Application.dropChatData`). */
  abstract dropChatData(chatId: number): Promise<void>;
  /**
   * Called before an update's handlers run, with the data the application holds for its user;
   * change `data` in place to take in what another process stored. Does nothing by default.
   */
  async refreshUserData(_userId: number, _data: UD): Promise<void> {}
  /** As {@link refreshUserData}, for the update's chat. */
  async refreshChatData(_chatId: number, _data: CD): Promise<void> {}
  /** As {@link refreshUserData}, for the bot data. */
  async refreshBotData(_data: BD): Promise<void> {}
  /** Every stored persistent job, by id. */
  abstract getJobs(): Promise<Map<string, PersistedJob>>;
  /** Stores a persistent job; `null` when it was removed or will not run again. */
  abstract updateJob(id: string, job: PersistedJob | null): Promise<void>;
  /** Writes everything still held in memory; called by `Application.shutdown()`. */
  abstract flush(): Promise<void>;

  /**
   * Whether this persistence keeps a journal of handled updates: `true` makes the application
   * store each update with {@link recordUpdate} before the update counts as done (before the
   * polling offset moves past it or the webhook request is answered), and skip updates that
   * {@link getHandledUpdates} names when Telegram delivers them again after a crash. `false` (the
   * default) keeps the interval writes only: a crash loses what changed since the last write, and
   * re-handles the updates Telegram had not been told about.
   *
   * A backend that returns `true` overrides {@link recordUpdate} so that it is atomic and durable
   * when its promise resolves, and {@link getHandledUpdates}. Updates are recorded when they come
   * through the application's update queue (the updater's polling and webhooks,
   * `app.updateQueue.put`), not when a custom server calls `app.processUpdate` itself.
   */
  get supportsJournal(): boolean {
    return false;
  }

  /**
   * Stores the update id and the changes its handlers made, as one atomic, durable step (an
   * appended, synced journal line; a database transaction). Called by the application, one call
   * per handled update (also for an update no handler took or whose handler failed), only when
   * {@link supportsJournal} is `true`; calls for different updates may overlap.
   *
   * The default applies the changes through the `update*` and `drop*` methods, which is neither
   * atomic nor marks the id as handled: backends that journal override it.
   *
   * @example
   * ```ts
   * // a SQL backend, one transaction per update
   * async recordUpdate(record: UpdateRecord) {
   *   await this.db.transaction(async (tx) => {
   *     for (const [id, data] of record.userData) await tx.putUser(id, data);
   *     await tx.putHandled(record.updateId);
   *   });
   * }
   * ```
   */
  async recordUpdate(record: UpdateRecord<UD, CD, BD>): Promise<void> {
    const store = this.storeData;
    const calls: Promise<void>[] = [];
    if (store.userData) {
      for (const [id, data] of record.userData) {
        calls.push(data === null ? this.dropUserData(id) : this.updateUserData(id, data));
      }
    }
    if (store.chatData) {
      for (const [id, data] of record.chatData) {
        calls.push(data === null ? this.dropChatData(id) : this.updateChatData(id, data));
      }
    }
    if (store.botData && record.botData !== undefined) calls.push(this.updateBotData(record.botData));
    if (store.callbackData && record.callbackData !== undefined) {
      calls.push(this.updateCallbackData(record.callbackData));
    }
    for (const [name, key, state] of record.conversations)
      calls.push(this.updateConversation(name, key, state));
    for (const [id, job] of record.jobs) calls.push(this.updateJob(id, job));
    await Promise.all(calls);
  }

  /**
   * The ids of updates already recorded by {@link recordUpdate}: at least the
   * {@link HANDLED_UPDATES_KEPT} most recently recorded (any order). Called once, by
   * `Application.initialize()`, when {@link supportsJournal} is `true`; the application skips an
   * update with one of these ids. The default returns none.
   */
  async getHandledUpdates(): Promise<readonly number[]> {
    return [];
  }
}

/**
 * Something besides the application's own data that keeps state in the persistence: a persistent
 * ConversationHandler, the job queue. The application calls {@link loadPersisted} once in
 * `initialize()` (after `setBot` and after loading its own data) and {@link storePersisted}
 * whenever it writes its own changed data (on the interval, at stop, at shutdown); a rejection of
 * either goes to the error handlers (in `initialize()`, it rejects `initialize()`).
 *
 * Participants are the application's job queue and every handler added with `persistent === true`,
 * when they have both methods (`isPersistenceParticipant`). Such a handler must be added before
 * `initialize()`, to an application that has a persistence.
 *
 * @example
 * ```ts
 * class VisitCounter extends BaseHandler<Update> {
 *   readonly persistent = true;
 *   count = 0;
 *   async loadPersisted(p: BasePersistence<unknown, unknown, unknown>) {
 *     this.count = Number((await p.getConversations('visits')).get('total') ?? 0);
 *   }
 *   async storePersisted(p: BasePersistence<unknown, unknown, unknown>) {
 *     await p.updateConversation('visits', 'total', this.count);
 *   }
 * }
 * ```
 */
export interface PersistenceParticipant {
  /** Reads this participant's state from `persistence`; called once, during `Application.initialize()`. */
  loadPersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void>;
  /** Writes what changed since the last call. */
  storePersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void>;
}
