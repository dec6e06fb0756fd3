// Parameters as Telegram accepts them, whichever client sent them: older spellings the docs no
// longer list, options as plain strings and loosely spelled booleans, over JSON, form-encoded and
// multipart bodies alike.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { currentMethodName } from '../../src/testing/legacy.js';
import type { Answer } from './helpers.js';
import { checkAnswer, drain, nextUpdate, ok } from './helpers.js';

type Encoding = 'json' | 'form' | 'multipart';
const ENCODINGS: readonly Encoding[] = ['json', 'form', 'multipart'];
type Message = Record<string, unknown> & { message_id: number };

/** A raw request in one wire format; forms carry objects as JSON strings, as clients send them. */
async function raw(
  emu: Emulator,
  token: string,
  method: string,
  params: Record<string, unknown>,
  encoding: Encoding,
): Promise<Answer> {
  const text = (value: unknown): string =>
    typeof value === 'object' ? JSON.stringify(value) : String(value);
  let body: string | FormData;
  const headers: Record<string, string> = {};
  if (encoding === 'json') {
    body = JSON.stringify(params);
    headers['content-type'] = 'application/json';
  } else if (encoding === 'form') {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) form.append(key, text(value));
    body = form.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else {
    const form = new FormData();
    for (const [key, value] of Object.entries(params)) form.append(key, text(value));
    body = form;
  }
  const response = await fetch(`${emu.baseUrl}${token}/${method}`, { method: 'POST', headers, body });
  const answer: Answer = { status: response.status, body: (await response.json()) as Answer['body'] };
  checkAnswer(currentMethodName(method) ?? method, answer);
  return answer;
}

async function rawOk(
  emu: Emulator,
  token: string,
  method: string,
  params: Record<string, unknown>,
  encoding: Encoding,
): Promise<Message> {
  const answer = await raw(emu, token, method, params, encoding);
  assert.equal(answer.body.ok, true, `${method} over ${encoding} failed: ${answer.body.description}`);
  return answer.body.result as Message;
}

describe('parameters as Telegram accepts them', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'compat_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, '/start');
  });
  after(() => emu.stop());

  test('sendPoll takes options as plain strings, as InputPollOption objects, or both', async () => {
    for (const encoding of ENCODINGS) {
      const sent = await rawOk(
        emu,
        bot.token,
        'sendPoll',
        { chat_id: alice.id, question: 'Tea?', options: ['Yes', { text: 'No' }, 'Maybe'] },
        encoding,
      );
      const poll = sent.poll as { options: { text: string }[] };
      assert.deepEqual(
        poll.options.map((option) => option.text),
        ['Yes', 'No', 'Maybe'],
        encoding,
      );
    }
  });

  test('reply_to_message_id and allow_sending_without_reply stand in for reply_parameters', async () => {
    const target = await ok<Message>(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'first' });
    for (const encoding of ENCODINGS) {
      const reply = await rawOk(
        emu,
        bot.token,
        'sendMessage',
        { chat_id: alice.id, text: 'answer', reply_to_message_id: target.message_id },
        encoding,
      );
      const replied = reply.reply_to_message as Message | undefined;
      assert.equal(replied?.message_id, target.message_id, `reply over ${encoding}`);
      const missing = await raw(
        emu,
        bot.token,
        'sendMessage',
        { chat_id: alice.id, text: 'lost', reply_to_message_id: 999999 },
        encoding,
      );
      assert.equal(missing.status, 400, encoding);
      assert.equal(missing.body.description, 'Bad Request: message to be replied not found');
      const allowed = await rawOk(
        emu,
        bot.token,
        'sendMessage',
        { chat_id: alice.id, text: 'anyway', reply_to_message_id: 999999, allow_sending_without_reply: true },
        encoding,
      );
      assert.equal(allowed.reply_to_message, undefined, encoding);
    }
    // Every method that takes reply_parameters falls back the same way.
    const dice = await rawOk(
      emu,
      bot.token,
      'sendDice',
      { chat_id: alice.id, reply_to_message_id: target.message_id },
      'form',
    );
    assert.equal((dice.reply_to_message as Message | undefined)?.message_id, target.message_id);
    const copy = await raw(
      emu,
      bot.token,
      'copyMessage',
      {
        chat_id: alice.id,
        from_chat_id: alice.id,
        message_id: target.message_id,
        reply_to_message_id: 999999,
      },
      'json',
    );
    assert.equal(copy.body.description, 'Bad Request: message to be replied not found');
    // reply_parameters, when sent, wins over the older parameter.
    const other = await ok<Message>(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'second' });
    const both = await rawOk(
      emu,
      bot.token,
      'sendMessage',
      {
        chat_id: alice.id,
        text: 'both',
        reply_parameters: { message_id: other.message_id },
        reply_to_message_id: target.message_id,
      },
      'form',
    );
    assert.equal((both.reply_to_message as Message | undefined)?.message_id, other.message_id);
  });

  test('booleans are lower-cased and trimmed: true, yes and 1 are true, anything else false', async () => {
    const spellings: [string, boolean][] = [
      ['True', true],
      ['yes', true],
      [' true ', true],
      ['1', true],
      ['TRUE', true],
      ['False', false],
      ['no', false],
      ['maybe', false],
    ];
    for (const encoding of ENCODINGS) {
      for (const [spelling, expected] of spellings) {
        const sent = await rawOk(
          emu,
          bot.token,
          'sendMessage',
          { chat_id: alice.id, text: `protected ${spelling}`, protect_content: spelling },
          encoding,
        );
        assert.equal(
          sent.has_protected_content === true,
          expected,
          `protect_content=${JSON.stringify(spelling)} over ${encoding}`,
        );
      }
    }
  });

  test('a quiz takes the older correct_option_id, and its Poll carries both fields', async () => {
    for (const encoding of ENCODINGS) {
      const sent = await rawOk(
        emu,
        bot.token,
        'sendPoll',
        {
          chat_id: alice.id,
          question: '2+2?',
          options: [{ text: '3' }, { text: '4' }],
          type: 'quiz',
          correct_option_id: 1,
        },
        encoding,
      );
      const poll = sent.poll as Record<string, unknown>;
      assert.equal(poll.correct_option_id, 1, encoding);
      assert.deepEqual(poll.correct_option_ids, [1], encoding);
    }
    const modern = await ok<Message>(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Pick',
      options: ['a', 'b', 'c'],
      type: 'quiz',
      correct_option_ids: [2],
    });
    assert.equal((modern.poll as Record<string, unknown>).correct_option_id, 2);
    const regular = await ok<Message>(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Tea?',
      options: ['Yes', 'No'],
    });
    assert.equal('correct_option_id' in (regular.poll as object), false);
    // A quiz a user sends carries the single field too.
    await drain(emu, bot.token);
    await alice.sendPoll(bot, {
      question: 'Sky?',
      options: ['blue', 'green'],
      type: 'quiz',
      correct_option_id: 0,
    });
    const received = await nextUpdate(emu, bot.token, 'message');
    assert.equal((received.poll as Record<string, unknown>).correct_option_id, 0);
  });

  test('disable_web_page_preview becomes link_preview_options.is_disabled', async () => {
    for (const encoding of ENCODINGS) {
      const sent = await rawOk(
        emu,
        bot.token,
        'sendMessage',
        { chat_id: alice.id, text: 'see https://example.com', disable_web_page_preview: true },
        encoding,
      );
      assert.deepEqual(sent.link_preview_options, { is_disabled: true }, encoding);
      const edited = await rawOk(
        emu,
        bot.token,
        'editMessageText',
        {
          chat_id: alice.id,
          message_id: sent.message_id,
          text: 'now https://example.org',
          disable_web_page_preview: 'True',
        },
        encoding,
      );
      assert.deepEqual(edited.link_preview_options, { is_disabled: true }, encoding);
    }
    const shown = await rawOk(
      emu,
      bot.token,
      'sendMessage',
      { chat_id: alice.id, text: 'https://example.com', disable_web_page_preview: false },
      'form',
    );
    assert.equal(shown.link_preview_options, undefined);
  });

  test('inline answers take text content with disable_web_page_preview, thumb_url and switch_pm_text', async () => {
    await drain(emu, bot.token);
    const asking = fetch(`${emu.origin}/_emulator/inline_query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: alice.id, bot_id: bot.id, query: 'cats', timeout_ms: 3000 }),
    });
    const query = await nextUpdate(emu, bot.token, 'inline_query');
    const results = [
      {
        type: 'article',
        id: 'a1',
        title: 'Cats',
        input_message_content: { message_text: 'https://cats.example', disable_web_page_preview: true },
      },
      {
        type: 'photo',
        id: 'p1',
        photo_url: 'https://cats.example/a.jpg',
        thumb_url: 'https://cats.example/t.jpg',
      },
    ];
    await rawOk(
      emu,
      bot.token,
      'answerInlineQuery',
      { inline_query_id: query.id, results, switch_pm_text: 'Set up', switch_pm_parameter: 'setup' },
      'form',
    );
    const answered = (await (await asking).json()) as {
      result: { inline_query_id: string; answer: { button?: unknown; results: Record<string, unknown>[] } };
    };
    assert.deepEqual(answered.result.answer.button, { text: 'Set up', start_parameter: 'setup' });
    assert.equal(answered.result.answer.results[1]?.thumbnail_url, 'https://cats.example/t.jpg');
    const chosen = await alice.chooseInlineResult(
      { queryId: answered.result.inline_query_id, botId: bot.id, results: [], nextOffset: undefined },
      'a1',
    );
    assert.deepEqual(chosen.link_preview_options, { is_disabled: true });
  });

  test('former method names and parameters Telegram still answers', async () => {
    const group = await emu.createSupergroup({ title: 'Club', owner: alice, adminBots: [bot] });
    await rawOk(
      emu,
      bot.token,
      'sendMessage',
      {
        chat_id: alice.id,
        text: 'Pick a friend',
        reply_markup: { keyboard: [[{ text: 'Friend', request_user: { request_id: 7 } }]] },
      },
      'form',
    );
    const keyboard = (await alice.keyboard(bot)) as { keyboard: Record<string, unknown>[][] } | undefined;
    assert.deepEqual(keyboard?.keyboard[0]?.[0]?.request_users, { request_id: 7 });
    const count = await raw(emu, bot.token, 'getChatMembersCount', { chat_id: group.id }, 'form');
    assert.equal(count.body.result, 2);
    const bob = await emu.createUser({ firstName: 'Bob' });
    await bob.join(group);
    await rawOk(
      emu,
      bot.token,
      'restrictChatMember',
      { chat_id: group.id, user_id: bob.id, permissions: { can_send_media_messages: false } },
      'form',
    );
    const restricted = await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: bob.id });
    assert.equal(restricted.can_send_photos, false);
    assert.equal(restricted.can_send_documents, false);
    await rawOk(
      emu,
      bot.token,
      'promoteChatMember',
      { chat_id: group.id, user_id: bob.id, can_manage_voice_chats: 'yes' },
      'multipart',
    );
    const promoted = await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: bob.id });
    assert.equal(promoted.can_manage_video_chats, true);
    await rawOk(
      emu,
      bot.token,
      'promoteChatMember',
      { chat_id: group.id, user_id: bob.id, can_manage_video_chats: false },
      'json',
    );
    const kicked = await raw(
      emu,
      bot.token,
      'kickChatMember',
      { chat_id: group.id, user_id: bob.id },
      'json',
    );
    assert.equal(kicked.body.result, true);
    const member = await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: bob.id });
    assert.equal(member.status, 'kicked');
  });
});
