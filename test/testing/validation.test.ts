import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { METHODS, TYPES } from '../../src/generated/metadata.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { conformsTo, makeValue } from '../../src/testing/values.js';
import { fails, ok } from './helpers.js';

describe('validation from the method metadata', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'strict_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, '/start');
  });
  after(() => emu.stop());

  async function description(method: string, params: object): Promise<string | undefined> {
    const answer = await fails(emu, bot.token, method, params);
    assert.equal(answer.status, answer.body.error_code);
    return answer.body.description;
  }

  test('missing required parameters', async () => {
    assert.equal(
      await description('sendMessage', { chat_id: alice.id }),
      'Bad Request: message text is empty',
    );
    assert.equal(await description('sendMessage', { text: 'x' }), 'Bad Request: chat_id is empty');
    assert.equal(
      await description('sendPhoto', { chat_id: alice.id }),
      'Bad Request: there is no photo in the request',
    );
    assert.equal(await description('getFile', {}), 'Bad Request: file_id is empty');
    assert.equal(
      await description('sendMessage', { chat_id: alice.id, text: '  \n ' }),
      'Bad Request: message text is empty',
    );
  });

  test('unknown chats and users', async () => {
    assert.equal(
      await description('sendMessage', { chat_id: -123456, text: 'x' }),
      'Bad Request: chat not found',
    );
    assert.equal(
      await description('sendMessage', { chat_id: '@nowhere', text: 'x' }),
      'Bad Request: chat not found',
    );
    const stranger = await emu.createUser({ firstName: 'Stranger' });
    const answer = await fails(emu, bot.token, 'sendMessage', { chat_id: stranger.id, text: 'x' });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.description, "Forbidden: bot can't initiate conversation with a user");
    const other = await emu.createBot();
    const toBot = await fails(emu, bot.token, 'sendMessage', { chat_id: other.id, text: 'x' });
    assert.equal(toBot.body.description, "Forbidden: bot can't send messages to bots");
  });

  test('wrong scalar types and malformed objects', async () => {
    assert.equal(
      await description('sendMessage', { chat_id: alice.id, text: 'x', reply_markup: '{nope' }),
      "Bad Request: can't parse reply markup JSON object",
    );
    const bad = await description('sendMessage', {
      chat_id: alice.id,
      text: 'x',
      reply_markup: { inline_keyboard: [[{ callback_data: 'no text' }]] },
    });
    assert.match(bad ?? '', /^Bad Request: can't parse reply markup: .*text/);
    assert.equal(
      await description('sendMessage', {
        chat_id: alice.id,
        text: 'x',
        reply_markup: { inline_keyboard: [[{ text: 'no action' }]] },
      }),
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    assert.equal(
      await description('sendLocation', { chat_id: alice.id, latitude: 'north', longitude: 1 }),
      'Bad Request: invalid latitude specified',
    );
    assert.equal(
      await description('deleteMessage', { chat_id: alice.id, message_id: 1.5 }),
      'Bad Request: invalid message_id specified',
    );
  });

  test('length limits, counted after entity parsing', async () => {
    assert.equal(
      await description('sendMessage', { chat_id: alice.id, text: 'x'.repeat(4097) }),
      'Bad Request: message is too long',
    );
    const bold = `<b>${'x'.repeat(4096)}</b>`;
    const sent = await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: bold,
      parse_mode: 'HTML',
    });
    assert.equal((sent.text as string).length, 4096);
    assert.deepEqual(sent.entities, [{ type: 'bold', offset: 0, length: 4096 }]);
    const photo = { chat_id: alice.id, photo: 'https://example.invalid/a.jpg' };
    assert.equal(
      await description('sendPhoto', { ...photo, caption: 'c'.repeat(1025) }),
      'Bad Request: message caption is too long',
    );
    const longData = { inline_keyboard: [[{ text: 'x', callback_data: 'é'.repeat(33) }]] };
    assert.equal(
      await description('sendMessage', { chat_id: alice.id, text: 'x', reply_markup: longData }),
      'Bad Request: BUTTON_DATA_INVALID',
    );
  });

  test('parse_mode errors come from the entity parser', async () => {
    const error = await description('sendMessage', {
      chat_id: alice.id,
      text: '<b>open',
      parse_mode: 'HTML',
    });
    assert.match(error ?? '', /^Bad Request: can't parse entities: /);
    assert.equal(
      await description('sendMessage', { chat_id: alice.id, text: 'x', parse_mode: 'Fancy' }),
      'Bad Request: unsupported parse_mode',
    );
    const v2 = await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: '*hi* there',
      parse_mode: 'MarkdownV2',
    });
    assert.equal(v2.text, 'hi there');
  });

  test('more than 50 inline results are refused', async () => {
    const results = Array.from({ length: 51 }, (_, i) => ({
      type: 'article',
      id: String(i),
      title: 't',
      input_message_content: { message_text: 'm' },
    }));
    const answering = alice.inlineQuery(bot, 'q', { timeoutMs: 2000 });
    const [update] = await waitForUpdate('inline_query');
    const id = (update?.inline_query as { id: string } | undefined)?.id;
    assert.equal(
      await description('answerInlineQuery', { inline_query_id: id, results }),
      'Bad Request: RESULTS_TOO_MUCH',
    );
    await ok(emu, bot.token, 'answerInlineQuery', { inline_query_id: id, results: results.slice(0, 50) });
    assert.equal((await answering)?.results.length, 50);
  });

  async function waitForUpdate(kind: string): Promise<Record<string, unknown>[]> {
    for (;;) {
      const list = await ok<Record<string, unknown>[]>(emu, bot.token, 'getUpdates', { timeout: 2 });
      const last = list.at(-1);
      if (last !== undefined)
        await ok(emu, bot.token, 'getUpdates', { offset: (last.update_id as number) + 1 });
      const found = list.filter((update) => update[kind] !== undefined);
      if (found.length > 0) return found;
    }
  }

  test('methods without specific behaviour answer a value of their return type', async () => {
    const answered = await ok(emu, bot.token, 'getMyName', {});
    assert.equal(typeof answered.name, 'string');
    const gifts = await ok(emu, bot.token, 'getAvailableGifts', {});
    assert.ok(Array.isArray(gifts.gifts));
  });
});

describe('generic values', () => {
  test('makeValue builds a conforming value of every type in the spec', () => {
    for (const name of Object.keys(TYPES)) {
      const value = makeValue(name, { now: 1_700_000_000 });
      assert.equal(conformsTo(value, name), undefined, `${name} does not conform`);
    }
  });

  test('makeValue covers every return type of every method', () => {
    for (const meta of Object.values(METHODS)) {
      const type = meta.returns[0] ?? 'Boolean';
      assert.equal(conformsTo(makeValue(type, { now: 1 }), type), undefined, meta.name);
    }
  });

  test('conformsTo finds a missing required field', () => {
    assert.equal(conformsTo({ id: 1, is_bot: false }, 'User'), '$.first_name');
    assert.equal(conformsTo([{ id: 1 }], 'Array of User'), '$[0].is_bot');
  });
});
