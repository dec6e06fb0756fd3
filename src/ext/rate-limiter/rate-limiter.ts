/**
 * The built-in rate limiter (PTB's `AIORateLimiter`), with flood waits scoped to their chat and a
 * low-priority lane for broadcasts.
 */
import { RetryAfter } from '../../errors.js';
import { BaseRateLimiter, type RateLimitArgs, RateLimiterShutDownError } from './base.js';
import type { BudgetLimits, BudgetTake, RateBudget } from './budget.js';
import { type Clock, systemClock } from './clock.js';
import { SlidingWindow } from './window.js';

/** Options of {@link RateLimiter}; rates are calls per period, periods are in seconds. */
export interface RateLimiterOptions {
  /** Calls naming a chat, over all chats, per `overallTimePeriod`; default 30 (0: no limit). */
  readonly overallMaxRate?: number | undefined;
  /** Default 1 second (0: no limit). */
  readonly overallTimePeriod?: number | undefined;
  /** Calls to one group, supergroup or channel per `groupTimePeriod`; default 20 (0: no limit). */
  readonly groupMaxRate?: number | undefined;
  /** Default 60 seconds (0: no limit). */
  readonly groupTimePeriod?: number | undefined;
  /** Calls with `allow_paid_broadcast` per second, counted instead of the overall rate; default 1000. */
  readonly paidBroadcastMaxRate?: number | undefined;
  /** Retries of a call refused with `RetryAfter` (per call: `rateLimitArgs.maxRetries`); default 0. */
  readonly maxRetries?: number | undefined;
  /** The part of the overall and group rates `priority: 'low'` calls may fill; default 0.8. */
  readonly lowPriorityShare?: number | undefined;
  /** Time source and timers (tests pass a fake one); default real time. */
  readonly clock?: Clock | undefined;
  /**
   * A budget shared with the bot's other processes (e.g. `RedisRateBudget`): each call naming a
   * chat also waits until the shared overall and group windows have room, so all processes
   * together keep to the rates. Default none: this process counts only its own calls.
   */
  readonly budget?: RateBudget | undefined;
}

interface Job {
  readonly run: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly endpoint: string;
  /** The chat the call names (its `chat_id` as a string); undefined for calls naming none. */
  readonly chat: string | undefined;
  readonly paid: boolean;
  readonly lane: Lane;
  readonly maxRetries: number;
  /** Arrival order, which a retried call keeps within its chat. */
  readonly seq: number;
  attempts: number;
}

/** 0: normal calls, 1: low priority. */
type Lane = 0 | 1;

interface ChatState {
  /** Waiting calls of this chat, per lane, oldest first. */
  readonly queues: readonly [Job[], Job[]];
  /** The group window (groups and channels only). */
  readonly window: SlidingWindow | undefined;
  /** No call to this chat before this time (a `RetryAfter` for it). */
  pausedUntil: number;
  /** Calls of this chat being sent. */
  inFlight: number;
  /** After a `RetryAfter`: one call at a time until the queue is empty, so the order holds. */
  serial: boolean;
  /** The last call of this chat waiting for the shared budget: the next waits behind it. */
  admitted: Promise<void>;
}

/** Whether a `chat_id` names a group, supergroup or channel: negative, or an `@username`. */
function isGroup(chatId: unknown): boolean {
  if (typeof chatId === 'number') return chatId < 0;
  return typeof chatId === 'string' && !/^\d+$/.test(chatId.trim());
}

/**
 * Keeps an {@link ExtBot} within Telegram's flood limits (PTB's `AIORateLimiter`): calls that name
 * a chat (`chat_id`) are held until they fit the overall rate (30 a second) and, for groups and
 * channels, the per-group rate (20 a minute); calls naming no chat go at once; `getUpdates` never
 * comes here. Chats take turns, so one busy chat does not starve the others. Waiting uses timers,
 * never polling.
 *
 * A call refused with `RetryAfter` is retried up to `maxRetries` times (default 0, as in PTB; per
 * call `rateLimitArgs: { maxRetries }`). Unlike PTB, which then stalls every call, the wait applies
 * only to the refused call's chat (or to everything when the refused call names no chat), and the
 * retried call goes back to the head of its chat's queue, so each chat keeps its order.
 *
 * `rateLimitArgs: { priority: 'low' }` puts a call in the low-priority lane: it goes only when no
 * normal call is ready, and fills at most `lowPriorityShare` of each rate, so the rest stays free
 * for replies to users.
 *
 * With a shared `budget` (e.g. `RedisRateLimiter` of `typescript-telegram-bot/redis`), each call
 * naming a chat also waits for room in the windows every process of the bot counts in, so several
 * processes together keep to the rates; a chat's calls still take their turns in order.
 *
 * `shutdown()` rejects the calls still waiting with {@link RateLimiterShutDownError} and waits for
 * the calls in flight; later calls are rejected too, until `initialize()`.
 *
 * @example
 * ```ts
 * const app = Application.builder()
 *   .token(token)
 *   .rateLimiter(new RateLimiter({ maxRetries: 2 }))
 *   .build();
 * // a newsletter that never delays answers to users:
 * for (const id of subscribers) {
 *   void app.bot.sendMessage(id, text, {}, { rateLimitArgs: { priority: 'low' } });
 * }
 * ```
 */
export class RateLimiter extends BaseRateLimiter {
  readonly #clock: Clock;
  readonly #maxRetries: number;
  readonly #overall: SlidingWindow | undefined;
  readonly #overallPeriodMs: number;
  readonly #overallCaps: readonly [number, number];
  readonly #paid: SlidingWindow;
  readonly #paidCap: number;
  readonly #groupPeriodMs: number;
  readonly #groupCaps: readonly [number, number] | undefined;
  readonly #budget: RateBudget | undefined;
  /** Waits for the shared budget, ended early by shutdown. */
  readonly #budgetWaits = new Map<unknown, () => void>();

  readonly #chats = new Map<string, ChatState>();
  /** Chats with waiting calls, per lane, in turn order. */
  readonly #turns: readonly [string[], string[]] = [[], []];
  /** Waiting calls that name no chat (held only by a global pause). */
  #direct: Job[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #pausedUntil = 0;
  #timer: unknown;
  #closed = false;
  #sweepAt = 1024;
  #seq = 0;

  constructor(options: RateLimiterOptions = {}) {
    super();
    this.#clock = options.clock ?? systemClock;
    this.#maxRetries = count('maxRetries', options.maxRetries ?? 0);
    const share = options.lowPriorityShare ?? 0.8;
    if (!(share > 0 && share <= 1)) throw new RangeError('lowPriorityShare must be in (0, 1]');
    const caps = (max: number): readonly [number, number] => [max, Math.max(1, Math.floor(max * share))];
    const overall = count('overallMaxRate', options.overallMaxRate ?? 30);
    const overallPeriod = seconds('overallTimePeriod', options.overallTimePeriod ?? 1);
    this.#overall = overall === 0 || overallPeriod === 0 ? undefined : new SlidingWindow(overallPeriod);
    this.#overallCaps = caps(overall);
    this.#paidCap =
      count('paidBroadcastMaxRate', options.paidBroadcastMaxRate ?? 1000) || Number.POSITIVE_INFINITY;
    this.#paid = new SlidingWindow(1000);
    const group = count('groupMaxRate', options.groupMaxRate ?? 20);
    this.#groupPeriodMs = seconds('groupTimePeriod', options.groupTimePeriod ?? 60);
    this.#groupCaps = group === 0 || this.#groupPeriodMs === 0 ? undefined : caps(group);
    this.#overallPeriodMs = overallPeriod;
    this.#budget = options.budget;
  }

  /** Accepts calls again after a {@link shutdown}. */
  async initialize(): Promise<void> {
    this.#closed = false;
  }

  /** Rejects the waiting calls and waits for those in flight. */
  async shutdown(): Promise<void> {
    this.#closed = true;
    this.#stopTimer();
    const waiting = [...this.#direct];
    for (const state of this.#chats.values()) waiting.push(...state.queues[0], ...state.queues[1]);
    this.#direct = [];
    this.#chats.clear();
    for (const turns of this.#turns) turns.length = 0;
    for (const job of waiting) job.reject(new RateLimiterShutDownError(job.endpoint));
    for (const [handle, wake] of this.#budgetWaits) {
      this.#clock.clearTimeout(handle);
      wake();
    }
    this.#budgetWaits.clear();
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    await this.#budget?.close?.();
  }

  processRequest<T>(
    callback: () => Promise<T>,
    endpoint: string,
    data: Readonly<Record<string, unknown>>,
    rateLimitArgs: RateLimitArgs | undefined,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(new RateLimiterShutDownError(endpoint));
    const chatId = data.chat_id;
    return new Promise<T>((resolve, reject) => {
      this.#enqueue({
        run: callback,
        resolve: resolve as (value: unknown) => void,
        reject,
        endpoint,
        chat: chatId === undefined || chatId === null ? undefined : String(chatId).trim(),
        paid: data.allow_paid_broadcast === true,
        lane: rateLimitArgs?.priority === 'low' ? 1 : 0,
        maxRetries: rateLimitArgs?.maxRetries ?? this.#maxRetries,
        seq: this.#seq++,
        attempts: 0,
      });
      this.#pump();
    });
  }

  /** Queues a call behind the calls that arrived before it (a retried call goes back to its place). */
  #enqueue(job: Job): void {
    const queue = job.chat === undefined ? this.#direct : this.#state(job.chat).queues[job.lane];
    if (job.chat !== undefined && queue.length === 0) this.#turns[job.lane].push(job.chat);
    let at = queue.length;
    while (at > 0 && (queue[at - 1] as Job).seq > job.seq) at--;
    queue.splice(at, 0, job);
  }

  #state(chat: string): ChatState {
    let state = this.#chats.get(chat);
    if (state === undefined) {
      if (this.#chats.size >= this.#sweepAt) this.#sweep();
      state = {
        queues: [[], []],
        window:
          this.#groupCaps !== undefined && isGroup(chat) ? new SlidingWindow(this.#groupPeriodMs) : undefined,
        pausedUntil: 0,
        inFlight: 0,
        serial: false,
        admitted: Promise.resolve(),
      };
      this.#chats.set(chat, state);
    }
    return state;
  }

  /** Forgets chats with nothing waiting, no pause and no call in their window. */
  #sweep(): void {
    const now = this.#clock.now();
    for (const [chat, state] of this.#chats) {
      const idle = state.queues[0].length === 0 && state.queues[1].length === 0;
      const quiet = idle && state.inFlight === 0 && state.pausedUntil <= now;
      if (quiet && (state.window?.idle(now) ?? true)) this.#chats.delete(chat);
    }
    this.#sweepAt = Math.max(1024, this.#chats.size * 2);
  }

  /** Sends every call the limits allow now, then sets one timer for the next that will be allowed. */
  #pump(): void {
    this.#stopTimer();
    const now = this.#clock.now();
    let wake = Number.POSITIVE_INFINITY;
    if (this.#direct.length > 0) {
      if (this.#pausedUntil <= now) for (const job of this.#direct.splice(0)) this.#send(job, undefined, now);
      else wake = this.#pausedUntil;
    }
    for (const lane of [0, 1] as const) {
      const turns = this.#turns[lane];
      let blocked = 0;
      while (blocked < turns.length) {
        const chat = turns.shift() as string;
        const state = this.#chats.get(chat) as ChatState;
        const queue = state.queues[lane];
        const job = queue[0] as Job;
        const overallAt = job.paid
          ? this.#paid.freeAt(now, this.#paidCap)
          : (this.#overall?.freeAt(now, this.#overallCaps[lane]) ?? now);
        if (overallAt > now && !job.paid) {
          // Every other normal call of this lane waits for the same window: keep this chat's turn.
          turns.unshift(chat);
          wake = Math.min(wake, overallAt);
          break;
        }
        const groupAt = state.window?.freeAt(now, this.#groupCaps?.[lane] ?? 0) ?? now;
        const at = Math.max(overallAt, groupAt, state.pausedUntil, this.#pausedUntil);
        if (state.serial && state.inFlight > 0) {
          turns.push(chat); // its call in flight pumps again when it settles
          blocked++;
        } else if (at <= now) {
          queue.shift();
          this.#send(job, state, now);
          blocked = 0;
          if (queue.length > 0) turns.push(chat);
        } else {
          turns.push(chat);
          blocked++;
          wake = Math.min(wake, at);
        }
      }
    }
    if (wake !== Number.POSITIVE_INFINITY) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = undefined;
        this.#pump();
      }, wake - now);
    }
  }

  #send(job: Job, state: ChatState | undefined, now: number): void {
    job.attempts++;
    if (state !== undefined) {
      if (job.paid) this.#paid.record(now);
      else this.#overall?.record(now);
      state.window?.record(now);
      state.inFlight++;
    }
    let attempt: Promise<unknown>;
    const budget = this.#budget;
    if (state !== undefined && budget !== undefined) {
      const limits = this.#limits(job);
      const admitted = state.admitted.then(() => this.#admit(budget, limits, job));
      state.admitted = admitted.then(
        () => undefined,
        () => undefined,
      );
      attempt = admitted.then(async (ticket) => {
        try {
          return await job.run();
        } finally {
          // Counting the send from its answer never loses a send: a failure to do so is ignored.
          if (ticket !== undefined)
            await budget.settle(ticket, limits, this.#clock.now()).catch(() => undefined);
        }
      });
    } else {
      try {
        attempt = job.run();
      } catch (error) {
        attempt = Promise.reject(error);
      }
    }
    const settled = attempt
      .then(job.resolve, (error: unknown) => this.#failed(job, error))
      .finally(() => this.#settled(job, state, settled));
    this.#inFlight.add(settled);
  }

  /** The windows a call takes from the shared budget, with the caps of its lane. */
  #limits(job: Job): BudgetLimits {
    const chat = job.chat as string;
    const overall = job.paid
      ? { key: 'paid', max: this.#paidCap, periodMs: 1000 }
      : this.#overall === undefined
        ? undefined
        : { key: 'overall', max: this.#overallCaps[job.lane], periodMs: this.#overallPeriodMs };
    const group =
      this.#groupCaps === undefined || !isGroup(chat)
        ? undefined
        : { key: `group:${chat}`, max: this.#groupCaps[job.lane], periodMs: this.#groupPeriodMs };
    return { overall: overall?.max === Number.POSITIVE_INFINITY ? undefined : overall, group };
  }

  /**
   * Waits until the shared budget has taken one send for `job` (bounded by its windows' periods);
   * resolves its ticket, or `undefined` when no window applies.
   */
  async #admit(budget: RateBudget, limits: BudgetLimits, job: Job): Promise<string | undefined> {
    if (limits.overall === undefined && limits.group === undefined) return undefined;
    for (;;) {
      if (this.#closed) throw new RateLimiterShutDownError(job.endpoint);
      const take: BudgetTake = await budget.take(limits, this.#clock.now());
      if (take.taken) return take.ticket;
      const wait = Math.max(1, take.waitMs);
      await new Promise<void>((resolve) => {
        const handle = this.#clock.setTimeout(() => {
          this.#budgetWaits.delete(handle);
          resolve();
        }, wait);
        this.#budgetWaits.set(handle, resolve);
      });
    }
  }

  #settled(job: Job, state: ChatState | undefined, settled: Promise<void>): void {
    this.#inFlight.delete(settled);
    if (state === undefined || job.chat === undefined) return;
    state.inFlight--;
    if (!state.serial) return;
    if (state.queues[0].length === 0 && state.queues[1].length === 0) state.serial = false;
    else if (!this.#closed) this.#pump();
  }

  #failed(job: Job, error: unknown): void {
    if (!(error instanceof RetryAfter)) {
      job.reject(error);
      return;
    }
    // PTB waits a tenth of a second more than Telegram asks, against clock skew.
    const until = this.#clock.now() + error.retryAfter * 1000 + 100;
    if (job.chat === undefined) this.#pausedUntil = Math.max(this.#pausedUntil, until);
    else if (!this.#closed) {
      const state = this.#state(job.chat);
      state.pausedUntil = Math.max(state.pausedUntil, until);
      state.serial = true;
    }
    if (job.attempts > job.maxRetries || this.#closed) {
      job.reject(error);
      return;
    }
    this.#enqueue(job);
    this.#pump();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0`);
  return value;
}

function seconds(name: string, value: number): number {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a number of seconds >= 0`);
  }
  return value * 1000;
}
