/**
 * The acknowledgements of one shard's handled entries, sent while the next entries are handled:
 * whatever was handled while one acknowledgement call was in flight goes out in the next call, so
 * a busy shard costs one round trip per several entries. At most `limit` handled entries wait for
 * their acknowledgement at any time; the consumer waits for room before it starts another entry.
 */
import type { Redis } from '../connection.js';
import type { StreamEntry } from './entries.js';
import { WORKER_GROUP } from './keys.js';
import { ACK } from './scripts.js';

/** The largest acknowledgement window (entries per Lua call stay well inside Lua's stack). */
export const MAX_ACK_WINDOW = 1000;

/** What the window needs from the shard consumer. */
export interface AckWindowHost {
  readonly client: Redis;
  readonly stream: string;
  /** The shard's dedupe set. */
  readonly done: string;
  readonly dedupeWindowMs: number;
  /** How many handled entries may wait for their acknowledgement. */
  readonly limit: number;
  /** Whether the lease still holds: failed acknowledgements are retried only while it does. */
  leaseValid(): boolean;
  report(error: unknown): void;
}

const MAX_PAUSE_MS = 1000;

/** The handled, not yet acknowledged entries of one shard. */
export class AckWindow {
  readonly #host: AckWindowHost;
  /** Entries waiting for the next call. */
  #queued: StreamEntry[] = [];
  /** Queued plus in the call in flight. */
  #count = 0;
  /** How many waiting entries carry each update id (a repeat in one batch is acknowledged twice). */
  readonly #updateIds = new Map<number, number>();
  #sending: Promise<void> | undefined;
  /** Called after each call returned: consumers waiting for room. */
  #waiters: (() => void)[] = [];

  constructor(host: AckWindowHost) {
    this.#host = host;
  }

  /** Handled entries whose acknowledgement Redis has not confirmed yet. */
  get unacknowledged(): number {
    return this.#count;
  }

  /**
   * The update ids of entries handled here and not yet recorded in the dedupe set. Taken before a
   * dedupe lookup, it covers what the lookup cannot see yet: an acknowledgement sent later on the
   * same connection is answered after the lookup.
   */
  waitingUpdateIds(): Set<number> {
    return new Set(this.#updateIds.keys());
  }

  /** Records a handled (or skipped) entry and sends it at the next chance, without waiting. */
  add(entry: StreamEntry): void {
    this.#queued.push(entry);
    this.#count++;
    if (entry.updateId !== undefined)
      this.#updateIds.set(entry.updateId, (this.#updateIds.get(entry.updateId) ?? 0) + 1);
    this.#sending ??= this.#send();
  }

  /** Resolves once fewer than `limit` entries wait, so another may be handled. */
  async room(): Promise<void> {
    while (this.#count >= this.#host.limit && this.#sending !== undefined) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Resolves once every entry added so far was acknowledged (or given up with the lease). */
  async drain(): Promise<void> {
    while (this.#sending !== undefined) await this.#sending;
  }

  async #send(): Promise<void> {
    const host = this.#host;
    while (this.#queued.length > 0) {
      const batch = this.#queued;
      this.#queued = [];
      const args: (string | number)[] = [WORKER_GROUP, host.dedupeWindowMs];
      for (const entry of batch) args.push(entry.id, entry.updateId ?? '');
      let pause = 0;
      for (;;) {
        try {
          await ACK.run(host.client, [host.stream, host.done], args);
          break;
        } catch (error) {
          // Past the lease the next owner claims these entries and handles them again.
          if (!host.leaseValid()) break;
          host.report(error);
          pause = pause === 0 ? 50 : Math.min(MAX_PAUSE_MS, pause * 2);
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
      this.#count -= batch.length;
      for (const entry of batch) {
        if (entry.updateId === undefined) continue;
        const left = (this.#updateIds.get(entry.updateId) ?? 1) - 1;
        if (left === 0) this.#updateIds.delete(entry.updateId);
        else this.#updateIds.set(entry.updateId, left);
      }
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake();
    }
    this.#sending = undefined;
  }
}
