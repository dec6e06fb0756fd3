// ExtBot with arbitrary callback data against the emulator: what Telegram sees are short ids, what
// the bot gets back (updates and method results) is the data again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CallbackDataButton,
  callbackButton,
  callbackDataOf,
  ExtBot,
  InvalidCallbackData,
} from '../../../src/ext/index.js';
import {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  InlineQueryResultArticle,
  InputTextMessageContent,
  Message,
  type Update,
} from '../../../src/index.js';
import { Emulator, type SimulatedUser } from '../../../src/testing/index.js';

let emu: Emulator;
let bot: ExtBot;
let plain: ExtBot;
let alice: SimulatedUser;
let botInfo: Awaited<ReturnType<Emulator['createBot']>>;
let offset = 0;

before(async () => {
  emu = await Emulator.start();
  botInfo = await emu.createBot({ username: 'arbitrary_data_bot' });
  alice = await emu.createUser({ firstName: 'Alice' });
  bot = new ExtBot(botInfo.token, { baseUrl: emu.baseUrl, arbitraryCallbackData: true });
  plain = new ExtBot(botInfo.token, { baseUrl: emu.baseUrl });
  await bot.initialize();
  await alice.sendCommand(botInfo, '/start');
});
after(async () => {
  await bot.shutdown();
  await plain.shutdown();
  await emu.stop();
});

/** The next update `pick` accepts, through the generated getUpdates (bounded). */
async function nextUpdate(pick: (update: Update) => boolean): Promise<Update> {
  for (let round = 0; round < 20; round++) {
    const updates = await bot.getUpdates({ offset, timeout: 1 });
    for (const update of updates) {
      offset = update.update_id + 1;
      if (pick(update)) return update;
    }
  }
  throw new Error('no matching update arrived');
}

function buttonsOf(markup: unknown): InlineKeyboardButton[] {
  return ((markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).flat();
}

describe('ExtBot with arbitrary callback data', () => {
  let sent: Message;
  let menu: Awaited<ReturnType<SimulatedUser['expectMessage']>>;
  const order = { item: 'tea', sizes: [1, 2], price: 2.5 };

  test('sendMessage: Telegram gets short ids; the returned message has the data; the given keyboard is unchanged', async () => {
    const markup = new InlineKeyboardMarkup([
      [callbackButton('Order', order), new InlineKeyboardButton('Text', { callback_data: 'text' })],
    ]);
    sent = await bot.sendMessage(alice.id, 'Menu', { reply_markup: markup });
    const seen = await alice.expectMessage({ text: 'Menu', timeoutMs: 5000 });
    menu = seen;
    const ids = (seen.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
    assert.equal(ids.length, 2);
    for (const id of ids) assert.ok(typeof id === 'string' && Buffer.byteLength(id) <= 64, `short id ${id}`);
    assert.notEqual(ids[1], 'text', 'string data goes through the cache too');

    const [first, second] = buttonsOf(sent.reply_markup);
    assert.ok(
      first instanceof CallbackDataButton && second instanceof CallbackDataButton,
      'restored buttons',
    );
    assert.deepEqual(first.value, order);
    assert.equal(second.value, 'text');
    assert.equal(first.callback_data, ids[0], 'callback_data is the id Telegram has');

    const given = markup.inline_keyboard[0]?.[0];
    assert.ok(
      given instanceof CallbackDataButton && given.callback_data === undefined,
      'the caller’s button is untouched',
    );
  });

  test('a press restores callback_query.data and the keyboard of its message', async () => {
    const clicked = alice.clickButton(menu, 'Order', { timeoutMs: 5000 });
    const update = await nextUpdate((u) => u.callback_query !== undefined);
    const query = update.callback_query;
    assert.ok(query !== undefined, 'a callback query arrived');
    assert.deepEqual(callbackDataOf(query), order);
    const restored = buttonsOf((query.message as Message | undefined)?.reply_markup);
    assert.deepEqual(
      restored.map((b) => (b as CallbackDataButton).value),
      [order, 'text'],
    );
    await query.answer({ text: 'ok' });
    assert.equal((await clicked)?.text, 'ok');
    assert.equal(typeof update.toJSON().callback_query, 'object');
    assert.equal(
      (update.toJSON().callback_query as { data: unknown }).data,
      buttonsOf(sent.reply_markup)[0]?.callback_data,
      'the update’s JSON keeps the wire id',
    );
  });

  test('editMessageReplyMarkup sends new ids and returns the message with its data', async () => {
    const edited = await bot.editMessageReplyMarkup({
      chat_id: alice.id,
      message_id: sent.message_id,
      reply_markup: { inline_keyboard: [[callbackButton('Again', [1, { deep: true }])]] },
    });
    assert.ok(edited !== true, 'a chat message edit returns the message');
    const [button] = buttonsOf(edited.reply_markup);
    assert.ok(button instanceof CallbackDataButton, 'the returned message’s button carries its value');
    assert.deepEqual(button.value, [1, { deep: true }]);
    const seen = await alice.expectEdit({ text: 'Menu', timeoutMs: 5000 });
    const id = seen.reply_markup?.inline_keyboard[0]?.[0]?.callback_data;
    assert.equal(id, button.callback_data);
    assert.notEqual(id, buttonsOf(sent.reply_markup)[0]?.callback_data, 'a new id');
  });

  test('answerInlineQuery: results carry ids; the chosen result’s buttons work', async () => {
    const typed = alice.inlineQuery(botInfo, 'menu', { timeoutMs: 5000 });
    const update = await nextUpdate((u) => u.inline_query !== undefined);
    const result = new InlineQueryResultArticle({
      type: 'article',
      id: 'r1',
      title: 'Pick',
      input_message_content: new InputTextMessageContent({ message_text: 'Picked' }),
      reply_markup: new InlineKeyboardMarkup([[callbackButton('Go', { go: 'inline' })]]),
    });
    await bot.answerInlineQuery(update.inline_query?.id ?? '', [result]);
    const answer = await typed;
    assert.ok(answer !== undefined, 'the inline query was answered');
    const markup = answer.results[0]?.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const id = markup.inline_keyboard[0]?.[0]?.callback_data ?? '';
    assert.ok(id.length > 0 && Buffer.byteLength(id) <= 64, 'the result carries an id');
    assert.ok(
      result.reply_markup?.inline_keyboard[0]?.[0] instanceof CallbackDataButton,
      'the given result is untouched',
    );

    const posted = await alice.chooseInlineResult(answer, 'r1');
    const clicked = alice.clickButton(posted, 'Go', { timeoutMs: 5000 });
    const press = await nextUpdate((u) => u.callback_query !== undefined);
    assert.deepEqual(callbackDataOf(press.callback_query as never), { go: 'inline' });
    await press.callback_query?.answer();
    await clicked;
  });

  test('an id the cache does not know arrives as InvalidCallbackData', async () => {
    await bot.sendMessage(alice.id, 'Soon gone', {
      reply_markup: { inline_keyboard: [[callbackButton('X', 1)]] },
    });
    const seen = await alice.expectMessage({ text: 'Soon gone', timeoutMs: 5000 });
    bot.callbackDataCache?.clearCallbackData();
    const clicked = alice.clickButton(seen, 'X', { timeoutMs: 5000 });
    const update = await nextUpdate((u) => u.callback_query !== undefined);
    const data = callbackDataOf(update.callback_query as never);
    assert.ok(data instanceof InvalidCallbackData, 'unknown id');
    assert.equal(data.callbackData, seen.reply_markup?.inline_keyboard[0]?.[0]?.callback_data);
    await update.callback_query?.answer();
    await clicked;
  });

  test('callApi with a returnType restores the parsed result; getChat restores the pinned message', async () => {
    const parsed = await bot.callApi(
      'sendMessage',
      {
        chat_id: alice.id,
        text: 'Raw',
        reply_markup: { inline_keyboard: [[callbackButton('R', { raw: true })]] },
      },
      { returnType: Message },
    );
    const [button] = buttonsOf(parsed.reply_markup);
    assert.ok(button instanceof CallbackDataButton, 'the returned message’s button carries its value');
    assert.deepEqual(button.value, { raw: true });
    await alice.expectMessage({ text: 'Raw', timeoutMs: 5000 });

    await bot.pinChatMessage(alice.id, parsed.message_id);
    const chat = await bot.getChat(alice.id);
    const pinned = chat.pinned_message as Message | undefined;
    assert.equal(pinned?.message_id, parsed.message_id, 'the emulator reports the pinned message');
    const [pinnedButton] = buttonsOf(pinned?.reply_markup);
    assert.ok(pinnedButton instanceof CallbackDataButton, 'the pinned message’s keyboard is restored');
    assert.deepEqual(pinnedButton.value, { raw: true });
  });

  test('a function in the data is refused before anything is sent', async () => {
    await assert.rejects(
      bot.sendMessage(alice.id, 'Never', {
        reply_markup: new InlineKeyboardMarkup([[callbackButton('Run', { onPress: () => 'x' })]]),
      }),
      /holds a function at \.onPress/,
    );
    await alice.expectNoMessage({ timeoutMs: 200 });
  });

  test('a bot without arbitrary callback data refuses non-string data with what to do', async () => {
    assert.equal(plain.callbackDataCache, undefined);
    await assert.rejects(
      plain.sendMessage(alice.id, 'Never', {
        reply_markup: { inline_keyboard: [[callbackButton('A', { a: 1 })]] },
      }),
      /arbitraryCallbackData\(true\)/,
    );
    const ok = await plain.sendMessage(alice.id, 'Plain', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    assert.equal(ok.reply_markup?.inline_keyboard[0]?.[0]?.callback_data, 'a', 'strings pass as they are');
  });
});
