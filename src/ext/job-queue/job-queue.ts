/**
 * The job queue (PTB's `telegram.ext.JobQueue`): runs callbacks once, repeatedly, daily, monthly
 * or on a cron expression, concurrently with the application's updates, and keeps persistent jobs
 * across restarts through the application's persistence.
 */
import type { AnyContext, CallbackContext } from '../context.js';
import type {
  BasePersistence,
  MissedRunPolicy,
  PersistedJob,
  PersistenceParticipant,
} from '../persistence/base.js';
import { type Clock, systemClock } from '../rate-limiter/clock.js';
import {
  attachJob,
  Job,
  type JobApplication,
  type JobCallback,
  markPersistent,
  persistenceOf,
} from './job.js';
import {
  CronSchedule,
  DailySchedule,
  IntervalSchedule,
  MonthlySchedule,
  OnceSchedule,
  type Schedule,
  scheduleFromJSON,
  type Weekday,
} from './schedule.js';
import { resolveTimeOfDay, resolveWhen, type TimeOfDay, type When } from './time-input.js';

/** The longest delay `setTimeout` takes; longer waits are split into several timers. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** JSON data, as a persistent job's `data` must be. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Scheduling limits of a job (PTB passes APScheduler's `job_kwargs`; these are the ones that apply here). */
export interface JobKwargs {
  /** Runs of this job at once; a run that falls due while this many are running is skipped. Default 1. */
  readonly maxInstances?: number | undefined;
  /**
   * Seconds a run may start late (a busy event loop, a paused process) before it is skipped;
   * default `null`: late runs happen (several missed ones as a single run).
   */
  readonly misfireGraceTime?: number | null | undefined;
}

/** Options every `run*` method takes. */
export interface JobOptions {
  /** Anything the callback needs, as `context.job.data`. */
  readonly data?: unknown;
  /** The job's name (for {@link JobQueue.getJobsByName}); default the callback's name. */
  readonly name?: string | undefined;
  /** The chat whose data the callback's context carries (`context.chatData`). */
  readonly chatId?: number | undefined;
  /** The user whose data the callback's context carries (`context.userData`). */
  readonly userId?: number | undefined;
  readonly jobKwargs?: JobKwargs | undefined;
  readonly persistent?: false | undefined;
}

/**
 * Options of a job that survives restarts: its callback is given by the name it was registered
 * under ({@link JobQueue.register}) and its data must be JSON.
 */
export interface PersistentJobOptions extends Omit<JobOptions, 'data' | 'persistent'> {
  readonly persistent: true;
  readonly data?: JsonValue | undefined;
  /** What happens to runs that fell due while the bot was not running; default `'runOnce'`. */
  readonly missedRuns?: MissedRunPolicy | undefined;
}

/** Options of {@link JobQueue.runRepeating}: when the runs begin and end. */
export interface RepeatingOptions {
  /** The first run: seconds from now, a Date, or a time of day (today's, even when past); default now plus one interval. */
  readonly first?: When | undefined;
  /** No runs after this (same forms as `first`). */
  readonly last?: When | undefined;
}

/** Options of {@link JobQueue.runDaily}: the weekdays (default all). */
export interface DailyOptions {
  /** PTB's numbering: 0 = Sunday .. 6 = Saturday. */
  readonly days?: readonly Weekday[] | undefined;
}

/** Options of {@link JobQueue.runCustom}: a cron expression and its time zone. */
export interface CronOptions {
  /** Five fields (`minute hour day-of-month month day-of-week`), or six with seconds first. */
  readonly cron: string;
  /** IANA time zone the expression is read in; default the job queue's ({@link JobQueue.timeZone}). */
  readonly timeZone?: string | undefined;
}

/** Options of {@link JobQueue.stop}. */
export interface JobQueueStopOptions {
  /** Wait for running callbacks to finish; default `true`. */
  readonly wait?: boolean | undefined;
}

/**
 * Decides whether this process runs a job's due run, for a bot that runs as several processes
 * with the same jobs (e.g. `RedisJobLease` of `typescript-telegram-bot/redis`: only the process
 * holding a lease runs jobs, and each run is claimed once). The job queue asks it just before a run
 * would start; `start` and `stop` are called with the queue's own.
 */
export interface JobRunGuard {
  /**
   * Whether to run `job` for the run due at `slot` (epoch milliseconds, the scheduled time, the
   * same in every process keeping the same schedule). `false` skips that run (the next one is
   * asked again); a rejection skips it too, with a warning in the application's log.
   */
  shouldRun(job: Job<AnyContext>, slot: number): boolean | Promise<boolean>;
  /** Called by {@link JobQueue.start}, before the first run. */
  start?(): void | Promise<void>;
  /** Called by {@link JobQueue.stop}, after the runs it waits for ended. */
  stop?(): void | Promise<void>;
}

/** Options of the {@link JobQueue} constructor. */
export interface JobQueueOptions {
  /** The time source and timers; default real time. Tests pass a clock they move themselves. */
  readonly clock?: Clock | undefined;
  /** Asked before each run whether this process runs it; default: every run runs. */
  readonly runGuard?: JobRunGuard | undefined;
}

interface Entry {
  readonly job: Job<AnyContext>;
  readonly schedule: Schedule;
  nextRun: number | null;
  running: number;
  readonly maxInstances: number;
  readonly misfireGraceMs: number | null;
  /** The next run is a missed one being made up for, which the grace time does not skip. */
  lateOnPurpose: boolean;
}

type AnyOptions = JobOptions | PersistentJobOptions;

interface Limits {
  readonly maxInstances: number;
  readonly misfireGraceTime: number | null;
}

/**
 * Schedules callbacks (PTB's `JobQueue`). Every application built by `ApplicationBuilder` has one
 * (`app.jobQueue`, `context.jobQueue`) unless built with `.jobQueue(null)`; it starts and stops
 * with the application. Callbacks get a context whose `job` is the running job and whose
 * `chatData`/`userData` are those of the job's `chatId`/`userId`; their errors go to the
 * application's error handlers. Times of day without a time zone are read in `Defaults.tzinfo`
 * (UTC unless set).
 *
 * Type parameters: the context type, and the names callbacks may be registered under for
 * persistent jobs (any string unless narrowed).
 *
 * @example
 * ```ts
 * const app = Application.builder().token(token).defaults(new Defaults({ tzinfo: 'Europe/Berlin' })).build();
 * app.jobQueue!.runDaily(async (context) => {
 *   await context.bot.sendMessage(ADMIN_CHAT, 'Good morning');
 * }, { hour: 8, minute: 0 }, { days: [1, 2, 3, 4, 5] }); // 08:00 Berlin time, Monday to Friday
 * ```
 */
export class JobQueue<C extends AnyContext = CallbackContext, N extends string = string>
  implements PersistenceParticipant
{
  readonly #clock: Clock;
  readonly #guard: JobRunGuard | undefined;
  readonly #entries = new Map<string, Entry>();
  readonly #registry = new Map<string, JobCallback<C>>();
  readonly #runs = new Set<Promise<void>>();
  /** Ids of persistent jobs changed since the last {@link storePersisted}. */
  readonly #dirty = new Set<string>();
  /** Persistent jobs by id, kept after they end until their removal is stored. */
  readonly #persistent = new Map<string, Entry>();
  #application: JobApplication<C> | undefined;
  #running = false;
  #timer: unknown;
  #timerAt: number | undefined;

  constructor(options: JobQueueOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#guard = options.runGuard;
  }

  /** The application whose context class, data and error handlers jobs use. */
  get application(): JobApplication<C> {
    if (this.#application === undefined) {
      throw new Error(
        'This JobQueue has no application: build it into one (ApplicationBuilder.jobQueue) or call setApplication',
      );
    }
    return this.#application;
  }

  /** Called by the application that owns this queue. */
  setApplication(application: JobApplication<C>): void {
    this.#application = application;
  }

  /** The time zone of times of day given without one: the application's `Defaults.tzinfo`, else UTC. */
  get timeZone(): string {
    return this.#application?.defaults?.tzinfo ?? 'UTC';
  }

  /** Whether {@link start} ran and {@link stop} did not yet. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * What applies to jobs created without further options (PTB's `scheduler_configuration`): the
   * time zone of times of day and the default `jobKwargs`.
   */
  get schedulerConfiguration(): {
    readonly timeZone: string;
    readonly maxInstances: number;
    readonly misfireGraceTime: number | null;
  } {
    return { timeZone: this.timeZone, ...DEFAULT_LIMITS };
  }

  /**
   * Registers a callback under a name, for persistent jobs (which store the name, not the
   * function). Register every name before the application initializes (it loads stored jobs).
   *
   * @example
   * ```ts
   * app.jobQueue!.register('remind', async (context) => {
   *   const { text } = context.job!.data as { text: string };
   *   await context.bot.sendMessage(context.job!.chatId!, text);
   * });
   * app.jobQueue!.runOnce('remind', 3600, { persistent: true, chatId, data: { text: 'Tea!' } });
   * ```
   */
  register(name: N, callback: JobCallback<C>): this {
    if (typeof name !== 'string' || name === '')
      throw new TypeError('register: the name must be a non-empty string');
    if (typeof callback !== 'function')
      throw new TypeError(`register(${JSON.stringify(name)}): the callback must be a function`);
    const existing = this.#registry.get(name);
    if (existing !== undefined && existing !== callback) {
      throw new Error(`A different callback is already registered as ${JSON.stringify(name)}`);
    }
    this.#registry.set(name, callback);
    return this;
  }

  /** The names registered with {@link register}. */
  get registeredNames(): readonly string[] {
    return [...this.#registry.keys()];
  }

  /**
   * Runs a callback once: after `when` seconds, at a Date, or at the next occurrence of a time of
   * day (today's if still ahead, else tomorrow's).
   *
   * @example
   * ```ts
   * context.jobQueue!.runOnce(async (ctx) => {
   *   await ctx.bot.sendMessage(ctx.job!.chatId!, 'Beep!');
   * }, 30, { chatId: update.effectiveChat!.id, name: String(update.effectiveChat!.id) });
   * jobQueue.runOnce(sendReport, { hour: 18, minute: 0, timeZone: 'America/New_York' });
   * jobQueue.runOnce('remind', new Date('2030-01-01T00:00:00Z'), { persistent: true, data: { text: 'Happy new year' } });
   * ```
   */
  runOnce(callback: JobCallback<C> | N, when: When, options?: JobOptions): Job<C>;
  runOnce(callback: N, when: When, options: PersistentJobOptions): Job<C>;
  runOnce(callback: JobCallback<C> | N, when: When, options: AnyOptions = {}): Job<C> {
    const at = resolveWhen(when, this.#clock.now(), this.timeZone, true, 'runOnce');
    return this.#add(callback, new OnceSchedule(at), options, 'runOnce');
  }

  /**
   * Runs a callback every `interval` seconds. Runs fall at `first + k * interval`, however long
   * each run takes, so they do not drift; `first` defaults to one interval from now.
   *
   * @example
   * ```ts
   * jobQueue.runRepeating(pollFeed, 300, { first: 10, data: { url } }); // in 10 s, then every 5 min
   * jobQueue.runRepeating(tick, 60, { first: { hour: 9, minute: 0 }, last: { hour: 17, minute: 0 } });
   * ```
   */
  runRepeating(
    callback: JobCallback<C> | N,
    interval: number,
    options?: JobOptions & RepeatingOptions,
  ): Job<C>;
  runRepeating(callback: N, interval: number, options: PersistentJobOptions & RepeatingOptions): Job<C>;
  runRepeating(
    callback: JobCallback<C> | N,
    interval: number,
    options: AnyOptions & RepeatingOptions = {},
  ): Job<C> {
    if (typeof interval !== 'number' || !(interval > 0) || !Number.isFinite(interval)) {
      throw new RangeError(
        `runRepeating: the interval must be a positive number of seconds, got ${String(interval)}`,
      );
    }
    const now = this.#clock.now();
    const first =
      options.first === undefined
        ? now + interval * 1000
        : resolveWhen(options.first, now, this.timeZone, false, 'runRepeating first');
    const last =
      options.last === undefined
        ? null
        : resolveWhen(options.last, now, this.timeZone, false, 'runRepeating last');
    return this.#add(callback, new IntervalSchedule(first, interval * 1000, last), options, 'runRepeating');
  }

  /**
   * Runs a callback every day at a time of day, on the given weekdays (0 = Sunday .. 6 =
   * Saturday; default every day), in the time's own zone or {@link timeZone}. Across daylight
   * saving changes it keeps the wall time: a 02:30 job on the day 02:00-03:00 is skipped runs at
   * 03:30, and on the day 01:00-02:00 repeats a 01:30 job runs once, at the first 01:30.
   *
   * @example
   * ```ts
   * jobQueue.runDaily(morningDigest, { hour: 7, minute: 30, timeZone: 'Europe/Berlin' }, { days: [1, 2, 3, 4, 5] });
   * jobQueue.runDaily(nightlyCleanup, '03:00');
   * ```
   */
  runDaily(callback: JobCallback<C> | N, time: TimeOfDay, options?: JobOptions & DailyOptions): Job<C>;
  runDaily(callback: N, time: TimeOfDay, options: PersistentJobOptions & DailyOptions): Job<C>;
  runDaily(callback: JobCallback<C> | N, time: TimeOfDay, options: AnyOptions & DailyOptions = {}): Job<C> {
    const resolved = resolveTimeOfDay(time, this.timeZone, 'runDaily');
    return this.#add(
      callback,
      new DailySchedule(resolved, options.days ?? [0, 1, 2, 3, 4, 5, 6]),
      options,
      'runDaily',
    );
  }

  /**
   * Runs a callback every month on day `day` (1 to 31) at a time of day; `-1` is the month's last
   * day. As in PTB, a month without that day (the 31st in April, the 30th in February) has no run.
   *
   * @example
   * ```ts
   * jobQueue.runMonthly(sendInvoice, { hour: 10, minute: 0 }, 1);
   * jobQueue.runMonthly(closeBooks, '23:00', -1); // the last day of every month
   * ```
   */
  runMonthly(callback: JobCallback<C> | N, when: TimeOfDay, day: number, options?: JobOptions): Job<C>;
  runMonthly(callback: N, when: TimeOfDay, day: number, options: PersistentJobOptions): Job<C>;
  runMonthly(callback: JobCallback<C> | N, when: TimeOfDay, day: number, options: AnyOptions = {}): Job<C> {
    const resolved = resolveTimeOfDay(when, this.timeZone, 'runMonthly');
    return this.#add(callback, new MonthlySchedule(resolved, day), options, 'runMonthly');
  }

  /**
   * Runs a callback whenever a cron expression matches (PTB's `run_custom`, whose trigger options
   * a cron expression expresses here), read in `timeZone` (default {@link timeZone}). Needs the
   * optional dependency `croner`.
   *
   * @example
   * ```ts
   * jobQueue.runCustom(backup, { cron: '0 4 * * 1', timeZone: 'Asia/Tokyo' }); // Mondays 04:00 Tokyo
   * jobQueue.runCustom(ping, { cron: '*\/15 * * * * *', name: 'ping' }); // every 15 seconds
   * ```
   */
  runCustom(callback: JobCallback<C> | N, options: CronOptions & JobOptions): Job<C>;
  runCustom(callback: N, options: CronOptions & PersistentJobOptions): Job<C>;
  runCustom(callback: JobCallback<C> | N, options: CronOptions & AnyOptions): Job<C> {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError("runCustom: pass the options, e.g. { cron: '0 9 * * *' }");
    }
    const schedule = new CronSchedule(options.cron, options.timeZone ?? this.timeZone);
    return this.#add(callback, schedule, options, 'runCustom');
  }

  #resolveCallback(callback: JobCallback<C> | N, method: string): JobCallback<C> {
    if (typeof callback === 'function') return callback;
    if (typeof callback === 'string') {
      const registered = this.#registry.get(callback);
      if (registered === undefined) {
        throw new Error(
          `${method}: no callback is registered as ${JSON.stringify(callback)}; call jobQueue.register(${JSON.stringify(callback)}, callback) first`,
        );
      }
      return registered;
    }
    throw new TypeError(`${method}: the callback must be a function or a registered callback name`);
  }

  #add(callback: JobCallback<C> | N, schedule: Schedule, options: AnyOptions, method: string): Job<C> {
    if (typeof options !== 'object' || options === null)
      throw new TypeError(`${method}: options must be an object`);
    const persistent = options.persistent === true;
    if (persistent && typeof callback !== 'string') {
      throw new TypeError(
        `${method}: a persistent job names its callback by the name it was registered under (jobQueue.register(name, callback)), not by the function`,
      );
    }
    if (persistent) checkJson(options.data, `${method}: the data of a persistent job`);
    const missedRuns = persistent ? ((options as PersistentJobOptions).missedRuns ?? 'runOnce') : 'runOnce';
    if (missedRuns !== 'runOnce' && missedRuns !== 'skip') {
      throw new RangeError(`${method}: missedRuns must be 'runOnce' or 'skip', got ${String(missedRuns)}`);
    }
    const fn = this.#resolveCallback(callback, method);
    const job = new Job<C>(fn, {
      data: persistent && options.data !== undefined ? structuredClone(options.data) : options.data,
      name: options.name ?? (typeof callback === 'string' ? callback : undefined),
      chatId: options.chatId,
      userId: options.userId,
    });
    const kwargs = checkKwargs(options.jobKwargs, method);
    const entry = this.#schedule(job, schedule, schedule.first(this.#clock.now()), kwargs);
    if (persistent) {
      markPersistent(entry.job, callback as string, missedRuns);
      this.#persistent.set(job.id, entry);
      this.#dirty.add(job.id);
    }
    return job;
  }

  #schedule(job: Job<C>, schedule: Schedule, nextRun: number | null, kwargs: Limits): Entry {
    const anyJob = job as unknown as Job<AnyContext>;
    const entry: Entry = {
      job: anyJob,
      schedule,
      nextRun,
      running: 0,
      maxInstances: kwargs.maxInstances,
      misfireGraceMs: kwargs.misfireGraceTime === null ? null : kwargs.misfireGraceTime * 1000,
      lateOnPurpose: false,
    };
    attachJob(anyJob, {
      queue: this as unknown as JobQueue<AnyContext, string>,
      nextRun: () => entry.nextRun,
      remove: () => this.#remove(entry),
      enabledChanged: () => this.#changed(entry),
    });
    if (nextRun !== null) {
      this.#entries.set(job.id, entry);
      // Only a job due before the armed timer needs a new one (adding many jobs stays linear).
      if (this.#timerAt === undefined || nextRun < this.#timerAt) this.#arm();
    }
    return entry;
  }

  #remove(entry: Entry): void {
    entry.nextRun = null;
    this.#entries.delete(entry.job.id);
    this.#changed(entry);
    // A timer armed for the removed job finds nothing due and re-arms; none is kept for an empty queue.
    if (this.#entries.size === 0) this.#disarm();
  }

  #changed(entry: Entry): void {
    if (this.#persistent.has(entry.job.id)) this.#dirty.add(entry.job.id);
  }

  /**
   * The scheduled jobs (not removed, with a run ahead), optionally only those whose name matches
   * `pattern` (searched, not anchored, as PTB's `re.search`).
   */
  jobs(pattern?: string | RegExp): readonly Job<C>[] {
    const all = [...this.#entries.values()].map((entry) => entry.job as unknown as Job<C>);
    if (pattern === undefined) return all;
    const regex = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
    return all.filter((job) => {
      if (job.name === undefined) return false;
      regex.lastIndex = 0;
      return regex.test(job.name);
    });
  }

  /** The scheduled jobs named exactly `name`. */
  getJobsByName(name: string): readonly Job<C>[] {
    return this.jobs().filter((job) => job.name === name);
  }

  /** Starts running jobs as they fall due (jobs overdue by now run at once). Called by `Application.start()`. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.application;
    await this.#guard?.start?.();
    this.#running = true;
    this.#arm();
  }

  /**
   * Stops running jobs; by default waits for running callbacks to finish. Jobs stay scheduled and
   * run again after {@link start}. No timer is left to keep the process alive. Called by
   * `Application.stop()`.
   */
  async stop(options: JobQueueStopOptions = {}): Promise<void> {
    this.#running = false;
    this.#disarm();
    if (options.wait ?? true) {
      while (this.#runs.size > 0) await Promise.all([...this.#runs]);
    }
    await this.#guard?.stop?.();
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = undefined;
  }

  /** Sets the one timer for the earliest due job. */
  #arm(): void {
    if (!this.#running) return;
    let earliest: number | undefined;
    for (const entry of this.#entries.values()) {
      if (entry.nextRun !== null && (earliest === undefined || entry.nextRun < earliest))
        earliest = entry.nextRun;
    }
    if (earliest === this.#timerAt && this.#timer !== undefined) return;
    this.#disarm();
    if (earliest === undefined) return;
    const delay = Math.min(Math.max(0, earliest - this.#clock.now()), MAX_TIMER_MS);
    this.#timerAt = earliest;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = undefined;
      this.#tick();
    }, delay);
  }

  #tick(): void {
    if (!this.#running) return;
    const now = this.#clock.now();
    for (const entry of [...this.#entries.values()]) {
      if (entry.nextRun !== null && entry.nextRun <= now) this.#fire(entry, now);
    }
    this.#arm();
  }

  #fire(entry: Entry, now: number): void {
    const due = entry.nextRun as number;
    const lateOnPurpose = entry.lateOnPurpose;
    entry.lateOnPurpose = false;
    // The next run comes from the schedule, not from this run: lateness never accumulates.
    entry.nextRun = entry.schedule.next(Math.max(due, now));
    if (entry.nextRun === null) this.#entries.delete(entry.job.id);
    this.#changed(entry);
    const job = entry.job;
    if (!job.enabled) return;
    const application = this.application;
    if (!lateOnPurpose && entry.misfireGraceMs !== null && now - due > entry.misfireGraceMs) {
      application.logger.warn(
        `Run of ${job.toString()} was missed by ${now - due} ms; skipped (misfireGraceTime)`,
      );
      return;
    }
    if (entry.running >= entry.maxInstances) {
      application.logger.warn(
        `Run of ${job.toString()} skipped: ${entry.running} run(s) still going (maxInstances ${entry.maxInstances})`,
      );
      return;
    }
    entry.running++;
    const app = application as unknown as JobApplication<AnyContext>;
    const guard = this.#guard;
    const run = (guard === undefined ? job.run(app) : this.#guarded(guard, job, due, app)).finally(() => {
      entry.running--;
      this.#runs.delete(run);
      // The callback may have changed the job's data: a persistent job is stored again.
      this.#changed(entry);
    });
    this.#runs.add(run);
  }

  /** Runs `job` for the run due at `slot` when the guard agrees. */
  async #guarded(
    guard: JobRunGuard,
    job: Job<AnyContext>,
    slot: number,
    application: JobApplication<AnyContext>,
  ): Promise<void> {
    let allowed: boolean;
    try {
      allowed = await guard.shouldRun(job, slot);
    } catch (error) {
      application.logger.warn(`Run of ${job.toString()} skipped: the job queue's runGuard failed`, error);
      return;
    }
    if (allowed) await job.run(application);
  }

  /**
   * Restores the persistent jobs a persistence holds (called by the application in
   * `initialize()`). Runs that fell due while the bot was not running follow each job's
   * `missedRuns`: `'runOnce'` runs once, late, at start, then keeps to the schedule; `'skip'`
   * goes on with the next run ahead. Throws naming the callback when a job's registered name is
   * unknown.
   */
  async loadPersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    const stored = await persistence.getJobs();
    // Everything is checked before anything is scheduled: a failed load leaves the queue as it was.
    const loaded: [PersistedJob, JobCallback<C>, Schedule][] = [];
    for (const [id, record] of stored) {
      if (this.#persistent.has(id)) continue;
      const label = `The stored job ${id}${record.name === null ? '' : ` (${JSON.stringify(record.name)})`}`;
      const callback = this.#registry.get(record.callback);
      if (callback === undefined) {
        throw new Error(
          `${label} runs the callback registered as ${JSON.stringify(record.callback)}, but nothing is registered under that name: call jobQueue.register(${JSON.stringify(record.callback)}, callback) before the application initializes`,
        );
      }
      try {
        loaded.push([record, callback, scheduleFromJSON(record.schedule)]);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TypeError(`${label} has a schedule this job queue cannot read: ${reason}`, {
          cause: error,
        });
      }
    }
    const now = this.#clock.now();
    for (const [record, callback, schedule] of loaded) {
      const missed = record.nextRun !== null && record.nextRun <= now;
      const skip = missed && record.missedRuns === 'skip';
      const nextRun = skip ? schedule.next(now) : record.nextRun;
      const job = new Job<C>(
        callback,
        {
          data: record.data,
          name: record.name ?? undefined,
          chatId: record.chatId ?? undefined,
          userId: record.userId ?? undefined,
        },
        record.id,
      );
      job.enabled = record.enabled;
      const kwargs = checkKwargs(storedKwargs(record.schedule), 'loadPersisted');
      const entry = this.#schedule(job, schedule, nextRun, kwargs);
      entry.lateOnPurpose = missed && !skip;
      markPersistent(entry.job, record.callback, record.missedRuns === 'skip' ? 'skip' : 'runOnce');
      this.#persistent.set(record.id, entry);
      // Stored again when its next run moved; removed from the store when it has none left.
      if (nextRun === null || nextRun !== record.nextRun) this.#dirty.add(record.id);
    }
  }

  /** Writes the persistent jobs changed since the last call (removed or finished ones as `null`). */
  async storePersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    const ids = [...this.#dirty];
    this.#dirty.clear();
    for (const id of ids) {
      const entry = this.#persistent.get(id);
      if (entry === undefined) continue;
      const record = entry.nextRun === null || entry.job.removed ? null : toRecord(entry);
      if (record === null) this.#persistent.delete(id);
      try {
        await persistence.updateJob(id, record);
      } catch (error) {
        this.#dirty.add(id);
        if (record === null) this.#persistent.set(id, entry);
        throw error;
      }
    }
  }
}

function toRecord(entry: Entry): PersistedJob {
  const info = persistenceOf(entry.job);
  if (info === undefined) throw new Error(`${entry.job.toString()} is not persistent`);
  return {
    id: entry.job.id,
    callback: info.callbackName,
    name: entry.job.name ?? null,
    data: structuredClone(entry.job.data),
    chatId: entry.job.chatId ?? null,
    userId: entry.job.userId ?? null,
    enabled: entry.job.enabled,
    schedule: {
      ...entry.schedule.toJSON(),
      maxInstances: entry.maxInstances,
      misfireGraceTime: entry.misfireGraceMs === null ? null : entry.misfireGraceMs / 1000,
    },
    nextRun: entry.nextRun,
    missedRuns: info.missedRuns,
  };
}

function storedKwargs(schedule: Readonly<Record<string, unknown>>): JobKwargs {
  const { maxInstances, misfireGraceTime } = schedule;
  return {
    maxInstances: typeof maxInstances === 'number' ? maxInstances : undefined,
    misfireGraceTime: typeof misfireGraceTime === 'number' ? misfireGraceTime : null,
  };
}

const DEFAULT_LIMITS: Limits = Object.freeze({ maxInstances: 1, misfireGraceTime: null });

function checkKwargs(kwargs: JobKwargs | undefined, method: string): Limits {
  const maxInstances = kwargs?.maxInstances ?? DEFAULT_LIMITS.maxInstances;
  if (!(Number.isInteger(maxInstances) && maxInstances >= 1)) {
    throw new RangeError(
      `${method}: jobKwargs.maxInstances must be a whole number >= 1, got ${String(maxInstances)}`,
    );
  }
  const grace = kwargs?.misfireGraceTime ?? DEFAULT_LIMITS.misfireGraceTime;
  if (grace !== null && !(typeof grace === 'number' && grace >= 0 && Number.isFinite(grace))) {
    throw new RangeError(
      `${method}: jobKwargs.misfireGraceTime must be seconds >= 0 or null, got ${String(grace)}`,
    );
  }
  return { maxInstances, misfireGraceTime: grace };
}

function checkJson(value: unknown, what: string, path = ''): void {
  if (value === undefined && path === '') return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw new TypeError(`${what} must be JSON: ${path || 'it'} is ${value}`);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkJson(item, what, `${path}[${index}]`);
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value))
      checkJson(item, what, path === '' ? key : `${path}.${key}`);
    return;
  }
  throw new TypeError(
    `${what} must be JSON (plain objects, arrays, strings, numbers, booleans, null): ${path || 'it'} is not`,
  );
}
