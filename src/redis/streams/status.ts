/**
 * What an operator watches: per shard, the backlog, the entries being handled, and who holds the
 * lease; and which workers are alive.
 */
import type { Redis } from '../connection.js';
import { DEFAULT_STREAMS_PREFIX, streamKeys, WORKER_GROUP } from './keys.js';

/** The state of one shard. */
export interface ShardStatus {
  readonly shard: number;
  /** Entries not yet handled and acknowledged (the backlog; the ingress holds new ones past `maxPending`). */
  readonly length: number;
  /** Entries delivered to a worker and not yet acknowledged (being handled, or left by a dead worker). */
  readonly pending: number;
  /** The worker holding the lease, or `null` when none does (the shard waits for a worker). */
  readonly leaseOwner: string | null;
  /** Milliseconds left on the lease, or `null` without one. */
  readonly leaseTtlMs: number | null;
  /** Update ids remembered as handled (the dedupe window). */
  readonly remembered: number;
}

/** The state of the update streams. */
export interface StreamsStatus {
  readonly shards: readonly ShardStatus[];
  /** Workers that sent a heartbeat within their lease time, with when (ms since the epoch, Redis's clock). */
  readonly workers: ReadonlyArray<{ readonly id: string; readonly lastSeen: number }>;
}

/**
 * Reads the state of the update streams (a few commands per shard, pipelined): export it to your
 * monitoring, or print it.
 *
 * @example
 * ```ts
 * const status = await streamsStatus(redis, { shards: 16 });
 * for (const s of status.shards) console.log(s.shard, s.length, s.pending, s.leaseOwner);
 * ```
 */
export async function streamsStatus(
  client: Redis,
  options: { readonly shards: number; readonly prefix?: string | undefined },
): Promise<StreamsStatus> {
  const keys = streamKeys(options.prefix ?? DEFAULT_STREAMS_PREFIX);
  const pipeline = client.pipeline();
  for (let shard = 0; shard < options.shards; shard++) {
    pipeline.call('XLEN', keys.stream(shard));
    pipeline.call('XPENDING', keys.stream(shard), WORKER_GROUP);
    pipeline.call('GET', keys.lease(shard));
    pipeline.call('PTTL', keys.lease(shard));
    pipeline.call('ZCARD', keys.done(shard));
  }
  pipeline.call('ZRANGE', keys.workers, 0, -1, 'WITHSCORES');
  const replies = (await pipeline.exec()) ?? [];
  // A stream without its group yet answers XPENDING with an error: nothing is pending there.
  const value = (index: number): unknown => replies[index]?.[1];
  const shards: ShardStatus[] = [];
  for (let shard = 0; shard < options.shards; shard++) {
    const base = shard * 5;
    const pending = value(base + 1);
    const owner = value(base + 2);
    const ttl = Number(value(base + 3));
    shards.push({
      shard,
      length: Number(value(base) ?? 0),
      pending: Array.isArray(pending) ? Number(pending[0] ?? 0) : 0,
      leaseOwner: typeof owner === 'string' ? owner : null,
      leaseTtlMs: ttl >= 0 ? ttl : null,
      remembered: Number(value(base + 4) ?? 0),
    });
  }
  const flat = value(options.shards * 5);
  const workers: Array<{ id: string; lastSeen: number }> = [];
  if (Array.isArray(flat)) {
    for (let index = 0; index + 1 < flat.length; index += 2) {
      workers.push({ id: String(flat[index]), lastSeen: Number(flat[index + 1]) });
    }
  }
  return { shards, workers };
}
