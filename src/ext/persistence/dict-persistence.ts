/**
 * A persistence held in memory and exchanged as JSON strings (PTB's `DictPersistence`): start it
 * from JSON you stored elsewhere (a database column, an environment variable) and read the JSON
 * back from its getters.
 */
import {
  assertConversationState,
  BasePersistence,
  type BasePersistenceOptions,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  HANDLED_UPDATES_KEPT,
  type PersistedCallbackData,
  type PersistedJob,
  type UpdateRecord,
} from './base.js';
import { persistenceCopy } from './copy.js';
import {
  assertJsonData,
  callbackDataFromJson,
  conversationsFromJson,
  idMapFromJson,
  jobsFromJson,
  parseJsonOption,
} from './json-data.js';

/** Options of {@link DictPersistence}: each `*Json` is the JSON its getter gave earlier. */
export interface DictPersistenceOptions extends BasePersistenceOptions {
  /** `{"<user id>": userData, ...}` */
  readonly userDataJson?: string | undefined;
  /** `{"<chat id>": chatData, ...}` */
  readonly chatDataJson?: string | undefined;
  /** The bot data. */
  readonly botDataJson?: string | undefined;
  /** `{"<handler name>": {"<conversation key>": state, ...}, ...}` */
  readonly conversationsJson?: string | undefined;
  /** The callback data cache: `{"keyboards": [...], "queries": {...}}` or `null`. */
  readonly callbackDataJson?: string | undefined;
  /** `{"<job id>": job, ...}` */
  readonly jobsJson?: string | undefined;
  /** `[update_id, ...]`: the ids recorded as handled, as {@link DictPersistence.handledUpdatesJson} gave them. */
  readonly handledUpdatesJson?: string | undefined;
  /**
   * Whether the application records every handled update here (`recordUpdate`) and skips ids
   * recorded before; default `true`. `false` keeps the interval writes only.
   */
  readonly journal?: boolean | undefined;
}

const OWNER = 'DictPersistence';

/**
 * Keeps everything in memory as JSON data; the getters ({@link userDataJson}, ...) give it back as
 * JSON text. Stores JSON data only (plain objects, arrays, strings, finite numbers, booleans,
 * null): anything else is refused with a TypeError when it is written (and reaches the
 * application's error handlers); use {@link FilePersistence} for Maps, Dates and classes.
 *
 * @example
 * ```ts
 * const persistence = new DictPersistence({ userDataJson: await db.load('user_data') });
 * const app = Application.builder().token(token).persistence(persistence).build();
 * // ... later, e.g. in postShutdown:
 * await db.save('user_data', persistence.userDataJson);
 * ```
 */
export class DictPersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> extends BasePersistence<UD, CD, BD> {
  readonly #userData: Map<number, UD>;
  readonly #chatData: Map<number, CD>;
  #botData: BD | undefined;
  readonly #conversations: Map<string, ConversationDict>;
  #callbackData: PersistedCallbackData | null;
  readonly #jobs: Map<string, PersistedJob>;
  readonly #journal: boolean;
  /** The ids recorded by recordUpdate, oldest first, at most twice HANDLED_UPDATES_KEPT long. */
  #handled: number[];

  constructor(options: DictPersistenceOptions = {}) {
    super(options);
    const parse = (text: string | undefined, option: string): unknown =>
      text === undefined ? undefined : parseJsonOption(text, option, OWNER);
    const users = parse(options.userDataJson, 'userDataJson');
    this.#userData = users === undefined ? new Map() : idMapFromJson<UD>(users, 'userDataJson', OWNER);
    const chats = parse(options.chatDataJson, 'chatDataJson');
    this.#chatData = chats === undefined ? new Map() : idMapFromJson<CD>(chats, 'chatDataJson', OWNER);
    this.#botData = parse(options.botDataJson, 'botDataJson') as BD | undefined;
    const conversations = parse(options.conversationsJson, 'conversationsJson');
    this.#conversations =
      conversations === undefined
        ? new Map()
        : conversationsFromJson(conversations, 'conversationsJson', OWNER);
    const callbackData = parse(options.callbackDataJson, 'callbackDataJson');
    this.#callbackData =
      callbackData === undefined ? null : callbackDataFromJson(callbackData, 'callbackDataJson', OWNER);
    const jobs = parse(options.jobsJson, 'jobsJson');
    this.#jobs = jobs === undefined ? new Map() : jobsFromJson(jobs, 'jobsJson', OWNER);
    this.#journal = options.journal ?? true;
    const handled = parse(options.handledUpdatesJson, 'handledUpdatesJson');
    if (handled !== undefined && !(Array.isArray(handled) && handled.every(Number.isSafeInteger))) {
      throw new TypeError(
        `${OWNER}: handledUpdatesJson must be a JSON array of update ids, e.g. "[1001,1002]"`,
      );
    }
    this.#handled = handled === undefined ? [] : [...(handled as number[])];
  }

  /** The ids of the updates recorded as handled, as JSON (`[update_id, ...]`). */
  get handledUpdatesJson(): string {
    return JSON.stringify(this.#handled.slice(-HANDLED_UPDATES_KEPT));
  }

  /** The user data as JSON: `{"<user id>": data, ...}`. */
  get userDataJson(): string {
    return JSON.stringify(Object.fromEntries(this.#userData));
  }

  /** The chat data as JSON: `{"<chat id>": data, ...}`. */
  get chatDataJson(): string {
    return JSON.stringify(Object.fromEntries(this.#chatData));
  }

  /** The bot data as JSON (`{}` when none was stored). */
  get botDataJson(): string {
    return JSON.stringify(this.#botData ?? {});
  }

  /** The conversations as JSON: `{"<handler name>": {"<key>": state, ...}, ...}`. */
  get conversationsJson(): string {
    const out: Record<string, Record<string, ConversationState>> = {};
    for (const [name, dict] of this.#conversations) out[name] = Object.fromEntries(dict);
    return JSON.stringify(out);
  }

  /** The callback data cache as JSON (`null` when none was stored). */
  get callbackDataJson(): string {
    return JSON.stringify(this.#callbackData);
  }

  /** The persistent jobs as JSON: `{"<job id>": job, ...}`. */
  get jobsJson(): string {
    return JSON.stringify(Object.fromEntries(this.#jobs));
  }

  async getUserData(): Promise<Map<number, UD>> {
    return persistenceCopy(this.#userData);
  }

  async getChatData(): Promise<Map<number, CD>> {
    return persistenceCopy(this.#chatData);
  }

  async getBotData(): Promise<BD | undefined> {
    return persistenceCopy(this.#botData);
  }

  async getCallbackData(): Promise<PersistedCallbackData | null> {
    return persistenceCopy(this.#callbackData);
  }

  async getConversations(name: string): Promise<ConversationDict> {
    return new Map(this.#conversations.get(name));
  }

  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    let dict = this.#conversations.get(name);
    if (state === null) {
      dict?.delete(key);
      return;
    }
    assertConversationState(state, OWNER);
    if (dict === undefined) {
      dict = new Map();
      this.#conversations.set(name, dict);
    }
    dict.set(key, state);
  }

  async updateUserData(userId: number, data: UD): Promise<void> {
    assertJsonData(data, `userData[${userId}]`, OWNER);
    this.#userData.set(userId, persistenceCopy(data));
  }

  async updateChatData(chatId: number, data: CD): Promise<void> {
    assertJsonData(data, `chatData[${chatId}]`, OWNER);
    this.#chatData.set(chatId, persistenceCopy(data));
  }

  async updateBotData(data: BD): Promise<void> {
    assertJsonData(data, 'botData', OWNER);
    this.#botData = persistenceCopy(data);
  }

  async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    assertJsonData(data, 'callbackData', OWNER);
    this.#callbackData = persistenceCopy(data);
  }

  async dropUserData(userId: number): Promise<void> {
    this.#userData.delete(userId);
  }

  async dropChatData(chatId: number): Promise<void> {
    this.#chatData.delete(chatId);
  }

  async getJobs(): Promise<Map<string, PersistedJob>> {
    return persistenceCopy(this.#jobs);
  }

  async updateJob(id: string, job: PersistedJob | null): Promise<void> {
    if (job === null) {
      this.#jobs.delete(id);
      return;
    }
    assertJsonData(job, `jobs[${JSON.stringify(id)}]`, OWNER);
    this.#jobs.set(id, persistenceCopy(job));
  }

  /** Nothing to write: everything is in memory. */
  async flush(): Promise<void> {}

  /** `true` unless built with `journal: false`: the application records each update here. */
  override get supportsJournal(): boolean {
    return this.#journal;
  }

  /**
   * Stores the record's changes and its update id in one step: everything is checked first, so a
   * record with data JSON cannot hold changes nothing.
   */
  override async recordUpdate(record: UpdateRecord<UD, CD, BD>): Promise<void> {
    const store = this.storeData;
    const users = store.userData ? record.userData : [];
    const chats = store.chatData ? record.chatData : [];
    const bot = store.botData ? record.botData : undefined;
    const callbackData = store.callbackData ? record.callbackData : undefined;
    for (const [id, data] of users) if (data !== null) assertJsonData(data, `userData[${id}]`, OWNER);
    for (const [id, data] of chats) if (data !== null) assertJsonData(data, `chatData[${id}]`, OWNER);
    if (bot !== undefined) assertJsonData(bot, 'botData', OWNER);
    if (callbackData !== undefined) assertJsonData(callbackData, 'callbackData', OWNER);
    for (const [id, job] of record.jobs)
      if (job !== null) assertJsonData(job, `jobs[${JSON.stringify(id)}]`, OWNER);
    for (const [, , state] of record.conversations) assertConversationState(state, OWNER);
    for (const [id, data] of users) {
      if (data === null) this.#userData.delete(id);
      else this.#userData.set(id, persistenceCopy(data));
    }
    for (const [id, data] of chats) {
      if (data === null) this.#chatData.delete(id);
      else this.#chatData.set(id, persistenceCopy(data));
    }
    if (bot !== undefined) this.#botData = persistenceCopy(bot);
    if (callbackData !== undefined) this.#callbackData = persistenceCopy(callbackData);
    for (const [name, key, state] of record.conversations) {
      let dict = this.#conversations.get(name);
      if (state === null) {
        dict?.delete(key);
        continue;
      }
      if (dict === undefined) {
        dict = new Map();
        this.#conversations.set(name, dict);
      }
      dict.set(key, state);
    }
    for (const [id, job] of record.jobs) {
      if (job === null) this.#jobs.delete(id);
      else this.#jobs.set(id, persistenceCopy(job));
    }
    this.#handled.push(record.updateId);
    if (this.#handled.length > 2 * HANDLED_UPDATES_KEPT)
      this.#handled = this.#handled.slice(-HANDLED_UPDATES_KEPT);
  }

  /** The ids recorded by {@link recordUpdate} (the last {@link HANDLED_UPDATES_KEPT} at least). */
  override async getHandledUpdates(): Promise<readonly number[]> {
    return [...this.#handled];
  }
}
