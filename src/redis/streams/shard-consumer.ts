/**
 * Handles one shard while this worker holds its lease: first the entries a previous owner left
 * pending (claimed with XAUTOCLAIM, oldest first), then new ones, strictly one at a time. An entry
 * is acknowledged (and its update id recorded as handled) only after the application handled it,
 * while the next ones are handled (see {@link AckWindow}); an update id recorded within the dedupe
 * window, or handled here and still waiting for its acknowledgement, is acknowledged without handling.
 */
import type { Redis } from '../connection.js';
import { AckWindow } from './ack-window.js';
import { parseEntries, type StreamEntry } from './entries.js';
import { type StreamKeys, WORKER_GROUP } from './keys.js';
import { ensureGroup } from './setup.js';

/** Counters a worker exposes in its stats. */
export interface ShardCounters {
  handled: number;
  duplicatesSkipped: number;
  claimed: number;
}

/** What a shard consumer needs from its worker. */
export interface ShardHost {
  readonly client: Redis;
  readonly keys: StreamKeys;
  /** This worker's consumer name in the group. */
  readonly consumer: string;
  readonly batchSize: number;
  /** The lease time: entries another consumer left pending this long are swept up. */
  readonly leaseMs: number;
  readonly dedupeWindowMs: number;
  /** How many handled entries per shard may wait for their acknowledgement. */
  readonly ackWindow: number;
  readonly counters: ShardCounters;
  /** Hands an update to the application; resolves once it was handled (and recorded). */
  handle(json: Record<string, unknown>): Promise<void>;
  /** Waits for new entries of `shard` through the worker's blocking read; `[]` when stopping. */
  waitForData(shard: number): Promise<StreamEntry[]>;
  /**
   * Resolves once no blocking read of the worker still covers `shard` (one started for a former
   * consumer of it), so the takeover's claim sees every entry delivered before.
   */
  settleReads(shard: number): Promise<void>;
  /** Whether this worker's lease on `shard` is still certainly valid. */
  leaseValid(shard: number): boolean;
  report(error: unknown): void;
}

const MAX_PAUSE_MS = 1000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The consumer of one owned shard. */
export class ShardConsumer {
  readonly shard: number;
  readonly #host: ShardHost;
  readonly #stream: string;
  #stopping = false;
  #done: Promise<void> | undefined;
  #lastSweep = performance.now();
  readonly #acks: AckWindow;

  constructor(shard: number, host: ShardHost) {
    this.shard = shard;
    this.#host = host;
    this.#stream = host.keys.stream(shard);
    this.#acks = new AckWindow({
      client: host.client,
      stream: this.#stream,
      done: host.keys.done(shard),
      dedupeWindowMs: host.dedupeWindowMs,
      limit: host.ackWindow,
      leaseValid: () => host.leaseValid(shard),
      report: (error) => host.report(error),
    });
  }

  /** Starts handling the shard. */
  start(): void {
    this.#done ??= this.#run();
  }

  /** Whether {@link stop} was called. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /**
   * Stops after the entry being handled and once the handled entries are acknowledged; what was
   * read and not handled stays pending for the next owner.
   */
  stop(): Promise<void> {
    this.#stopping = true;
    return this.#done ?? Promise.resolve();
  }

  #active(): boolean {
    return !this.#stopping && this.#host.leaseValid(this.shard);
  }

  async #run(): Promise<void> {
    try {
      await this.#loop();
    } finally {
      await this.#acks.drain();
    }
  }

  async #loop(): Promise<void> {
    let pause = 0;
    let tookOver = false;
    while (this.#active()) {
      try {
        if (!tookOver) {
          await this.#host.settleReads(this.shard);
          await ensureGroup(this.#host.client, this.#host.keys, this.shard);
          await this.#takeOver();
          tookOver = true;
          continue;
        }
        if (performance.now() - this.#lastSweep >= this.#host.leaseMs) await this.#sweep();
        let entries = await this.#readOwn();
        if (entries.length === 0) entries = await this.#host.waitForData(this.shard);
        await this.#handle(entries);
        pause = 0;
      } catch (error) {
        if (!this.#active()) return;
        this.#host.report(error);
        // Entries read and not handled (a failed lookup, a read whose answer was lost) are pending
        // here, where reading with '>' never returns them: claim them again, oldest first.
        tookOver = false;
        pause = pause === 0 ? 50 : Math.min(MAX_PAUSE_MS, pause * 2);
        await sleep(pause);
      }
    }
  }

  /** Claims and handles, oldest first, every entry left pending by a previous owner (or by this worker before). */
  async #takeOver(): Promise<void> {
    const { client, consumer, batchSize, counters } = this.#host;
    // Entries handled here and waiting for their acknowledgement are still pending: not again.
    await this.#acks.drain();
    let cursor = '0-0';
    while (this.#active()) {
      const raw = await client.call(
        'XAUTOCLAIM',
        this.#stream,
        WORKER_GROUP,
        consumer,
        0,
        cursor,
        'COUNT',
        batchSize,
      );
      const reply = Array.isArray(raw) ? raw : [];
      const next = typeof reply[0] === 'string' ? reply[0] : '0-0';
      const entries = parseEntries(reply[1]);
      if (entries.length === 0) {
        if (next === '0-0') break;
        cursor = next;
        continue;
      }
      counters.claimed += entries.length;
      await this.#handle(entries);
      // Handled entries leave the pending list once acknowledged; the rest (a stop) stays for the next owner.
      await this.#acks.drain();
      cursor = '0-0';
    }
    if (this.#active()) await this.#forgetIdleConsumers();
  }

  /** Removes consumers with nothing pending (workers that died or left): the group lists only the living. */
  async #forgetIdleConsumers(): Promise<void> {
    const { client, consumer } = this.#host;
    const raw = await client.call('XINFO', 'CONSUMERS', this.#stream, WORKER_GROUP);
    if (!Array.isArray(raw)) return;
    for (const item of raw) {
      if (!Array.isArray(item)) continue;
      const info = new Map<string, unknown>();
      for (let index = 0; index + 1 < item.length; index += 2) info.set(String(item[index]), item[index + 1]);
      const name = info.get('name');
      if (typeof name === 'string' && name !== consumer && Number(info.get('pending')) === 0) {
        await client.call('XGROUP', 'DELCONSUMER', this.#stream, WORKER_GROUP, name);
      }
    }
  }

  /**
   * Claims entries another consumer of this group has held for longer than a lease: left by a
   * worker that lost the shard while a read of it was in flight. Rare; without this they would
   * wait until the shard changes hands. They are older than what was handled since, so they are
   * the one case handled out of their chat's order.
   */
  async #sweep(): Promise<void> {
    this.#lastSweep = performance.now();
    const { client, consumer, batchSize, leaseMs } = this.#host;
    const raw = await client.call(
      'XPENDING',
      this.#stream,
      WORKER_GROUP,
      'IDLE',
      leaseMs,
      '-',
      '+',
      batchSize,
    );
    if (!Array.isArray(raw)) return;
    const stranded = raw.flatMap((item) =>
      Array.isArray(item) && typeof item[0] === 'string' && item[1] !== consumer ? [item[0] as string] : [],
    );
    if (stranded.length === 0) return;
    const claimed = await client.call('XCLAIM', this.#stream, WORKER_GROUP, consumer, leaseMs, ...stranded);
    const entries = parseEntries(claimed);
    this.#host.counters.claimed += entries.length;
    await this.#handle(entries);
  }

  async #readOwn(): Promise<StreamEntry[]> {
    const { client, consumer, batchSize } = this.#host;
    const raw = await client.call(
      'XREADGROUP',
      'GROUP',
      WORKER_GROUP,
      consumer,
      'COUNT',
      batchSize,
      'STREAMS',
      this.#stream,
      '>',
    );
    if (!Array.isArray(raw) || !Array.isArray(raw[0])) return [];
    return parseEntries((raw[0] as unknown[])[1]);
  }

  /**
   * Handles entries in order, each started once fewer than `ackWindow` handled entries wait for
   * their acknowledgement.
   */
  async #handle(entries: readonly StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const host = this.#host;
    const ids = entries.flatMap((entry) => (entry.updateId === undefined ? [] : [entry.updateId]));
    const seen = this.#acks.waitingUpdateIds();
    if (ids.length > 0) {
      const scores = await host.client.call('ZMSCORE', host.keys.done(this.shard), ...ids);
      if (Array.isArray(scores)) {
        for (let index = 0; index < scores.length; index++) {
          if (scores[index] !== null) seen.add(ids[index] as number);
        }
      }
    }
    for (const entry of entries) {
      if (!this.#active()) return;
      await this.#acks.room();
      if (!this.#active()) return;
      if (entry.json === undefined) {
        host.report(
          new Error(
            `The entry ${entry.id} of ${this.#stream} holds no update JSON; acknowledged without handling`,
          ),
        );
      } else if (entry.updateId !== undefined && seen.has(entry.updateId)) {
        host.counters.duplicatesSkipped++;
      } else {
        await host.handle(entry.json);
        if (entry.updateId !== undefined) seen.add(entry.updateId);
        host.counters.handled++;
      }
      this.#acks.add(entry);
    }
  }
}
