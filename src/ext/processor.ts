/**
 * Update processors decide how many updates are handled at once (PTB's `BaseUpdateProcessor`),
 * plus one PTB lacks: per-chat ordering with parallel chats.
 */
import { Update } from '../generated/types.js';

/** How many updates the default processor (and `concurrentUpdates(true)`) runs at once. */
export const DEFAULT_CONCURRENT_UPDATES = 256;

/** Runs one update; the application hands the same function for every update. */
export type UpdateRunner = (update: unknown) => Promise<void>;

/** A counting semaphore with FIFO waiters. */
class Semaphore {
  #free: number;
  readonly #waiters: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  acquire(): Promise<void> | undefined {
    if (this.#free > 0) {
      this.#free--;
      return undefined;
    }
    return new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next !== undefined) next();
    else this.#free++;
  }
}

/**
 * Decides when each update runs, with at most {@link maxConcurrentUpdates} at once. Subclass it
 * and implement {@link doProcessUpdate}, {@link initialize} and {@link shutdown}.
 *
 * @example
 * ```ts
 * class LoggingProcessor extends SimpleUpdateProcessor {
 *   override async doProcessUpdate(update: unknown, run: UpdateRunner) {
 *     console.log('start', update);
 *     await run(update);
 *   }
 * }
 * ```
 */
export abstract class BaseUpdateProcessor {
  readonly #max: number;
  readonly #semaphore: Semaphore;
  #current = 0;

  constructor(maxConcurrentUpdates: number) {
    if (!Number.isInteger(maxConcurrentUpdates) || maxConcurrentUpdates < 1) {
      throw new RangeError('maxConcurrentUpdates must be a positive integer');
    }
    this.#max = maxConcurrentUpdates;
    this.#semaphore = new Semaphore(maxConcurrentUpdates);
  }

  /** The most updates processed at once. */
  get maxConcurrentUpdates(): number {
    return this.#max;
  }

  /** Updates being processed right now. */
  get currentConcurrentUpdates(): number {
    return this.#current;
  }

  /** Runs the update (`await run(update)`), with whatever bookkeeping the processor needs. */
  abstract doProcessUpdate(update: unknown, run: UpdateRunner): Promise<void>;

  /** Called by `Application.initialize()`. */
  abstract initialize(): Promise<void>;

  /** Called by `Application.shutdown()`. */
  abstract shutdown(): Promise<void>;

  /** Waits for a free slot, then runs {@link doProcessUpdate}. */
  async processUpdate(update: unknown, run: UpdateRunner): Promise<void> {
    const wait = this.#semaphore.acquire();
    if (wait !== undefined) await wait;
    this.#current++;
    try {
      await this.doProcessUpdate(update, run);
    } finally {
      this.#current--;
      this.#semaphore.release();
    }
  }

  /** For `await using`: calls `shutdown()`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}

/** Runs updates as they come, at most `maxConcurrentUpdates` at once, in no particular order. */
export class SimpleUpdateProcessor extends BaseUpdateProcessor {
  async doProcessUpdate(update: unknown, run: UpdateRunner): Promise<void> {
    await run(update);
  }

  async initialize(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

/** The key that orders an update: its chat, else its user, else none (runs freely). */
export function orderingKey(update: unknown): number | undefined {
  if (!(update instanceof Update)) return undefined;
  return update.effectiveChat?.id ?? update.effectiveUser?.id;
}

/**
 * Keeps the updates of one chat (or of one user, for updates without a chat) in arrival order,
 * while different chats run in parallel, at most `maxConcurrentUpdates` at once. Updates with
 * neither chat nor user run freely.
 *
 * @example
 * ```ts
 * Application.builder().token(token).concurrentUpdates(new PerChatUpdateProcessor(64)).build();
 * ```
 */
export class PerChatUpdateProcessor extends BaseUpdateProcessor {
  /** The last queued run per key; removed when it is the last and finishes. */
  readonly #tails = new Map<number, Promise<void>>();

  /** Chats (or users) with updates queued or running. */
  get activeKeys(): number {
    return this.#tails.size;
  }

  override processUpdate(update: unknown, run: UpdateRunner): Promise<void> {
    const key = orderingKey(update);
    if (key === undefined) return super.processUpdate(update, run);
    const previous = this.#tails.get(key);
    const mine =
      previous === undefined
        ? super.processUpdate(update, run)
        : previous.then(() => super.processUpdate(update, run));
    const tail: Promise<void> = mine.then(
      (): void => this.#settle(key, tail),
      (): void => this.#settle(key, tail),
    );
    this.#tails.set(key, tail);
    return mine;
  }

  #settle(key: number, tail: Promise<void>): void {
    if (this.#tails.get(key) === tail) this.#tails.delete(key);
  }

  async doProcessUpdate(update: unknown, run: UpdateRunner): Promise<void> {
    await run(update);
  }

  async initialize(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
