/**
 * The contract of an update source other than the built-in updater: a queue several processes
 * share (Redis Streams in `typescript-telegram-bot/redis`, or your own on another broker), which an
 * application consumes with `runWorker()`.
 */
import type { Bot } from '../../bot.js';
import type { Logger } from '../../logging.js';
import type { UpdateQueue } from './update-queue.js';

/** What an {@link UpdateSource} feeds: the application's bot, update queue and logger. */
export interface UpdateSourceTarget {
  readonly bot: Bot;
  /**
   * Where the source puts each update (its JSON, or an `Update`) with `putThen`/`putTracked`: the
   * completion fires once the application handled it and its persistence recorded it, which is
   * when the source may acknowledge it upstream.
   */
  readonly updateQueue: UpdateQueue;
  readonly logger: Logger;
  /** The most updates the application handles at once (1: one after another). */
  readonly concurrentUpdates: number;
}

/** Callbacks a running source reports through. */
export interface UpdateSourceCallbacks {
  /** An error the source recovers from (a lost connection it retries); goes to the error handlers. */
  readonly errorCallback: (error: unknown) => void;
  /** An error that ends the source; the application then stops. */
  readonly fatalCallback: (error: unknown) => void;
}

/**
 * Where a worker application gets its updates (set with the builder's `.updateSource(...)`, run
 * with `Application.runWorker()`). A source acknowledges an update upstream only after the
 * completion the update queue gives for it fired, so a crash loses nothing.
 */
export interface UpdateSource {
  /** Whether {@link start} ran and {@link stop} did not yet. */
  readonly running: boolean;
  /** Starts handing updates to `target.updateQueue`; resolves once it runs. */
  start(target: UpdateSourceTarget, callbacks: UpdateSourceCallbacks): Promise<void>;
  /**
   * Stops taking new updates and resolves once every update handed out was handled and
   * acknowledged, and what the source held (connections, leases) was let go.
   */
  stop(): Promise<void>;
  /** Says where updates come from, for the start log line (no secrets). */
  describe(): string;
}
