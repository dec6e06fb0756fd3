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
export type { StreamEntry } from './streams/entries.js';
export {
  DEFAULT_MAX_PENDING,
  INGRESS_ACK_TIMEOUT_MS,
  RedisIngress,
  type RedisIngressOptions,
  redisIngress,
} from './streams/ingress.js';
export {
  DEFAULT_STREAMS_PREFIX,
  hashId,
  type StreamKeys,
  type StreamsLocation,
  shardOf,
  streamKeys,
  WORKER_GROUP,
} from './streams/keys.js';
export { type ShardStatus, type StreamsStatus, streamsStatus } from './streams/status.js';
export {
  DEFAULT_DEDUPE_WINDOW_MS,
  DEFAULT_LEASE_MS,
  type RedisStreamsOptions,
  RedisStreamsSource,
  type RedisStreamsStats,
  redisStreams,
} from './streams/worker.js';
