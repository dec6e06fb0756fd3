/**
 * The application's side of a journaling persistence: which data each update's handlers used
 * (followed through the update's asynchronous work), the record stored once the update was
 * handled, and the ids already recorded, which the application skips when Telegram delivers
 * them again after a crash.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BasePersistence,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  type PersistedCallbackData,
  type PersistedJob,
  type PersistenceParticipant,
  type UpdateRecord,
} from './base.js';
import { persistenceCopy } from './copy.js';

/** What one update's handlers used or dropped, and the conversation states they set. */
export class UsedData {
  readonly users = new Set<number>();
  readonly chats = new Set<number>();
  readonly droppedUsers = new Set<number>();
  readonly droppedChats = new Set<number>();
  readonly conversations: [name: string, key: ConversationKey, state: ConversationState | null][] = [];
  bot = false;
}

/** The data of the update whose handlers are running, followed through their asynchronous work. */
const current = new AsyncLocalStorage<UsedData>();

/**
 * Notes a persistent conversation's new state (`null`: ended) for the record of the update being
 * handled; does nothing outside an update or without a journaling persistence. Persistent
 * ConversationHandlers call it, so that an update's record holds exactly the states it set.
 *
 * @example
 * ```ts
 * noteConversationState('signup', '[42,42]', 'AGE');
 * ```
 */
export function noteConversationState(
  name: string,
  key: ConversationKey,
  state: ConversationState | null,
): void {
  current.getStore()?.conversations.push([name, key, state]);
}

/** What {@link UpdateJournal} needs of the application. */
export interface JournalHost<UD, CD, BD> {
  userData(id: number): UD | undefined;
  chatData(id: number): CD | undefined;
  botData(): BD;
  /**
   * The participants whose changes go into every record (the job queue): what they changed since
   * the last record or write. Persistent conversations note their states themselves instead.
   */
  participants(): readonly PersistenceParticipant[];
  /** The arbitrary callback data cache when it changed since the last record or write, else `undefined`. */
  changedCallbackData(): PersistedCallbackData | undefined;
}

/**
 * Takes what participants (persistent conversations, the job queue) write, for one record,
 * instead of storing it: reads go to the real persistence, writes are collected.
 */
class ChangeCollector extends BasePersistence<unknown, unknown, unknown> {
  readonly #target: BasePersistence<unknown, unknown, unknown>;
  readonly conversations: [string, ConversationKey, ConversationState | null][] = [];
  readonly jobs = new Map<string, PersistedJob | null>();
  readonly users = new Map<number, unknown>();
  readonly chats = new Map<number, unknown>();
  botData: unknown;
  callbackData: PersistedCallbackData | undefined;

  constructor(target: BasePersistence<unknown, unknown, unknown>) {
    super({ storeData: target.storeData, updateInterval: target.updateInterval });
    this.#target = target;
  }

  getUserData(): Promise<Map<number, unknown>> {
    return this.#target.getUserData();
  }
  getChatData(): Promise<Map<number, unknown>> {
    return this.#target.getChatData();
  }
  getBotData(): Promise<unknown> {
    return this.#target.getBotData();
  }
  getCallbackData(): Promise<PersistedCallbackData | null> {
    return this.#target.getCallbackData();
  }
  getConversations(name: string): Promise<ConversationDict> {
    return this.#target.getConversations(name);
  }
  getJobs(): Promise<Map<string, PersistedJob>> {
    return this.#target.getJobs();
  }
  async updateConversation(name: string, key: ConversationKey, state: ConversationState | null) {
    this.conversations.push([name, key, state]);
  }
  async updateUserData(userId: number, data: unknown) {
    this.users.set(userId, data);
  }
  async updateChatData(chatId: number, data: unknown) {
    this.chats.set(chatId, data);
  }
  async updateBotData(data: unknown) {
    this.botData = data;
  }
  async updateCallbackData(data: PersistedCallbackData) {
    this.callbackData = data;
  }
  async dropUserData(userId: number) {
    this.users.set(userId, null);
  }
  async dropChatData(chatId: number) {
    this.chats.set(chatId, null);
  }
  async updateJob(id: string, job: PersistedJob | null) {
    this.jobs.set(id, job);
  }
  /** Nothing to write: the collected changes go into the record. */
  async flush(): Promise<void> {}
}

/**
 * One application's journal bookkeeping, for a persistence whose `supportsJournal` is `true`.
 *
 * @example
 * ```ts
 * const used = new UsedData();
 * await journal.track(used, () => runHandlers(update));
 * await journal.record(update.updateId, used);
 * ```
 */
export class UpdateJournal<UD, CD, BD> {
  readonly persistence: BasePersistence<UD, CD, BD>;
  readonly #host: JournalHost<UD, CD, BD>;
  /** Ids recorded before this run: Telegram may deliver them again once. */
  readonly #handled = new Set<number>();

  constructor(persistence: BasePersistence<UD, CD, BD>, host: JournalHost<UD, CD, BD>) {
    this.persistence = persistence;
    this.#host = host;
  }

  /** Reads the ids already recorded (at initialize). */
  async load(): Promise<void> {
    this.#handled.clear();
    for (const id of await this.persistence.getHandledUpdates()) this.#handled.add(id);
  }

  /** Whether the update was recorded before this run; each id answers `true` once. */
  takeHandled(updateId: number): boolean {
    return this.#handled.delete(updateId);
  }

  /** Runs `work` (an update's handlers) so that the data it uses is noted in `used`. */
  track<T>(used: UsedData, work: () => Promise<T>): Promise<T> {
    return current.run(used, work);
  }

  /** The data the update being handled (if any) uses; `undefined` outside an update. */
  get used(): UsedData | undefined {
    return current.getStore();
  }

  /**
   * Stores the update id with copies of the data its handlers used and the participants'
   * changes, as one record. The copies are taken before the first `await`.
   */
  async record(updateId: number, used: UsedData): Promise<void> {
    const p = this.persistence;
    const store = p.storeData;
    const host = this.#host;
    const userData: [number, UD | null][] = [];
    const chatData: [number, CD | null][] = [];
    if (store.userData) {
      for (const id of used.droppedUsers) if (!used.users.has(id)) userData.push([id, null]);
      for (const id of used.users) {
        const data = host.userData(id);
        userData.push([id, data === undefined ? null : persistenceCopy(data)]);
      }
    }
    if (store.chatData) {
      for (const id of used.droppedChats) if (!used.chats.has(id)) chatData.push([id, null]);
      for (const id of used.chats) {
        const data = host.chatData(id);
        chatData.push([id, data === undefined ? null : persistenceCopy(data)]);
      }
    }
    const botData = store.botData && used.bot ? persistenceCopy(host.botData()) : undefined;
    const collector = new ChangeCollector(p as BasePersistence<unknown, unknown, unknown>);
    for (const participant of host.participants()) await participant.storePersisted(collector);
    const record: UpdateRecord<UD, CD, BD> = {
      updateId,
      userData,
      chatData,
      botData,
      callbackData: store.callbackData ? (host.changedCallbackData() ?? collector.callbackData) : undefined,
      conversations: [...used.conversations, ...collector.conversations],
      jobs: [...collector.jobs],
    };
    try {
      await p.recordUpdate(record);
    } catch (error) {
      // The participants handed their changes over already: store them the ordinary way, so
      // that the next write still has them, then report the failed record.
      await BasePersistence.prototype.recordUpdate.call(p, record).catch(() => undefined);
      throw error;
    }
  }
}
