import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, MessageJSON, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { TINY_PNG } from '../helpers/images.js';
import { drain, fails, nextUpdate, ok } from './helpers.js';

describe('simulated users', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'users_bot' });
    alice = await emu.createUser({ firstName: 'Alice', username: 'alice_a', languageCode: 'en' });
  });
  after(() => emu.stop());

  test('commands carry a bot_command entity; media, locations and contacts arrive as messages', async () => {
    await alice.sendCommand(bot, '/start deep-link');
    const start = await nextUpdate(emu, bot.token, 'message');
    assert.equal(start.text, '/start deep-link');
    assert.deepEqual(start.entities, [{ type: 'bot_command', offset: 0, length: 6 }]);
    assert.equal((start.from as { language_code: string }).language_code, 'en');
    await alice.sendPhoto(bot, { data: TINY_PNG, fileName: 'p.png' }, 'look');
    const photo = await nextUpdate(emu, bot.token, 'message');
    assert.equal(photo.caption, 'look');
    const fileId = (photo.photo as { file_id: string }[]).at(-1)?.file_id;
    const file = await ok(emu, bot.token, 'getFile', { file_id: fileId });
    const bytes = await (await fetch(`${emu.fileBaseUrl}${bot.token}/${file.file_path}`)).arrayBuffer();
    assert.deepEqual(Buffer.from(bytes), TINY_PNG);
    await alice.sendDocument(bot, {
      data: new Uint8Array([9]),
      fileName: 'notes.txt',
      mimeType: 'text/plain',
    });
    const document = await nextUpdate(emu, bot.token, 'message');
    assert.equal((document.document as { file_name: string }).file_name, 'notes.txt');
    await alice.sendLocation(bot, 48.85, 2.35);
    assert.deepEqual((await nextUpdate(emu, bot.token, 'message')).location, {
      latitude: 48.85,
      longitude: 2.35,
    });
    await assert.rejects(alice.sendLocation(bot, 91, 0), /latitude/);
    await alice.sendContact(bot, { phone_number: '+3312345', first_name: 'Alice' });
    const contact = await nextUpdate(emu, bot.token, 'message');
    assert.equal((contact.contact as { phone_number: string }).phone_number, '+3312345');
  });

  test('edits and deletions of the user', async () => {
    const sent = await alice.sendMessage(bot, 'typo');
    await drain(emu, bot.token);
    await alice.editMessage(sent, 'fixed');
    const edited = await nextUpdate(emu, bot.token, 'edited_message');
    assert.equal(edited.text, 'fixed');
    assert.equal(edited.message_id, sent.message_id);
    await alice.deleteMessage(sent);
    const transcript = await emu.transcript(alice.chatWith(bot));
    assert.equal(transcript.entries.at(-1)?.kind, 'delete');
  });

  test('pressing an inline button resolves to the bot answer', async () => {
    await alice.sendMessage(bot, 'menu please');
    await drain(emu, bot.token);
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'Pick one',
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Yes', callback_data: 'answer:yes' },
            { text: 'Docs', url: 'https://core.telegram.org' },
          ],
        ],
      },
    });
    const menu = await alice.expectMessage({ text: 'Pick one' });
    const clicked = alice.clickButton(menu, 'Yes');
    const query = await nextUpdate(emu, bot.token, 'callback_query');
    assert.equal(query.data, 'answer:yes');
    assert.equal((query.message as { message_id: number }).message_id, menu.message_id);
    await ok(emu, bot.token, 'answerCallbackQuery', {
      callback_query_id: query.id,
      text: 'Saved',
      show_alert: true,
    });
    assert.deepEqual(await clicked, { text: 'Saved', show_alert: true });
    const twice = await fails(emu, bot.token, 'answerCallbackQuery', { callback_query_id: query.id });
    assert.equal(
      twice.body.description,
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
    assert.deepEqual(await alice.clickButton(menu, 'Docs'), { url: 'https://core.telegram.org' });
    assert.equal(
      await alice.clickButton(menu, { data: 'answer:yes' }, { timeoutMs: 50 }),
      undefined,
      'no answer in time',
    );
    await assert.rejects(alice.clickButton(menu, 'Nope'), /no inline button/);
    const transcript = await emu.transcript(alice.chatWith(bot));
    assert.match(String(transcript), /@users_bot #\d+ \(callback answer\): alert: Saved/);
  });

  test('expectMessage skips non-matching messages and times out with what it saw', async () => {
    await alice.sendMessage(bot, 'ping');
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'noise' });
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'pong' });
    assert.equal((await alice.expectMessage({ text: /^po/ })).text, 'pong');
    await assert.rejects(
      alice.expectMessage({ text: 'never', timeoutMs: 100 }),
      /no bot message matching never/,
    );
    await alice.expectNoMessage({ chat: bot, timeoutMs: 50 });
    await alice.sendMessage(bot, 'a');
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'answer to a' });
    await alice.sendMessage(bot, 'b');
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'answer to b' });
    assert.equal(
      (await alice.expectMessage()).text,
      'answer to b',
      'only replies after the latest message count',
    );
  });

  test('inline queries: answer, results and the chosen result', async () => {
    const asking = alice.inlineQuery(bot, 'cats');
    const query = await nextUpdate(emu, bot.token, 'inline_query');
    assert.equal(query.query, 'cats');
    await ok(emu, bot.token, 'answerInlineQuery', {
      inline_query_id: query.id,
      results: [
        {
          type: 'article',
          id: 'a1',
          title: 'Cat facts',
          input_message_content: { message_text: 'Cats sleep a lot' },
        },
      ],
      next_offset: '1',
    });
    const answer = await asking;
    assert.ok(answer);
    assert.equal(answer.results[0]?.id, 'a1');
    assert.equal(answer.nextOffset, '1');
    const group = await emu.createGroup({ title: 'Cat lovers', owner: alice });
    const posted = await alice.chooseInlineResult(answer, 'a1', group);
    assert.equal(posted.text, 'Cats sleep a lot');
    assert.equal((posted.via_bot as { id: number }).id, bot.id);
    const chosen = await nextUpdate(emu, bot.token, 'chosen_inline_result');
    assert.equal(chosen.result_id, 'a1');
    assert.equal(chosen.query, 'cats');
  });

  test('polls: votes reach the bot as poll_answer and poll updates; stopPoll closes', async () => {
    const sent = await ok<Record<string, unknown> & { message_id: number }>(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Tea or coffee?',
      options: [{ text: 'Tea' }, { text: 'Coffee' }],
      is_anonymous: false,
    });
    await drain(emu, bot.token);
    const message = await alice.expectMessage({ chat: bot });
    await alice.vote(message, [1]);
    const answer = await nextUpdate(emu, bot.token, 'poll_answer');
    assert.deepEqual(answer.option_ids, [1]);
    assert.equal((answer.user as { id: number }).id, alice.id);
    const stopped = await ok(emu, bot.token, 'stopPoll', { chat_id: alice.id, message_id: sent.message_id });
    assert.equal(stopped.is_closed, true);
    assert.deepEqual(
      (stopped.options as { voter_count: number }[]).map((option) => option.voter_count),
      [0, 1],
    );
    await assert.rejects(alice.vote(message, [0]), /POLL_CLOSED/);
    const quiz = await fails(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Q',
      options: [{ text: 'a' }, { text: 'b' }],
      type: 'quiz',
    });
    assert.equal(quiz.body.description, 'Bad Request: wrong correct option id specified');
  });

  test('a poll with open_period closes by itself and tells the bot', async () => {
    await ok(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Quick?',
      options: [{ text: 'Yes' }, { text: 'No' }],
      open_period: 5,
    });
    await drain(emu, bot.token);
    const invalid = await fails(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Too quick?',
      options: [{ text: 'Yes' }, { text: 'No' }],
      open_period: 1,
    });
    assert.equal(invalid.body.description, 'Bad Request: open_period is invalid');
    const closing = await ok(emu, bot.token, 'sendPoll', {
      chat_id: alice.id,
      question: 'Closing now?',
      options: [{ text: 'Yes' }, { text: 'No' }],
      close_date: Math.floor(Date.now() / 1000),
    });
    const closed = await nextUpdate(emu, bot.token, 'poll');
    assert.equal(closed.id, (closing.poll as { id: string }).id);
    assert.equal(closed.is_closed, true);
  });

  test('payments: shipping, pre-checkout and successful_payment', async () => {
    const invoice = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: alice.id,
      title: 'Coffee',
      description: 'A cup',
      payload: 'order-1',
      currency: 'EUR',
      prices: [{ label: 'Cup', amount: 250 }],
      is_flexible: true,
    });
    await drain(emu, bot.token);
    const paying = alice.pay(invoice);
    const shipping = await nextUpdate(emu, bot.token, 'shipping_query');
    assert.equal(shipping.invoice_payload, 'order-1');
    await ok(emu, bot.token, 'answerShippingQuery', {
      shipping_query_id: shipping.id,
      ok: true,
      shipping_options: [{ id: 'post', title: 'Post', prices: [{ label: 'Post', amount: 100 }] }],
    });
    const checkout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.equal(checkout.total_amount, 350, 'the invoice plus the chosen shipping option');
    assert.equal(checkout.shipping_option_id, 'post');
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: checkout.id, ok: true });
    const result = await paying;
    assert.equal(result.status, 'paid');
    const paid = await nextUpdate(emu, bot.token, 'message');
    assert.equal((paid.successful_payment as { invoice_payload: string }).invoice_payload, 'order-1');
  });

  test('a declined pre-checkout query is reported to the user', async () => {
    const invoice = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: alice.id,
      title: 'Tea',
      description: 'A pot',
      payload: 'order-2',
      currency: 'EUR',
      prices: [{ label: 'Pot', amount: 400 }],
    });
    await drain(emu, bot.token);
    const paying = alice.pay(invoice);
    const checkout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    await ok(emu, bot.token, 'answerPreCheckoutQuery', {
      pre_checkout_query_id: checkout.id,
      ok: false,
      error_message: 'Sold out',
    });
    assert.deepEqual(await paying, { status: 'declined', error_message: 'Sold out' });
  });

  test('reactions reach bots that asked for message_reaction', async () => {
    const sent = await ok<{ message_id: number; chat: { id: number; type: string }; date: number }>(
      emu,
      bot.token,
      'sendMessage',
      { chat_id: alice.id, text: 'react to me' },
    );
    await ok(emu, bot.token, 'getUpdates', { allowed_updates: ['message', 'message_reaction'], timeout: 0 });
    await alice.react({ ...sent, from: { id: bot.id, is_bot: true, first_name: 'b' } }, ['👍']);
    const reaction = await nextUpdate(emu, bot.token, 'message_reaction');
    assert.deepEqual(reaction.new_reaction, [{ type: 'emoji', emoji: '👍' }]);
    await ok(emu, bot.token, 'setMessageReaction', {
      chat_id: alice.id,
      message_id: sent.message_id,
      reaction: [{ type: 'emoji', emoji: '🔥' }],
    });
    await ok(emu, bot.token, 'getUpdates', { allowed_updates: [], timeout: 0 });
  });
});
