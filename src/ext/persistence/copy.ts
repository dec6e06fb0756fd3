/**
 * The deep copy the application hands to a persistence (PTB deep-copies with `copy.deepcopy`), so
 * a backend never shares objects that handlers keep changing.
 */
import { TelegramObject } from '../../base/telegram-object.js';
import { Bot } from '../../bot.js';

/**
 * A deep copy of persisted data. Copied: plain objects and arrays, `Map`, `Set`, `Date`,
 * `RegExp`, typed arrays, `ArrayBuffer`, and instances of your own classes (a new object with
 * the same prototype and deep copies of its own properties; the constructor is not called, as
 * Python's deepcopy does not call `__init__`). Kept as they are: primitives, functions, Bot API
 * objects (they are frozen) and the bot. Shared references and cycles are kept as such.
 *
 * ECMAScript `#private` fields cannot be copied from outside a class: a data class whose state
 * lives in `#private` fields loses it. Keep persisted data in public fields.
 *
 * @example
 * ```ts
 * const copy = persistenceCopy({ visits: new Map([[1, new Date()]]) });
 * ```
 */
export function persistenceCopy<T>(value: T): T {
  return copyValue(value, new Map()) as T;
}

function copyValue(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof TelegramObject || value instanceof Bot) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copyValue(value[i], seen);
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(copyValue(k, seen), copyValue(v, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) out.add(copyValue(v, seen));
    return out;
  }
  if (value instanceof Date) {
    const out = new Date(value.getTime());
    seen.set(value, out);
    return out;
  }
  if (value instanceof RegExp) {
    const out = new RegExp(value.source, value.flags);
    seen.set(value, out);
    return out;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    const out = structuredClone(value);
    seen.set(value, out);
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
  seen.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if ('value' in descriptor) descriptor.value = copyValue(descriptor.value, seen);
    // An ordinary property is assigned: defineProperty for each would turn the copy into a slow
    // dictionary-mode object (bench/RESULTS.md, persistence). `__proto__` would set the prototype.
    if (descriptor.writable && descriptor.enumerable && descriptor.configurable && key !== '__proto__') {
      out[key] = descriptor.value;
    } else {
      Object.defineProperty(out, key, descriptor);
    }
  }
  if (Object.isFrozen(value)) Object.freeze(out);
  return out;
}
