// Long polling that goes on while earlier updates are still handled: Telegram forgets only
// handled updates, the updates it sends again are not handled twice, a chat busy with a slow
// update does not hold up the others, and a stuck handler does not make polling spin.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Bot } from '../../src/bot.js';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { PollWindow } from '../../src/ext/updater/poll-window.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { Updater } from '../../src/ext/updater/updater.js';
import { Update } from '../../src/generated/types.js';
import { FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };

function textUpdate(id: number, chat: number): Record<string, unknown> {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: chat, type: 'private', first_name: `C${chat}` },
      text: `t${id}`,
    },
  };
}

/**
 * getUpdates as Telegram answers it: the updates from `offset` on (the ones below are forgotten),
 * at most `limit`, held up to `timeout` seconds when there are none.
 */
class TelegramLikeUpdates {
  readonly offsets: number[] = [];
  #pending: Record<string, unknown>[] = [];
  #waiting: Array<() => void> = [];

  add(...updates: Record<string, unknown>[]): void {
    this.#pending.push(...updates);
    for (const wake of this.#waiting.splice(0)) wake();
  }

  /** The smallest update id Telegram still keeps. */
  get oldestKept(): number | undefined {
    return this.#pending[0]?.update_id as number | undefined;
  }

  async answer(body: Record<string, unknown>): Promise<unknown[]> {
    const offset = typeof body.offset === 'number' ? body.offset : undefined;
    if (offset !== undefined) {
      this.offsets.push(offset);
      this.#pending = this.#pending.filter((update) => (update.update_id as number) >= offset);
    }
    const limit = typeof body.limit === 'number' ? body.limit : 100;
    if (this.#pending.length === 0 && typeof body.timeout === 'number' && body.timeout > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, (body.timeout as number) * 1000);
        this.#waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.#pending.slice(0, limit);
  }
}

let server: FakeApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function telegramLike(): Promise<{ updates: TelegramLikeUpdates; polls: () => number }> {
  const updates = new TelegramLikeUpdates();
  let polls = 0;
  server = await FakeApiServer.start(async (exchange) => {
    const method = exchange.recorded.path.split('/').pop() ?? '';
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method !== 'getUpdates') return exchange.json(200, { ok: true, result: true });
    polls++;
    const raw = exchange.recorded.body?.toString() ?? '';
    const result = await updates.answer(raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>));
    exchange.json(200, { ok: true, result });
  });
  return { updates, polls: () => polls };
}

async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('PollWindow', () => {
  it('offers the oldest unhandled id as the offset, whatever order handling ends in', () => {
    const window = new PollWindow();
    assert.equal(window.offset, undefined, 'nothing handed out: no offset yet');
    const first = window.deliver(10);
    const second = window.deliver(11);
    const third = window.deliver(12);
    window.complete(third);
    window.complete(second);
    assert.equal(window.offset, 10, 'update 10 is unhandled, so Telegram must keep it');
    assert.equal(window.size, 3, 'the next answer repeats all three');
    window.complete(first);
    assert.equal(window.offset, 13, 'all handled: the offset is the id after the last');
    assert.equal(window.size, 0, 'nothing would be repeated');
    assert.ok(window.isDelivered(12), 'update 12 came before');
    assert.ok(!window.isDelivered(13), 'update 13 is new');
  });

  it('counts an unreadable update as handled and keeps positions valid across compaction', () => {
    const window = new PollWindow();
    window.skip(1);
    assert.equal(window.offset, 2, 'a skipped update does not hold the offset back');
    const positions = Array.from({ length: 3000 }, (_, index) => window.deliver(index + 2));
    for (const position of positions.slice(0, 2500)) window.complete(position);
    assert.equal(window.offset, 2502, 'the oldest unhandled after 2500 handled');
    for (const position of positions.slice(2500)) window.complete(position);
    assert.equal(window.offset, 3002, 'every position still found its update after compaction');
  });

  it('wakes a waiter once the window shrank to the size asked for, or on abort', async () => {
    const window = new PollWindow();
    const positions = [window.deliver(1), window.deliver(2), window.deliver(3)];
    let woken = false;
    const waiting = window.shrinkTo(1, undefined).then(() => {
      woken = true;
    });
    window.complete(positions[0] as number);
    await Promise.resolve();
    assert.ok(!woken, 'two left: still waiting');
    window.complete(positions[1] as number);
    await waiting;
    assert.ok(woken, 'one left: woken');
    const stop = new AbortController();
    const aborted = window.shrinkTo(0, stop.signal);
    stop.abort();
    await aborted;
  });
});

describe('polling past a busy chat', () => {
  it('handles a later chat’s update while an earlier one is still running, and never confirms the earlier one', async () => {
    const { updates } = await telegramLike();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${server?.origin}/bot`).build();
    const handled: number[] = [];
    let release = (): void => {};
    app.addHandler(
      new TypeHandler(Update, async (update) => {
        if (update.update_id === 1) {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
        handled.push(update.update_id);
      }),
    );
    updates.add(textUpdate(1, 100));
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    try {
      await until(() => updates.offsets.length > 0 || handled.length > 0, 'the first poll');
      updates.add(textUpdate(2, 200), textUpdate(3, 300));
      await until(() => handled.includes(2) && handled.includes(3), 'the other chats’ updates');
      assert.ok(!handled.includes(1), 'update 1 is still running');
      assert.ok(
        updates.offsets.every((offset) => offset <= 1),
        `no getUpdates confirmed update 1 while it ran (offsets sent: ${updates.offsets.join(', ')})`,
      );
      assert.equal(updates.oldestKept, 1, 'Telegram still keeps update 1');
    } finally {
      release();
      app.stopRunning();
      await running;
    }
    assert.deepEqual(
      [...handled].sort((a, b) => a - b),
      [1, 2, 3],
      'each update handled exactly once, though Telegram sent update 1 again with every poll',
    );
    assert.equal(updates.offsets.at(-1), 4, 'the stop confirmed everything handled');
  });

  it('keeps each chat’s order and handles each of 450 updates once when Telegram has a backlog', async () => {
    const { updates } = await telegramLike();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${server?.origin}/bot`).build();
    const seen = new Map<number, number[]>();
    let count = 0;
    app.addHandler(
      new TypeHandler(Update, async (update) => {
        const chat = update.message?.chat.id as number;
        // Uneven handling times, so the batches overlap.
        await new Promise((resolve) => setTimeout(resolve, update.update_id % 7));
        seen.set(chat, [...(seen.get(chat) ?? []), update.update_id]);
        count++;
      }),
    );
    updates.add(...Array.from({ length: 450 }, (_, index) => textUpdate(index + 1, 1000 + (index % 40))));
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    try {
      await until(() => count >= 450, 'all 450 updates');
    } finally {
      app.stopRunning();
      await running;
    }
    assert.equal(count, 450, 'no update handled twice');
    for (const [chat, ids] of seen) {
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
        `chat ${chat} saw its updates in order`,
      );
    }
    assert.equal(updates.offsets.at(-1), 451, 'everything confirmed at the stop');
  });

  it('does not spin while a stuck handler holds the offset back and nothing new arrives', async () => {
    const { updates, polls } = await telegramLike();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${server?.origin}/bot`).build();
    let release = (): void => {};
    let entered = false;
    app.addHandler(
      new TypeHandler(Update, async () => {
        entered = true;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }),
    );
    updates.add(textUpdate(1, 100));
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    try {
      await until(() => entered, 'the handler to start');
      const before = polls();
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const during = polls() - before;
      // One poll a second (PEEK_PAUSE) at most, plus the one in progress.
      assert.ok(during <= 4, `${during} getUpdates calls in 2.5 s while one handler was stuck`);
    } finally {
      release();
      app.stopRunning();
      await running;
    }
  });
});

describe('stopTimeout', { timeout: 15_000 }, () => {
  it('stops after stopTimeout with an update never finished, confirming only what was finished', async () => {
    const { updates } = await telegramLike();
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server?.origin}/bot` });
    const queue = new UpdateQueue();
    queue.consumerAcknowledges = true;
    const logger = recordingLogger();
    const updater = new Updater(bot, queue, { logger });
    await updater.initialize();
    updates.add(textUpdate(1, 100), textUpdate(2, 200), textUpdate(3, 300));
    await updater.startPolling({ timeout: 1, stopTimeout: 0.3 });
    // The consumer finishes updates 1 and 3; update 2 never finishes (a store that hangs).
    for (let taken = 0; taken < 3; taken++) {
      const update = (await queue.get()) as Update;
      if (update.update_id !== 2) queue.taskDone(update);
    }
    const started = Date.now();
    await updater.stop();
    const took = Date.now() - started;
    assert.ok(took < 3000, `stop() returned after stopTimeout, not when update 2 finished (took ${took} ms)`);
    assert.equal(updater.running, false);
    assert.equal(
      updates.offsets.at(-1),
      2,
      'the last confirmation kept update 2 (and 3 after it) on Telegram',
    );
    assert.equal(updates.oldestKept, 2, 'Telegram still keeps update 2 for the next start');
    assert.ok(
      logger.warnings.some(([message]) => String(message).includes('stopTimeout (0.3 s) passed')),
      `the stop said that updates stay unconfirmed (warnings: ${JSON.stringify(logger.warnings.map(([m]) => m))})`,
    );
    // A new start hands update 2 out again instead of skipping it as still in hand.
    await updater.startPolling({ timeout: 1 });
    const again = (await queue.get()) as Update;
    assert.equal(again.update_id, 2, 'update 2 is delivered again after the restart');
    queue.taskDone(again);
    const third = (await queue.get()) as Update;
    assert.equal(third.update_id, 3, 'then update 3, which Telegram also sent again');
    queue.taskDone(third);
    await updater.stop();
    await updater.shutdown();
    assert.equal(updates.offsets.at(-1), 4, 'once handled, everything is confirmed');
  });

  it('refuses a stopTimeout that is not a number of seconds', async () => {
    await telegramLike();
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server?.origin}/bot` });
    const updater = new Updater(bot, new UpdateQueue(), { logger: recordingLogger() });
    await updater.initialize();
    await assert.rejects(
      updater.startPolling({ stopTimeout: -1 }),
      /stopTimeout must be a number of seconds >= 0/,
    );
    assert.equal(updater.running, false);
    await updater.shutdown();
  });
});
