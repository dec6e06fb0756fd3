/**
 * Sending one message to many chats (a broadcast) without holding up replies to users: every call
 * goes in the rate limiter's low-priority lane, at most a bounded number at once, and a chat that
 * fails (blocked the bot, was deleted) is reported instead of ending the broadcast.
 */
import type { CallSettings } from '../request/types.js';

/** How far a broadcast got; handed to `onProgress`. */
export interface BroadcastProgress {
  /** How many chats the broadcast goes to; `undefined` while an iterable of unknown size runs. */
  readonly total: number | undefined;
  /** Chats done, sent or failed. */
  readonly done: number;
  readonly sent: number;
  readonly failed: number;
}

/** A chat the broadcast could not reach, and why. */
export interface BroadcastFailure<T> {
  readonly chatId: T;
  readonly error: unknown;
}

/** What a finished broadcast did. */
export interface BroadcastResult<T> {
  /** Chats taken from the list (all of them unless aborted). */
  readonly total: number;
  readonly sent: number;
  readonly failures: readonly BroadcastFailure<T>[];
  /** Whether `signal` stopped it before the end of the list. */
  readonly aborted: boolean;
}

/** Options of {@link broadcast}. */
export interface BroadcastOptions {
  /** Sends started and not finished at most; default 64 (the rate limiter sets the pace). */
  readonly concurrency?: number | undefined;
  /** Called every {@link progressEvery} finished chats, and once more at the end with the total. */
  readonly onProgress?: ((progress: BroadcastProgress) => void) | undefined;
  /** Finished chats between two `onProgress` calls; default 1 % of the list (or 100 when its size is unknown). */
  readonly progressEvery?: number | undefined;
  /** Stops taking chats from the list; the sends already started finish. */
  readonly signal?: AbortSignal | undefined;
}

/** The settings of a broadcast's calls: the rate limiter's low-priority lane. */
const LOW_PRIORITY: CallSettings = Object.freeze({ rateLimitArgs: Object.freeze({ priority: 'low' }) });

function knownSize(chatIds: Iterable<unknown> | AsyncIterable<unknown>): number | undefined {
  if (Array.isArray(chatIds)) return chatIds.length;
  if (chatIds instanceof Set || chatIds instanceof Map) return chatIds.size;
  return undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`broadcast: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * Calls `send(chatId, settings)` for every chat of `chatIds`, at most `concurrency` at once, and
 * resolves once every call finished. Pass `settings` as the call's last argument: it puts the call
 * in the low-priority lane of the bot's rate limiter (`.rateLimiter(new RateLimiter())` on the
 * builder), which paces the broadcast within Telegram's limits, waits out and retries flood-control
 * answers, and keeps the rest of the rate free for replies to users. Without a rate limiter the
 * calls go as fast as `concurrency` allows and Telegram's 429 answers end up in `failures`.
 *
 * A failing chat never rejects the broadcast: its error is in the result's `failures` (a
 * `Forbidden` for a user who blocked the bot, for instance). An error thrown by `send` itself
 * before it returns a promise, or by `onProgress`, stops the broadcast and rejects it once the
 * sends in flight finished.
 *
 * @example
 * ```ts
 * const result = await broadcast(subscriberIds, (chatId, settings) =>
 *   app.bot.sendMessage(chatId, 'Version 2 is out!', {}, settings), {
 *   onProgress: ({ done, total }) => console.log(`${done}/${total}`),
 * });
 * console.log(`sent ${result.sent}, failed ${result.failures.length}`);
 * ```
 */
export async function broadcast<T>(
  chatIds: Iterable<T> | AsyncIterable<T>,
  send: (chatId: T, settings: CallSettings) => Promise<unknown>,
  options: BroadcastOptions = {},
): Promise<BroadcastResult<T>> {
  const concurrency = positiveInteger('concurrency', options.concurrency ?? 64);
  const size = knownSize(chatIds);
  const every = positiveInteger(
    'progressEvery',
    options.progressEvery ?? (size === undefined ? 100 : Math.max(1, Math.ceil(size / 100))),
  );
  const { onProgress, signal } = options;
  const iterator =
    Symbol.asyncIterator in chatIds ? chatIds[Symbol.asyncIterator]() : chatIds[Symbol.iterator]();
  const failures: BroadcastFailure<T>[] = [];
  let taken = 0;
  let sent = 0;
  let exhausted = false;
  let stopped: { error: unknown } | undefined;

  const report = (): void => {
    onProgress?.({
      total: exhausted ? taken : size,
      done: sent + failures.length,
      sent,
      failed: failures.length,
    });
  };

  const take = async (): Promise<{ chatId: T } | undefined> => {
    if (exhausted || stopped !== undefined || signal?.aborted === true) return undefined;
    const step = await iterator.next();
    if (step.done === true) {
      exhausted = true;
      return undefined;
    }
    taken++;
    return { chatId: step.value };
  };
  // One pull at a time: an async iterator need not support overlapping next() calls.
  let pulling: Promise<unknown> = Promise.resolve();
  const nextChat = (): Promise<{ chatId: T } | undefined> => {
    const next = pulling.then(take);
    pulling = next.catch(() => undefined);
    return next;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      let next: { chatId: T } | undefined;
      try {
        next = await nextChat();
      } catch (error) {
        stopped ??= { error };
        return;
      }
      if (next === undefined) return;
      const { chatId } = next;
      let pending: Promise<unknown>;
      try {
        pending = send(chatId, LOW_PRIORITY);
      } catch (error) {
        stopped ??= { error };
        return;
      }
      try {
        await pending;
        sent++;
      } catch (error) {
        failures.push({ chatId, error });
      }
      if ((sent + failures.length) % every === 0) {
        try {
          report();
        } catch (error) {
          stopped ??= { error };
        }
      }
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  if (stopped !== undefined) throw stopped.error;
  report();
  return { total: taken, sent, failures, aborted: !exhausted };
}
