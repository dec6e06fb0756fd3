/**
 * The worker side of a bot spread over several processes: an update source for
 * `Application.runWorker()` that owns shards of the update streams through renewed leases and
 * hands their updates to the application, each shard strictly in order, the shards in parallel.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { positiveIntegerOption } from '../../ext/option-checks.js';
import type {
  UpdateSource,
  UpdateSourceCallbacks,
  UpdateSourceTarget,
} from '../../ext/updater/update-source.js';
import { DEFAULT_REDIS_URL, openRedis, type Redis, type RedisConnection } from '../connection.js';
import { MAX_ACK_WINDOW } from './ack-window.js';
import { parseReadReply, type StreamEntry } from './entries.js';
import {
  checkShards,
  DEFAULT_STREAMS_PREFIX,
  hashText,
  type StreamKeys,
  type StreamsLocation,
  streamKeys,
  WORKER_GROUP,
} from './keys.js';
import { HEARTBEAT, RELEASE, RENEW } from './scripts.js';
import { agreeOnShards } from './setup.js';
import { ShardConsumer, type ShardCounters, type ShardHost } from './shard-consumer.js';

/** How long a lease lasts unless configured otherwise, in ms: a dead worker's shards move after this. */
export const DEFAULT_LEASE_MS = 10_000;

/** How long update ids are remembered as handled unless configured otherwise, in ms (15 min). */
export const DEFAULT_DEDUPE_WINDOW_MS = 15 * 60_000;

/** Options of {@link redisStreams}. */
export interface RedisStreamsOptions extends StreamsLocation {
  /**
   * The Redis server: an ioredis client (you close it; give it `enableAutoPipelining: true` for
   * fewer writes per update), a `redis://` URL or ioredis options (auto-pipelining on unless they
   * turn it off). Default `redis://127.0.0.1:6379`.
   */
  readonly redis?: RedisConnection | undefined;
  /**
   * How long a shard lease lasts, in ms (default 10000); renewed every third of it. A worker that
   * dies loses its shards after at most this long; a worker that cannot renew in time stops
   * taking entries of the shard before the lease can pass to another.
   */
  readonly leaseMs?: number | undefined;
  /** Entries read per round trip per shard; default 20. */
  readonly batchSize?: number | undefined;
  /**
   * How many handled entries per shard may wait for their acknowledgement while the next ones are
   * handled; default 20, at most 1000. The acknowledgements of what was handled meanwhile go out in
   * one call, so a busy shard costs one round trip per several updates. It is also the most
   * updates per shard that a worker killed outright leaves to be handled again (handled, or in
   * hand, and not yet acknowledged). 1: each update is acknowledged before the next starts.
   */
  readonly ackWindow?: number | undefined;
  /** How long handled update ids are remembered to skip repeats, in ms; default 15 minutes. */
  readonly dedupeWindowMs?: number | undefined;
  /** How long one blocking read waits for new entries, in ms; default 5000. */
  readonly blockMs?: number | undefined;
  /** This worker's name (its lease token and consumer name); default host, pid and a random part. */
  readonly workerId?: string | undefined;
}

/** What a worker has done since it started. */
export interface RedisStreamsStats {
  /** Updates handed to the application and acknowledged. */
  readonly handled: number;
  /** Entries skipped because their update id was handled within the dedupe window. */
  readonly duplicatesSkipped: number;
  /** Entries taken over from a previous owner's pending list. */
  readonly claimed: number;
  /** The shards this worker holds now. */
  readonly ownedShards: readonly number[];
}

interface Owned {
  readonly consumer: ShardConsumer;
  validUntil: number;
  leaving: boolean;
}

/** Renewal requests start this much before the lease would lapse as seen here, in ms. */
const LEASE_MARGIN_MS = 100;

/**
 * Takes updates from the shard streams for `Application.runWorker()` (see {@link redisStreams}).
 */
export class RedisStreamsSource implements UpdateSource {
  readonly shards: number;
  readonly keys: StreamKeys;
  readonly workerId: string;
  readonly #connection: RedisConnection;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #dedupeWindowMs: number;
  readonly #ackWindow: number;
  readonly #blockMs: number;
  readonly #counters: ShardCounters = { handled: 0, duplicatesSkipped: 0, claimed: 0 };
  readonly #owned = new Map<number, Owned>();
  /** Shards whose consumer waits for the blocking read, and how to hand it entries. */
  readonly #idle = new Map<number, (entries: StreamEntry[]) => void>();
  #client: Redis | undefined;
  #ownsClient = false;
  #blocking: Redis | undefined;
  #blockingId: number | undefined;
  /** The shards the blocking read in flight covers, and its number. */
  #reading: ReadonlySet<number> | undefined;
  #readGeneration = 0;
  /** Settles when the blocking read in flight returns. */
  #readFinished: Promise<void> = Promise.resolve();
  #wakeReader: (() => void) | undefined;
  #reader: Promise<void> | undefined;
  #leaseLoop: Promise<void> | undefined;
  #stopLeases: (() => void) | undefined;
  #running = false;
  /** Whether the lease loop goes on: past `#running`, until the consumers of a stop finished. */
  #renewing = false;
  #callbacks: UpdateSourceCallbacks | undefined;

  constructor(options: RedisStreamsOptions) {
    this.shards = checkShards(options.shards);
    this.keys = streamKeys(options.prefix ?? DEFAULT_STREAMS_PREFIX);
    this.#connection = options.redis ?? DEFAULT_REDIS_URL;
    this.#leaseMs = positiveIntegerOption('leaseMs', options.leaseMs, DEFAULT_LEASE_MS);
    if (this.#leaseMs < 300) throw new RangeError('leaseMs must be at least 300');
    this.#batchSize = positiveIntegerOption('batchSize', options.batchSize, 20);
    this.#ackWindow = positiveIntegerOption('ackWindow', options.ackWindow, 20);
    if (this.#ackWindow > MAX_ACK_WINDOW) throw new RangeError(`ackWindow must be at most ${MAX_ACK_WINDOW}`);
    this.#dedupeWindowMs = positiveIntegerOption(
      'dedupeWindowMs',
      options.dedupeWindowMs,
      DEFAULT_DEDUPE_WINDOW_MS,
    );
    this.#blockMs = positiveIntegerOption('blockMs', options.blockMs, 5000);
    this.workerId = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  get running(): boolean {
    return this.#running;
  }

  /** What this worker has done so far. */
  get stats(): RedisStreamsStats {
    return { ...this.#counters, ownedShards: [...this.#owned.keys()].sort((a, b) => a - b) };
  }

  describe(): string {
    return `Redis Streams worker ${this.workerId} (${this.shards} shards)`;
  }

  async start(target: UpdateSourceTarget, callbacks: UpdateSourceCallbacks): Promise<void> {
    if (this.#running) throw new Error('The Redis Streams source is already running');
    // Auto-pipelining: the shards' reads, dedupe lookups and acknowledgements issued in one tick
    // leave in one write.
    const { client, owned } = openRedis(this.#connection, { enableAutoPipelining: true });
    this.#client = client;
    this.#ownsClient = owned;
    try {
      await agreeOnShards(client, this.keys, this.shards);
      const blocking = client.duplicate({ enableAutoPipelining: false });
      this.#blocking = blocking;
      this.#blockingId = Number(await blocking.call('CLIENT', 'ID'));
    } catch (error) {
      await this.#close();
      throw error;
    }
    if (target.concurrentUpdates === 1) {
      target.logger.info(
        'The application handles one update at a time: the shards this worker owns take turns. Keep the default per-chat processor for shards in parallel.',
      );
    }
    this.#callbacks = callbacks;
    this.#running = true;
    this.#renewing = true;
    const host = this.#host(client, target);
    this.#reader = this.#readLoop();
    this.#leaseLoop = this.#leaseCycle(host);
  }

  async stop(): Promise<void> {
    if (!this.#running) throw new Error('The Redis Streams source is not running');
    this.#running = false;
    // The consumers finish the entry in hand while the leases are still renewed.
    const leaving = [...this.#owned.entries()];
    for (const [shard] of leaving) this.#release(shard);
    const finished = Promise.all(leaving.map(([, owned]) => owned.consumer.stop()));
    const wake = this.#wakeReader;
    this.#wakeReader = undefined;
    wake?.();
    await this.#unblockReader();
    await finished;
    await this.#reader;
    this.#renewing = false;
    this.#stopLeases?.();
    await this.#leaseLoop;
    const client = this.#client as Redis;
    await Promise.all(
      leaving.map(([shard]) => RELEASE.run(client, [this.keys.lease(shard)], [this.workerId]).catch(() => 0)),
    );
    this.#owned.clear();
    await HEARTBEAT.run(client, [this.keys.workers], [this.workerId, this.#leaseMs, '0']).catch(() => 0);
    await this.#close();
  }

  async #close(): Promise<void> {
    this.#blocking?.disconnect();
    this.#blocking = undefined;
    const client = this.#client;
    this.#client = undefined;
    if (client !== undefined && this.#ownsClient) await client.quit().catch(() => undefined);
  }

  #report(error: unknown): void {
    this.#callbacks?.errorCallback(error);
  }

  #host(client: Redis, target: UpdateSourceTarget): ShardHost {
    return {
      client,
      keys: this.keys,
      consumer: this.workerId,
      batchSize: this.#batchSize,
      dedupeWindowMs: this.#dedupeWindowMs,
      ackWindow: this.#ackWindow,
      leaseMs: this.#leaseMs,
      counters: this.#counters,
      handle: (json) => new Promise<void>((resolve) => target.updateQueue.putThen(json, resolve)),
      waitForData: (shard) => this.#waitForData(shard),
      settleReads: (shard) => this.#settleReads(shard),
      leaseValid: (shard) => {
        const owned = this.#owned.get(shard);
        return owned !== undefined && owned.validUntil > performance.now();
      },
      report: (error) => this.#report(error),
    };
  }

  // --- leases -------------------------------------------------------------------------------

  async #leaseCycle(host: ShardHost): Promise<void> {
    const every = Math.floor(this.#leaseMs / 3);
    while (this.#renewing) {
      try {
        await this.#balance(host);
      } catch (error) {
        if (!this.#renewing) break;
        this.#report(error);
      }
      if (!this.#renewing) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, every);
        this.#stopLeases = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Renews the held leases, gives up shards beyond a fair share, and takes free ones up to it. */
  async #balance(host: ShardHost): Promise<void> {
    const client = this.#client as Redis;
    const started = performance.now();
    const live = Number(
      await HEARTBEAT.run(client, [this.keys.workers], [this.workerId, this.#leaseMs, '1']),
    );
    const share = Math.ceil(this.shards / Math.max(1, live));
    await Promise.all(
      [...this.#owned.entries()].map(async ([shard, owned]) => {
        const renewed = Number(
          await RENEW.run(client, [this.keys.lease(shard)], [this.workerId, this.#leaseMs]),
        );
        if (renewed === 1) owned.validUntil = started + this.#leaseMs - LEASE_MARGIN_MS;
        else if (!owned.leaving) this.#lose(shard, owned);
      }),
    );
    if (!this.#running) return;
    const staying = [...this.#owned.entries()].filter(([, owned]) => !owned.leaving).map(([shard]) => shard);
    for (const shard of staying.slice(share)) this.#release(shard);
    let holding = Math.min(staying.length, share);
    // Workers start looking at different shards, so they rarely race for the same free lease.
    const offset = hashText(this.workerId) % this.shards;
    for (let step = 0; step < this.shards && holding < share && this.#running; step++) {
      const shard = (offset + step) % this.shards;
      if (this.#owned.has(shard)) continue;
      const attempt = performance.now();
      const taken = await client.call(
        'SET',
        this.keys.lease(shard),
        this.workerId,
        'NX',
        'PX',
        this.#leaseMs,
      );
      if (taken !== 'OK' || !this.#running) {
        if (taken === 'OK') await RELEASE.run(client, [this.keys.lease(shard)], [this.workerId]);
        continue;
      }
      const consumer = new ShardConsumer(shard, host);
      this.#owned.set(shard, {
        consumer,
        validUntil: attempt + this.#leaseMs - LEASE_MARGIN_MS,
        leaving: false,
      });
      holding++;
      consumer.start();
    }
  }

  /** The lease passed to another worker (or lapsed): stop at once, without releasing. */
  #lose(shard: number, owned: Owned): void {
    owned.leaving = true;
    owned.validUntil = 0;
    this.#idle.get(shard)?.([]);
    this.#idle.delete(shard);
    if (this.#reading?.has(shard) === true) void this.#unblockReader();
    void owned.consumer.stop().then(() => {
      if (this.#owned.get(shard) === owned) this.#owned.delete(shard);
    });
  }

  /**
   * Gives a shard up gracefully: the entry in hand finishes, then the lease is released (by
   * {@link stop} itself when the whole worker stops).
   */
  #release(shard: number): void {
    const owned = this.#owned.get(shard);
    if (owned === undefined || owned.leaving) return;
    owned.leaving = true;
    this.#idle.get(shard)?.([]);
    this.#idle.delete(shard);
    if (!this.#running) return;
    void owned.consumer.stop().then(async () => {
      // A read in flight may still deliver entries of the shard to this worker; once it returned,
      // those are pending here, and the next owner claims them before anything newer.
      await this.#settleReads(shard);
      const client = this.#client;
      if (client !== undefined && this.#running) {
        await RELEASE.run(client, [this.keys.lease(shard)], [this.workerId]).catch((error) =>
          this.#report(error),
        );
      }
      if (this.#owned.get(shard) === owned) this.#owned.delete(shard);
    });
  }

  // --- the blocking read ----------------------------------------------------------------------

  #waitForData(shard: number): Promise<StreamEntry[]> {
    if (!this.#running || this.#owned.get(shard)?.leaving !== false) return Promise.resolve([]);
    return new Promise<StreamEntry[]>((resolve) => {
      this.#idle.set(shard, resolve);
      const wake = this.#wakeReader;
      this.#wakeReader = undefined;
      wake?.();
      if (this.#reading !== undefined && !this.#reading.has(shard)) void this.#restartRead();
    });
  }

  /** Ends the blocking read in flight so the next one covers the shards that became idle since. */
  async #restartRead(): Promise<void> {
    const generation = this.#readGeneration;
    await this.#unblockReader();
    // The unblock may reach Redis before the read it was meant for: try once more shortly after.
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.#readGeneration === generation && this.#reading !== undefined) await this.#unblockReader();
  }

  /** Resolves once no blocking read in flight covers `shard` (ending the one that does). */
  async #settleReads(shard: number): Promise<void> {
    while (this.#reading?.has(shard) === true) {
      const finished = this.#readFinished;
      await this.#unblockReader();
      await finished;
    }
  }

  async #unblockReader(): Promise<void> {
    const client = this.#client;
    if (client === undefined || this.#blockingId === undefined) return;
    await client.call('CLIENT', 'UNBLOCK', this.#blockingId).catch(() => 0);
  }

  async #readLoop(): Promise<void> {
    let pause = 0;
    while (this.#running) {
      if (this.#idle.size === 0) {
        await new Promise<void>((resolve) => {
          this.#wakeReader = resolve;
        });
        continue;
      }
      const shards = [...this.#idle.keys()];
      const blocking = this.#blocking as Redis;
      let raw: unknown;
      const began = performance.now();
      this.#reading = new Set(shards);
      this.#readGeneration++;
      let finish = (): void => {};
      this.#readFinished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      try {
        raw = await blocking.call(
          'XREADGROUP',
          'GROUP',
          WORKER_GROUP,
          this.workerId,
          'COUNT',
          this.#batchSize,
          'BLOCK',
          this.#blockMs,
          'STREAMS',
          ...shards.map((shard) => this.keys.stream(shard)),
          ...shards.map(() => '>'),
        );
        pause = 0;
      } catch (error) {
        if (!this.#running) break;
        this.#report(error);
        pause = pause === 0 ? 50 : Math.min(1000, pause * 2);
        await new Promise((resolve) => setTimeout(resolve, pause));
        this.#blockingId = Number(await blocking.call('CLIENT', 'ID').catch(() => this.#blockingId));
        continue;
      } finally {
        this.#reading = undefined;
        finish();
      }
      if (raw === null && performance.now() - began >= this.#blockMs) {
        // A quiet spell: the waiting consumers look around once (the sweep of stranded entries).
        for (const shard of shards) {
          const resolve = this.#idle.get(shard);
          this.#idle.delete(shard);
          resolve?.([]);
        }
        continue;
      }
      const byStream = parseReadReply(raw);
      for (const shard of shards) {
        const entries = byStream.get(this.keys.stream(shard));
        if (entries === undefined || entries.length === 0) continue;
        // Without a consumer waiting (the shard was let go meanwhile), the entries stay pending
        // here and the shard's next owner claims them first.
        const resolve = this.#idle.get(shard);
        this.#idle.delete(shard);
        resolve?.(entries);
      }
    }
  }
}

/**
 * The update source of a worker process: `Application.builder()...updateSource(redisStreams({...}))`
 * then `app.runWorker()`. Run as many workers as you like; each owns a fair share of the shards
 * through a lease renewed every third of `leaseMs`, and a dead worker's shards (with the entries
 * it left unacknowledged) pass to the others after at most `leaseMs`.
 *
 * Guarantees: at-least-once delivery (an entry is acknowledged only after the application handled
 * it and its persistence recorded it); effectively once for handlers within the dedupe window
 * (`dedupeWindowMs`: repeats of a handled `update_id` are skipped), except that a worker killed
 * outright leaves, per shard it owned, at most `ackWindow` updates to be handled again: those it
 * handled, or had in hand, whose acknowledgement had not reached Redis; per-chat
 * order (a chat's updates live in one shard, handled one at a time, a takeover resumes with the
 * oldest unacknowledged entry).
 *
 * @example
 * ```ts
 * import { Application, CommandHandler } from 'typescript-telegram-bot/ext';
 * import { redisStreams } from 'typescript-telegram-bot/redis';
 *
 * const app = Application.builder()
 *   .token(process.env.BOT_TOKEN!)
 *   .updateSource(redisStreams({ redis: process.env.REDIS_URL!, shards: 16 }))
 *   .build();
 * app.addHandler(new CommandHandler('start', (update) => update.message!.replyText('Hi!')));
 * await app.runWorker();
 * ```
 */
export function redisStreams(options: RedisStreamsOptions): RedisStreamsSource {
  return new RedisStreamsSource(options);
}
