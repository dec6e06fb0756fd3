/**
 * A persistence in one SQLite database file, through the optional peer dependency better-sqlite3:
 * a row per user, chat, conversation and job, so a write costs what changed rather than the size
 * of everything stored, and a journal of handled updates, one transaction per update.
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
} from './base.js';
import { EncodingPersistence, type EncodingPersistenceOptions } from './encoding-persistence.js';
import { loadBetterSqlite3, type SqliteDatabase, type SqliteStatement } from './sqlite-driver.js';
import { openSchema, type SqliteStatements } from './sqlite-schema.js';

export type { SqliteDatabase, SqliteRunResult, SqliteStatement } from './sqlite-driver.js';

/** Options of {@link SqlitePersistence} besides where the database is. */
export interface SqlitePersistenceCommonOptions extends EncodingPersistenceOptions {
  /**
   * SQLite's sync level: `'full'` (default) syncs the log at every commit, so what a resolved
   * write stored survives a power cut; `'normal'` syncs less often (a crash of the process still
   * loses nothing; a power cut may lose the last commits).
   */
  readonly synchronous?: 'full' | 'normal' | undefined;
}

/** Options of {@link SqlitePersistence}: a `filepath`, or an open better-sqlite3 `database`. */
export type SqlitePersistenceOptions = SqlitePersistenceCommonOptions &
  (
    | {
        /** The database file; created with its tables when missing. */
        readonly filepath: string;
        readonly database?: undefined;
      }
    | {
        /**
         * An open better-sqlite3 `Database` instead of a file path (e.g. one your bot also keeps
         * its own tables in). SqlitePersistence never closes a database it was given.
         */
        readonly database: SqliteDatabase;
        readonly filepath?: undefined;
      }
  );

type Op = readonly [statement: SqliteStatement, params: readonly unknown[]];

interface Batch {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const OWNER = 'SqlitePersistence';
/** Every this many journal records, the journal is cut back to twice {@link HANDLED_UPDATES_KEPT}. */
const PRUNE_EVERY = 100;

/**
 * Stores everything in a SQLite database (with better-sqlite3, an optional dependency:
 * `npm install better-sqlite3@12`), the recommended embedded backend for a bot in production. It
 * keeps the same values as {@link FilePersistence} (Maps, Sets, Dates, BigInts, Bot API objects,
 * your registered classes), one row per user, chat, conversation and job.
 *
 * The database runs in WAL mode. The `update*` and `drop*` calls one application write makes are
 * gathered into one transaction (every call made before the next turn of the event loop), and a
 * row whose value did not change is not written. A database that cannot be read, or holds tables
 * of another program under our names, fails every call with an error naming the file and is left
 * untouched. It journals handled updates ({@link supportsJournal}): each `recordUpdate` is one
 * transaction holding the update's changes and its id.
 *
 * @example
 * ```ts
 * const app = Application.builder()
 *   .token(process.env.BOT_TOKEN!)
 *   .persistence(new SqlitePersistence({ filepath: 'data/bot.sqlite' }))
 *   .build();
 * ```
 */
export class SqlitePersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> extends EncodingPersistence<UD, CD, BD> {
  /** The database file (the given database's `name` with the `database` option). */
  readonly filepath: string;
  readonly synchronous: 'full' | 'normal';

  readonly #given: SqliteDatabase | undefined;
  #db: SqliteDatabase | undefined;
  #statements: SqliteStatements | undefined;
  #openError: Error | undefined;
  #closed = false;
  /** Writes not committed yet, by row (a later write of a row replaces the earlier one). */
  #pending = new Map<string, Op>();
  #batch: Batch | undefined;
  #recorded = 0;

  constructor(options: SqlitePersistenceOptions) {
    super(options, OWNER);
    const hasPath = typeof options?.filepath === 'string' && options.filepath !== '';
    const hasDatabase = options?.database !== undefined;
    if (hasPath === hasDatabase) {
      throw new TypeError(
        hasPath
          ? 'SqlitePersistence takes a filepath or a database, not both'
          : 'SqlitePersistence needs a filepath, e.g. new SqlitePersistence({ filepath: "bot.sqlite" })',
      );
    }
    if (hasDatabase && typeof options.database?.prepare !== 'function') {
      throw new TypeError('SqlitePersistence: database must be an open better-sqlite3 Database');
    }
    const synchronous = options.synchronous ?? 'full';
    if (synchronous !== 'full' && synchronous !== 'normal') {
      throw new TypeError(
        `SqlitePersistence: synchronous must be 'full' or 'normal', got ${String(synchronous)}`,
      );
    }
    this.synchronous = synchronous;
    this.#given = options.database;
    this.filepath = options.database?.name ?? (options.filepath as string);
  }

  /** Opens the database on first use; a failure is kept, so every later call fails alike. */
  #ready(): SqliteStatements {
    if (this.#closed) throw new Error(`SqlitePersistence: ${this.filepath} was closed`);
    if (this.#statements !== undefined) return this.#statements;
    if (this.#openError !== undefined) throw this.#openError;
    let db: SqliteDatabase | undefined = this.#given;
    try {
      if (db === undefined) {
        const Database = loadBetterSqlite3();
        db = new Database(this.filepath);
      }
      this.#statements = openSchema(db, this.synchronous);
      this.#db = db;
      return this.#statements;
    } catch (error) {
      if (db !== undefined && db !== this.#given) db.close();
      const message = (error as Error).message;
      const code = String((error as { code?: unknown }).code);
      const damaged =
        code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
          ? `it is not a SQLite database or it is damaged (${message}); it was left untouched`
          : message;
      this.#openError = message.startsWith('SqlitePersistence')
        ? (error as Error)
        : new Error(`SqlitePersistence: cannot use ${this.filepath}: ${damaged}`, { cause: error });
      throw this.#openError;
    }
  }

  #wrap(error: unknown): Error {
    return new Error(`SqlitePersistence: ${this.filepath}: ${(error as Error).message}`, { cause: error });
  }

  #decode(text: unknown, where: string): unknown {
    try {
      if (typeof text !== 'string') throw new Error(`${where}: the stored value is not text`);
      return this.decodeText(text, where);
    } catch (error) {
      throw this.#wrap(error);
    }
  }

  #read<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw this.#wrap(error);
    }
  }

  /** Queues a row's write; it commits with every other write queued before the next turn of the event loop. */
  #queue(row: string, statement: SqliteStatement, params: readonly unknown[]): Promise<void> {
    this.#pending.delete(row);
    this.#pending.set(row, [statement, params]);
    if (this.#batch === undefined) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const batch: Batch = { promise, resolve, reject };
      this.#batch = batch;
      setImmediate(() => {
        if (this.#batch !== batch) return;
        try {
          this.#commit([]);
        } catch {
          // The batch's callers got the error.
        }
      });
    }
    return this.#batch.promise;
  }

  /**
   * Commits the queued writes and `extra` in one transaction. On failure the queued writes stay
   * queued (the next commit retries them, unless a newer write of the row replaced them) and the
   * error is thrown and given to the batch's callers.
   */
  #commit(extra: readonly Op[]): void {
    const db = this.#db as SqliteDatabase;
    const ops = this.#pending;
    const batch = this.#batch;
    this.#pending = new Map();
    this.#batch = undefined;
    try {
      db.transaction(() => {
        for (const [statement, params] of ops.values()) statement.run(...params);
        for (const [statement, params] of extra) statement.run(...params);
      })();
    } catch (error) {
      const wrapped = this.#wrap(error);
      const newer = this.#pending;
      this.#pending = ops;
      for (const [row, op] of newer) {
        this.#pending.delete(row);
        this.#pending.set(row, op);
      }
      batch?.reject(wrapped);
      throw wrapped;
    }
    batch?.resolve();
  }

  /** Readers see every write made before them. */
  #settled(): SqliteStatements {
    const statements = this.#ready();
    if (this.#pending.size > 0) this.#commit([]);
    return statements;
  }

  async getUserData(): Promise<Map<number, UD>> {
    const s = this.#settled();
    const rows = this.#read(() => s.allUsers.all() as Array<{ id: number; value: unknown }>);
    const out = new Map<number, UD>();
    for (const row of rows) out.set(row.id, this.#decode(row.value, `userData[${row.id}]`) as UD);
    return out;
  }

  async getChatData(): Promise<Map<number, CD>> {
    const s = this.#settled();
    const rows = this.#read(() => s.allChats.all() as Array<{ id: number; value: unknown }>);
    const out = new Map<number, CD>();
    for (const row of rows) out.set(row.id, this.#decode(row.value, `chatData[${row.id}]`) as CD);
    return out;
  }

  async getBotData(): Promise<BD | undefined> {
    const s = this.#settled();
    const row = this.#read(() => s.getBot.get() as { value: unknown } | undefined);
    return row === undefined ? undefined : (this.#decode(row.value, 'botData') as BD);
  }

  async getCallbackData(): Promise<PersistedCallbackData | null> {
    const s = this.#settled();
    const row = this.#read(() => s.getCallbackData.get() as { value: unknown } | undefined);
    return row === undefined ? null : (this.#decode(row.value, 'callbackData') as PersistedCallbackData);
  }

  async getConversations(name: string): Promise<ConversationDict> {
    const s = this.#settled();
    const rows = this.#read(() => s.conversations.all(name) as Array<{ key: string; state: unknown }>);
    const out: ConversationDict = new Map();
    for (const { key, state } of rows) {
      if (!isConversationState(state)) {
        throw this.#wrap(
          new Error(`the state of conversation ${JSON.stringify(name)} ${key} is not a string or number`),
        );
      }
      out.set(key, state);
    }
    return out;
  }

  async getJobs(): Promise<Map<string, PersistedJob>> {
    const s = this.#settled();
    const rows = this.#read(() => s.allJobs.all() as Array<{ id: string; value: unknown }>);
    const out = new Map<string, PersistedJob>();
    for (const row of rows) {
      out.set(row.id, this.#decode(row.value, `jobs[${JSON.stringify(row.id)}]`) as PersistedJob);
    }
    return out;
  }

  #conversationOp(
    s: SqliteStatements,
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Op {
    if (state === null) return [s.dropConversation, [name, key]];
    assertConversationState(state, OWNER);
    return [s.putConversation, [name, key, state]];
  }

  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    const s = this.#ready();
    const [statement, params] = this.#conversationOp(s, name, key, state);
    return this.#queue(`c${JSON.stringify([name, key])}`, statement, params);
  }

  async updateUserData(userId: number, data: UD): Promise<void> {
    const s = this.#ready();
    return this.#queue(`u${userId}`, s.putUser, [userId, this.encodeText(data, `userData[${userId}]`)]);
  }

  async updateChatData(chatId: number, data: CD): Promise<void> {
    const s = this.#ready();
    return this.#queue(`h${chatId}`, s.putChat, [chatId, this.encodeText(data, `chatData[${chatId}]`)]);
  }

  async updateBotData(data: BD): Promise<void> {
    const s = this.#ready();
    return this.#queue('b', s.putBot, [1, this.encodeText(data, 'botData')]);
  }

  async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    const s = this.#ready();
    return this.#queue('k', s.putCallbackData, [1, this.encodeText(data, 'callbackData')]);
  }

  async dropUserData(userId: number): Promise<void> {
    const s = this.#ready();
    return this.#queue(`u${userId}`, s.dropUser, [userId]);
  }

  async dropChatData(chatId: number): Promise<void> {
    const s = this.#ready();
    return this.#queue(`h${chatId}`, s.dropChat, [chatId]);
  }

  #jobOp(s: SqliteStatements, id: string, job: PersistedJob | null): Op {
    if (job === null) return [s.dropJob, [id]];
    return [s.putJob, [id, this.encodeText(job, `jobs[${JSON.stringify(id)}]`)]];
  }

  async updateJob(id: string, job: PersistedJob | null): Promise<void> {
    const s = this.#ready();
    const [statement, params] = this.#jobOp(s, id, job);
    return this.#queue(`j${id}`, statement, params);
  }

  /** `true`: each {@link recordUpdate} is one transaction with the update's id. */
  override get supportsJournal(): boolean {
    return true;
  }

  /**
   * Stores an update's changes and its id in one transaction (with writes still queued, which
   * come first), durable when it resolves. A value that cannot be stored fails the whole record
   * before anything is written.
   */
  override async recordUpdate(record: UpdateRecord<UD, CD, BD>): Promise<void> {
    const s = this.#ready();
    assertRecordedUpdateId(record.updateId, OWNER);
    const store = this.storeData;
    const ops: Op[] = [];
    if (store.userData) {
      for (const [id, data] of record.userData) {
        ops.push(
          data === null ? [s.dropUser, [id]] : [s.putUser, [id, this.encodeText(data, `userData[${id}]`)]],
        );
      }
    }
    if (store.chatData) {
      for (const [id, data] of record.chatData) {
        ops.push(
          data === null ? [s.dropChat, [id]] : [s.putChat, [id, this.encodeText(data, `chatData[${id}]`)]],
        );
      }
    }
    if (store.botData && record.botData !== undefined) {
      ops.push([s.putBot, [1, this.encodeText(record.botData, 'botData')]]);
    }
    if (store.callbackData && record.callbackData !== undefined) {
      ops.push([s.putCallbackData, [1, this.encodeText(record.callbackData, 'callbackData')]]);
    }
    for (const [name, key, state] of record.conversations)
      ops.push(this.#conversationOp(s, name, key, state));
    for (const [id, job] of record.jobs) ops.push(this.#jobOp(s, id, job));
    ops.push([s.addHandled, [record.updateId]]);
    this.#recorded += 1;
    if (this.#recorded % PRUNE_EVERY === 0) ops.push([s.pruneHandled, [2 * HANDLED_UPDATES_KEPT]]);
    this.#commit(ops);
  }

  /** The ids of the recorded updates, newest first (at least the last {@link HANDLED_UPDATES_KEPT}). */
  override async getHandledUpdates(): Promise<readonly number[]> {
    const s = this.#settled();
    const rows = this.#read(() => s.handled.all() as Array<{ update_id: number }>);
    return rows.map((row) => row.update_id);
  }

  /** Commits every write still queued. */
  async flush(): Promise<void> {
    this.#ready();
    if (this.#pending.size > 0 || this.#batch !== undefined) this.#commit([]);
  }

  /**
   * Commits what is queued and closes the database (one it was given stays open); later calls
   * fail. The application does not call this: call it after `shutdown()` when the process goes on.
   *
   * @example
   * ```ts
   * await app.shutdown();
   * persistence.close();
   * ```
   */
  close(): void {
    if (this.#closed) return;
    if (this.#db !== undefined && (this.#pending.size > 0 || this.#batch !== undefined)) this.#commit([]);
    this.#closed = true;
    if (this.#db !== undefined && this.#db !== this.#given) this.#db.close();
    this.#db = undefined;
    this.#statements = undefined;
  }
}
