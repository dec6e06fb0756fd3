/**
 * Checks and parsing for persistences that store plain JSON (DictPersistence).
 */
import type { ConversationDict, PersistedCallbackData, PersistedJob } from './base.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor
      ?.name;
    return name ? `a ${name}` : 'an object';
  }
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Throws a TypeError naming `where` unless `value` is JSON data as it is (plain objects, arrays,
 * strings, finite numbers, booleans, null), so nothing is silently lost by `JSON.stringify`.
 */
export function assertJsonData(value: unknown, where: string, what: string): void {
  const stack = new Set<object>();
  const visit = (item: unknown, path: string): void => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return;
    if (typeof item === 'number') {
      if (Number.isFinite(item)) return;
      throw new TypeError(
        `${what} stores JSON data only; ${path} is ${String(item)}, which JSON cannot hold`,
      );
    }
    if (typeof item === 'object') {
      if (stack.has(item))
        throw new TypeError(`${what} stores JSON data only; ${path} refers back to itself`);
      if (Array.isArray(item)) {
        stack.add(item);
        for (let i = 0; i < item.length; i++) visit(item[i], `${path}[${i}]`);
        stack.delete(item);
        return;
      }
      if (isPlainObject(item)) {
        stack.add(item);
        // An undefined property is as good as a missing one (JSON leaves it out).
        for (const key of Object.keys(item)) if (item[key] !== undefined) visit(item[key], `${path}.${key}`);
        stack.delete(item);
        return;
      }
    }
    throw new TypeError(
      `${what} stores JSON data only (plain objects, arrays, strings, finite numbers, booleans, null); ${path} is ${describe(item)}. Use FilePersistence for Maps, Sets, Dates, Bot API objects and your own classes.`,
    );
  };
  visit(value, where);
}

/** Parses an option's JSON text, naming the option when it is not JSON. */
export function parseJsonOption(text: string, option: string, owner: string): unknown {
  if (typeof text !== 'string') throw new TypeError(`${owner}: ${option} must be a string of JSON`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`${owner}: ${option} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** `{"<id>": data, ...}` as a map of integer ids. */
export function idMapFromJson<T>(value: unknown, option: string, owner: string): Map<number, T> {
  if (!isPlainObject(value)) {
    throw new TypeError(`${owner}: ${option} must be a JSON object of ids to data, got ${describe(value)}`);
  }
  const map = new Map<number, T>();
  for (const [key, data] of Object.entries(value)) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || String(id) !== key) {
      throw new TypeError(
        `${owner}: ${option} has the key ${JSON.stringify(key)}, which is not an integer id`,
      );
    }
    map.set(id, data as T);
  }
  return map;
}

/** `{"<name>": {"<key>": state}}` as conversation dicts by name. */
export function conversationsFromJson(
  value: unknown,
  option: string,
  owner: string,
): Map<string, ConversationDict> {
  if (!isPlainObject(value)) {
    throw new TypeError(
      `${owner}: ${option} must be a JSON object of handler names to states, got ${describe(value)}`,
    );
  }
  const all = new Map<string, ConversationDict>();
  for (const [name, states] of Object.entries(value)) {
    if (!isPlainObject(states)) {
      throw new TypeError(
        `${owner}: ${option}: the conversations of ${JSON.stringify(name)} must be an object`,
      );
    }
    const dict: ConversationDict = new Map();
    for (const [key, state] of Object.entries(states)) {
      if (typeof state !== 'string' && typeof state !== 'number') {
        throw new TypeError(
          `${owner}: ${option}: the state of ${JSON.stringify(name)} ${key} must be a string or a number, got ${describe(state)}`,
        );
      }
      dict.set(key, state);
    }
    all.set(name, dict);
  }
  return all;
}

/** The callback data cache's JSON, or `null`. */
export function callbackDataFromJson(
  value: unknown,
  option: string,
  owner: string,
): PersistedCallbackData | null {
  if (value === null) return null;
  if (
    !isPlainObject(value) ||
    !Array.isArray(value.keyboards) ||
    !isPlainObject(value.queries) ||
    !value.keyboards.every(
      (entry: unknown) =>
        Array.isArray(entry) &&
        entry.length === 3 &&
        typeof entry[0] === 'string' &&
        typeof entry[1] === 'number' &&
        isPlainObject(entry[2]),
    )
  ) {
    throw new TypeError(
      `${owner}: ${option} must be null or {"keyboards": [[id, accessTime, {buttonId: data}], ...], "queries": {queryId: keyboardId}}`,
    );
  }
  return value as unknown as PersistedCallbackData;
}

/** `{"<id>": job}` as persisted jobs by id. */
export function jobsFromJson(value: unknown, option: string, owner: string): Map<string, PersistedJob> {
  if (!isPlainObject(value)) {
    throw new TypeError(
      `${owner}: ${option} must be a JSON object of job ids to jobs, got ${describe(value)}`,
    );
  }
  const jobs = new Map<string, PersistedJob>();
  for (const [id, job] of Object.entries(value)) {
    if (!isPlainObject(job) || job.id !== id || typeof job.callback !== 'string') {
      throw new TypeError(
        `${owner}: ${option}: the job ${JSON.stringify(id)} is not a stored job (id, callback, ...)`,
      );
    }
    jobs.set(id, job as unknown as PersistedJob);
  }
  return jobs;
}
