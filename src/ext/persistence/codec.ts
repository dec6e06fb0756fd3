/**
 * The JSON encoding FilePersistence and SqlitePersistence write: JSON itself plus tagged objects
 * (`{"$t": ...}`) for what JSON cannot hold (Maps, Sets, Dates, BigInts, special numbers,
 * `undefined`, bytes, Bot API objects, the bot, and registered classes of your own).
 */
import { TelegramObject } from '../../base/telegram-object.js';
import { Bot } from '../../bot.js';
import { apiClassEntries } from '../../generated/types.js';

/** A class: anything `new` makes instances of (abstract ones too). */
export type AnyClass<T = object> = abstract new (...args: never[]) => T;

/** How a registered class is stored; both functions default to copying its own enumerable fields. */
export interface RegisterClassOptions<T> {
  /** The name in the file (default: the class's `name`); must stay the same across versions. */
  readonly name?: string | undefined;
  /** The data to store for an instance (anything the encoding holds). */
  readonly toData?: ((instance: T) => unknown) | undefined;
  /** Rebuilds an instance from what {@link toData} gave. */
  readonly fromData?: ((data: unknown) => T) | undefined;
}

interface ClassEntry {
  readonly name: string;
  readonly cls: AnyClass;
  readonly toData: ((instance: object) => unknown) | undefined;
  readonly fromData: ((data: unknown) => object) | undefined;
}

/** Registered classes by name and by class. */
export class ClassRegistry {
  readonly #byName = new Map<string, ClassEntry>();
  readonly #byClass = new Map<AnyClass, ClassEntry>();

  register<T extends object>(cls: AnyClass<T>, options: RegisterClassOptions<T> = {}): void {
    if (typeof cls !== 'function' || typeof cls.prototype !== 'object') {
      throw new TypeError('registerClass expects a class');
    }
    if (
      cls.prototype instanceof TelegramObject ||
      (cls as AnyClass) === Bot ||
      cls.prototype instanceof Bot
    ) {
      throw new TypeError(
        `${cls.name} needs no registration: Bot API objects and the bot are stored already`,
      );
    }
    const name = options.name ?? cls.name;
    if (typeof name !== 'string' || name === '') {
      throw new TypeError('registerClass: this class has no name; pass { name: "..." }');
    }
    const known = this.#byName.get(name);
    if (known !== undefined) {
      if (known.cls === cls) return;
      throw new TypeError(
        `registerClass: another class is registered as "${name}"; pass a different { name }`,
      );
    }
    if ((options.toData === undefined) !== (options.fromData === undefined)) {
      throw new TypeError('registerClass: give both toData and fromData, or neither');
    }
    const entry: ClassEntry = {
      name,
      cls,
      toData: options.toData as ((instance: object) => unknown) | undefined,
      fromData: options.fromData,
    };
    this.#byName.set(name, entry);
    this.#byClass.set(cls, entry);
  }

  byClass(cls: unknown): ClassEntry | undefined {
    return this.#byClass.get(cls as AnyClass);
  }

  byName(name: string): ClassEntry | undefined {
    return this.#byName.get(name);
  }
}

/**
 * The classes registered for every persistence that uses this encoding (`FilePersistence.registerClass`,
 * `SqlitePersistence.registerClass`): one registry, so a class registered with either is stored by both.
 */
export const sharedClasses = new ClassRegistry();

/**
 * Registers `cls` in one persistence's own registry (`local`), refusing a name that the shared
 * registry gives to another class, since both are consulted when data is read.
 */
export function registerLocalClass<T extends object>(
  local: ClassRegistry,
  cls: AnyClass<T>,
  options?: RegisterClassOptions<T>,
): void {
  const name = options?.name ?? cls.name;
  const global = sharedClasses.byName(name);
  if (global !== undefined && global.cls !== cls) {
    throw new TypeError(
      `registerClass: another class is registered as "${name}" for every FilePersistence and SqlitePersistence; pass a different { name }`,
    );
  }
  local.register(cls, options);
}

/** Bot API classes by exported name, and names by class. */
interface ApiClasses {
  readonly byName: ReadonlyMap<string, AnyClass>;
  readonly nameOf: ReadonlyMap<AnyClass, string>;
}
let apiClasses: ApiClasses | undefined;

/**
 * Built on first encode or decode, not at import: a loop over the generated types' namespace at the
 * top of the module is a side effect that keeps all 400 classes in a bot's bundle, even a bot that
 * never persists anything.
 */
function apiClassTables(): ApiClasses {
  if (apiClasses !== undefined) return apiClasses;
  const byName = new Map<string, AnyClass>();
  const nameOf = new Map<AnyClass, string>();
  for (const [name, cls] of apiClassEntries()) {
    byName.set(name, cls);
    if (!nameOf.has(cls)) nameOf.set(cls, name);
  }
  apiClasses = { byName, nameOf };
  return apiClasses;
}

const TAG = '$t';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function className(value: object): string {
  return (
    (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ||
    'an object'
  );
}

/**
 * Encodes a value for storage; throws a TypeError naming `path` (and `owner`, the persistence
 * class, whose `registerClass` the message suggests) for what it cannot store.
 */
export function encodeValue(
  value: unknown,
  registries: readonly ClassRegistry[],
  path: string,
  owner = 'FilePersistence',
): unknown {
  const stack = new Set<object>();
  const lookup = (cls: unknown): ClassEntry | undefined => {
    for (const registry of registries) {
      const entry = registry.byClass(cls);
      if (entry !== undefined) return entry;
    }
    return undefined;
  };
  const encode = (item: unknown, at: string): unknown => {
    switch (typeof item) {
      case 'string':
      case 'boolean':
        return item;
      case 'number':
        if (Number.isFinite(item) && !Object.is(item, -0)) return item;
        return { [TAG]: 'Number', v: Object.is(item, -0) ? '-0' : String(item) };
      case 'bigint':
        return { [TAG]: 'BigInt', v: item.toString() };
      case 'undefined':
        return { [TAG]: 'undefined' };
      case 'object':
        break;
      default:
        throw new TypeError(`${owner} cannot store ${at}: it is a ${typeof item}`);
    }
    if (item === null) return null;
    if (stack.has(item)) throw new TypeError(`${owner} cannot store ${at}: it refers back to itself`);
    stack.add(item);
    try {
      return encodeObject(item, at);
    } finally {
      stack.delete(item);
    }
  };
  const encodeObject = (item: object, at: string): unknown => {
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      for (let i = 0; i < item.length; i++) out.push(encode(item[i], `${at}[${i}]`));
      return out;
    }
    if (item instanceof Bot) return { [TAG]: 'Bot' };
    if (item instanceof TelegramObject) {
      const name = apiClassTables().nameOf.get(item.constructor as AnyClass);
      if (name === undefined) {
        throw new TypeError(
          `${owner} cannot store ${at}: ${className(item)} is not a Bot API class it knows`,
        );
      }
      return { [TAG]: 'TelegramObject', class: name, v: item.toJSON() };
    }
    if (item instanceof Date) {
      const time = item.getTime();
      return { [TAG]: 'Date', v: Number.isNaN(time) ? null : time };
    }
    if (item instanceof Map) {
      let i = 0;
      const entries: unknown[] = [];
      for (const [k, v] of item) {
        entries.push([encode(k, `${at} key #${i}`), encode(v, `${at}.get(${String(k)})`)]);
        i++;
      }
      return { [TAG]: 'Map', v: entries };
    }
    if (item instanceof Set) {
      let i = 0;
      const values: unknown[] = [];
      for (const v of item) values.push(encode(v, `${at} value #${i++}`));
      return { [TAG]: 'Set', v: values };
    }
    if (item instanceof Uint8Array) return { [TAG]: 'Uint8Array', v: Buffer.from(item).toString('base64') };
    if (item instanceof RegExp) return { [TAG]: 'RegExp', v: [item.source, item.flags] };
    if (isPlainObject(item)) {
      if (Object.getOwnPropertySymbols(item).length > 0) {
        throw new TypeError(`${owner} cannot store ${at}: it has symbol keys`);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item))
        out[key] = encode((item as Record<string, unknown>)[key], `${at}.${key}`);
      return Object.hasOwn(out, TAG) ? { [TAG]: 'Object', v: out } : out;
    }
    const entry = lookup(item.constructor);
    if (entry === undefined) {
      const name = className(item);
      throw new TypeError(
        `${owner} cannot store ${at}: it is an instance of ${name}, which is not registered; call ${owner}.registerClass(${name}) (or pass it in the classes option)`,
      );
    }
    const data =
      entry.toData === undefined ? Object.fromEntries(Object.entries(item)) : entry.toData(item as object);
    return { [TAG]: 'Class', class: entry.name, v: encode(data, `${at} (${entry.name} data)`) };
  };
  return encode(value, path);
}

/** Decodes what {@link encodeValue} wrote; throws an Error naming `path` for what it cannot read. */
export function decodeValue(
  json: unknown,
  registries: readonly ClassRegistry[],
  bot: Bot,
  path: string,
  owner = 'FilePersistence',
): unknown {
  const lookup = (name: string): ClassEntry | undefined => {
    for (const registry of registries) {
      const entry = registry.byName(name);
      if (entry !== undefined) return entry;
    }
    return undefined;
  };
  const fail = (at: string, why: string): never => {
    throw new Error(`${at}: ${why}`);
  };
  const decode = (item: unknown, at: string): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (Array.isArray(item)) return item.map((element, i) => decode(element, `${at}[${i}]`));
    const record = item as Record<string, unknown>;
    const tag = record[TAG];
    if (tag === undefined) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) out[key] = decode(record[key], `${at}.${key}`);
      return out;
    }
    const v = record.v;
    switch (tag) {
      case 'Object': {
        const inner = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(inner)) out[key] = decode(inner[key], `${at}.${key}`);
        return out;
      }
      case 'undefined':
        return undefined;
      case 'Number':
        return v === '-0' ? -0 : Number(v);
      case 'BigInt':
        return BigInt(v as string);
      case 'Date':
        return new Date(v === null ? Number.NaN : (v as number));
      case 'Map':
        return new Map(
          (v as unknown[][]).map(([k, value], i) => [
            decode(k, `${at} key #${i}`),
            decode(value, `${at} value #${i}`),
          ]),
        );
      case 'Set':
        return new Set((v as unknown[]).map((value, i) => decode(value, `${at} value #${i}`)));
      case 'Uint8Array':
        return new Uint8Array(Buffer.from(v as string, 'base64'));
      case 'RegExp':
        return new RegExp((v as string[])[0] as string, (v as string[])[1]);
      case 'Bot':
        return bot;
      case 'TelegramObject': {
        const name = String(record.class);
        const cls = apiClassTables().byName.get(name) as unknown as
          | { fromJSON(data: unknown, bot?: Bot): unknown }
          | undefined;
        if (cls === undefined)
          return fail(at, `the Bot API class ${name} is unknown to this version of the library`);
        return cls.fromJSON(v, bot);
      }
      case 'Class': {
        const name = String(record.class);
        const entry = lookup(name);
        if (entry === undefined) {
          return fail(
            at,
            `an instance of the class "${name}", which is not registered; call ${owner}.registerClass(...) with it before loading`,
          );
        }
        const data = decode(v, at);
        if (entry.fromData !== undefined) return entry.fromData(data);
        return Object.assign(Object.create(entry.cls.prototype as object) as object, data);
      }
      default:
        return fail(at, `unknown tag ${JSON.stringify(tag)}`);
    }
  };
  return decode(json, path);
}
