/**
 * The one write RedisPersistence makes: a batch of entry writes, each guarded by the version the
 * writer last saw, applied all together or (when any entry's version moved on) not at all, in one
 * atomic script call; optionally with the id of the update the batch records.
 */
import type { Redis } from 'ioredis';
import { RedisScript } from './script.js';

/** One entry to write: its data and version hashes, its field, the base version, its new value. */
export interface EntryWrite {
  readonly dataKey: string;
  readonly versionKey: string;
  readonly field: string;
  /** The version this process last saw (0: never stored). */
  readonly base: number;
  /** The encoded value; `null` removes the entry (its version still moves on). */
  readonly value: string | null;
}

/** The outcome of {@link writeEntries}: new versions in order, or the stale entries. */
export type WriteOutcome =
  | { readonly ok: true; readonly versions: readonly number[] }
  | { readonly ok: false; readonly stale: ReadonlyArray<readonly [index: number, stored: number]> };

// ARGV: count, handled update id ('' for none), handled ids kept, then per entry: field, base
// version, value, '1' for a removal. KEYS: per entry its data hash and version hash, then the
// handled-updates sorted set.
const WRITE = new RedisScript(`
local n = tonumber(ARGV[1])
local stale = {0}
for i = 1, n do
  local o = 3 + (i - 1) * 4
  local stored = tonumber(redis.call('HGET', KEYS[2 * i], ARGV[o + 1]) or '0')
  if stored ~= tonumber(ARGV[o + 2]) then
    stale[#stale + 1] = i - 1
    stale[#stale + 1] = stored
  end
end
if #stale > 1 then return stale end
local reply = {1}
for i = 1, n do
  local o = 3 + (i - 1) * 4
  local field = ARGV[o + 1]
  reply[#reply + 1] = redis.call('HINCRBY', KEYS[2 * i], field, 1)
  if ARGV[o + 4] == '1' then
    redis.call('HDEL', KEYS[2 * i - 1], field)
  else
    redis.call('HSET', KEYS[2 * i - 1], field, ARGV[o + 3])
  end
end
if ARGV[2] ~= '' then
  redis.call('ZADD', KEYS[2 * n + 1], ARGV[2], ARGV[2])
  redis.call('ZREMRANGEBYRANK', KEYS[2 * n + 1], 0, -(tonumber(ARGV[3]) + 1))
end
return reply
`);

/**
 * Writes `entries` (and records `handled`, an update id, in `handledKey` keeping the newest
 * `keep`) in one atomic step, unless an entry's stored version differs from its base.
 */
export async function writeEntries(
  client: Redis,
  entries: readonly EntryWrite[],
  handled?: { readonly key: string; readonly updateId: number; readonly keep: number },
): Promise<WriteOutcome> {
  const keys: string[] = [];
  const args: (string | number)[] = [entries.length, handled?.updateId ?? '', handled?.keep ?? 0];
  for (const entry of entries) {
    keys.push(entry.dataKey, entry.versionKey);
    args.push(entry.field, entry.base, entry.value ?? '', entry.value === null ? '1' : '0');
  }
  if (handled !== undefined) keys.push(handled.key);
  const reply = (await WRITE.run(client, keys, args)) as number[];
  if (reply[0] === 1) return { ok: true, versions: reply.slice(1) };
  const stale: Array<readonly [number, number]> = [];
  for (let i = 1; i < reply.length; i += 2) stale.push([reply[i] as number, reply[i + 1] as number]);
  return { ok: false, stale };
}
