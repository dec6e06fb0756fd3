// A fake clock for rate limiter tests.
import type { Clock } from '../../src/ext/rate-limiter/clock.js';

/** Resolves after pending promise callbacks and I/O callbacks ran. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Time that moves only when the test says; timers fire in order as it passes them. */
export class FakeClock implements Clock {
  #now = 0;
  #nextId = 1;
  readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.#now;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.timers.set(id, { at: this.#now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    for (;;) {
      await settle();
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (first === undefined || entry[1].at < first[1].at)) first = entry;
      }
      if (first === undefined) break;
      this.timers.delete(first[0]);
      this.#now = Math.max(this.#now, first[1].at);
      first[1].fn();
    }
    this.#now = end;
    await settle();
  }
}
