/**
 * The admission and answer policy every webhook endpoint shares: at most `maxInFlight` updates
 * between the start of their request and the end of their handling (later requests are held
 * unread), and the answer to Telegram given once the update was handled, or after `ackTimeout`
 * when a handler takes longer.
 */
import type { Logger } from '../../logging.js';
import { positiveIntegerOption } from '../option-checks.js';

/** Updates in flight per endpoint unless configured otherwise. */
export const DEFAULT_MAX_IN_FLIGHT = 256;

/** How long a request waits for its update's handling before it is answered anyway, in ms. */
export const DEFAULT_ACK_TIMEOUT_MS = 30_000;

/** The options of the policy, shared by the server, the web-standard handler and the node listener. */
export interface WebhookGateOptions {
  /**
   * Most updates in flight (being read, queued or handled) at once; further requests are held
   * unread until one finishes, so memory stays bounded. Default 256. Telegram's `maxConnections`
   * bounds how many it sends at once anyway.
   */
  readonly maxInFlight?: number | undefined;
  /**
   * How long a request waits for its update to be handled before it is answered 200 anyway
   * (the handler goes on; a warning is logged), in ms. Default 30000, below the minute after which
   * Telegram gives up on a request and delivers the update again.
   */
  readonly ackTimeout?: number | undefined;
}

interface Held {
  readonly start: () => void;
  readonly refuse: () => void;
}

/** Counts updates in flight, holds requests past the bound, and answers once handled. */
export class WebhookGate {
  readonly maxInFlight: number;
  readonly ackTimeout: number;
  readonly #logger: Logger;
  #inFlight = 0;
  #held: Held[] = [];
  #idle: Array<() => void> = [];

  constructor(options: WebhookGateOptions, logger: Logger) {
    this.maxInFlight = positiveIntegerOption('maxInFlight', options.maxInFlight, DEFAULT_MAX_IN_FLIGHT);
    this.ackTimeout = positiveIntegerOption('ackTimeout', options.ackTimeout, DEFAULT_ACK_TIMEOUT_MS);
    this.#logger = logger;
  }

  /** Updates in flight (their request admitted and their handling not finished). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Requests held unread because {@link maxInFlight} updates are in flight. */
  get held(): number {
    return this.#held.length;
  }

  /**
   * Runs `start` now when a slot is free (the slot is then taken), else once one frees; `refuse`
   * instead when the gate is closed with {@link refuseHeld} meanwhile.
   */
  admit(start: () => void, refuse: () => void): void {
    if (this.#inFlight < this.maxInFlight) {
      this.#inFlight++;
      start();
      return;
    }
    this.#held.push({ start, refuse });
  }

  /** Frees a slot taken by {@link admit}; a held request takes it. */
  release(): void {
    const next = this.#held.shift();
    if (next !== undefined) {
      next.start();
      return;
    }
    this.#inFlight--;
    if (this.#inFlight === 0 && this.#idle.length > 0) {
      const waiting = this.#idle;
      this.#idle = [];
      for (const wake of waiting) wake();
    }
  }

  /**
   * Calls `answer` once `handled` settles, or after {@link ackTimeout} (logged) if that comes
   * first; the slot is freed only once the update was handled.
   */
  answerWhenHandled(handled: Promise<void>, updateId: number, answer: () => void): void {
    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      this.#logger.warn(
        `The handling of update ${updateId} takes longer than ${this.ackTimeout} ms: it was answered to Telegram and goes on`,
      );
      answer();
    }, this.ackTimeout);
    const done = (): void => {
      clearTimeout(timer);
      if (!answered) answer();
      this.release();
    };
    handled.then(done, done);
  }

  /** Answers every held request with `refuse` (a stop: they were never read). */
  refuseHeld(): void {
    const held = this.#held;
    this.#held = [];
    for (const request of held) request.refuse();
  }

  /** Resolves once no update is in flight. */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.#idle.push(resolve));
  }
}
