/**
 * What the ingress and the workers check and create before they run: the shard count every
 * process agrees on, and the consumer group on each shard's stream.
 */
import type { Redis } from '../connection.js';
import { type StreamKeys, WORKER_GROUP } from './keys.js';

/**
 * Records the shard count on first use and refuses a different one: moving to another count
 * while entries are pending would hand a chat's updates to two shards and break its order.
 */
export async function agreeOnShards(client: Redis, keys: StreamKeys, shards: number): Promise<void> {
  await client.call('HSETNX', keys.config, 'shards', shards);
  const stored = Number(await client.call('HGET', keys.config, 'shards'));
  if (stored !== shards) {
    throw new Error(
      `The update streams under this prefix were set up with ${stored} shards, and this process is configured with ${shards}: give every ingress and worker the same shards, or use another prefix (changing the count needs the streams drained and the key ${keys.config} deleted)`,
    );
  }
}

/** Creates the worker group on a shard's stream (and the stream), reading from its start. */
export async function ensureGroup(client: Redis, keys: StreamKeys, shard: number): Promise<void> {
  try {
    await client.call('XGROUP', 'CREATE', keys.stream(shard), WORKER_GROUP, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
  }
}
