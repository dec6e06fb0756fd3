// A fake clock for rate limiter tests.
import type { Clock } from '../../src/ext/rate-limiter/clock.js';
import type { HttpRequest, HttpResponse } from '../../src/request/base.js';
import { UndiciRequest } from '../../src/request/undici.js';

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

/** Counts the answers "Telegram" gave, by HTTP status. */
export class CountingRequest extends UndiciRequest {
  readonly statuses = new Map<number, number>();
  inFlight = 0;
  override async doRequest(httpRequest: HttpRequest): Promise<HttpResponse> {
    this.inFlight++;
    try {
      const response = await super.doRequest(httpRequest);
      this.statuses.set(response.statusCode, (this.statuses.get(response.statusCode) ?? 0) + 1);
      return response;
    } finally {
      this.inFlight--;
    }
  }

  /** Resolves once no exchange is on the wire (bounded: 10 s). */
  async quiet(): Promise<void> {
    for (let i = 0; i < 10_000 && this.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 1));
  }
}
