import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  ReplyKeyboardMarkup,
} from '../../src/index.js';
import '../../src/objects/shortcuts.js';
import { Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await Harness.start();
});
after(async () => {
  await h.close();
});

const a = new InlineKeyboardButton({ text: 'A', callback_data: 'a' });
const b = { text: 'B', url: 'https://t.me/b' };

test('InlineKeyboardMarkup.fromButton / fromRow / fromColumn lay buttons out', () => {
  assert.deepEqual(InlineKeyboardMarkup.fromButton(a).toJSON(), {
    inline_keyboard: [[{ text: 'A', callback_data: 'a' }]],
  });
  const row = InlineKeyboardMarkup.fromRow([a, b]);
  assert.ok(row instanceof InlineKeyboardMarkup);
  assert.equal(row.inline_keyboard.length, 1);
  assert.deepEqual(
    row.inline_keyboard[0]?.map((x) => x.text),
    ['A', 'B'],
  );
  assert.ok(row.inline_keyboard[0]?.[1] instanceof InlineKeyboardButton);
  const column = InlineKeyboardMarkup.fromColumn([a, b]);
  assert.deepEqual(
    column.inline_keyboard.map((r) => r.map((x) => x.text)),
    [['A'], ['B']],
  );
  assert.ok(Object.isFrozen(column));
});

test('ReplyKeyboardMarkup builders take strings and pass PTB options through', () => {
  const one = ReplyKeyboardMarkup.fromButton('Yes', { resize_keyboard: true, one_time_keyboard: true });
  assert.deepEqual(one.toJSON(), {
    keyboard: [[{ text: 'Yes' }]],
    resize_keyboard: true,
    one_time_keyboard: true,
  });
  const row = ReplyKeyboardMarkup.fromRow(
    ['Yes', new KeyboardButton({ text: 'Contact', request_contact: true })],
    {
      selective: true,
      input_field_placeholder: 'Pick',
      is_persistent: true,
    },
  );
  assert.deepEqual(row.toJSON(), {
    keyboard: [[{ text: 'Yes' }, { text: 'Contact', request_contact: true }]],
    selective: true,
    input_field_placeholder: 'Pick',
    is_persistent: true,
  });
  const column = ReplyKeyboardMarkup.fromColumn(['1', { text: '2', request_location: true }]);
  assert.deepEqual(column.toJSON(), { keyboard: [[{ text: '1' }], [{ text: '2', request_location: true }]] });
  const grid = ReplyKeyboardMarkup.fromGrid([['a', 'b'], ['c']]);
  assert.deepEqual(
    grid.keyboard.map((r) => r.map((x) => x.text)),
    [['a', 'b'], ['c']],
  );
  assert.ok(grid.keyboard[1]?.[0] instanceof KeyboardButton);
});

test('the builders are not enumerable and do not clash with fields', () => {
  assert.ok(!Object.keys(InlineKeyboardMarkup).includes('fromRow'));
  assert.ok(!Object.keys(ReplyKeyboardMarkup).includes('fromRow'));
});

test('updateCallbackData returns a new button and leaves the frozen one alone', () => {
  const button = new InlineKeyboardButton({ text: 'A', callback_data: 'old', apiKwargs: { future: 1 } });
  const updated = button.updateCallbackData('new');
  assert.notEqual(updated, button);
  assert.equal(button.callback_data, 'old');
  assert.equal(updated.callback_data, 'new');
  assert.equal(updated.text, 'A');
  assert.deepEqual(updated.apiKwargs, { future: 1 });
  assert.ok(Object.isFrozen(updated));
  assert.equal(updated.equals(button), false);
});

test('built keyboards reach the server as the Bot API shape', async () => {
  await h.bot.sendMessage(1, 'menu', {
    reply_markup: ReplyKeyboardMarkup.fromColumn(['x', 'y'], { resize_keyboard: true }),
  });
  assert.deepEqual(h.last().params.reply_markup, {
    keyboard: [[{ text: 'x' }], [{ text: 'y' }]],
    resize_keyboard: true,
  });
  await h.bot.sendMessage(1, 'inline', { reply_markup: InlineKeyboardMarkup.fromRow([a, b]) });
  assert.deepEqual(h.last().params.reply_markup, {
    inline_keyboard: [[{ text: 'A', callback_data: 'a' }, b]],
  });
});
