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

/** A shared count of sends, consulted by the {@link RateLimiter} just before each send. */
export interface RateBudget {
  /**
   * Takes one send from every window in `limits` at `now` when all have room, resolving `0`;
   * otherwise takes nothing and resolves the milliseconds until they may have room.
   */
  take(limits: BudgetLimits, now: number): Promise<number>;
  /** Called by `RateLimiter.shutdown()`, after the calls in flight ended. */
  close?(): Promise<void>;
}
