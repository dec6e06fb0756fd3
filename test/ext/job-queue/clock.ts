// A clock for job queue tests: time moves only when the test says, timers fire in order as it passes them.
import type { Clock } from '../../../src/ext/rate-limiter/clock.js';

/** Resolves after pending promise callbacks and I/O callbacks ran. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class TestClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  /** Every delay timers were set with. */
  readonly delays: number[] = [];
  /** How late (ms) each timer fires; default on time. */
  lateness: () => number = () => 0;

  constructor(start: Date | number) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.delays.push(ms);
    this.timers.set(id, { at: this.#now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time forward by `ms`, firing the timers that fall due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.#now + ms);
  }
  async advanceTo(end: number | Date): Promise<void> {
    const target = typeof end === 'number' ? end : end.getTime();
    for (;;) {
      await settle();
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= target && (first === undefined || entry[1].at < first[1].at)) first = entry;
      }
      if (first === undefined) break;
      this.timers.delete(first[0]);
      this.#now = Math.max(this.#now, first[1].at + this.lateness());
      first[1].fn();
    }
    this.#now = Math.max(this.#now, target);
    await settle();
  }
  /** Moves time without firing timers (the process was asleep / the bot was down). */
  jump(ms: number): void {
    this.#now += ms;
  }
}
