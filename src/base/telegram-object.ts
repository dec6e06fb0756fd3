import { type InspectOptions, inspect } from 'node:util';
import type { Bot } from '../bot.js';

const NO_EXTRA: Readonly<Record<string, unknown>> = Object.freeze({});
/**
 * Unknown fields live under a symbol key: invisible to Object.keys, for..in and JSON.stringify, and
 * absent altogether in the common case of an object without unknown fields (no per-object cost).
 */
const EXTRA = Symbol('apiKwargs');

/**
 * The JSON of an input object: a copy with Dates as Unix seconds, objects through toJSON, undefined
 * values dropped and `apiKwargs` spread into the object, as the built objects would give it.
 */
function wireObject(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in input) {
    const value = input[key];
    if (value === undefined) continue;
    if (key === 'apiKwargs') {
      if (typeof value === 'object' && value !== null)
        for (const [name, item] of Object.entries(value)) out[name] ??= toWire(item);
      continue;
    }
    out[key] = toWire(value);
  }
  return out;
}

/** Converts a field value back to its JSON form: Dates to Unix seconds, objects through toJSON. */
function toWire(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof TelegramObject) return value.toJSON();
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (Array.isArray(value)) return value.map(toWire);
  // Plain objects are copied; other instances (files, buffers) are left to JSON.stringify.
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null
    ? wireObject(value as Readonly<Record<string, unknown>>)
    : value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** JSON with object keys sorted, so equal values give equal strings whatever their key order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof TelegramObject) return a.equals(b);
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  return deepEqual(toWire(a), toWire(b));
}

let namesOfFields: (object: TelegramObject) => string[];

/**
 * The names of the API fields an object has (set, known to this library), in the order they
 * arrived: cheaper than reading every field a type declares when only a few are set.
 */
export function fieldNamesOf(object: TelegramObject): string[] {
  return namesOfFields(object);
}

/**
 * Base of every Bot API object (PTB's TelegramObject). Instances are frozen after construction;
 * fields keep the API's names; fields the library does not know are kept in {@link apiKwargs} so a
 * `fromJSON` → `toJSON` round trip loses nothing.
 */
export abstract class TelegramObject {
  #bot: Bot | undefined;
  declare private readonly [EXTRA]?: Readonly<Record<string, unknown>>;

  protected constructor(bot?: Bot) {
    this.#bot = bot;
  }

  /**
   * The input of an object whose nested fields are built on first read (generated classes of
   * types that only arrive from Telegram override this); `undefined` when every field is its own
   * property. Its key order is the order of {@link toJSON}.
   */
  protected _input(): Readonly<Record<string, unknown>> | undefined {
    return undefined;
  }

  /** The associated bot, if any: what lazily built nested objects are given. */
  protected _botIfAny(): Bot | undefined {
    return this.#bot;
  }

  static {
    namesOfFields = (object) => object.#fieldNames();
    // What `console.log` and `util.inspect` show: every field, lazily built ones included. Set
    // here rather than declared, so that `keyof Message` lists API fields and methods only.
    Object.defineProperty(TelegramObject.prototype, inspect.custom, {
      value(this: TelegramObject, depth: number, options: InspectOptions, show: typeof inspect): string {
        const name = this.constructor.name;
        if (depth < 0) return `[${name}]`;
        const fields: Record<string, unknown> = {};
        for (const key of this.#fieldNames()) fields[key] = (this as unknown as Record<string, unknown>)[key];
        const extra = this[EXTRA];
        if (extra !== undefined) fields.apiKwargs = extra;
        return `${name} ${show(fields, { ...options, depth: options.depth == null ? null : depth - 1 })}`;
      },
    });
  }

  /** Names of the fields this object has, in the order they arrived (unknown fields excluded). */
  #fieldNames(): string[] {
    const source = this._input();
    if (source === undefined) return Object.keys(this);
    const extra = this[EXTRA];
    const names: string[] = [];
    for (const key in source) {
      if (key === 'apiKwargs' || source[key] === undefined) continue;
      if (extra === undefined || !Object.hasOwn(extra, key)) names.push(key);
    }
    return names;
  }

  /** Fields received from Telegram that this version of the library does not know. */
  get apiKwargs(): Readonly<Record<string, unknown>> {
    return this[EXTRA] ?? NO_EXTRA;
  }

  /** Records unknown fields; called once by generated constructors. */
  protected _finish(
    given: Readonly<Record<string, unknown>> | undefined,
    extra: Record<string, unknown> | undefined,
  ): void {
    if (extra === undefined && (given === undefined || given === NO_EXTRA)) return;
    // Non-enumerable, so spreads and Object.assign copy only API fields (a rare path: defineProperty is fine).
    Object.defineProperty(this, EXTRA, { value: Object.freeze({ ...given, ...extra }) });
  }

  /** The bot that shortcuts of this object use. Throws when the object has none. */
  getBot(): Bot {
    if (this.#bot === undefined) {
      throw new Error(
        `This ${this.constructor.name} has no bot associated with it, so its shortcuts cannot be used; pass a bot to fromJSON() or call setBot().`,
      );
    }
    return this.#bot;
  }

  /** Associates a bot with this object (nested objects keep their own). */
  setBot(bot: Bot | undefined): void {
    this.#bot = bot;
  }

  /** The object as the Bot API's JSON: Dates as Unix seconds, unknown fields included. */
  toJSON(): Record<string, unknown> {
    const source = this._input();
    // An object built on first read is its input (unknown fields and given apiKwargs included),
    // so the input is copied and nothing is built.
    if (source !== undefined) return wireObject(source);
    const extra = this[EXTRA];
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this)) out[key] = toWire((this as unknown as Record<string, unknown>)[key]);
    if (extra !== undefined) for (const key of Object.keys(extra)) out[key] = toWire(extra[key]);
    return out;
  }

  /**
   * PTB's `to_dict()`: {@link toJSON} by default; with `recursive: false`, nested objects stay
   * instances (Dates are still Unix seconds at the top level).
   */
  toDict(options: { readonly recursive?: boolean } = {}): Record<string, unknown> {
    if (options.recursive ?? true) return this.toJSON();
    const out: Record<string, unknown> = {};
    for (const key of this.#fieldNames()) {
      const value = (this as unknown as Record<string, unknown>)[key];
      out[key] = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
    }
    const extra = this[EXTRA];
    if (extra !== undefined) Object.assign(out, extra);
    return out;
  }

  /** PTB's `de_json`: the class's `fromJSON`. */
  static deJson<T>(this: { fromJSON(data: unknown, bot?: Bot): T }, data: unknown, bot?: Bot): T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the method is called on.
    return this.fromJSON(data, bot);
  }

  /** PTB's `de_list`: `fromJSON` of every element of an array. */
  static deList<T>(this: { fromJSON(data: unknown, bot?: Bot): T }, data: unknown, bot?: Bot): T[] {
    if (!Array.isArray(data)) throw new TypeError(`deList expects an array, got ${typeof data}`);
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the method is called on.
    return data.map((element) => this.fromJSON(element, bot));
  }

  /**
   * A string equal for objects that are {@link equals}: a key for a Map or Set (PTB's `__hash__`),
   * e.g. `User:42`.
   */
  equalityKey(): string {
    const ids = this._idValues();
    const values =
      ids === undefined
        ? this.toJSON()
        : ids.map((value) => (value instanceof TelegramObject ? value.equalityKey() : toWire(value)));
    return `${this.constructor.name}:${stableStringify(values)}`;
  }

  /** Values that identify this object (PTB's `_id_attrs`); `undefined` compares all fields. */
  protected _idValues(): readonly unknown[] | undefined {
    return undefined;
  }

  /**
   * Equality as in PTB: same class and same identifying fields (a User by `id`, a Message by
   * `message_id` and chat, a file by `file_unique_id`); objects without identifying fields compare
   * all their fields.
   */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof TelegramObject) || other.constructor !== this.constructor) return false;
    const mine = this._idValues();
    if (mine === undefined) return deepEqual(this.toJSON(), other.toJSON());
    const theirs = other._idValues() ?? [];
    return mine.every((value, i) => sameValue(value, theirs[i]));
  }
}
