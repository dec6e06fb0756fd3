/**
 * The Redis client of the scale-out features: the optional peer dependency `ioredis` (6.x), loaded
 * on first use so bots that never use Redis need not install it.
 *
 * ioredis was chosen over node-redis because it is widely deployed and maintained, and has what
 * the scale-out parts lean on in one package: Lua scripts defined once and called as commands
 * (`defineCommand`, sent by hash), pipelines, the Streams commands including `XAUTOCLAIM`, and
 * `duplicate()` for the blocking connection a stream consumer needs beside its command connection.
 */
import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';

export type { Redis, RedisOptions };

/** The install line the errors give. */
export const IOREDIS_INSTALL = 'npm install ioredis@6';

/** What a user gives where a Redis connection is needed: a client, a `redis://` URL, or options. */
export type RedisConnection = Redis | string | RedisOptions;

/** Where every Redis class connects when no `redis` option is given: a local server. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

type RedisConstructor = new (...args: [string, RedisOptions] | [RedisOptions]) => Redis;

let loaded: RedisConstructor | undefined;

function defaultLoad(): unknown {
  return createRequire(import.meta.url)('ioredis');
}

/**
 * ioredis's `Redis` class, required on the first call. `load` replaces the `require` (tests give
 * one that fails, to see the error a user without the package gets).
 */
export function loadIoredis(load: () => unknown = defaultLoad): RedisConstructor {
  if (loaded !== undefined && load === defaultLoad) return loaded;
  let module: unknown;
  try {
    module = load();
  } catch (error) {
    throw new Error(
      `The Redis features need the package ioredis, which is not installed. Run: ${IOREDIS_INSTALL}`,
      { cause: error },
    );
  }
  const redisClass = (module as { Redis?: unknown }).Redis;
  if (typeof redisClass !== 'function') {
    throw new Error(`The package ioredis has no Redis class: install version 6 (${IOREDIS_INSTALL}).`);
  }
  if (load === defaultLoad) loaded = redisClass as RedisConstructor;
  return redisClass as RedisConstructor;
}

/** Whether `value` is a connected or connectable ioredis client rather than a URL or options. */
export function isRedisClient(value: RedisConnection): value is Redis {
  return typeof value === 'object' && typeof (value as { sendCommand?: unknown }).sendCommand === 'function';
}

/**
 * A client for `connection`: the given client itself (`owned: false`, the caller closes it), or a
 * new one made from a URL or options (`owned: true`, the feature that asked closes it). `defaults`
 * apply to a new client where the user's options leave them out.
 */
export function openRedis(
  connection: RedisConnection,
  defaults: RedisOptions = {},
): { readonly client: Redis; readonly owned: boolean } {
  if (isRedisClient(connection)) return { client: connection, owned: false };
  const RedisClass = loadIoredis();
  const client =
    typeof connection === 'string'
      ? new RedisClass(connection, { ...defaults })
      : new RedisClass({ ...defaults, ...connection });
  return { client, owned: true };
}

/**
 * A client opened from a connection on first use, for features that may never need one. A client
 * it was given is used as it is and never closed here; one it opened, {@link close} quits.
 */
export class LazyRedis {
  readonly #connection: RedisConnection;
  #client: Redis | undefined;
  #owned = false;

  constructor(connection: RedisConnection | undefined) {
    this.#connection = connection ?? DEFAULT_REDIS_URL;
  }

  /** The client, opened on the first call. */
  get client(): Redis {
    if (this.#client === undefined) {
      const { client, owned } = openRedis(this.#connection);
      this.#client = client;
      this.#owned = owned;
    }
    return this.#client;
  }

  /** The client if it was asked for already, without opening one. */
  get opened(): Redis | undefined {
    return this.#client;
  }

  /** Quits the client if it was opened here (a given one stays open); the next use opens a new one. */
  async close(): Promise<void> {
    const client = this.#client;
    if (client === undefined || !this.#owned) return;
    this.#client = undefined;
    await client.quit();
  }
}
