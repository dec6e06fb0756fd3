/**
 * One job runner among several processes: a lease in Redis, renewed by its holder, decides which
 * process runs the job queue; a claim per job and scheduled time keeps a run from happening twice
 * when the lease changes hands.
 */
import { randomUUID } from 'node:crypto';
import type { AnyContext } from '../ext/context.js';
import type { Job } from '../ext/job-queue/job.js';
import type { JobRunGuard } from '../ext/job-queue/job-queue.js';
import { LazyRedis, type RedisConnection } from './connection.js';
import { RedisScript } from './script.js';

/** Options of {@link RedisJobLease}. */
export interface RedisJobLeaseOptions {
  /**
   * The Redis server: an ioredis client you made (never closed by the lease), a `redis://` URL or
   * ioredis options (the lease opens the client and closes it in {@link RedisJobLease.stop}).
   * Default `redis://127.0.0.1:6379`.
   */
  readonly redis?: RedisConnection | undefined;
  /** Put before every key; default `'ttb:'`. Processes of one bot use the same prefix. */
  readonly prefix?: string | undefined;
  /**
   * How long the lease lasts without renewal, in milliseconds; default 10 000. When the holder
   * dies, another process takes over at most this long plus one renewal interval later.
   */
  readonly leaseMs?: number | undefined;
  /** How long a run's claim is kept, in milliseconds; default ten times `leaseMs`. */
  readonly claimMs?: number | undefined;
}

const RENEW = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

function positive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(
      `RedisJobLease: ${name} must be a positive number of milliseconds, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * A {@link JobRunGuard} on Redis: give it to the job queue of every process of a bot
 * (`new JobQueue({ runGuard: lease })`), and only the process holding the lease runs jobs.
 *
 * Each process tries to take the lease (`SET NX PX` with a token of its own) and the holder renews
 * it every third of `leaseMs` (a script that extends it only while the token is still its own).
 * A run goes ahead only when this process holds the lease, counted from before its last renewal
 * was sent, and wins the run's claim: a key of the job's name (its id when it has none) and the
 * scheduled time, set once (`SET NX`). So a run is not run twice when the lease changes hands
 * around it. Jobs keyed by name must have the same schedule in every process: give repeating
 * jobs a `first` time, so their runs fall at the same moments everywhere.
 *
 * @example
 * ```ts
 * const lease = new RedisJobLease({ redis: 'redis://127.0.0.1:6379', prefix: 'mybot:' });
 * const app = Application.builder().token(token).jobQueue(new JobQueue({ runGuard: lease })).build();
 * app.jobQueue!.runDaily(report, { hour: 8, minute: 0 }, { name: 'morning report' });
 * ```
 */
export class RedisJobLease implements JobRunGuard {
  /** This process's token, the value of the lease key while it holds the lease. */
  readonly token = randomUUID();
  /** The lease key. */
  readonly key: string;
  readonly leaseMs: number;
  readonly claimMs: number;
  readonly #prefix: string;
  readonly #redis: LazyRedis;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Until when (local clock) the lease is surely ours; 0 when it is not. */
  #validUntil = 0;
  #running = false;
  #cycle: Promise<void> | undefined;

  constructor(options: RedisJobLeaseOptions = {}) {
    this.#prefix = options.prefix ?? 'ttb:';
    this.key = `${this.#prefix}job-lease`;
    this.leaseMs = positive(options.leaseMs ?? 10_000, 'leaseMs');
    this.claimMs = positive(options.claimMs ?? 10 * this.leaseMs, 'claimMs');
    this.#redis = new LazyRedis(options.redis);
  }

  /** Whether this process holds the lease now. */
  get holding(): boolean {
    return Date.now() < this.#validUntil;
  }

  /** Starts taking and renewing the lease; the job queue calls it in `start()`. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.#renew();
  }

  /** One round: renew the lease when held, else try to take it; then schedule the next round. */
  #renew(): Promise<void> {
    this.#cycle = (async () => {
      const client = this.#redis.client;
      const sentAt = Date.now();
      try {
        let held = false;
        if (this.#validUntil > 0) {
          held = (await RENEW.run(client, [this.key], [this.token, this.leaseMs])) === 1;
        }
        if (!held) held = (await client.set(this.key, this.token, 'PX', this.leaseMs, 'NX')) === 'OK';
        this.#validUntil = held ? sentAt + this.leaseMs : 0;
      } catch {
        // Redis did not answer: the lease stays ours only until it would have run out anyway.
      }
      if (this.#running) {
        this.#timer = setTimeout(() => void this.#renew(), Math.max(1, Math.floor(this.leaseMs / 3)));
        this.#timer.unref();
      }
    })();
    return this.#cycle;
  }

  /**
   * Whether this process runs `job` for the run due at `slot`: it holds the lease and claims the
   * run first. The job queue calls it before each run.
   */
  async shouldRun(job: Job<AnyContext>, slot: number): Promise<boolean> {
    if (!this.holding) return false;
    const claim = `${this.#prefix}job-run:${job.name ?? job.id}:${slot}`;
    const claimed = await this.#redis.client.set(claim, this.token, 'PX', this.claimMs, 'NX');
    return claimed === 'OK';
  }

  /** Stops renewing and gives the lease up at once, for another process to take; the job queue calls it in `stop()`. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#cycle;
    const client = this.#redis.opened;
    if (client === undefined) return;
    if (this.#validUntil > 0) await RELEASE.run(client, [this.key], [this.token]).catch(() => undefined);
    this.#validUntil = 0;
    await this.#redis.close();
  }
}
