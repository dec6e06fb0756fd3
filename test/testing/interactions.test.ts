// Users sending polls of their own, directly or through a request_poll keyboard button.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { conformsTo, Emulator } from '../../src/testing/index.js';
import { drain, nextUpdate, ok } from './helpers.js';

describe('user polls', () => {
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
});
