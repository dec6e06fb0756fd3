// Users sending polls, web app data from keyboard buttons, and paying with a chosen shipping option.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, MessageJSON, SimulatedUser } from '../../src/testing/index.js';
import { conformsTo, Emulator } from '../../src/testing/index.js';
import { drain, nextUpdate, ok } from './helpers.js';

describe('user polls, web app data and shipping options', () => {
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
    assert.equal(
      (await dana.keyboardState(bot))?.collapsed,
      false,
      'a refused poll leaves the keyboard open',
    );
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
    assert.equal((await dana.keyboardState(bot))?.collapsed, true, 'a one-time keyboard collapses after use');

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

  async function flexibleInvoice(payload: string): Promise<MessageJSON> {
    const invoice = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: dana.id,
      title: 'Lamp',
      description: 'A desk lamp',
      payload,
      currency: 'EUR',
      prices: [
        { label: 'Lamp', amount: 2000 },
        { label: 'Bulb', amount: 300 },
      ],
      is_flexible: true,
    });
    await drain(emu, bot.token);
    return invoice;
  }

  async function offerShipping(): Promise<void> {
    const shipping = await nextUpdate(emu, bot.token, 'shipping_query');
    await ok(emu, bot.token, 'answerShippingQuery', {
      shipping_query_id: shipping.id,
      ok: true,
      shipping_options: [
        { id: 'post', title: 'Post', prices: [{ label: 'Post', amount: 500 }] },
        {
          id: 'courier',
          title: 'Courier',
          prices: [
            { label: 'Courier', amount: 1200 },
            { label: 'Insurance', amount: 150 },
          ],
        },
      ],
    });
  }

  test('pay: the chosen shipping option is charged in the pre-checkout query and the payment', async () => {
    const invoice = await flexibleInvoice('lamp-1');
    const paying = dana.pay(invoice, { shippingOptionId: 'courier' });
    await offerShipping();
    const checkout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.equal(checkout.total_amount, 2300 + 1350);
    assert.equal(checkout.shipping_option_id, 'courier');
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: checkout.id, ok: true });
    const result = await paying;
    assert.equal(result.status, 'paid');
    const paid = await nextUpdate(emu, bot.token, 'message');
    assert.equal(conformsTo(paid, 'Message'), undefined);
    const payment = paid.successful_payment as { total_amount: number; shipping_option_id: string };
    assert.equal(payment.total_amount, 3650);
    assert.equal(payment.shipping_option_id, 'courier');
  });

  test('pay: a shipping option the bot did not offer is an error', async () => {
    const invoice = await flexibleInvoice('lamp-2');
    const paying = dana.pay(invoice, { shippingOptionId: 'drone' });
    await offerShipping();
    await assert.rejects(paying, /shipping option "drone" was not offered \(offered: "post", "courier"\)/);

    const fixed = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: dana.id,
      title: 'Card',
      description: 'A gift card',
      payload: 'card-1',
      currency: 'EUR',
      prices: [{ label: 'Card', amount: 1000 }],
    });
    await assert.rejects(dana.pay(fixed, { shippingOptionId: 'post' }), /no shipping options/);
  });
});
