/**
 * The Redis keys of the update streams, and which shard an update belongs to.
 *
 * Every key of one shard carries the same hash tag (`{shard:N}`), so a Lua script touching a
 * shard's stream and its dedupe set runs on Redis Cluster too.
 */

import { orderingKey } from '../../ext/processor.js';
import type { Update } from '../../generated/types.js';
import type { RedisConnection } from '../connection.js';

/** The key prefix unless configured otherwise. */
export const DEFAULT_STREAMS_PREFIX = 'ttb:';

/** Where the streams are: the same in every ingress and worker of one bot. */
export interface StreamsLocation {
  /**
   * The Redis server: an ioredis client (you close it), a `redis://` URL or ioredis options;
   * default `redis://127.0.0.1:6379`.
   */
  readonly redis?: RedisConnection | undefined;
  /** How many shard streams; the same number in every ingress and worker. */
  readonly shards: number;
  /** The prefix of every key; default `ttb:`. The same in every ingress and worker. */
  readonly prefix?: string | undefined;
}

/** The consumer group every worker reads the shard streams in. */
export const WORKER_GROUP = 'workers';

/** The keys under one prefix. */
export interface StreamKeys {
  /** The stream of shard `shard`: one entry per update, field `u` holding its JSON. */
  stream(shard: number): string;
  /** The sorted set of update ids handled in shard `shard` (score: when, in ms), the dedupe window. */
  done(shard: number): string;
  /** The lease of shard `shard`: a worker's token, with an expiry. */
  lease(shard: number): string;
  /** The sorted set of live workers (score: their last heartbeat, in ms). */
  readonly workers: string;
  /** The shard count the streams were set up with, so processes configured differently refuse to run. */
  readonly config: string;
}

/** The keys of the update streams under `prefix`. */
export function streamKeys(prefix: string = DEFAULT_STREAMS_PREFIX): StreamKeys {
  return {
    stream: (shard) => `${prefix}{shard:${shard}}:updates`,
    done: (shard) => `${prefix}{shard:${shard}}:done`,
    lease: (shard) => `${prefix}{shard:${shard}}:lease`,
    workers: `${prefix}workers`,
    config: `${prefix}config`,
  };
}

/** FNV-1a (32 bits) of a string. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** FNV-1a over the decimal digits: spreads neighbouring ids (user ids, update ids) evenly. */
export function hashId(id: number): number {
  return hashText(String(id));
}

/**
 * The shard of an update: `hash(chat id) % shards`; an update without a chat goes by its user
 * (as the per-chat processor orders it), one with neither by its `update_id`.
 */
export function shardOf(update: Update, shards: number): number {
  return hashId(orderingKey(update) ?? update.update_id) % shards;
}

/** Checks a shard count: a positive integer. */
export function checkShards(shards: number): number {
  if (!Number.isSafeInteger(shards) || shards < 1 || shards > 16384) {
    throw new RangeError(`shards must be an integer from 1 to 16384 (got ${String(shards)})`);
  }
  return shards;
}
