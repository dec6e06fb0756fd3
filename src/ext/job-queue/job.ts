/**
 * A job of the {@link JobQueue} (PTB's `telegram.ext.Job`): its callback and data, and handles on
 * its schedule (pause, remove, next run).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logging.js';
import type { AnyContext, CallbackContext, ContextHost } from '../context.js';
import type { MissedRunPolicy } from '../persistence/base.js';
import type { JobQueue } from './job-queue.js';

/**
 * A job callback: `async (context) => ...`, with `context.job` the job that runs. Written with a
 * method signature so that a `Job` of a custom context is still a `Job` for `context.job`.
 */
export type JobCallback<C extends AnyContext = CallbackContext> = {
  /** Runs the job once; a returned promise is awaited. */
  bivarianceHack(context: C): unknown;
}['bivarianceHack'];

/**
 * The part of an Application a job and the job queue use (structural, so that the job queue does
 * not depend on the application module).
 */
export interface JobApplication<C extends AnyContext = CallbackContext> extends ContextHost {
  readonly contextTypes: {
    /** The context class; its `fromJob` builds the context of each run. */
    readonly context: {
      /** Builds the context a job callback gets: `context.job` is `job`. */
      fromJob(job: Job<AnyContext>, application: ContextHost): C;
    };
  };
  /** The bot's defaults; their `tzinfo` is the job queue's time zone. */
  readonly defaults?: { readonly tzinfo: string } | undefined;
  readonly logger: Logger;
  /** Hands an error thrown by a job callback to the error handlers. */
  processError(update: unknown, error: unknown, job?: Job<AnyContext>): Promise<boolean>;
}

/** Options of the {@link Job} constructor (the job queue's `run*` methods build jobs for you). */
export interface JobInit {
  readonly data?: unknown;
  /** Default: the callback's function name (or the name it was registered under). */
  readonly name?: string | undefined;
  readonly chatId?: number | undefined;
  readonly userId?: number | undefined;
}

/** What the job queue attaches to a job it schedules. */
export interface JobControl {
  readonly queue: JobQueue<AnyContext, string>;
  nextRun(): number | null;
  remove(): void;
  enabledChanged(): void;
}

const controls = new WeakMap<object, JobControl>();
const persistentInfo = new WeakMap<
  object,
  { readonly callbackName: string; readonly missedRuns: MissedRunPolicy }
>();

/** Ties a job to the queue that schedules it (the queue calls this once per job). */
export function attachJob(job: Job<AnyContext>, control: JobControl): void {
  if (controls.has(job)) throw new Error('This job is already scheduled by a job queue');
  controls.set(job, control);
}

/** Marks a job as persistent: stored under its registered callback name. */
export function markPersistent(
  job: Job<AnyContext>,
  callbackName: string,
  missedRuns: MissedRunPolicy,
): void {
  persistentInfo.set(job, { callbackName, missedRuns });
}

/** The registered callback name and missed-run policy of a persistent job, `undefined` for others. */
export function persistenceOf(
  job: Job<AnyContext>,
): { readonly callbackName: string; readonly missedRuns: MissedRunPolicy } | undefined {
  return persistentInfo.get(job);
}

/**
 * A job: a callback the job queue runs on a schedule. Created by `jobQueue.runOnce`,
 * `runRepeating`, `runDaily`, `runMonthly` and `runCustom`; the callback finds it as
 * `context.job`.
 *
 * @example
 * ```ts
 * const job = app.jobQueue!.runRepeating(async (context) => {
 *   await context.bot.sendMessage(context.job!.chatId!, `tick ${String(context.job!.data)}`);
 * }, 60, { chatId, data: 'A', name: `ticker-${chatId}` });
 * job.enabled = false; // paused: runs are skipped, the schedule stays
 * job.scheduleRemoval(); // gone for good
 * ```
 */
export class Job<C extends AnyContext = CallbackContext> {
  /** A unique id (also the key a persistent job is stored under). */
  readonly id: string;
  /** The function the job queue calls each time the job runs. */
  readonly callback: JobCallback<C>;
  /** Anything the callback needs; for a persistent job, JSON-serialisable data. */
  readonly data: unknown;
  readonly name: string | undefined;
  /** The chat whose `chatData` the callback's context carries. */
  readonly chatId: number | undefined;
  /** The user whose `userData` the callback's context carries. */
  readonly userId: number | undefined;
  #enabled = true;
  #removed = false;

  constructor(callback: JobCallback<C>, init: JobInit = {}, id: string = randomUUID()) {
    if (typeof callback !== 'function') throw new TypeError('A job callback must be a function');
    for (const key of ['chatId', 'userId'] as const) {
      const value = init[key];
      if (value !== undefined && !Number.isSafeInteger(value)) {
        throw new TypeError(`A job's ${key} must be an integer id, got ${String(value)}`);
      }
    }
    this.id = id;
    this.callback = callback;
    this.data = init.data;
    this.name = init.name ?? (callback.name === '' ? undefined : callback.name);
    this.chatId = init.chatId;
    this.userId = init.userId;
  }

  /** Whether runs happen; `false` skips runs while the schedule goes on (set it to pause or resume). */
  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(value: boolean) {
    if (typeof value !== 'boolean') throw new TypeError('Job.enabled must be true or false');
    if (value === this.#enabled) return;
    this.#enabled = value;
    controls.get(this)?.enabledChanged();
  }

  /** Whether {@link scheduleRemoval} was called. */
  get removed(): boolean {
    return this.#removed;
  }

  /** The next scheduled run; `null` when none is left (or the job is not scheduled). */
  get nextTRun(): Date | null {
    const next = this.#removed ? null : (controls.get(this)?.nextRun() ?? null);
    return next === null ? null : new Date(next);
  }

  /** Whether the job is stored by the persistence (created with `persistent: true`). */
  get persistent(): boolean {
    return persistentInfo.has(this);
  }

  /** Removes the job from its queue: it will not run again (a run in progress finishes). */
  scheduleRemoval(): void {
    if (this.#removed) return;
    this.#removed = true;
    controls.get(this)?.remove();
  }

  /**
   * Runs the callback now, outside the schedule, with a context made by the application's context
   * class. Its error goes to the application's error handlers (with `context.job` set and update
   * `null`); the returned promise never rejects.
   */
  async run(application: JobApplication<C>): Promise<void> {
    let context: C;
    try {
      context = application.contextTypes.context.fromJob(this as unknown as Job<AnyContext>, application);
    } catch (error) {
      application.logger.error(
        `Creating the context for job ${this.#label()} failed; the job did not run.`,
        error,
      );
      return;
    }
    try {
      // As for updates: a persistence that others write to hands in its newest data first.
      await context.refreshData();
      await this.callback(context);
    } catch (error) {
      await application.processError(null, error, this as unknown as Job<AnyContext>);
    }
  }

  /** Equal when the ids are equal. */
  equals(other: unknown): boolean {
    return other instanceof Job && other.id === this.id;
  }

  #label(): string {
    return this.name === undefined ? this.id : `${JSON.stringify(this.name)} (${this.id})`;
  }

  /** `Job[name (id)]`, for logs. */
  toString(): string {
    return `Job[${this.#label()}]`;
  }
}
