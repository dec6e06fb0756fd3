// Simulated users behave as Telegram's apps do: one-time keyboards collapse but stay usable,
// selective keyboards reach only their targets, payment forms give the order info an invoice asks
// for, and typed text is trimmed before it is sent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, MessageJSON, SimulatedUser } from '../../src/testing/index.js';
import { conformsTo, Emulator } from '../../src/testing/index.js';
import { TINY_PNG } from '../helpers/images.js';
import { drain, nextUpdate, ok } from './helpers.js';

/** Calls a Bot API method with a form-encoded body, as many third-party clients do. */
async function form<T>(
  emu: Emulator,
  token: string,
  method: string,
  params: Record<string, string>,
): Promise<T> {
  const response = await fetch(`${emu.baseUrl}${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  const body = (await response.json()) as { ok: boolean; result: T; description?: string };
  assert.equal(body.ok, true, `${method} failed: ${body.description}`);
  return body.result;
}

/** Calls the control API; answers the parsed body and the HTTP status. */
async function control(
  emu: Emulator,
  verb: 'GET' | 'POST',
  route: string,
  params: Record<string, string>,
  encoding: 'json' | 'form' = 'json',
): Promise<{ status: number; body: { ok: boolean; result?: unknown; description?: string } }> {
  const query = new URLSearchParams(params).toString();
  const response =
    verb === 'GET'
      ? await fetch(`${emu.origin}/_emulator/${route}?${query}`)
      : await fetch(`${emu.origin}/_emulator/${route}`, {
          method: 'POST',
          headers: {
            'content-type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          },
          body: encoding === 'json' ? JSON.stringify(params) : query,
        });
  return { status: response.status, body: (await response.json()) as never };
}

describe('simulated users act as Telegram apps do', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  let bob: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'fidelity_bot' });
    alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
    bob = await emu.createUser({ firstName: 'Bob', lastName: 'Stone', username: 'bobby' });
  });
  after(() => emu.stop());

  test('a one-time keyboard collapses after a press and stays pressable until replaced or removed', async () => {
    await alice.sendCommand(bot, '/size');
    await form(emu, bot.token, 'sendMessage', {
      chat_id: String(alice.id),
      text: 'Size?',
      reply_markup: JSON.stringify({
        keyboard: [[{ text: 'Small' }, { text: 'Large' }]],
        one_time_keyboard: true,
        is_persistent: true,
      }),
    });
    await drain(emu, bot.token);
    await alice.pressKeyboardButton('Large', bot);
    assert.equal((await nextUpdate(emu, bot.token, 'message')).text, 'Large');
    // The user opens the collapsed keyboard and presses again.
    await alice.pressKeyboardButton('Small', bot);
    assert.equal((await nextUpdate(emu, bot.token, 'message')).text, 'Small');
    const state = await alice.keyboardState(bot);
    assert.equal(state?.collapsed, true, 'the one-time keyboard collapsed');
    assert.equal(state?.keyboard.is_persistent, true, 'the markup is kept as the bot sent it');
    // Over HTTP: the control API shows the same state.
    const raw = await control(emu, 'GET', 'keyboard_state', {
      user_id: String(alice.id),
      bot_id: String(bot.id),
    });
    assert.deepEqual(raw.body.result, {
      keyboard: {
        keyboard: [[{ text: 'Small' }, { text: 'Large' }]],
        one_time_keyboard: true,
        is_persistent: true,
      },
      collapsed: true,
    });
    const pressed = await control(
      emu,
      'POST',
      'press_key',
      { user_id: String(alice.id), bot_id: String(bot.id), text: 'Large' },
      'form',
    );
    assert.equal(pressed.body.ok, true, `press_key failed: ${pressed.body.description}`);
    assert.equal((await nextUpdate(emu, bot.token, 'message')).text, 'Large');

    // Another keyboard replaces it, shown open.
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'Colour?',
      reply_markup: { keyboard: [[{ text: 'Red' }, { text: 'Blue' }]], one_time_keyboard: true },
    });
    assert.equal((await alice.keyboardState(bot))?.collapsed, false);
    await assert.rejects(alice.pressKeyboardButton('Small', bot), /no keyboard button with text "Small"/);
    await alice.pressKeyboardButton('Blue', bot);
    assert.equal((await nextUpdate(emu, bot.token, 'message')).text, 'Blue');

    // Removing it ends it.
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'Thanks',
      reply_markup: { remove_keyboard: true },
    });
    assert.equal(await alice.keyboardState(bot), undefined);
    assert.equal(await alice.keyboard(bot), undefined);
    await assert.rejects(alice.pressKeyboardButton('Blue', bot), /no keyboard button/);
  });

  test('a selective keyboard in a group reaches only the mentioned users and the replied-to author', async () => {
    const group = await emu.createSupergroup({
      title: 'Shop',
      owner: alice,
      members: [bob],
      adminBots: [bot],
    });
    await drain(emu, bot.token);
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: group.id,
      text: '@alice which size?',
      reply_markup: { keyboard: [[{ text: 'S' }, { text: 'M' }]], selective: true },
    });
    assert.deepEqual((await alice.keyboard(group))?.keyboard, [[{ text: 'S' }, { text: 'M' }]]);
    assert.equal(await bob.keyboard(group), undefined, 'Bob was neither mentioned nor replied to');
    await assert.rejects(bob.pressKeyboardButton('S', group), /no keyboard button/);

    const asked = await bob.sendMessage(group, 'and me?');
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: group.id,
      text: 'Which colour?',
      reply_parameters: { message_id: asked.message_id },
      reply_markup: { keyboard: [[{ text: 'Red' }]], selective: true },
    });
    assert.deepEqual((await bob.keyboard(group))?.keyboard, [[{ text: 'Red' }]]);
    assert.deepEqual(
      (await alice.keyboard(group))?.keyboard,
      [[{ text: 'S' }, { text: 'M' }]],
      'Alice keeps hers',
    );
    await bob.pressKeyboardButton('Red', group);

    // A selective removal removes only for its targets; a plain one for everyone.
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: group.id,
      text: 'Done, @bobby',
      reply_markup: { remove_keyboard: true, selective: true },
    });
    assert.equal(await bob.keyboard(group), undefined);
    assert.deepEqual((await alice.keyboard(group))?.keyboard, [[{ text: 'S' }, { text: 'M' }]]);
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: group.id,
      text: 'Closed',
      reply_markup: { remove_keyboard: true },
    });
    assert.equal(await alice.keyboard(group), undefined);
  });

  test('paying an invoice with need_* flags gives the bot order_info in every query and the payment', async () => {
    await bob.sendCommand(bot, '/start');
    await drain(emu, bot.token);
    const invoice = await form<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: String(bob.id),
      title: 'Lamp',
      description: 'A desk lamp',
      payload: 'lamp-7',
      currency: 'EUR',
      prices: JSON.stringify([{ label: 'Lamp', amount: 2000 }]),
      need_name: 'true',
      need_phone_number: 'true',
      need_email: 'true',
      need_shipping_address: 'true',
      is_flexible: 'true',
    });
    await drain(emu, bot.token);
    const paying = bob.pay(invoice, {
      orderInfo: { email: 'bob@example.org', shipping_address: { country_code: 'DE', city: 'Berlin' } },
    });
    const shipping = await nextUpdate(emu, bot.token, 'shipping_query');
    assert.equal(conformsTo(shipping, 'ShippingQuery'), undefined);
    const address = {
      country_code: 'DE',
      state: '',
      city: 'Berlin',
      street_line1: '1 Main St',
      street_line2: '',
      post_code: '00001',
    };
    assert.deepEqual(shipping.shipping_address, address);
    await ok(emu, bot.token, 'answerShippingQuery', {
      shipping_query_id: shipping.id,
      ok: true,
      shipping_options: [{ id: 'post', title: 'Post', prices: [{ label: 'Post', amount: 500 }] }],
    });
    const checkout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.equal(conformsTo(checkout, 'PreCheckoutQuery'), undefined);
    const expected = {
      name: 'Bob Stone',
      phone_number: `+1555${String(bob.id).slice(-7)}`,
      email: 'bob@example.org',
      shipping_address: address,
    };
    assert.deepEqual(checkout.order_info, expected);
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: checkout.id, ok: true });
    assert.equal((await paying).status, 'paid');
    const paid = await nextUpdate(emu, bot.token, 'message');
    assert.equal(conformsTo(paid, 'Message'), undefined);
    assert.deepEqual((paid.successful_payment as { order_info?: unknown }).order_info, expected);

    // Only what the invoice asks for, defaults filling what the user did not give.
    const emailOnly = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: alice.id,
      title: 'E-book',
      description: 'A book',
      payload: 'book-1',
      currency: 'EUR',
      prices: [{ label: 'Book', amount: 900 }],
      need_email: true,
    });
    await drain(emu, bot.token);
    const payingBook = alice.pay(emailOnly, { orderInfo: { name: 'Not asked' } });
    const bookCheckout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.deepEqual(bookCheckout.order_info, { email: 'alice@example.com' });
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: bookCheckout.id, ok: true });
    const book = await payingBook;
    assert.deepEqual((book.message?.successful_payment as { order_info?: unknown } | undefined)?.order_info, {
      email: 'alice@example.com',
    });
    const named = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: alice.id,
      title: 'Mug',
      description: 'A mug',
      payload: 'mug-1',
      currency: 'EUR',
      prices: [{ label: 'Mug', amount: 900 }],
      need_name: true,
    });
    await drain(emu, bot.token);
    const payingMug = alice.pay(named);
    const mugCheckout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.deepEqual(mugCheckout.order_info, { name: 'Alice Example' });
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: mugCheckout.id, ok: true });
    await payingMug;
    const plain = await ok<MessageJSON>(emu, bot.token, 'sendInvoice', {
      chat_id: alice.id,
      title: 'Tip',
      description: 'Thanks',
      payload: 'tip-1',
      currency: 'EUR',
      prices: [{ label: 'Tip', amount: 100 }],
    });
    await drain(emu, bot.token);
    const payingTip = alice.pay(plain, { orderInfo: { email: 'x@example.org' } });
    const tipCheckout = await nextUpdate(emu, bot.token, 'pre_checkout_query');
    assert.equal(tipCheckout.order_info, undefined, 'an invoice that asks nothing gets no order_info');
    await ok(emu, bot.token, 'answerPreCheckoutQuery', { pre_checkout_query_id: tipCheckout.id, ok: true });
    await payingTip;
  });

  test('text a user sends is trimmed, entities moving with it; a blank message is refused', async () => {
    await drain(emu, bot.token);
    await alice.sendMessage(bot, '  /start  hello @alice \n');
    const detected = await nextUpdate(emu, bot.token, 'message');
    assert.equal(detected.text, '/start  hello @alice');
    assert.deepEqual(detected.entities, [
      { type: 'bot_command', offset: 0, length: 6 },
      { type: 'mention', offset: 14, length: 6 },
    ]);

    // "  bold and tail  ": bold covers "  bold", code "and", underline "tail  ", italic the last spaces.
    const sent = await alice.sendMessage(bot, '  bold and tail  ', {
      entities: [
        { type: 'bold', offset: 0, length: 6 },
        { type: 'code', offset: 7, length: 3 },
        { type: 'underline', offset: 11, length: 6 },
        { type: 'italic', offset: 15, length: 2 },
      ],
    });
    assert.equal(sent.text, 'bold and tail');
    const formatted = await nextUpdate(emu, bot.token, 'message');
    assert.equal(formatted.text, 'bold and tail');
    assert.deepEqual(formatted.entities, [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'code', offset: 5, length: 3 },
      { type: 'underline', offset: 9, length: 4 },
    ]);

    // Over HTTP, form-encoded: the same trimming.
    const viaForm = await control(
      emu,
      'POST',
      'send',
      {
        user_id: String(alice.id),
        bot_id: String(bot.id),
        text: '\n\n  hi there ',
        entities: JSON.stringify([{ type: 'bold', offset: 4, length: 2 }]),
      },
      'form',
    );
    assert.equal(viaForm.body.ok, true, `send failed: ${viaForm.body.description}`);
    const formMessage = viaForm.body.result as MessageJSON;
    assert.equal(formMessage.text, 'hi there');
    assert.deepEqual(formMessage.entities, [{ type: 'bold', offset: 0, length: 2 }]);

    const photo = await alice.sendPhoto(bot, { data: TINY_PNG, fileName: 'a.png' }, '  look  ');
    assert.equal(photo.caption, 'look');
    const blankCaption = await alice.sendPhoto(bot, { data: TINY_PNG, fileName: 'b.png' }, ' \n ');
    assert.equal(blankCaption.caption, undefined, 'a blank caption is dropped');

    const edited = await alice.editMessage(sent, '  better  ');
    assert.equal(edited.text, 'better');

    await drain(emu, bot.token);
    const blank = await control(emu, 'POST', 'send', {
      user_id: String(alice.id),
      bot_id: String(bot.id),
      text: ' \n\t ',
    });
    assert.equal(blank.status, 400);
    assert.equal(blank.body.description, 'Bad Request: message text is empty');
    await assert.rejects(alice.sendMessage(bot, '   '), /message text is empty/);
    await assert.rejects(alice.editMessage(sent, '  '), /message text is empty/);
    assert.deepEqual(await drain(emu, bot.token), [], 'no update for a refused message');
  });
});
