/**
 * The emulator's debugging log: every update queued for a bot and every Bot API call a bot made,
 * with its answer and timing. Bounded: the oldest entries go once the capacity is reached.
 */
import type { Upload } from './http/body.js';
import type { BotRecord, Json } from './state/records.js';

/** How many entries the log keeps by default. */
export const DEFAULT_LOG_CAPACITY = 500;

/** An entry larger than this (as JSON) keeps only its size in place of its parameters and answer. */
const MAX_ENTRY_CHARS = 64 * 1024;

/** One logged update or call, as the web chat's debugging panel shows it. */
export interface LogEntry {
  /** Increasing number of the entry, from 1. */
  readonly id: number;
  /** When it happened, in ms since the epoch (real time, not the emulator's clock). */
  readonly time: number;
  readonly kind: 'update' | 'call';
  readonly bot_id: number;
  readonly bot_username: string;
  /** For updates: the update as the bot receives it. */
  readonly update?: unknown;
  /** For calls: the method as the bot spelled it, its parameters, answer and duration. */
  readonly method?: string;
  readonly params?: unknown;
  readonly ok?: boolean;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly duration_ms?: number;
  /** Set when parameters or answer were too large to keep. */
  readonly truncated?: { readonly chars: number };
}

/** What a logged call is made of, before it is serialized. */
export interface CallRecord {
  readonly method: string;
  readonly params: Json;
  readonly uploads?: ReadonlyMap<string, Upload>;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly durationMs: number;
}

/** A ring buffer of serialized entries; listeners hear of each new one. */
export class ApiLog {
  readonly capacity: number;
  /**
   * A ring of `capacity` slots, the newest entry written over the oldest. Entries are kept as JSON
   * text: a snapshot, unaffected by later edits of the objects logged.
   */
  readonly #slots: ({ id: number; json: string } | undefined)[];
  readonly #listeners = new Set<(id: number, json: string) => void>();
  #nextId = 1;

  constructor(capacity = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a whole number >= 1');
    this.capacity = capacity;
    this.#slots = new Array(capacity).fill(undefined);
  }

  /** Logs an update as it is queued for the bot. */
  update(bot: BotRecord, update: Json): void {
    this.#add({ kind: 'update', bot_id: bot.id, bot_username: bot.username, update });
  }

  /** Logs a call with its answer. */
  call(bot: BotRecord, call: CallRecord): void {
    const params: Json = { ...call.params };
    for (const [name, upload] of call.uploads ?? []) {
      params[name] = {
        upload: upload.filename ?? name,
        content_type: upload.contentType ?? null,
        bytes: upload.data.length,
      };
    }
    this.#add({
      kind: 'call',
      bot_id: bot.id,
      bot_username: bot.username,
      method: call.method,
      params,
      ok: call.ok,
      ...(call.ok ? { result: call.result } : { error: call.error }),
      duration_ms: Math.round(call.durationMs * 1000) / 1000,
    });
  }

  #add(fields: Omit<LogEntry, 'id' | 'time'>): void {
    const id = this.#nextId++;
    const entry = { id, time: Date.now(), ...fields };
    let json = JSON.stringify(entry);
    if (json.length > MAX_ENTRY_CHARS) {
      const { update: _u, params: _p, result: _r, error: _e, ...rest } = entry as LogEntry;
      json = JSON.stringify({ ...rest, truncated: { chars: json.length } });
    }
    this.#slots[(id - 1) % this.capacity] = { id, json };
    for (const listener of this.#listeners) listener(id, json);
  }

  /** The entries after `afterId` (all kept entries by default), oldest first, as JSON text each. */
  since(afterId = 0): string[] {
    const out: string[] = [];
    const first = Math.max(Math.floor(afterId) + 1, this.#nextId - this.capacity);
    for (let id = first; id < this.#nextId; id += 1) {
      const slot = this.#slots[(id - 1) % this.capacity];
      if (slot !== undefined) out.push(slot.json);
    }
    return out;
  }

  /** The entries after `afterId`, parsed. */
  entries(afterId = 0): LogEntry[] {
    return this.since(afterId).map((json) => JSON.parse(json) as LogEntry);
  }

  /** Calls `listener` with each new entry until the returned function is called. */
  subscribe(listener: (id: number, json: string) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
