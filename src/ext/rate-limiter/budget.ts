/**
 * A send budget held outside the process, which several processes of one bot draw from together
 * (e.g. `RedisRateBudget` of `typescript-telegram-bot/redis`). The {@link RateLimiter} decides
 * the limits and the order of calls; the budget only counts sends where every process sees them.
 */

/** The windows one send must fit, as the {@link RateLimiter} worked them out for the call. */
export interface BudgetLimits {
  /** The window all calls naming a chat share (or the paid-broadcast window): its key and size. */
  readonly overall: BudgetWindow | undefined;
  /** The window of the call's group, supergroup or channel; `undefined` for a private chat. */
  readonly group: BudgetWindow | undefined;
}

/** A sliding window: at most `max` sends in any `periodMs`. */
export interface BudgetWindow {
  /** Which window, e.g. `overall`, `paid` or `group:-100123`. */
  readonly key: string;
  readonly max: number;
  readonly periodMs: number;
}

/** What {@link RateBudget.take} answers: a send taken (with a ticket to settle it), or how long to wait. */
export type BudgetTake =
  | { readonly taken: true; readonly ticket: string }
  | { readonly taken: false; readonly waitMs: number };

/** A shared count of sends, consulted by the {@link RateLimiter} just before each send. */
export interface RateBudget {
  /**
   * Takes one send from every window in `limits` at `now` when all have room; otherwise takes
   * nothing and answers the milliseconds until they may have room.
   */
  take(limits: BudgetLimits, now: number): Promise<BudgetTake>;
  /**
   * Called when the send taken with `ticket` ended (answered or failed), at `now`: the budget
   * counts it from then on instead of from when it was taken, since Telegram counted it at the
   * latest then (a send may spend a while on the way, longer for some processes than others).
   */
  settle(ticket: string, limits: BudgetLimits, now: number): Promise<void>;
  /** Called by `RateLimiter.shutdown()`, after the calls in flight ended. */
  close?(): Promise<void>;
}
