import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { call, ok, textOf, updates } from './helpers.js';

/** A bot built on nothing but fetch: long-polls and echoes every text message. */
function startEchoBot(baseUrl: string, token: string): { stop: () => Promise<void> } {
  const controller = new AbortController();
  const api = async (method: string, params: object): Promise<{ ok: boolean; result: unknown }> => {
    const response = await fetch(`${baseUrl}${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: controller.signal,
    });
    return (await response.json()) as { ok: boolean; result: unknown };
  };
  const loop = (async () => {
    let offset = 0;
    while (!controller.signal.aborted) {
      let answer: { ok: boolean; result: unknown };
      try {
        answer = await api('getUpdates', { offset, timeout: 10 });
      } catch {
        return;
      }
      for (const update of answer.result as {
        update_id: number;
        message?: { chat: { id: number }; text?: string };
      }[]) {
        offset = update.update_id + 1;
        const message = update.message;
        if (message?.text !== undefined) {
          await api('sendMessage', { chat_id: message.chat.id, text: `echo: ${message.text}` }).catch(
            () => undefined,
          );
        }
      }
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}

describe('getUpdates', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start();
  });
  after(() => emu.stop());

  /** Resolves once a getUpdates call of the bot is waiting on the server. */
  async function waitUntilPolling(bot: BotInfo): Promise<void> {
    while (!(await emu.control.call<{ polling: boolean }>('GET', 'bot', { bot_id: bot.id })).polling) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  test('a fetch-only bot long-polls and echoes a simulated user', async () => {
    const bot = await emu.createBot({ username: 'fetch_echo_bot' });
    const echo = startEchoBot(emu.baseUrl, bot.token);
    try {
      const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
      await alice.sendMessage(bot, 'hello');
      const reply = await alice.expectMessage({ text: 'echo: hello', timeoutMs: 3000 });
      assert.equal(reply.from?.id, bot.id);
      await alice.sendMessage(bot, 'again');
      await alice.expectMessage({ text: 'echo: again', timeoutMs: 3000 });
      const transcript = await emu.transcript(alice.chatWith(bot));
      assert.deepEqual(transcript.lines(), [
        'Alice: hello',
        '@fetch_echo_bot: echo: hello',
        'Alice: again',
        '@fetch_echo_bot: echo: again',
      ]);
    } finally {
      await echo.stop();
    }
  });

  test('offset acknowledges, limit bounds, and negative offsets keep the tail', async () => {
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    for (const text of ['a', 'b', 'c', 'd']) await alice.sendMessage(bot, text);
    const all = await updates(emu, bot.token);
    assert.deepEqual(
      all.map((u) => (u.message as { text: string }).text),
      ['a', 'b', 'c', 'd'],
    );
    const ids = all.map((u) => u.update_id as number);
    assert.deepEqual(
      ids,
      ids.map((_, i) => (ids[0] ?? 0) + i),
    );
    const two = await updates(emu, bot.token, { limit: 2 });
    assert.equal(two.length, 2);
    const rest = await updates(emu, bot.token, { offset: (ids[1] ?? 0) + 1 });
    assert.deepEqual(
      rest.map((u) => u.update_id),
      ids.slice(2),
    );
    const again = await updates(emu, bot.token);
    assert.equal(again[0]?.update_id, ids[2], 'older updates are forgotten once acknowledged');
    const tail = await updates(emu, bot.token, { offset: -1 });
    assert.deepEqual(
      tail.map((u) => u.update_id),
      [ids[3]],
    );
  });

  test('a long poll wakes as soon as an update arrives', async () => {
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    const poll = ok<Record<string, unknown>[]>(emu, bot.token, 'getUpdates', { timeout: 20 });
    await waitUntilPolling(bot);
    await alice.sendMessage(bot, 'wake up');
    const list = await poll;
    assert.equal(textOf(list[0]), 'wake up');
  });

  test('a long poll with nothing to deliver answers an empty list after its timeout', async () => {
    const bot = await emu.createBot();
    const list = await ok<unknown[]>(emu, bot.token, 'getUpdates', { timeout: 1 });
    assert.deepEqual(list, []);
  });

  test('a second getUpdates terminates the first with 409', async () => {
    const bot = await emu.createBot();
    const first = call(emu, bot.token, 'getUpdates', { timeout: 20 });
    await waitUntilPolling(bot);
    const second = call(emu, bot.token, 'getUpdates', { timeout: 0 });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.status, 409);
    assert.equal(
      a.body.description,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    assert.equal(b.body.ok, true);
  });

  test('allowed_updates is remembered until changed', async () => {
    const bot: BotInfo = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    await updates(emu, bot.token, { allowed_updates: ['callback_query'] });
    await alice.sendMessage(bot, 'ignored');
    assert.deepEqual(
      await updates(emu, bot.token),
      [],
      'messages are filtered while only callback queries are allowed',
    );
    await updates(emu, bot.token, { allowed_updates: [] });
    await alice.sendMessage(bot, 'seen');
    const list = await updates(emu, bot.token);
    assert.equal(textOf(list[0]), 'seen');
  });
});
