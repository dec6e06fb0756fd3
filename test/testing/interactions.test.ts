// Users sending polls of their own and data from web app keyboard buttons.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, MessageJSON, SimulatedUser } from '../../src/testing/index.js';
import { conformsTo, Emulator } from '../../src/testing/index.js';
import { drain, nextUpdate, ok } from './helpers.js';

describe('user polls and web app data', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let dana: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'interactions_bot' });
    dana = await emu.createUser({ firstName: 'Dana', username: 'dana' });
  });
  after(() => emu.stop());

  test('sendPoll: the bot gets a message with a well-formed poll or quiz', async () => {
    await drain(emu, bot.token);
    const sent = await dana.sendPoll(bot, {
      question: 'Tea or coffee?',
      options: ['Tea', 'Coffee', 'Water'],
      is_anonymous: false,
      allows_multiple_answers: true,
    });
    const message = await nextUpdate(emu, bot.token, 'message');
    assert.equal(conformsTo(message, 'Message'), undefined);
    assert.equal(message.message_id, sent.message_id);
    const poll = message.poll as Record<string, unknown>;
    assert.equal(conformsTo(poll, 'Poll'), undefined);
    assert.equal(poll.question, 'Tea or coffee?');
    assert.deepEqual(
      (poll.options as { text: string }[]).map((option) => option.text),
      ['Tea', 'Coffee', 'Water'],
    );
    assert.equal(poll.type, 'regular');
    assert.equal(poll.is_anonymous, false);
    assert.equal(poll.allows_multiple_answers, true);
    assert.equal(poll.is_closed, false);

    await dana.sendPoll(bot, { question: '2 + 2?', options: ['3', '4'], type: 'quiz', correct_option_id: 1 });
    const quiz = (await nextUpdate(emu, bot.token, 'message')).poll as Record<string, unknown>;
    assert.equal(conformsTo(quiz, 'Poll'), undefined);
    assert.equal(quiz.type, 'quiz');
    assert.equal(quiz.is_anonymous, true, 'anonymous unless said otherwise');
    assert.deepEqual(quiz.correct_option_ids, [1]);
  });

  test('sendPoll refuses polls Telegram would not let a user compose', async () => {
    await assert.rejects(dana.sendPoll(bot, { question: 'One?', options: ['only'] }), /POLL_ANSWERS_INVALID/);
    await assert.rejects(dana.sendPoll(bot, { question: '', options: ['a', 'b'] }), /question/);
    await assert.rejects(
      dana.sendPoll(bot, { question: 'Quiz?', options: ['a', 'b'], type: 'quiz' }),
      /correct option/,
    );
    await assert.rejects(
      dana.sendPoll(bot, {
        question: 'Quiz?',
        options: ['a', 'b'],
        type: 'quiz',
        correct_option_id: 0,
        allows_multiple_answers: true,
      }),
      /multiple answers/,
    );
  });

  test('a request_poll keyboard button sends the poll the user composed', async () => {
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: dana.id,
      text: 'Make a quiz',
      reply_markup: {
        keyboard: [[{ text: 'Create quiz', request_poll: { type: 'quiz' } }]],
        one_time_keyboard: true,
      },
    });
    await drain(emu, bot.token);
    await assert.rejects(dana.pressKeyboardButton('Create quiz', bot), /asks for a poll/);
    await assert.rejects(
      dana.pressKeyboardButton('Create quiz', bot, {
        poll: { question: 'Colour?', options: ['Red', 'Blue'] },
      }),
      /asks for a quiz poll/,
    );
    assert.notEqual(await dana.keyboard(bot), undefined, 'a refused poll leaves the keyboard');
    await dana.pressKeyboardButton('Create quiz', bot, {
      poll: {
        question: 'Capital of France?',
        options: ['Paris', 'Rome'],
        type: 'quiz',
        correct_option_id: 0,
      },
    });
    const message = await nextUpdate(emu, bot.token, 'message');
    assert.equal(conformsTo(message, 'Message'), undefined);
    const poll = message.poll as Record<string, unknown>;
    assert.equal(poll.question, 'Capital of France?');
    assert.equal(poll.type, 'quiz');
    assert.equal(await dana.keyboard(bot), undefined, 'a one-time keyboard hides after use');

    await ok(emu, bot.token, 'sendMessage', {
      chat_id: dana.id,
      text: 'Plain',
      reply_markup: { keyboard: [[{ text: 'Hello' }]] },
    });
    await assert.rejects(
      dana.pressKeyboardButton('Hello', bot, { poll: { question: 'Q?', options: ['a', 'b'] } }),
      /does not ask for a poll/,
    );
  });

  test('sendWebAppData: the bot gets web_app_data with the button text', async () => {
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: dana.id,
      text: 'Pick a colour',
      reply_markup: {
        keyboard: [
          [{ text: 'Open picker', web_app: { url: 'https://example.com/picker' } }, { text: 'Plain' }],
        ],
        resize_keyboard: true,
      },
    });
    await drain(emu, bot.token);
    await assert.rejects(dana.pressKeyboardButton('Open picker', bot), /opens a web app/);
    const sent = await dana.sendWebAppData('Open picker', '{"hex":"#ff0000"}', bot);
    const message = await nextUpdate(emu, bot.token, 'message');
    assert.equal(conformsTo(message, 'Message'), undefined);
    assert.equal(message.message_id, sent.message_id);
    assert.deepEqual(message.web_app_data, { data: '{"hex":"#ff0000"}', button_text: 'Open picker' });
    assert.equal((message.from as { id: number }).id, dana.id);

    await assert.rejects(dana.sendWebAppData('Plain', 'x', bot), /opens no web app/);
    await assert.rejects(dana.sendWebAppData('Missing', 'x', bot), /no keyboard button/);
    await assert.rejects(dana.sendWebAppData('Open picker', 'x'.repeat(4097), bot), /4096 bytes/);

    // The control API route, as any language would call it.
    const response = await fetch(`${emu.origin}/_emulator/web_app_data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: dana.id, bot_id: bot.id, button_text: 'Open picker', data: 'raw' }),
    });
    const body = (await response.json()) as { ok: boolean; result: MessageJSON };
    assert.equal(body.ok, true);
    assert.deepEqual(body.result.web_app_data, { data: 'raw', button_text: 'Open picker' });
  });
});
