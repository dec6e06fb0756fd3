/**
 * The rate limiter's send budget in Redis, so every process of a bot counts against the same
 * overall and per-group windows and together they keep to Telegram's limits.
 */
import { randomUUID } from 'node:crypto';
import type { BudgetLimits, BudgetTake, BudgetWindow, RateBudget } from '../ext/rate-limiter/budget.js';
import { RateLimiter, type RateLimiterOptions } from '../ext/rate-limiter/rate-limiter.js';
import { LazyRedis, type RedisConnection } from './connection.js';
import { RedisScript } from './script.js';

/** Where a Redis budget lives. */
export interface RedisBudgetOptions {
  /**
   * The Redis server: an ioredis client you made (never closed here), a `redis://` URL or
   * ioredis options (opened on first use, closed at shutdown). Default `redis://127.0.0.1:6379`.
   */
  readonly redis?: RedisConnection | undefined;
  /** Put before every key; default `'ttb:'`. All processes of one bot use the same prefix. */
  readonly prefix?: string | undefined;
  /**
   * Milliseconds added to every window's period, default 50: Telegram counts a message when it
   * arrives, which is a little after the budget let it go, and later for some processes than
   * for others; the margin keeps such differences from adding up to a 429.
   */
  readonly marginMs?: number | undefined;
}

/** Options of {@link RedisRateLimiter}: those of `RateLimiter` (except `budget`) and where Redis is. */
export interface RedisRateLimiterOptions extends Omit<RateLimiterOptions, 'budget'>, RedisBudgetOptions {}

// Lua setting `now` (ms) to ARGV[1], or to the Redis server's time when ARGV[1] is ''.
const NOW_MS = `local now = tonumber(ARGV[1])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

// KEYS: the windows' sorted sets (send times). ARGV: now ('' for the server's clock), a member id,
// then max and period (ms) per key. Takes one send from every window, or none and answers the
// milliseconds until all could have room.
const TAKE = new RedisScript(`
${NOW_MS}local wait = 0
for i = 1, #KEYS do
  local max = tonumber(ARGV[1 + 2 * i])
  local period = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - period)
  local count = redis.call('ZCARD', KEYS[i])
  if count >= max then
    local oldest = redis.call('ZRANGE', KEYS[i], count - max, count - max, 'WITHSCORES')
    local free = tonumber(oldest[2]) + period - now
    if free > wait then wait = free end
  end
end
if wait > 0 then return math.ceil(wait) end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], ARGV[2 + 2 * i])
end
return 0
`);

// KEYS and ARGV as TAKE's: moves the send ARGV[2] to the time now in every window still holding it.
const SETTLE = new RedisScript(`
${NOW_MS}for i = 1, #KEYS do
  if redis.call('ZADD', KEYS[i], 'XX', 'CH', now, ARGV[2]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 + 2 * i])
  end
end
return 0
`);

/**
 * A {@link RateBudget} in Redis: a sorted set of send times per window (`rl:overall`,
 * `rl:paid`, `rl:group:CHAT` under the prefix), checked and added to by one atomic script, so
 * concurrent processes never both take the last place in a window. A send counts from when it was
 * taken until it is answered, then from its answer, which is never before Telegram counted it. Times come from the Redis
 * server's clock, so processes on machines whose clocks differ still agree; a limiter with a
 * clock of its own (tests) gives its time instead.
 */
export class RedisRateBudget implements RateBudget {
  readonly prefix: string;
  readonly #redis: LazyRedis;
  readonly #ownClock: boolean;
  readonly #marginMs: number;

  /** `ownClock`: send the limiter's clock's time rather than use the server's. */
  constructor(options: RedisBudgetOptions = {}, ownClock = false) {
    this.prefix = options.prefix ?? 'ttb:';
    this.#redis = new LazyRedis(options.redis);
    this.#ownClock = ownClock;
    const margin = options.marginMs ?? 50;
    if (!(Number.isFinite(margin) && margin >= 0)) {
      throw new RangeError(`marginMs must be a number of milliseconds >= 0, got ${String(margin)}`);
    }
    this.#marginMs = margin;
  }

  #call(limits: BudgetLimits, now: number, ticket: string): [string[], (string | number)[]] {
    const windows = [limits.overall, limits.group].filter((w): w is BudgetWindow => w !== undefined);
    const keys = windows.map((w) => `${this.prefix}rl:${w.key}`);
    const args: (string | number)[] = [this.#ownClock ? now : '', ticket];
    for (const w of windows) args.push(w.max, w.periodMs + this.#marginMs);
    return [keys, args];
  }

  /** Takes one send from each window of `limits`, or answers how long to wait (see {@link RateBudget.take}). */
  async take(limits: BudgetLimits, now: number): Promise<BudgetTake> {
    const ticket = randomUUID();
    const [keys, args] = this.#call(limits, now, ticket);
    const wait = Number(await TAKE.run(this.#redis.client, keys, args));
    return wait > 0 ? { taken: false, waitMs: wait } : { taken: true, ticket };
  }

  /** Counts the send of `ticket` from `now` on (see {@link RateBudget.settle}). */
  async settle(ticket: string, limits: BudgetLimits, now: number): Promise<void> {
    const [keys, args] = this.#call(limits, now, ticket);
    await SETTLE.run(this.#redis.client, keys, args);
  }

  /** Closes the client it opened (a given one stays open); the next `take` opens a new one. */
  async close(): Promise<void> {
    await this.#redis.close();
  }
}

/**
 * A `RateLimiter` whose overall (30 a second) and per-group (20 a minute) budgets live in Redis,
 * so N processes of one bot together keep to Telegram's limits. Everything else is the
 * `RateLimiter`'s: the chats' turns and order, `RetryAfter` scoped to its chat with `maxRetries`,
 * the low-priority lane, `getUpdates` never throttled, the shutdown behaviour.
 *
 * @example
 * ```ts
 * const app = Application.builder()
 *   .token(process.env.BOT_TOKEN!)
 *   .rateLimiter(new RedisRateLimiter({ redis: process.env.REDIS_URL, prefix: 'mybot:', maxRetries: 2 }))
 *   .build();
 * ```
 */
export class RedisRateLimiter extends RateLimiter {
  /** The budget in Redis this limiter draws from. */
  readonly budget: RedisRateBudget;

  constructor(options: RedisRateLimiterOptions = {}) {
    const budget = new RedisRateBudget(options, options.clock !== undefined);
    super({ ...options, budget });
    this.budget = budget;
  }
}
