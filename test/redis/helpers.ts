// Shared by every Redis test: whether a Redis server answers at 127.0.0.1:6379 (REDIS_URL
// overrides), and a key prefix of its own per test, removed afterwards, so tests running in
// parallel never see each other's keys.
import { randomBytes } from 'node:crypto';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { Redis as RedisClient } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function probe(url: string, timeoutMs: number): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (reason: string | undefined): void => {
      socket.destroy();
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no answer from Redis at ${url} within ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      done(`Redis at ${url} is not reachable (${error.message})`);
    });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      clearTimeout(timer);
      done(data.toString().startsWith('+PONG') ? undefined : `Redis at ${url} answered PING with ${data}`);
    });
  });
}

let availability: Promise<string | undefined> | undefined;

/**
 * Why the Redis tests cannot run here (no server answers), or `false` when they can. Give it to
 * `test(name, { skip: await redisSkipReason() }, ...)` so the skip shows its reason.
 */
export async function redisSkipReason(): Promise<string | false> {
  availability ??= probe(REDIS_URL, 1000);
  return (await availability) ?? false;
}

/** A fresh key prefix for one test, e.g. `ttb-test:3f9a1c2b:`. */
export function testPrefix(): string {
  return `ttb-test:${randomBytes(4).toString('hex')}:`;
}

/** A new client; the caller quits it (or gives it to `cleanUp`). */
export function testClient(): Redis {
  return new RedisClient(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
}

/** Deletes every key under `prefix` and quits `client`. */
export async function cleanUp(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await client.quit();
}

/** A TCP relay to Redis that can go silent, as a Redis behind a broken network does. */
export interface FreezableRedis {
  /** A Redis URL that reaches Redis through the relay. */
  readonly url: string;
  /** From now on nothing passes either way; connections stay open, so commands hang. */
  freeze(): void;
  close(): Promise<void>;
}

/** Starts a relay on 127.0.0.1 to {@link REDIS_URL}. */
export async function freezableRedis(): Promise<FreezableRedis> {
  const target = new URL(REDIS_URL);
  let frozen = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: target.hostname, port: Number(target.port || 6379) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze() {
      frozen = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
