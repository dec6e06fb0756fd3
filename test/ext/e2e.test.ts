// End to end against the Bot API emulator over loopback HTTP: long polling, dispatch, errors,
// restarts, per-chat ordering.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/index.js';
import { Defaults } from '../../src/ext/defaults.js';
import { BaseHandler } from '../../src/ext/handlers/base.js';
import { CallbackQueryHandler } from '../../src/ext/handlers/callback-query.js';
import { InlineQueryHandler } from '../../src/ext/handlers/inline-query.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { PerChatUpdateProcessor } from '../../src/ext/processor.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';
import type { BotInfo } from '../../src/testing/users.js';
import { recordingLogger } from './helpers.js';

/** Handles every update with a text message. */
class TextHandler extends BaseHandler<Update> {
  checkUpdate(update: unknown): boolean {
    return update instanceof Update && update.message?.text !== undefined;
  }
}

function appFor(emu: Emulator, bot: BotInfo) {
  return Application.builder().token(bot.token).baseUrl(emu.baseUrl).logger(recordingLogger());
}

/** Resolves when `predicate` holds, polling every few milliseconds (bounded). */
async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Application against the emulator', () => {
  let emu: Emulator;

  before(async () => {
    emu = await Emulator.start();
  });

  after(async () => {
    await emu.stop();
  });

  it('echo bot: replies to every message, then stops from inside a handler', async () => {
    const bot = await emu.createBot({ username: 'echo_e2e_bot' });
    const alice = await emu.createUser({ firstName: 'Alice' });
    const app = appFor(emu, bot).build();
    app.addHandler(
      new TextHandler(async (update, context) => {
        const text = update.message?.text ?? '';
        await context.bot.sendMessage(update.message!.chat.id, `echo: ${text}`);
        if (text === 'bye') context.application.stopRunning();
      }),
    );
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    await alice.sendMessage(bot, 'hello');
    await alice.expectMessage({ text: 'echo: hello', timeoutMs: 5000 });
    await alice.sendMessage(bot, 'bye');
    await alice.expectMessage({ text: 'echo: bye', timeoutMs: 5000 });
    await running;
    assert.equal(app.running, false);
    assert.equal(app.initialized, false);
  });

  it('a handler that throws reaches the error handler and the bot keeps serving', async () => {
    const bot = await emu.createBot({ username: 'fragile_e2e_bot' });
    const bob = await emu.createUser({ firstName: 'Bob' });
    const app = appFor(emu, bot).build();
    const errors: Array<[unknown, unknown]> = [];
    app.addHandler(
      new TextHandler(async (update, context) => {
        if (update.message?.text === 'boom') throw new Error('handler exploded');
        await context.bot.sendMessage(update.message!.chat.id, `ok: ${update.message?.text}`);
      }),
    );
    app.addErrorHandler(async (update, context) => {
      errors.push([update, context.error]);
      if (update instanceof Update) await context.bot.sendMessage(update.effectiveChat!.id, 'sorry');
    });
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    await bob.sendMessage(bot, 'boom');
    await bob.expectMessage({ text: 'sorry', timeoutMs: 5000 });
    await bob.sendMessage(bot, 'still there?');
    await bob.expectMessage({ text: 'ok: still there?', timeoutMs: 5000 });
    app.stopRunning();
    await running;
    assert.equal(errors.length, 1);
    assert.ok(errors[0]?.[0] instanceof Update);
    assert.match(String(errors[0]?.[1]), /handler exploded/);
  });

  it('a restart in the middle of a burst loses and duplicates no update', async () => {
    const bot = await emu.createBot({ username: 'restart_e2e_bot' });
    const carol = await emu.createUser({ firstName: 'Carol' });
    const total = 120;
    const seen: string[] = [];
    const send = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) await carol.sendMessage(bot, `m${i}`);
    };
    // 40 messages wait before the first run; the other 80 arrive while it shuts down and after.
    await send(0, 40);
    let sending: Promise<void> = Promise.resolve();
    const first = appFor(emu, bot).build();
    first.addHandler(
      new TextHandler(async (update, context) => {
        seen.push(update.message!.text!);
        if (seen.length === 30) {
          sending = send(40, total);
          context.application.stopRunning();
        }
        await new Promise((resolve) => setImmediate(resolve));
      }),
    );
    await first.runPolling({ timeout: 1, stopSignals: [] });
    const afterFirst = seen.length;
    assert.ok(afterFirst >= 30 && afterFirst < total, `the first run stopped mid-burst (${afterFirst})`);
    const second = appFor(emu, bot).build();
    second.addHandler(
      new TextHandler((update) => {
        seen.push(update.message!.text!);
        if (seen.length >= total) second.stopRunning();
      }),
    );
    const running = second.runPolling({ timeout: 1, stopSignals: [] });
    await sending;
    await until(() => seen.length >= total, 'every message');
    second.stopRunning();
    await running;
    assert.equal(seen.length, total, 'no duplicates');
    assert.deepEqual(
      [...seen].sort(),
      Array.from({ length: total }, (_, i) => `m${i}`).sort(),
      'every message handled exactly once',
    );
    const state = (await emu.control.call('GET', 'bot', { bot_id: bot.id })) as {
      pending_update_count: number;
    };
    assert.equal(state.pending_update_count, 0, 'the last offset was confirmed');
  });

  it('PerChatUpdateProcessor keeps per-chat order of 1000 updates across 50 chats', async () => {
    const bot = await emu.createBot({ username: 'order_e2e_bot' });
    const chats = 50;
    const perChat = 20;
    const users = await Promise.all(
      Array.from({ length: chats }, (_, i) => emu.createUser({ firstName: `U${i}` })),
    );
    const app = appFor(emu, bot).concurrentUpdates(new PerChatUpdateProcessor(16)).build();
    const order = new Map<number, number[]>();
    let active = 0;
    let peak = 0;
    const perChatActive = new Map<number, number>();
    let overlapInChat = false;
    let received = 0;
    app.addHandler(
      new TypeHandler(Update, async (update) => {
        const chat = update.effectiveChat!.id;
        const inChat = (perChatActive.get(chat) ?? 0) + 1;
        perChatActive.set(chat, inChat);
        if (inChat > 1) overlapInChat = true;
        active++;
        peak = Math.max(peak, active);
        // A pseudo-random amount of asynchronous work, so chats interleave.
        const hops = (update.update_id * 7919) % 4;
        for (let i = 0; i < hops; i++) await new Promise((resolve) => setImmediate(resolve));
        const list = order.get(chat) ?? [];
        list.push(Number(update.message!.text));
        order.set(chat, list);
        active--;
        perChatActive.set(chat, inChat - 1);
        received++;
      }),
    );
    await Promise.all(
      users.map(async (user) => {
        for (let n = 0; n < perChat; n++) await user.sendMessage(bot, String(n));
      }),
    );
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    await until(() => received >= chats * perChat, 'all updates');
    app.stopRunning();
    await running;
    assert.equal(order.size, chats);
    for (const [chat, list] of order) {
      assert.deepEqual(
        list,
        Array.from({ length: perChat }, (_, i) => i),
        `chat ${chat} in order`,
      );
    }
    assert.equal(overlapInChat, false, 'one update per chat at a time');
    assert.ok(peak > 1, 'different chats ran in parallel');
    assert.ok(peak <= 16, 'bounded by maxConcurrentUpdates');
  });

  it('buttons, inline queries and defaults end to end', async () => {
    const bot = await emu.createBot({ username: 'buttons_e2e_bot', supportsInlineQueries: true });
    const dana = await emu.createUser({ firstName: 'Dana' });
    const app = appFor(emu, bot)
      .defaults(new Defaults({ parseMode: 'HTML' }))
      .build();
    const failures: unknown[] = [];
    app.addErrorHandler((_u, c) => {
      failures.push(c.error);
    });
    app.addHandler(
      new TextHandler(async (update, context) => {
        await context.bot.sendMessage(update.message!.chat.id, '<b>Pick</b>', {
          reply_markup: {
            inline_keyboard: [
              [
                { text: 'One', callback_data: 'pick:1' },
                { text: 'Two', callback_data: 'pick:2' },
              ],
            ],
          },
        });
      }),
    );
    app.addHandler(
      new CallbackQueryHandler(
        async (update, context) => {
          context.userData!.picked = context.match![1];
          await update.callback_query.answer({ text: `picked ${context.match![1]}` });
        },
        { pattern: /^pick:(\d)$/ },
      ),
    );
    app.addHandler(
      new InlineQueryHandler(
        async (update, context) => {
          await context.bot.answerInlineQuery(update.inline_query.id, [
            {
              type: 'article',
              id: 'a1',
              title: update.inline_query.query.toUpperCase(),
              input_message_content: { message_text: '<i>hi</i>' },
            },
          ]);
        },
        { pattern: 'cat' },
      ),
    );
    const running = app.runPolling({ timeout: 1, stopSignals: [] });
    await dana.sendMessage(bot, 'menu');
    const menu = await dana.expectMessage({ text: 'Pick', timeoutMs: 5000 });
    const entities = (menu as { entities?: Array<{ type: string }> }).entities ?? [];
    assert.ok(
      entities.some((e) => e.type === 'bold'),
      'the default parse mode was applied',
    );
    const answer = await dana.clickButton(menu, 'Two', { timeoutMs: 5000 });
    assert.deepEqual(failures, []);
    assert.equal(answer?.text, 'picked 2');
    assert.equal(app.userData.get(dana.id)?.picked, '2');
    const inline = await dana.inlineQuery(bot, 'cats', { timeoutMs: 5000 });
    assert.equal(inline?.results[0]?.title, 'CATS');
    app.stopRunning();
    await running;
  });

  it('an update whose handling never finished is delivered again after a crash', async () => {
    const bot = await emu.createBot({ username: 'crash_e2e_bot' });
    const erin = await emu.createUser({ firstName: 'Erin' });
    await erin.sendMessage(bot, 'first');
    const crashed = appFor(emu, bot).build();
    let entered = false;
    let release = (): void => {};
    crashed.addHandler(
      new TextHandler(async () => {
        entered = true;
        // Does not settle while the test runs: the process "dies" while handling.
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }),
    );
    const crashedRun = crashed.runPolling({ timeout: 1, stopSignals: [] }).catch(() => undefined);
    await until(() => entered, 'the first run to take the update');
    // Simulate the crash: drop the connections without any graceful stop.
    await crashed.bot.shutdown();
    const seen: string[] = [];
    const restarted = appFor(emu, bot).build();
    restarted.addHandler(
      new TextHandler((update) => {
        seen.push(update.message!.text!);
        restarted.stopRunning();
      }),
    );
    await restarted.runPolling({ timeout: 1, stopSignals: [] });
    assert.deepEqual(seen, ['first']);
    // The "dead" application still polls in this process: let it finish so the test can end.
    release();
    crashed.stopRunning();
    await crashedRun;
  });
});
