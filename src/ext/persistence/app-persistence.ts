/**
 * The application's side of persistence (PTB's persistence parts of `Application`): loading at
 * initialize, tracking which chat and user data was used, the periodic writes, drops, migrations
 * and the refresh hooks. The application owns one of these when it has a persistence.
 */
import type { Bot } from '../../bot.js';
import { Update } from '../../generated/types.js';
import type { LazyDataMap } from '../app-data.js';
import type { CallbackDataCache } from '../callback-data/cache.js';
import { BasePersistence, type PersistedCallbackData, type PersistenceParticipant } from './base.js';
import { persistenceCopy } from './copy.js';
import { UpdateJournal, UsedData } from './update-journal.js';

/**
 * Whether `value` keeps state in the persistence: it has `loadPersisted` and `storePersisted`
 * methods. The application asks this of its job queue and of every handler with
 * `persistent === true`.
 *
 * @example
 * ```ts
 * if (isPersistenceParticipant(handler)) await handler.loadPersisted(persistence);
 * ```
 */
export function isPersistenceParticipant(value: unknown): value is PersistenceParticipant {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<PersistenceParticipant>).loadPersisted === 'function' &&
    typeof (value as Partial<PersistenceParticipant>).storePersisted === 'function'
  );
}

/** Whether a handler asks to be a persistence participant (`persistent: true` and the two methods). */
export function isPersistentHandler(handler: unknown): handler is PersistenceParticipant {
  return (
    (handler as { persistent?: unknown } | null)?.persistent === true && isPersistenceParticipant(handler)
  );
}

/** Options of `Application.markDataForUpdatePersistence`: one id or several, of each kind. */
export interface MarkDataOptions {
  readonly chatIds?: number | Iterable<number> | undefined;
  readonly userIds?: number | Iterable<number> | undefined;
}

/** What {@link AppPersistence} needs of the application. */
export interface PersistenceHost<UD, CD, BD> {
  readonly bot: Bot;
  readonly userData: LazyDataMap<UD>;
  readonly chatData: LazyDataMap<CD>;
  getBotData(): BD;
  setBotData(data: BD): void;
  freshBotData(): BD;
  /** The job queue and the persistent handlers, at the time of the call. */
  participants(): readonly PersistenceParticipant[];
  processError(update: unknown, error: unknown): Promise<boolean>;
}

function addIds(target: Set<number>, ids: number | Iterable<number> | undefined, what: string): void {
  if (ids === undefined) return;
  const list = typeof ids === 'number' ? [ids] : ids;
  for (const id of list) {
    if (!Number.isSafeInteger(id)) {
      throw new TypeError(`markDataForUpdatePersistence: ${what} must be integer ids, got ${String(id)}`);
    }
    target.add(id);
  }
}

/** One application's persistence bookkeeping. */
export class AppPersistence<UD, CD, BD> {
  readonly persistence: BasePersistence<UD, CD, BD>;
  /** Chat ids whose data was used (or marked) since the last write. */
  readonly usedChats = new Set<number>();
  /** User ids whose data was used (or marked) since the last write. */
  readonly usedUsers = new Set<number>();
  /** Whether the bot data was read since the last write. */
  botDataUsed = false;
  /**
   * Calls the backend's refresh hooks for an update, or `undefined` when the backend overrides
   * none of them (so the application skips the call on its hot path).
   */
  readonly refresh: ((update: unknown) => Promise<void>) | undefined;
  /** The journal, when the persistence keeps one (`supportsJournal`). */
  readonly journal: UpdateJournal<UD, CD, BD> | undefined;

  readonly #host: PersistenceHost<UD, CD, BD>;
  readonly #droppedChats = new Set<number>();
  readonly #droppedUsers = new Set<number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The write in progress (writes run one after another). */
  #writing: Promise<void> = Promise.resolve();

  constructor(persistence: BasePersistence<UD, CD, BD>, host: PersistenceHost<UD, CD, BD>) {
    if (!(persistence instanceof BasePersistence)) {
      throw new TypeError('persistence must be an instance of a BasePersistence subclass (or null for none)');
    }
    this.persistence = persistence;
    this.#host = host;
    this.refresh = this.#refresher();
    this.journal = persistence.supportsJournal
      ? new UpdateJournal(persistence, {
          userData: (id) => host.userData.view.get(id),
          chatData: (id) => host.chatData.view.get(id),
          botData: () => host.getBotData(),
          participants: () => host.participants().filter((p) => !isPersistentHandler(p)),
          changedCallbackData: () => this.#takeCallbackData(),
        })
      : undefined;
  }

  /** Notes that a chat's data was used (for the next write, and for the update's record). */
  useChat(chatId: number): void {
    this.usedChats.add(chatId);
    this.journal?.used?.chats.add(chatId);
  }

  /** Notes that a user's data was used (for the next write, and for the update's record). */
  useUser(userId: number): void {
    this.usedUsers.add(userId);
    this.journal?.used?.users.add(userId);
  }

  /** Notes that the bot data was used (for the next write, and for the update's record). */
  useBot(): void {
    this.botDataUsed = true;
    const used = this.journal?.used;
    if (used !== undefined) used.bot = true;
  }

  /**
   * Runs an update's handlers (`work`) and records the update in the journal afterwards; without
   * a journal, just runs them. Resolves to `false` without running anything when the update was
   * recorded before this run (Telegram delivered it again after a crash). A failed record
   * rejects (after the handlers ran).
   */
  async handle(updateId: number | undefined, work: () => Promise<void>): Promise<boolean> {
    const journal = this.journal;
    if (journal === undefined || updateId === undefined) {
      await work();
      return true;
    }
    if (journal.takeHandled(updateId)) return false;
    const used = new UsedData();
    await journal.track(used, work);
    await journal.record(updateId, used);
    return true;
  }

  #refresher(): ((update: unknown) => Promise<void>) | undefined {
    const p = this.persistence;
    const base = BasePersistence.prototype;
    const store = p.storeData;
    const user = store.userData && p.refreshUserData !== base.refreshUserData;
    const chat = store.chatData && p.refreshChatData !== base.refreshChatData;
    const bot = store.botData && p.refreshBotData !== base.refreshBotData;
    if (!(user || chat || bot)) return undefined;
    const host = this.#host;
    return async (update) => {
      if (bot) await p.refreshBotData(host.getBotData());
      if (!(update instanceof Update)) return;
      if (chat) {
        const chatId = update.effectiveChat?.id;
        if (chatId !== undefined) {
          this.useChat(chatId);
          await p.refreshChatData(chatId, host.chatData.for(chatId));
        }
      }
      if (user) {
        const userId = update.effectiveUser?.id;
        if (userId !== undefined) {
          this.useUser(userId);
          await p.refreshUserData(userId, host.userData.for(userId));
        }
      }
    };
  }

  /**
   * Sets the bot, reads the stored data into the application and lets every participant load its
   * own. A failure rejects: the application must not run on data it could not read.
   */
  async load(): Promise<void> {
    const p = this.persistence;
    const host = this.#host;
    p.setBot(host.bot);
    if (p.storeData.userData) {
      for (const [id, data] of await p.getUserData()) host.userData.set(id, data);
    }
    if (p.storeData.chatData) {
      for (const [id, data] of await p.getChatData()) host.chatData.set(id, data);
    }
    if (p.storeData.botData) {
      const data = await p.getBotData();
      host.setBotData(data === undefined ? host.freshBotData() : data);
    }
    await this.#loadCallbackData();
    for (const participant of host.participants()) await participant.loadPersisted(p);
    await this.journal?.load();
  }

  /** Starts the periodic writes; the timer does not keep the process alive. */
  startTimer(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      void this.write();
    }, this.persistence.updateInterval * 1000);
    this.#timer.unref();
  }

  stopTimer(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  markData(options: MarkDataOptions): void {
    addIds(this.usedChats, options.chatIds, 'chatIds');
    addIds(this.usedUsers, options.userIds, 'userIds');
  }

  dropChat(chatId: number): void {
    this.journal?.used?.droppedChats.add(chatId);
    this.usedChats.delete(chatId);
    this.#droppedChats.add(chatId);
  }

  dropUser(userId: number): void {
    this.journal?.used?.droppedUsers.add(userId);
    this.usedUsers.delete(userId);
    this.#droppedUsers.add(userId);
  }

  /** After the application moved chat data: the old entry is dropped, the new one written. */
  migrated(from: number, to: number): void {
    this.dropChat(from);
    this.#droppedChats.delete(to);
    this.useChat(to);
  }

  /**
   * Writes what changed since the last write (PTB's `update_persistence`): the used or marked
   * chat and user data, drops, the bot data when it was read, and each participant's state.
   * Writes never overlap; failures go to the error handlers. Never rejects.
   */
  write(): Promise<void> {
    const next = this.#writing
      .then(() => this.#writeOnce())
      .catch((error: unknown) => this.#host.processError(null, error).then(() => undefined));
    this.#writing = next;
    return next;
  }

  async #writeOnce(): Promise<void> {
    const p = this.persistence;
    const host = this.#host;
    const calls: Promise<unknown>[] = [];
    // `run` copies the data and starts the call at once: everything is copied synchronously,
    // before the first await, so handlers running meanwhile cannot tear the snapshot. A copy that
    // throws (a getter in the data, say) fails that entry only.
    const call = (run: () => Promise<unknown>): void => {
      try {
        calls.push(run());
      } catch (error) {
        calls.push(Promise.reject(error));
      }
    };
    if (p.storeData.botData && this.botDataUsed) {
      this.botDataUsed = false;
      call(() => p.updateBotData(persistenceCopy(host.getBotData())));
    }
    if (p.storeData.chatData) {
      for (const id of this.#droppedChats) call(() => p.dropChatData(id));
      for (const id of this.usedChats) {
        const data = host.chatData.view.get(id);
        if (data !== undefined && !this.#droppedChats.has(id))
          call(() => p.updateChatData(id, persistenceCopy(data)));
      }
    }
    this.#droppedChats.clear();
    this.usedChats.clear();
    if (p.storeData.userData) {
      for (const id of this.#droppedUsers) call(() => p.dropUserData(id));
      for (const id of this.usedUsers) {
        const data = host.userData.view.get(id);
        if (data !== undefined && !this.#droppedUsers.has(id))
          call(() => p.updateUserData(id, persistenceCopy(data)));
      }
    }
    this.#droppedUsers.clear();
    this.usedUsers.clear();
    this.#writeCallbackData(call);
    let participants: readonly PersistenceParticipant[] = [];
    call(async () => {
      participants = host.participants();
    });
    for (const participant of participants) call(() => participant.storePersisted(p));
    await this.#report(await Promise.allSettled(calls));
  }

  // --- Arbitrary callback data: the bot's CallbackDataCache, loaded at initialize and written
  // --- whenever it changed since the last write.

  /** The changes counter of the cache at the last write (`-1`: never written). */
  #callbackDataWritten = -1;

  #callbackDataCache(): CallbackDataCache | undefined {
    if (!this.persistence.storeData.callbackData) return undefined;
    return (this.#host.bot as { readonly callbackDataCache?: CallbackDataCache | undefined })
      .callbackDataCache;
  }

  async #loadCallbackData(): Promise<void> {
    const cache = this.#callbackDataCache();
    if (cache === undefined) return;
    const data = await this.persistence.getCallbackData();
    if (data !== null) cache.loadPersistenceData(data);
    this.#callbackDataWritten = cache.changes;
  }

  #writeCallbackData(call: (run: () => Promise<unknown>) => void): void {
    const data = this.#takeCallbackData();
    if (data !== undefined) call(() => this.persistence.updateCallbackData(data));
  }

  /** A copy of the cache when it changed since the last write or journal record (which then has it). */
  #takeCallbackData(): PersistedCallbackData | undefined {
    const cache = this.#callbackDataCache();
    if (cache === undefined || cache.changes === this.#callbackDataWritten) return undefined;
    this.#callbackDataWritten = cache.changes;
    return persistenceCopy(cache.persistenceData);
  }

  // --- End of arbitrary callback data.

  /** Writes what changed, then {@link BasePersistence.flush}; never rejects. */
  async flush(): Promise<void> {
    await this.write();
    try {
      await this.persistence.flush();
    } catch (error) {
      await this.#host.processError(null, error);
    }
  }

  /** Each distinct failure once (a backend that batches rejects several calls with one error). */
  async #report(results: readonly PromiseSettledResult<unknown>[]): Promise<void> {
    const errors = new Set<unknown>();
    for (const result of results) if (result.status === 'rejected') errors.add(result.reason);
    for (const error of errors) await this.#host.processError(null, error);
  }
}
