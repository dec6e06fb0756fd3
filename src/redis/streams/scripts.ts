/**
 * The Lua scripts of the update streams, run by SHA with the source sent once when Redis does not
 * know it yet (after a restart or a SCRIPT FLUSH). Each does in one atomic step what would
 * otherwise race between processes.
 */
import { createHash } from 'node:crypto';
import type { Redis } from '../connection.js';

/** A Lua script and its SHA-1. */
export class LuaScript {
  readonly source: string;
  readonly sha: string;

  constructor(source: string) {
    this.source = source;
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with `keys` and `args` (EVALSHA, EVAL when Redis does not have it). */
  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.call('EVALSHA', this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.call('EVAL', this.source, keys.length, ...keys, ...args);
    }
  }
}

/** Redis server time in ms, inside a script (all processes share one clock: Redis's). */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Appends updates to a shard's stream while it holds fewer than the bound; returns how many were
 * appended (the rest wait: backpressure, never dropped as MAXLEN would).
 * KEYS: stream. ARGV: bound, payload...
 */
export const APPEND = new LuaScript(`local room = tonumber(ARGV[1]) - redis.call('XLEN', KEYS[1])
local n = 0
for i = 2, #ARGV do
  if n >= room then break end
  redis.call('XADD', KEYS[1], '*', 'u', ARGV[i])
  n = n + 1
end
return n`);

/**
 * Acknowledges handled entries, removes them from the stream (so the stream's length is its
 * backlog), records their update ids as handled and forgets ids older than the window.
 * KEYS: stream, done. ARGV: group, window ms, then per entry its id and its update id ('' for none).
 */
export const ACK = new LuaScript(`${NOW}
local ids = {}
local done = {}
for i = 3, #ARGV, 2 do
  ids[#ids + 1] = ARGV[i]
  if ARGV[i + 1] ~= '' then
    done[#done + 1] = now
    done[#done + 1] = ARGV[i + 1]
  end
end
if #ids > 0 then
  redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
  redis.call('XDEL', KEYS[1], unpack(ids))
end
if #done > 0 then redis.call('ZADD', KEYS[2], unpack(done)) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]))
return #ids`);

/** Extends a lease held by the given token. KEYS: lease. ARGV: token, ttl ms. Returns 1 or 0. */
export const RENEW = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`);

/** Deletes a lease held by the given token. KEYS: lease. ARGV: token. Returns 1 or 0. */
export const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);

/**
 * A worker's heartbeat ('1') or farewell ('0'); forgets workers silent for longer than the ttl and
 * returns how many are live. KEYS: workers. ARGV: worker id, ttl ms, '1' | '0'.
 */
export const HEARTBEAT = new LuaScript(`${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if ARGV[3] == '1' then
  redis.call('ZADD', KEYS[1], now, ARGV[1])
else
  redis.call('ZREM', KEYS[1], ARGV[1])
end
return redis.call('ZCARD', KEYS[1])`);
