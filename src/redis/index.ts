/**
 * `typescript-telegram-bot/redis`: running one bot as several processes on Redis. Needs the
 * optional peer dependency ioredis (`npm install ioredis@6`).
 *
 * @packageDocumentation
 */

export type { Redis, RedisConnection, RedisOptions } from './connection.js';
export { IOREDIS_INSTALL, isRedisClient, loadIoredis, openRedis } from './connection.js';
export { RedisJobLease, type RedisJobLeaseOptions } from './job-lease.js';
export {
  RedisPersistence,
  RedisPersistenceConflictError,
  type RedisPersistenceOptions,
} from './persistence.js';
export {
  type RedisBudgetOptions,
  RedisRateBudget,
  RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './rate-limiter.js';
