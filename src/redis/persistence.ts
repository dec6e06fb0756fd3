/**
 * A persistence on Redis for a bot that runs as several processes: a hash per kind of data, one
 * field per user, chat, conversation and job, with a version per field so that a write based on
 * data another process has changed since is refused instead of overwriting that change.
 */
import {
  assertConversationState,
  assertRecordedUpdateId,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  HANDLED_UPDATES_KEPT,
  isConversationState,
  type PersistedCallbackData,
  type PersistedJob,
  type UpdateRecord,
} from '../ext/persistence/base.js';
import {
  EncodingPersistence,
  type EncodingPersistenceOptions,
} from '../ext/persistence/encoding-persistence.js';
import { DEFAULT_REDIS_URL, openRedis, type Redis, type RedisConnection } from './connection.js';
import { type EntryWrite, writeEntries } from './persistence-script.js';

/** Options of {@link RedisPersistence}. */
export interface RedisPersistenceOptions extends EncodingPersistenceOptions {
  /**
   * The Redis server: an ioredis client you made (RedisPersistence never closes it), a
   * `redis://` URL or ioredis options (RedisPersistence opens the client and {@link
   * RedisPersistence.close} closes it). Default `redis://127.0.0.1:6379`.
   */
  readonly redis?: RedisConnection | undefined;
  /** Put before every key, so several bots can share one Redis; default `'ttb:'`. */
  readonly prefix?: string | undefined;
}

/**
 * A write refused because another process changed the entry after this process last read it.
 * Nothing of the refused write was stored. For user, chat and bot data the application reads the
 * stored value again before the next update that uses it (`refresh*`), so that update works on
 * the other process's change; a conversation state, job or callback data cache written after the
 * refusal replaces the stored one.
 */
export class RedisPersistenceConflictError extends Error {
  /** The entry, e.g. `userData[42]` or `conversations["talk"][[5,42]]`. */
  readonly entry: string;
  /** The version this process based its write on. */
  readonly baseVersion: number;
  /** The version stored in Redis. */
  readonly storedVersion: number;

  constructor(entry: string, baseVersion: number, storedVersion: number) {
    super(
      `RedisPersistence: ${entry} was changed by another process (stored version ${storedVersion}, ` +
        `this process last saw version ${baseVersion}), so this change was not written. Let one ` +
        'process handle each chat (the Redis update workers do), or re-read the data before changing it.',
    );
    this.name = 'RedisPersistenceConflictError';
    this.entry = entry;
    this.baseVersion = baseVersion;
    this.storedVersion = storedVersion;
  }
}

const OWNER = 'RedisPersistence';

/** What a kind of entry is called in errors, and whether the application refreshes it. */
type Kind = 'user' | 'chat' | 'bot' | 'callback' | 'job' | `conv:${string}`;

interface Known {
  /** The stored version this process last read or wrote (0: never stored). */
  version: number;
  /** The encoded value at that version; `null` when absent. */
  text: string | null;
}

interface Pending {
  readonly kind: Kind;
  readonly field: string;
  readonly where: string;
  value: string | null;
  readonly waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/** Replaces the contents of `target` with those of `source`, keeping `target` the same object. */
function replaceInPlace(target: unknown, source: unknown): void {
  if (target instanceof Map) {
    target.clear();
    if (source instanceof Map) for (const [k, v] of source) target.set(k, v);
    return;
  }
  if (typeof target !== 'object' || target === null) return;
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  if (typeof source === 'object' && source !== null) Object.assign(target, source);
}

/**
 * Stores everything in Redis (through the optional peer dependency ioredis:
 * `npm install ioredis@6`), for a bot that runs as several processes or restarts on another
 * machine. It keeps the same values as `SqlitePersistence` (Maps, Sets, Dates, BigInts, Bot API
 * objects, your registered classes).
 *
 * Layout under the prefix: a hash per kind (`d:user`, `d:chat`, `d:bot`, `d:callback`, `d:job`,
 * `d:conv:NAME`) with a field per entry, a hash of versions beside each (`v:user`, ...), and the
 * handled update ids (`handled`). The `update*` and `drop*` calls made in one turn of the event
 * loop go to Redis as one atomic script call; an entry whose value did not change is not written.
 *
 * Every entry has a version. A write carries the version this process last read or wrote, and is
 * refused with a {@link RedisPersistenceConflictError} when another process changed the entry
 * since (a last-writer-wins store would silently lose that change). Before an update's handlers
 * run, the application refreshes the update's user and chat data and the bot data from Redis
 * (only when their version moved on), so a process works on what others stored. It journals
 * handled updates ({@link supportsJournal}): each `recordUpdate` is one atomic call holding the
 * update's changes and its id, all written or (on a conflict) none.
 *
 * @example
 * ```ts
 * const persistence = new RedisPersistence({ redis: 'redis://127.0.0.1:6379', prefix: 'mybot:' });
 * const app = Application.builder().token(process.env.BOT_TOKEN!).persistence(persistence).build();
 * // ... after app.shutdown():
 * await persistence.close();
 * ```
 */
export class RedisPersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> extends EncodingPersistence<UD, CD, BD> {
  /** The key prefix. */
  readonly prefix: string;
  /** The ioredis client in use. */
  readonly client: Redis;
  readonly #owned: boolean;
  readonly #known = new Map<string, Known>();
  #pending = new Map<string, Pending>();
  #scheduled: Promise<void> | undefined;
  /** The writes in flight, one after another, so each batch's versions build on the one before. */
  #writing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: RedisPersistenceOptions = {}) {
    super(options, OWNER);
    const prefix = options.prefix ?? 'ttb:';
    if (typeof prefix !== 'string') {
      throw new TypeError(`RedisPersistence: prefix must be a string, e.g. 'mybot:', got ${typeof prefix}`);
    }
    this.prefix = prefix;
    const { client, owned } = openRedis(options.redis ?? DEFAULT_REDIS_URL);
    this.client = client;
    this.#owned = owned;
  }

  #dataKey(kind: Kind): string {
    return `${this.prefix}d:${kind}`;
  }

  #versionKey(kind: Kind): string {
    return `${this.prefix}v:${kind}`;
  }

  #open(): void {
    if (this.#closed) throw new Error('RedisPersistence: it was closed; make a new RedisPersistence');
  }

  #decode(text: string, where: string): unknown {
    try {
      return this.decodeText(text, where);
    } catch (error) {
      throw new Error(`RedisPersistence: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Reads a whole kind (values and versions, one MULTI) after the writes queued before it. */
  async #readKind(kind: Kind): Promise<Map<string, string>> {
    this.#open();
    await this.#drain();
    const replies = await this.client
      .multi()
      .hgetall(this.#dataKey(kind))
      .hgetall(this.#versionKey(kind))
      .exec();
    const values = (replies?.[0]?.[1] ?? {}) as Record<string, string>;
    const versions = (replies?.[1]?.[1] ?? {}) as Record<string, string>;
    for (const [field, version] of Object.entries(versions)) {
      this.#known.set(`${kind}\u0000${field}`, { version: Number(version), text: values[field] ?? null });
    }
    return new Map(Object.entries(values));
  }

  async getUserData(): Promise<Map<number, UD>> {
    const out = new Map<number, UD>();
    for (const [id, text] of await this.#readKind('user')) {
      out.set(Number(id), this.#decode(text, `userData[${id}]`) as UD);
    }
    return out;
  }

  async getChatData(): Promise<Map<number, CD>> {
    const out = new Map<number, CD>();
    for (const [id, text] of await this.#readKind('chat')) {
      out.set(Number(id), this.#decode(text, `chatData[${id}]`) as CD);
    }
    return out;
  }

  async getBotData(): Promise<BD | undefined> {
    const text = (await this.#readKind('bot')).get('bot');
    return text === undefined ? undefined : (this.#decode(text, 'botData') as BD);
  }

  async getCallbackData(): Promise<PersistedCallbackData | null> {
    const text = (await this.#readKind('callback')).get('data');
    return text === undefined ? null : (this.#decode(text, 'callbackData') as PersistedCallbackData);
  }

  async getConversations(name: string): Promise<ConversationDict> {
    const out: ConversationDict = new Map();
    for (const [key, text] of await this.#readKind(`conv:${name}`)) {
      const state = JSON.parse(text) as unknown;
      if (!isConversationState(state)) {
        throw new Error(
          `RedisPersistence: the state of conversation ${JSON.stringify(name)} ${key} is not a string or number`,
        );
      }
      out.set(key, state);
    }
    return out;
  }

  async getJobs(): Promise<Map<string, PersistedJob>> {
    const out = new Map<string, PersistedJob>();
    for (const [id, text] of await this.#readKind('job')) {
      out.set(id, this.#decode(text, `jobs[${JSON.stringify(id)}]`) as PersistedJob);
    }
    return out;
  }

  /** Queues an entry's write; it goes out with every write queued in the same turn of the event loop. */
  #queue(kind: Kind, field: string, where: string, value: string | null): Promise<void> {
    this.#open();
    const id = `${kind}\u0000${field}`;
    const queued = this.#pending.get(id);
    if (queued !== undefined) {
      queued.value = value;
    } else {
      const known = this.#known.get(id);
      // Unchanged since this process read or wrote it: nothing to write. (An entry it never saw is
      // written, removals too: another process may have stored it, and then the write is refused.)
      if (known !== undefined && known.text === value) return Promise.resolve();
    }
    const promise = new Promise<void>((resolve, reject) => {
      const entry = queued ?? { kind, field, where, value, waiters: [] };
      entry.waiters.push({ resolve, reject });
      if (queued === undefined) this.#pending.set(id, entry);
    });
    this.#scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#drain());
    return promise;
  }

  #entryWrite(entry: { kind: Kind; field: string; value: string | null }): EntryWrite {
    const known = this.#known.get(`${entry.kind}\u0000${entry.field}`);
    return {
      dataKey: this.#dataKey(entry.kind),
      versionKey: this.#versionKey(entry.kind),
      field: entry.field,
      base: known?.version ?? 0,
      value: entry.value,
    };
  }

  #learn(kind: Kind, field: string, version: number, text: string | null): void {
    this.#known.set(`${kind}\u0000${field}`, { version, text });
  }

  /**
   * After a refusal: user, chat and bot data keep the old version, so the next refresh reads the
   * stored value; the other kinds take the stored version, so a later write of theirs goes in.
   */
  #afterConflict(kind: Kind, field: string, stored: number): void {
    if (kind === 'user' || kind === 'chat' || kind === 'bot') return;
    const known = this.#known.get(`${kind}\u0000${field}`);
    this.#known.set(`${kind}\u0000${field}`, { version: stored, text: known?.text ?? null });
  }

  /**
   * Writes every queued entry. Entries another process changed are refused (their callers get a
   * {@link RedisPersistenceConflictError}); the others are written in a retry without them.
   */
  #drain(): Promise<void> {
    return this.#serial(() => this.#writeQueued());
  }

  /** Runs `step` after every write started before it. */
  #serial<T>(step: () => Promise<T>): Promise<T> {
    const result = this.#writing.then(step);
    this.#writing = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  async #writeQueued(): Promise<void> {
    this.#scheduled = undefined;
    let batch = [...this.#pending.values()];
    this.#pending = new Map();
    while (batch.length > 0) {
      let outcome: Awaited<ReturnType<typeof writeEntries>>;
      try {
        outcome = await writeEntries(
          this.client,
          batch.map((entry) => this.#entryWrite(entry)),
        );
      } catch (error) {
        const wrapped = new Error(`RedisPersistence: writing failed: ${(error as Error).message}`, {
          cause: error,
        });
        for (const entry of batch) for (const waiter of entry.waiters) waiter.reject(wrapped);
        return;
      }
      if (outcome.ok) {
        batch.forEach((entry, i) => {
          this.#learn(entry.kind, entry.field, outcome.versions[i] as number, entry.value);
          for (const waiter of entry.waiters) waiter.resolve();
        });
        return;
      }
      const refused = new Set<number>();
      for (const [index, stored] of outcome.stale) {
        const entry = batch[index] as Pending;
        refused.add(index);
        const base = this.#entryWrite(entry).base;
        this.#afterConflict(entry.kind, entry.field, stored);
        const error = new RedisPersistenceConflictError(entry.where, base, stored);
        for (const waiter of entry.waiters) waiter.reject(error);
      }
      batch = batch.filter((_, i) => !refused.has(i));
    }
  }

  async updateUserData(userId: number, data: UD): Promise<void> {
    const where = `userData[${userId}]`;
    return this.#queue('user', String(userId), where, this.encodeText(data, where));
  }

  async updateChatData(chatId: number, data: CD): Promise<void> {
    const where = `chatData[${chatId}]`;
    return this.#queue('chat', String(chatId), where, this.encodeText(data, where));
  }

  async updateBotData(data: BD): Promise<void> {
    return this.#queue('bot', 'bot', 'botData', this.encodeText(data, 'botData'));
  }

  async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    return this.#queue('callback', 'data', 'callbackData', this.encodeText(data, 'callbackData'));
  }

  async dropUserData(userId: number): Promise<void> {
    return this.#queue('user', String(userId), `userData[${userId}]`, null);
  }

  async dropChatData(chatId: number): Promise<void> {
    return this.#queue('chat', String(chatId), `chatData[${chatId}]`, null);
  }

  #conversationValue(state: ConversationState | null): string | null {
    if (state === null) return null;
    assertConversationState(state, OWNER);
    return JSON.stringify(state);
  }

  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    const where = `conversations[${JSON.stringify(name)}][${key}]`;
    return this.#queue(`conv:${name}`, key, where, this.#conversationValue(state));
  }

  async updateJob(id: string, job: PersistedJob | null): Promise<void> {
    const where = `jobs[${JSON.stringify(id)}]`;
    return this.#queue('job', id, where, job === null ? null : this.encodeText(job, where));
  }

  /** Takes in what another process stored for one entry, when its version moved on. */
  async #refresh(kind: 'user' | 'chat' | 'bot', field: string, where: string, data: unknown): Promise<void> {
    this.#open();
    const replies = await this.client
      .multi()
      .hget(this.#dataKey(kind), field)
      .hget(this.#versionKey(kind), field)
      .exec();
    const text = (replies?.[0]?.[1] ?? null) as string | null;
    const version = Number(replies?.[1]?.[1] ?? 0);
    const known = this.#known.get(`${kind}\u0000${field}`);
    if ((known?.version ?? 0) === version) return;
    replaceInPlace(data, text === null ? undefined : this.#decode(text, where));
    this.#learn(kind, field, version, text);
  }

  /** Replaces `data` in place with the stored user data when another process changed it. */
  override async refreshUserData(userId: number, data: UD): Promise<void> {
    await this.#refresh('user', String(userId), `userData[${userId}]`, data);
  }

  /** As {@link refreshUserData}, for a chat. */
  override async refreshChatData(chatId: number, data: CD): Promise<void> {
    await this.#refresh('chat', String(chatId), `chatData[${chatId}]`, data);
  }

  /** As {@link refreshUserData}, for the bot data. */
  override async refreshBotData(data: BD): Promise<void> {
    await this.#refresh('bot', 'bot', 'botData', data);
  }

  /** `true`: each {@link recordUpdate} is one atomic script call with the update's id. */
  override get supportsJournal(): boolean {
    return true;
  }

  /**
   * Stores an update's changes and its id in one atomic call, after the writes still queued. When
   * another process changed one of its entries, nothing of it is stored and it rejects with a
   * {@link RedisPersistenceConflictError}.
   */
  override async recordUpdate(record: UpdateRecord<UD, CD, BD>): Promise<void> {
    this.#open();
    assertRecordedUpdateId(record.updateId, OWNER);
    const store = this.storeData;
    const entries = new Map<string, { kind: Kind; field: string; where: string; value: string | null }>();
    const add = (kind: Kind, field: string, where: string, value: string | null): void => {
      const id = `${kind}\u0000${field}`;
      entries.delete(id);
      const known = this.#known.get(id);
      if (known !== undefined && known.text === value) return;
      entries.set(id, { kind, field, where, value });
    };
    if (store.userData) {
      for (const [id, data] of record.userData) {
        const where = `userData[${id}]`;
        add('user', String(id), where, data === null ? null : this.encodeText(data, where));
      }
    }
    if (store.chatData) {
      for (const [id, data] of record.chatData) {
        const where = `chatData[${id}]`;
        add('chat', String(id), where, data === null ? null : this.encodeText(data, where));
      }
    }
    if (store.botData && record.botData !== undefined) {
      add('bot', 'bot', 'botData', this.encodeText(record.botData, 'botData'));
    }
    if (store.callbackData && record.callbackData !== undefined) {
      add('callback', 'data', 'callbackData', this.encodeText(record.callbackData, 'callbackData'));
    }
    for (const [name, key, state] of record.conversations) {
      add(
        `conv:${name}`,
        key,
        `conversations[${JSON.stringify(name)}][${key}]`,
        this.#conversationValue(state),
      );
    }
    for (const [id, job] of record.jobs) {
      const where = `jobs[${JSON.stringify(id)}]`;
      add('job', id, where, job === null ? null : this.encodeText(job, where));
    }
    await this.#drain();
    const batch = [...entries.values()];
    const outcome = await this.#serial(() =>
      writeEntries(
        this.client,
        batch.map((entry) => this.#entryWrite(entry)),
        { key: `${this.prefix}handled`, updateId: record.updateId, keep: 2 * HANDLED_UPDATES_KEPT },
      ),
    );
    if (outcome.ok) {
      batch.forEach((entry, i) => {
        this.#learn(entry.kind, entry.field, outcome.versions[i] as number, entry.value);
      });
      return;
    }
    const [index, stored] = outcome.stale[0] as readonly [number, number];
    const entry = batch[index] as (typeof batch)[number];
    const base = this.#entryWrite(entry).base;
    for (const [i, version] of outcome.stale) {
      const each = batch[i] as (typeof batch)[number];
      this.#afterConflict(each.kind, each.field, version);
    }
    throw new RedisPersistenceConflictError(entry.where, base, stored);
  }

  /** The recorded update ids, the newest {@link HANDLED_UPDATES_KEPT} twice over at most. */
  override async getHandledUpdates(): Promise<readonly number[]> {
    this.#open();
    const ids = await this.client.zrange(`${this.prefix}handled`, 0, -1);
    return ids.map(Number);
  }

  /** Writes every queued entry now. */
  async flush(): Promise<void> {
    this.#open();
    await this.#drain();
  }

  /**
   * Writes what is queued and closes the client RedisPersistence opened (a client it was given
   * stays open); later calls fail. The application does not call this: call it after
   * `app.shutdown()`, e.g. in `postShutdown` (which `runPolling` and `runWebhook` call).
   *
   * @example
   * ```ts
   * builder.persistence(persistence).postShutdown(() => persistence.close());
   * ```
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#drain();
    this.#closed = true;
    if (this.#owned) await this.client.quit();
  }
}
