/**
 * A persistence in one JSON file or one file per kind of data (PTB's `PicklePersistence`, named
 * for what it does): it keeps Maps, Sets, Dates, BigInts, Bot API objects and your registered
 * classes, and writes atomically.
 */
import { readTextIfExists, writeFileAtomic } from './atomic-file.js';
import {
  assertConversationState,
  assertRecordedUpdateId,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  HANDLED_UPDATES_KEPT,
  type PersistedCallbackData,
  type PersistedJob,
  type UpdateRecord,
} from './base.js';
import type { AnyClass, RegisterClassOptions } from './codec.js';
import { EncodingPersistence, type EncodingPersistenceOptions } from './encoding-persistence.js';
import { JournalFile, readJournal } from './journal-file.js';

export type { AnyClass, RegisterClassOptions };

/** Options of {@link FilePersistence}. */
export interface FilePersistenceOptions extends EncodingPersistenceOptions {
  /** The file (with `singleFile: false`, the prefix of the files: `<filepath>_user_data`, ...). */
  readonly filepath: string;
  /** One file for everything (default), or one file per kind of data. */
  readonly singleFile?: boolean | undefined;
  /**
   * Write only at {@link FilePersistence.flush} (at shutdown) instead of after every batch of
   * changes; faster, but a crash loses what changed since the start.
   */
  readonly onFlush?: boolean | undefined;
  /**
   * Keep a journal of handled updates (default `true`): the application stores each update with
   * the data its handlers changed as one synced line in `<filepath>.journal`, which is folded into
   * the store file at every write of it (and at least every 1 000 updates without `onFlush`), and
   * skips updates recorded before when Telegram delivers them again after a crash. `false` keeps
   * the periodic writes only: a crash loses what changed since the last write.
   */
  readonly journal?: boolean | undefined;
  /**
   * Sync each journal write to disk before the update counts as done (default `true`): records
   * then survive a power cut too. `false` only writes them (a process kill, SIGKILL included,
   * loses nothing; a power cut or kernel crash may lose the last ones), for a fraction of the cost.
   */
  readonly syncJournal?: boolean | undefined;
}

type Kind =
  | 'userData'
  | 'chatData'
  | 'botData'
  | 'callbackData'
  | 'conversations'
  | 'jobs'
  | 'handledUpdates';
const KINDS: readonly Kind[] = [
  'userData',
  'chatData',
  'botData',
  'callbackData',
  'conversations',
  'jobs',
  'handledUpdates',
];
const SUFFIX: Readonly<Record<Kind, string>> = {
  userData: '_user_data',
  chatData: '_chat_data',
  botData: '_bot_data',
  callbackData: '_callback_data',
  conversations: '_conversations',
  jobs: '_jobs',
  handledUpdates: '_handled_updates',
};
/** Journal lines after which the journal is folded into the store (without `onFlush`). */
const FOLD_EVERY = 1000;

/** A record waiting for its journal line to be written. */
interface PendingRecord {
  readonly line: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}
const FORMAT = 'typescript-telegram-bot/file-persistence';
const VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stores everything in JSON files. On top of JSON it keeps `Map`, `Set`, `Date`, `BigInt`,
 * `NaN`/`Infinity`/`-0`, `undefined`, `Uint8Array`, `RegExp`, Bot API objects (restored with the
 * application's bot, so their shortcuts work), the bot itself (stored as a placeholder) and
 * instances of classes you register (see {@link FilePersistence.registerClass}); anything else is
 * refused with an error naming where it is. Shared references are stored as separate copies.
 *
 * Writes are atomic (a temporary file in the same folder, synced, then renamed), so a crash
 * leaves the old file or the new one. Without `onFlush`, the changes of one application write
 * (PTB writes on every single `update_*` call) are gathered into one file write. A file that cannot
 * be read or is not one of ours fails every call with an error naming it, and is never
 * overwritten.
 *
 * With the journal (the default), each handled update is appended to `<filepath>.journal` as one
 * synced line holding its id and the data its handlers changed, before Telegram is told it was
 * handled; loading replays the journal over the store (a last line torn by a kill is dropped),
 * and every write of the store folds it in and empties it. The store keeps the last recorded
 * update ids (`handledUpdates`; `<filepath>_handled_updates` with one file per kind).
 *
 * @example
 * ```ts
 * class Cart { items: string[] = []; }
 * FilePersistence.registerClass(Cart);
 * const app = Application.builder()
 *   .token(process.env.BOT_TOKEN!)
 *   .persistence(new FilePersistence({ filepath: 'data/bot.json' }))
 *   .build();
 * ```
 */
export class FilePersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> extends EncodingPersistence<UD, CD, BD> {
  /** The file, or the prefix of the files with `singleFile: false`. */
  readonly filepath: string;
  readonly singleFile: boolean;
  readonly onFlush: boolean;

  // Stored data as the JSON text of its encoding, entry by entry: comparing texts tells whether
  // an update changed anything, and the file is assembled from them without encoding again.
  readonly #users = new Map<number, string>();
  readonly #chats = new Map<number, string>();
  #bot: string | undefined;
  #callbackData: string | undefined;
  readonly #conversations = new Map<string, Map<ConversationKey, ConversationState>>();
  readonly #jobs = new Map<string, string>();
  #loading: Promise<void> | undefined;
  readonly #dirty = new Set<Kind>();
  #batch: Promise<void> | undefined;
  #writes: Promise<void> = Promise.resolve();
  /** Recorded update ids, oldest first (at most twice HANDLED_UPDATES_KEPT long). */
  #handled: number[] = [];
  readonly #journal: JournalFile | undefined;
  #pending: PendingRecord[] = [];
  /** Journal lines written since the last fold. */
  #unfolded = 0;

  constructor(options: FilePersistenceOptions) {
    super(options, 'FilePersistence');
    if (typeof options?.filepath !== 'string' || options.filepath === '') {
      throw new TypeError(
        'FilePersistence needs a filepath, e.g. new FilePersistence({ filepath: "bot-data.json" })',
      );
    }
    this.filepath = options.filepath;
    this.singleFile = options.singleFile ?? true;
    this.onFlush = options.onFlush ?? false;
    this.#journal =
      (options.journal ?? true)
        ? new JournalFile(`${this.filepath}.journal`, { sync: options.syncJournal ?? true })
        : undefined;
  }

  #fileOf(kind: Kind): string {
    return this.singleFile ? this.filepath : `${this.filepath}${SUFFIX[kind]}`;
  }

  /** Reads the file(s) once; a failure is kept, so every later call fails and nothing is written. */
  #ready(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (this.singleFile) {
      const content = await this.#readFile(this.filepath, undefined);
      if (content !== undefined) for (const kind of KINDS) this.#take(kind, content[kind], this.filepath);
    } else {
      for (const kind of KINDS) {
        const file = this.#fileOf(kind);
        const content = await this.#readFile(file, kind);
        if (content !== undefined) this.#take(kind, content.data, file);
      }
    }
    if (this.#journal !== undefined) await this.#replay(this.#journal.file);
  }

  /** Applies the journal's lines (records not folded into the store yet) in order. */
  async #replay(file: string): Promise<void> {
    let lines: string[];
    try {
      lines = await readJournal(file);
    } catch (error) {
      throw new Error(`FilePersistence: ${(error as Error).message}`, { cause: error });
    }
    lines.forEach((line, index) => {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch (error) {
        throw new Error(
          `FilePersistence: line ${index + 1} of ${file} is not valid JSON (${(error as Error).message}); the journal was left untouched: repair or move it`,
          { cause: error },
        );
      }
      if (!isRecord(entry) || !Number.isSafeInteger(entry.u)) {
        throw new Error(`FilePersistence: line ${index + 1} of ${file} is not a journal record`);
      }
      this.#apply(entry);
    });
    this.#unfolded = lines.length;
  }

  async #readFile(file: string, kind: Kind | undefined): Promise<Record<string, unknown> | undefined> {
    let text: string | undefined;
    try {
      text = await readTextIfExists(file);
    } catch (error) {
      throw new Error(`FilePersistence: cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
    if (text === undefined) return undefined;
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (error) {
      throw new Error(
        `FilePersistence: ${file} is not valid JSON (${(error as Error).message}); it was left untouched: repair or move it`,
        { cause: error },
      );
    }
    if (!isRecord(content) || content.format !== FORMAT) {
      throw new Error(`FilePersistence: ${file} is not a FilePersistence file; it was left untouched`);
    }
    if (content.version !== VERSION) {
      throw new Error(
        `FilePersistence: ${file} has format version ${String(content.version)}, this library reads version ${VERSION}`,
      );
    }
    if (kind !== undefined && content.kind !== kind) {
      throw new Error(`FilePersistence: ${file} holds ${String(content.kind)}, expected ${kind}`);
    }
    return content;
  }

  /** Takes one kind's stored JSON into memory, checking its shape. */
  #take(kind: Kind, data: unknown, file: string): void {
    if (data === undefined) return;
    const bad = (what: string): never => {
      throw new Error(`FilePersistence: ${file}: ${kind} ${what}; the file was left untouched`);
    };
    switch (kind) {
      case 'userData':
      case 'chatData': {
        if (!isRecord(data)) bad('is not an object of ids');
        const map = kind === 'userData' ? this.#users : this.#chats;
        for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
          const id = Number(key);
          if (!Number.isSafeInteger(id)) bad(`has the key ${JSON.stringify(key)}, which is not an id`);
          map.set(id, JSON.stringify(value));
        }
        return;
      }
      case 'botData':
        this.#bot = JSON.stringify(data);
        return;
      case 'callbackData':
        this.#callbackData = data === null ? undefined : JSON.stringify(data);
        return;
      case 'conversations':
        if (!isRecord(data)) bad('is not an object of handler names');
        for (const [name, states] of Object.entries(data as Record<string, unknown>)) {
          if (!isRecord(states)) bad(`of ${JSON.stringify(name)} is not an object`);
          const dict = new Map<ConversationKey, ConversationState>();
          for (const [key, state] of Object.entries(states as Record<string, unknown>)) {
            if (typeof state !== 'string' && typeof state !== 'number')
              bad(`has a state that is not a string or number`);
            dict.set(key, state as ConversationState);
          }
          this.#conversations.set(name, dict);
        }
        return;
      case 'jobs':
        if (!isRecord(data)) bad('is not an object of job ids');
        for (const [id, job] of Object.entries(data as Record<string, unknown>))
          this.#jobs.set(id, JSON.stringify(job));
        return;
      case 'handledUpdates':
        if (!(Array.isArray(data) && data.every(Number.isSafeInteger))) bad('is not a list of update ids');
        this.#handled = [...(data as number[])];
        return;
    }
  }

  #decode(text: string, kind: Kind, where: string): unknown {
    try {
      return this.decodeText(text, where);
    } catch (error) {
      throw new Error(`FilePersistence: ${this.#fileOf(kind)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Marks a kind changed and, unless `onFlush`, resolves once it is on disk. */
  #changed(kind: Kind): Promise<void> {
    this.#dirty.add(kind);
    if (this.onFlush) return Promise.resolve();
    // Every change made before the next turn of the event loop (one application write calls
    // update* for all its entries at once) goes into the same file write.
    this.#batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.#batch = undefined;
      return this.#writeDirty();
    });
    return this.#batch;
  }

  /** Writes the changed kinds; writes never overlap. */
  #writeDirty(): Promise<void> {
    const run = this.#writes.then(async () => {
      if (this.#dirty.size === 0) return;
      const kinds = [...this.#dirty];
      this.#dirty.clear();
      try {
        if (this.singleFile) {
          await this.#writeFile(this.filepath, this.#singleFileText());
        } else {
          for (const kind of kinds) await this.#writeFile(this.#fileOf(kind), this.#kindFileText(kind));
        }
        // The store holds every journal line now (lines are only written on this same chain).
        if (this.#journal !== undefined && this.#unfolded > 0) {
          await this.#journal.clear();
          this.#unfolded = 0;
        }
      } catch (error) {
        for (const kind of kinds) this.#dirty.add(kind);
        throw error;
      }
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }

  async #writeFile(file: string, text: string): Promise<void> {
    try {
      await writeFileAtomic(file, text);
    } catch (error) {
      throw new Error(`FilePersistence: cannot write ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  #kindText(kind: Kind): string | undefined {
    const object = (entries: Iterable<readonly [string | number, string]>): string => {
      const parts: string[] = [];
      for (const [key, text] of entries) parts.push(`${JSON.stringify(String(key))}:${text}`);
      return `{${parts.join(',')}}`;
    };
    switch (kind) {
      case 'userData':
        return object(this.#users);
      case 'chatData':
        return object(this.#chats);
      case 'botData':
        return this.#bot;
      case 'callbackData':
        return this.#callbackData ?? 'null';
      case 'conversations': {
        const all: Record<string, Record<string, ConversationState>> = {};
        for (const [name, dict] of this.#conversations) all[name] = Object.fromEntries(dict);
        return JSON.stringify(all);
      }
      case 'jobs':
        return object(this.#jobs);
      case 'handledUpdates':
        return this.#handled.length === 0
          ? undefined
          : JSON.stringify(this.#handled.slice(-HANDLED_UPDATES_KEPT));
    }
  }

  #singleFileText(): string {
    const parts = [`"format":${JSON.stringify(FORMAT)}`, `"version":${VERSION}`];
    for (const kind of KINDS) {
      const text = this.#kindText(kind);
      if (text !== undefined) parts.push(`${JSON.stringify(kind)}:${text}`);
    }
    return `{${parts.join(',')}}\n`;
  }

  #kindFileText(kind: Kind): string {
    const text = this.#kindText(kind);
    const data = text === undefined ? '' : `,"data":${text}`;
    return `{"format":${JSON.stringify(FORMAT)},"version":${VERSION},"kind":${JSON.stringify(kind)}${data}}\n`;
  }

  async getUserData(): Promise<Map<number, UD>> {
    await this.#ready();
    const out = new Map<number, UD>();
    for (const [id, text] of this.#users)
      out.set(id, this.#decode(text, 'userData', `userData[${id}]`) as UD);
    return out;
  }

  async getChatData(): Promise<Map<number, CD>> {
    await this.#ready();
    const out = new Map<number, CD>();
    for (const [id, text] of this.#chats)
      out.set(id, this.#decode(text, 'chatData', `chatData[${id}]`) as CD);
    return out;
  }

  async getBotData(): Promise<BD | undefined> {
    await this.#ready();
    return this.#bot === undefined ? undefined : (this.#decode(this.#bot, 'botData', 'botData') as BD);
  }

  async getCallbackData(): Promise<PersistedCallbackData | null> {
    await this.#ready();
    if (this.#callbackData === undefined) return null;
    return this.#decode(this.#callbackData, 'callbackData', 'callbackData') as PersistedCallbackData;
  }

  async getConversations(name: string): Promise<ConversationDict> {
    await this.#ready();
    return new Map(this.#conversations.get(name));
  }

  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    await this.#ready();
    let dict = this.#conversations.get(name);
    if (state === null) {
      if (dict === undefined || !dict.delete(key)) return;
      return this.#changed('conversations');
    }
    assertConversationState(state, 'FilePersistence');
    if (dict === undefined) {
      dict = new Map();
      this.#conversations.set(name, dict);
    }
    if (dict.get(key) === state) return;
    dict.set(key, state);
    return this.#changed('conversations');
  }

  async updateUserData(userId: number, data: UD): Promise<void> {
    await this.#ready();
    const text = this.encodeText(data, `userData[${userId}]`);
    if (this.#users.get(userId) === text) return;
    this.#users.set(userId, text);
    return this.#changed('userData');
  }

  async updateChatData(chatId: number, data: CD): Promise<void> {
    await this.#ready();
    const text = this.encodeText(data, `chatData[${chatId}]`);
    if (this.#chats.get(chatId) === text) return;
    this.#chats.set(chatId, text);
    return this.#changed('chatData');
  }

  async updateBotData(data: BD): Promise<void> {
    await this.#ready();
    const text = this.encodeText(data, 'botData');
    if (this.#bot === text) return;
    this.#bot = text;
    return this.#changed('botData');
  }

  async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    await this.#ready();
    const text = this.encodeText(data, 'callbackData');
    if (this.#callbackData === text) return;
    this.#callbackData = text;
    return this.#changed('callbackData');
  }

  async dropUserData(userId: number): Promise<void> {
    await this.#ready();
    if (!this.#users.delete(userId)) return;
    return this.#changed('userData');
  }

  async dropChatData(chatId: number): Promise<void> {
    await this.#ready();
    if (!this.#chats.delete(chatId)) return;
    return this.#changed('chatData');
  }

  async getJobs(): Promise<Map<string, PersistedJob>> {
    await this.#ready();
    const out = new Map<string, PersistedJob>();
    for (const [id, text] of this.#jobs)
      out.set(id, this.#decode(text, 'jobs', `jobs[${JSON.stringify(id)}]`) as PersistedJob);
    return out;
  }

  async updateJob(id: string, job: PersistedJob | null): Promise<void> {
    await this.#ready();
    if (job === null) {
      if (!this.#jobs.delete(id)) return;
      return this.#changed('jobs');
    }
    const text = this.encodeText(job, `jobs[${JSON.stringify(id)}]`);
    if (this.#jobs.get(id) === text) return;
    this.#jobs.set(id, text);
    return this.#changed('jobs');
  }

  /** Writes every change not on disk yet (all of them with `onFlush`). */
  async flush(): Promise<void> {
    await this.#ready();
    await this.#writeDirty();
    await this.#journal?.close();
  }

  /** `true` unless built with `journal: false`. */
  override get supportsJournal(): boolean {
    return this.#journal !== undefined;
  }

  /**
   * Appends the record as one line to `<filepath>.journal` and syncs it; the record counts once
   * the line is on disk, and its changes reach the store file at the next write of it. Data that
   * cannot be stored rejects before anything is written.
   */
  override async recordUpdate(record: UpdateRecord<UD, CD, BD>): Promise<void> {
    if (this.#journal === undefined) return super.recordUpdate(record);
    await this.#ready();
    const line = this.#recordLine(record);
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ line, resolve, reject });
      if (this.#pending.length === 1) {
        const run = this.#writes.then(() => this.#writePending());
        this.#writes = run.catch(() => undefined);
      }
    });
  }

  /** The recorded update ids (the last {@link HANDLED_UPDATES_KEPT} and possibly a few more). */
  override async getHandledUpdates(): Promise<readonly number[]> {
    await this.#ready();
    return [...this.#handled];
  }

  /** Writes the waiting records' lines together (one write, one sync), then applies them. */
  async #writePending(): Promise<void> {
    const journal = this.#journal as JournalFile;
    const batch = this.#pending;
    this.#pending = [];
    try {
      await Promise.all(batch.map((entry) => journal.append(entry.line)));
    } catch (error) {
      for (const entry of batch)
        entry.reject(new Error(`FilePersistence: ${(error as Error).message}`, { cause: error }));
      return;
    }
    for (const entry of batch) {
      this.#apply(JSON.parse(entry.line) as Record<string, unknown>);
      entry.resolve();
    }
    this.#unfolded += batch.length;
    if (!this.onFlush && this.#unfolded >= FOLD_EVERY) {
      // A failed fold keeps the kinds dirty and the journal as it is: nothing is lost, the next
      // write tries again, and its caller hears of the failure.
      void this.#writeDirty().catch(() => undefined);
    }
  }

  /** A record as one journal line: `{"u":id,"ud":[[id,data|null]],"cd":...,"bd":...,"cb":...,"cv":[[name,key,state]],"j":[[id,job|null]]}`. */
  #recordLine(record: UpdateRecord<UD, CD, BD>): string {
    assertRecordedUpdateId(record.updateId, 'FilePersistence');
    const store = this.storeData;
    const parts = [`"u":${record.updateId}`];
    const pairs = (entries: ReadonlyArray<readonly [number | string, unknown]>, what: string): string =>
      `[${entries
        .map(
          ([id, value]) =>
            `[${JSON.stringify(id)},${value === null ? 'null' : this.encodeText(value, `${what}[${JSON.stringify(id)}]`)}]`,
        )
        .join(',')}]`;
    if (store.userData && record.userData.length > 0)
      parts.push(`"ud":${pairs(record.userData, 'userData')}`);
    if (store.chatData && record.chatData.length > 0)
      parts.push(`"cd":${pairs(record.chatData, 'chatData')}`);
    if (store.botData && record.botData !== undefined)
      parts.push(`"bd":${this.encodeText(record.botData, 'botData')}`);
    if (store.callbackData && record.callbackData !== undefined) {
      parts.push(`"cb":${this.encodeText(record.callbackData, 'callbackData')}`);
    }
    if (record.conversations.length > 0) {
      for (const [, , state] of record.conversations) assertConversationState(state, 'FilePersistence');
      parts.push(`"cv":${JSON.stringify(record.conversations)}`);
    }
    if (record.jobs.length > 0) parts.push(`"j":${pairs(record.jobs, 'jobs')}`);
    return `{${parts.join(',')}}`;
  }

  /** Applies a journal record (already encoded) to the stored data and marks what it changed. */
  #apply(entry: Record<string, unknown>): void {
    const ids = (value: unknown, map: Map<number, string>, kind: Kind): void => {
      if (!Array.isArray(value)) return;
      for (const [id, data] of value as [number, unknown][]) {
        if (data === null) map.delete(id);
        else map.set(id, JSON.stringify(data));
      }
      this.#dirty.add(kind);
    };
    ids(entry.ud, this.#users, 'userData');
    ids(entry.cd, this.#chats, 'chatData');
    if (entry.bd !== undefined) {
      this.#bot = JSON.stringify(entry.bd);
      this.#dirty.add('botData');
    }
    if (entry.cb !== undefined) {
      this.#callbackData = entry.cb === null ? undefined : JSON.stringify(entry.cb);
      this.#dirty.add('callbackData');
    }
    if (Array.isArray(entry.cv)) {
      for (const [name, key, state] of entry.cv as [string, ConversationKey, ConversationState | null][]) {
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
      this.#dirty.add('conversations');
    }
    if (Array.isArray(entry.j)) {
      for (const [id, job] of entry.j as [string, unknown][]) {
        if (job === null) this.#jobs.delete(id);
        else this.#jobs.set(id, JSON.stringify(job));
      }
      this.#dirty.add('jobs');
    }
    const id = entry.u as number;
    if (!this.#handled.includes(id)) this.#handled.push(id);
    if (this.#handled.length > 2 * HANDLED_UPDATES_KEPT)
      this.#handled = this.#handled.slice(-HANDLED_UPDATES_KEPT);
    this.#dirty.add('handledUpdates');
  }
}
