import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CallbackDataButton,
  CallbackDataCache,
  callbackButton,
  callbackDataOf,
  InvalidCallbackData,
} from '../../../src/ext/index.js';
import { InlineKeyboardButton, InlineKeyboardMarkup } from '../../../src/index.js';

/** A cache on a fake clock (epoch ms) the test moves by hand. */
function clockedCache(maxsize?: number): { cache: CallbackDataCache; clock: { now: number } } {
  const clock = { now: 1_700_000_000_000 };
  const cache = new CallbackDataCache(undefined, { maxsize, now: () => clock.now });
  return { cache, clock };
}

function idOf(markup: InlineKeyboardMarkup, row = 0, column = 0): string {
  const data = markup.inline_keyboard[row]?.[column]?.callback_data;
  assert.equal(typeof data, 'string', 'a processed button carries a string id');
  return data as string;
}

/** The JSON of a callback query pressing the button with `data`. */
function queryJson(id: string, data: string): Record<string, unknown> {
  return { id, from: { id: 7, is_bot: false, first_name: 'A' }, chat_instance: 'ci', data };
}

describe('CallbackDataCache', () => {
  test('a keyboard gets short ids in place of its data; a press gives the data back', () => {
    const { cache } = clockedCache();
    const value = { item: 42, tags: ['a', 'b'], nested: { deep: [1, 2, 3] } };
    const original = new InlineKeyboardMarkup([
      [callbackButton('Buy', value), new InlineKeyboardButton('Plain', { callback_data: 'plain' })],
      [new InlineKeyboardButton('Site', { url: 'https://example.com' })],
    ]);
    const sent = cache.processKeyboard(original);
    const buy = idOf(sent, 0, 0);
    const plain = idOf(sent, 0, 1);
    assert.ok(Buffer.byteLength(buy) <= 64 && Buffer.byteLength(plain) <= 64, 'ids fit in 64 bytes');
    assert.notEqual(buy, plain, 'each button has its own id');
    assert.equal(sent.inline_keyboard[1]?.[0]?.url, 'https://example.com', 'other buttons stay');
    assert.equal(sent.inline_keyboard[1]?.[0]?.callback_data, undefined);
    assert.ok(
      original.inline_keyboard[0]?.[0] instanceof CallbackDataButton,
      'the given keyboard is unchanged',
    );
    assert.equal(original.inline_keyboard[0]?.[1]?.callback_data, 'plain');

    const pressed = cache.processCallbackQuery(queryJson('q1', buy));
    assert.deepEqual(callbackDataOf(pressed), value);
    assert.equal(
      callbackDataOf(cache.processCallbackQuery(queryJson('q2', plain))),
      'plain',
      'strings go through the cache too',
    );
    assert.equal(pressed.id, 'q1');
    assert.equal(pressed.toJSON().data, buy, 'the wire form keeps the id');
  });

  test('ids of many keyboards are distinct and at most 64 bytes', () => {
    const { cache } = clockedCache(5000);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'x', callback_data: [i] }]] }));
      assert.ok(Buffer.byteLength(id, 'utf8') <= 64, `id ${id} fits in 64 bytes`);
      seen.add(id);
    }
    assert.equal(seen.size, 500, 'no id repeats');
  });

  test('a keyboard without callback data comes back unchanged and is not stored', () => {
    const { cache } = clockedCache();
    const markup = new InlineKeyboardMarkup([
      [new InlineKeyboardButton('Site', { url: 'https://example.com' })],
    ]);
    assert.equal(cache.processKeyboard(markup), markup);
    assert.equal(cache.size.keyboards, 0);
  });

  test('an unknown or forged id gives InvalidCallbackData', () => {
    const { cache } = clockedCache();
    const id = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'x', callback_data: 1 }]] }));
    const forged = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    const data = callbackDataOf(cache.processCallbackQuery(queryJson('q', forged)));
    assert.ok(data instanceof InvalidCallbackData, 'a forged button id is invalid');
    assert.equal(data.callbackData, forged);
    const none = callbackDataOf(cache.processCallbackQuery(queryJson('q2', 'garbage')));
    assert.ok(none instanceof InvalidCallbackData, 'an id of no keyboard is invalid');
    assert.throws(() => cache.dropData({ id: 'q' }), /was not found/, 'invalid presses are not remembered');
  });

  test('functions and symbols in callback data are refused with a clear error', () => {
    const { cache } = clockedCache();
    assert.throws(
      () => cache.processKeyboard({ inline_keyboard: [[{ text: 'Go', callback_data: { run: () => 1 } }]] }),
      (error: unknown) =>
        error instanceof TypeError &&
        /"Go"/.test(error.message) &&
        /function at \.run/.test(error.message) &&
        /storable data/.test(error.message),
    );
    assert.throws(
      () => cache.processKeyboard(new InlineKeyboardMarkup([[callbackButton('S', [Symbol('x')])]])),
      /symbol at \[0\]/,
    );
    assert.equal(cache.size.keyboards, 0, 'nothing is stored for a refused keyboard');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.doesNotThrow(() =>
      cache.processKeyboard({ inline_keyboard: [[{ text: 'C', callback_data: cyclic }]] }),
    );
  });

  test('LRU: beyond maxsize the least recently used keyboard goes; a press refreshes a keyboard', () => {
    const { cache, clock } = clockedCache(2);
    const a = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'a', callback_data: 'A' }]] }));
    clock.now += 1000;
    const b = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'b', callback_data: 'B' }]] }));
    clock.now += 1000;
    assert.equal(
      callbackDataOf(cache.processCallbackQuery(queryJson('qa', a))),
      'A',
      'pressing a makes b the oldest',
    );
    const c = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'c', callback_data: 'C' }]] }));
    assert.equal(cache.size.keyboards, 2);
    assert.ok(
      callbackDataOf(cache.processCallbackQuery(queryJson('qb', b))) instanceof InvalidCallbackData,
      'b was evicted',
    );
    assert.equal(callbackDataOf(cache.processCallbackQuery(queryJson('qa2', a))), 'A');
    assert.equal(callbackDataOf(cache.processCallbackQuery(queryJson('qc', c))), 'C');
    // Callback queries are bounded the same way.
    assert.equal(cache.size.queries, 2, 'only the two latest query ids are kept');
    assert.throws(() => cache.dropData({ id: 'qa' }), /was not found/);
  });

  test('dropData drops the keyboard of a query; clearCallbackQueries forgets the queries only', () => {
    const { cache } = clockedCache();
    const id = idOf(
      cache.processKeyboard({
        inline_keyboard: [
          [
            { text: 'a', callback_data: 1 },
            { text: 'b', callback_data: 2 },
          ],
        ],
      }),
    );
    const query = cache.processCallbackQuery(queryJson('q1', id));
    cache.dropData(query);
    assert.ok(
      callbackDataOf(cache.processCallbackQuery(queryJson('q2', id))) instanceof InvalidCallbackData,
      'dropped',
    );
    assert.throws(() => cache.dropData(query), /q1 was not found/, 'a second drop throws, as in PTB');

    const other = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'c', callback_data: 3 }]] }));
    cache.processCallbackQuery(queryJson('q3', other));
    cache.clearCallbackQueries();
    assert.equal(cache.size.queries, 0);
    assert.equal(callbackDataOf(cache.processCallbackQuery(queryJson('q4', other))), 3, 'keyboards stay');
  });

  test('clearCallbackData clears all, or the keyboards last used before a time (Date or epoch seconds)', () => {
    const { cache, clock } = clockedCache();
    const old = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'o', callback_data: 'old' }]] }));
    clock.now += 60_000;
    const fresh = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'f', callback_data: 'fresh' }]] }));
    cache.clearCallbackData(new Date(clock.now - 30_000));
    assert.ok(
      callbackDataOf(cache.processCallbackQuery(queryJson('q1', old))) instanceof InvalidCallbackData,
      'old went',
    );
    assert.equal(callbackDataOf(cache.processCallbackQuery(queryJson('q2', fresh))), 'fresh', 'fresh stayed');
    cache.clearCallbackData((clock.now - 1) / 1000);
    assert.equal(cache.size.keyboards, 1, 'just used: newer than the cutoff in seconds');
    cache.clearCallbackData();
    assert.equal(cache.size.keyboards, 0);
  });

  test('persistence data round trip keeps the data, the access times and the LRU order', () => {
    const { cache, clock } = clockedCache(2);
    const first = idOf(
      cache.processKeyboard({ inline_keyboard: [[{ text: '1', callback_data: { n: 1 } }]] }),
    );
    clock.now += 5000;
    const second = idOf(
      cache.processKeyboard({ inline_keyboard: [[{ text: '2', callback_data: [2, 'two'] }]] }),
    );
    cache.processCallbackQuery(queryJson('q1', first));
    const stored = JSON.parse(JSON.stringify(cache.persistenceData));
    assert.equal(stored.keyboards.length, 2);
    assert.equal(
      stored.keyboards[0][0],
      CallbackDataCache.extractIds(second)[0],
      'least recently used first',
    );
    assert.equal(stored.keyboards[1][1], clock.now / 1000, 'access time in epoch seconds');
    assert.deepEqual(stored.queries, { q1: CallbackDataCache.extractIds(first)[0] });

    const before = cache.changes;
    const restored = new CallbackDataCache(undefined, { maxsize: 2, persistentData: stored });
    assert.ok(cache.changes === before, 'reading persistenceData changes nothing');
    assert.deepEqual(restored.persistenceData, stored);
    assert.deepEqual(callbackDataOf(restored.processCallbackQuery(queryJson('q2', second))), [2, 'two']);
    // `first` is the least recently used now: a new keyboard evicts it.
    restored.processKeyboard({ inline_keyboard: [[{ text: '3', callback_data: 3 }]] });
    assert.ok(
      callbackDataOf(restored.processCallbackQuery(queryJson('q3', first))) instanceof InvalidCallbackData,
    );
    restored.dropData({ id: 'q2' });
    assert.equal(restored.size.keyboards, 1);
  });

  test('processMessage restores the buttons of a message of this bot, leaves other senders alone', () => {
    const { cache } = clockedCache();
    const id = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'a', callback_data: { a: 1 } }]] }));
    const message = (from: number): Record<string, unknown> => ({
      message_id: 1,
      date: 0,
      chat: { id: 1, type: 'private' },
      from: { id: from, is_bot: true, first_name: 'B' },
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: id }]] },
    });
    const mine = message(99);
    assert.equal(cache.processMessage(mine), CallbackDataCache.extractIds(id)[0]);
    const button = (mine.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard[0]?.[0];
    assert.ok(button instanceof CallbackDataButton, 'the button carries its value');
    assert.deepEqual(button.value, { a: 1 });
    assert.equal(button.callback_data, id);
    assert.deepEqual(button.toJSON(), { text: 'a', callback_data: id }, 'the wire form is unchanged');
    // A cache whose bot has another id leaves a foreign bot's message as it is.
    const bot = { id: 5 } as never;
    const other = new CallbackDataCache(bot);
    const foreign = message(99);
    assert.equal(other.processMessage(foreign), undefined);
    assert.deepEqual(foreign.reply_markup, { inline_keyboard: [[{ text: 'a', callback_data: id }]] });
  });

  test('a game query keeps no data; the keyboard of its message is still restored', () => {
    const { cache } = clockedCache();
    const id = idOf(cache.processKeyboard({ inline_keyboard: [[{ text: 'g', callback_data: 'game' }]] }));
    const query = cache.processCallbackQuery({
      id: 'g1',
      from: { id: 7, is_bot: false, first_name: 'A' },
      chat_instance: 'ci',
      game_short_name: 'tetris',
      message: {
        message_id: 3,
        date: 1,
        chat: { id: 7, type: 'private' },
        reply_markup: { inline_keyboard: [[{ text: 'g', callback_data: id }]] },
      },
    });
    assert.equal(query.data, undefined);
    assert.equal('data' in query, false, 'no data field appears');
    assert.equal(query.game_short_name, 'tetris');
    const button = (query.message as { reply_markup?: InlineKeyboardMarkup }).reply_markup
      ?.inline_keyboard[0]?.[0];
    assert.ok(button instanceof CallbackDataButton, 'the message’s button carries its value');
    assert.equal(button.value, 'game');
  });

  test('maxsize must be a positive integer', () => {
    assert.throws(() => new CallbackDataCache(undefined, { maxsize: 0 }), /positive integer/);
    assert.equal(new CallbackDataCache().maxsize, 1024, 'default as PTB');
  });
});
