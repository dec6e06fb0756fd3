/**
 * A sliding window: at most `max` events in any `periodMs` (Telegram counts its limits this way).
 */
export class SlidingWindow {
  readonly #periodMs: number;
  /** Times of the events of the current period, oldest first. */
  readonly #times: number[] = [];

  constructor(periodMs: number) {
    this.#periodMs = periodMs;
  }

  /** When an event may happen while keeping at most `cap` events per period (`now` if at once). */
  freeAt(now: number, cap: number): number {
    this.#prune(now);
    const times = this.#times;
    if (times.length < cap) return now;
    return (times[times.length - cap] ?? now) + this.#periodMs;
  }

  record(now: number): void {
    this.#times.push(now);
  }

  /** Whether no event of the last period is remembered. */
  idle(now: number): boolean {
    this.#prune(now);
    return this.#times.length === 0;
  }

  #prune(now: number): void {
    const times = this.#times;
    let old = 0;
    while (old < times.length && (times[old] as number) <= now - this.#periodMs) old++;
    if (old > 0) times.splice(0, old);
  }
}
