/**
 * Appends one shard's updates to its stream in arrival order, a batch per round trip, and holds
 * them (never drops them) while the stream's backlog is at its bound.
 */
import type { Update } from '../../generated/types.js';
import type { Logger } from '../../logging.js';
import type { Redis } from '../connection.js';
import { APPEND } from './scripts.js';

/** The longest pause between attempts while a shard is full or Redis fails, in ms. */
const MAX_PAUSE_MS = 1000;

/** An update waiting to be appended, and what to call once it is stored. */
interface Waiting {
  readonly update: Update;
  readonly stored: () => void;
}

/** The appender of one shard. */
export class ShardAppender {
  readonly #client: Redis;
  readonly #stream: string;
  readonly #maxPending: number;
  readonly #batchSize: number;
  readonly #logger: Logger;
  readonly #report: (error: unknown) => void;
  #waiting: Waiting[] = [];
  #pumping: Promise<void> | undefined;
  #full = false;
  #abandoned = false;

  constructor(options: {
    readonly client: Redis;
    readonly stream: string;
    readonly maxPending: number;
    readonly batchSize: number;
    readonly logger: Logger;
    readonly report: (error: unknown) => void;
  }) {
    this.#client = options.client;
    this.#stream = options.stream;
    this.#maxPending = options.maxPending;
    this.#batchSize = options.batchSize;
    this.#logger = options.logger;
    this.#report = options.report;
  }

  /** Updates held because the shard is full (or Redis failed). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Queues an update; `stored` runs once it is in the stream. */
  add(update: Update, stored: () => void): void {
    this.#waiting.push({ update, stored });
    this.#pumping ??= this.#pump().finally(() => {
      this.#pumping = undefined;
    });
  }

  /** Resolves once everything added was stored. */
  async idle(): Promise<void> {
    while (this.#pumping !== undefined) await this.#pumping;
  }

  /**
   * Gives up on the updates not stored yet (a stop whose time ran out): they are never reported
   * as stored, so they are never acknowledged to Telegram, and no further attempt is made.
   */
  abandon(): void {
    this.#abandoned = true;
    this.#waiting = [];
  }

  async #pump(): Promise<void> {
    let pause = 0;
    while (this.#waiting.length > 0 && !this.#abandoned) {
      const batch = this.#waiting.slice(0, this.#batchSize);
      let appended: number;
      try {
        const payloads = batch.map((item) => JSON.stringify(item.update.toJSON()));
        appended = Number(await APPEND.run(this.#client, [this.#stream], [this.#maxPending, ...payloads]));
      } catch (error) {
        if (this.#abandoned) return;
        pause = nextPause(pause);
        this.#report(error);
        await sleep(pause);
        continue;
      }
      // Stored, even if given up on meanwhile: acknowledging it is right.
      this.#waiting.splice(0, appended);
      for (let index = 0; index < appended; index++) (batch[index] as Waiting).stored();
      if (appended < batch.length) {
        if (!this.#full) {
          this.#full = true;
          this.#logger.warn(
            `The stream ${this.#stream} holds ${this.#maxPending} unhandled updates (maxPending): new updates of its chats are held until workers catch up`,
          );
        }
        pause = nextPause(pause);
        await sleep(pause);
        continue;
      }
      if (this.#full) {
        this.#full = false;
        this.#logger.info(`The stream ${this.#stream} takes updates again`);
      }
      pause = 0;
    }
  }
}

function nextPause(pause: number): number {
  return pause === 0 ? 10 : Math.min(MAX_PAUSE_MS, pause * 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
