// Nested objects of types that only arrive from Telegram are built on first read: what a user
// relies on is that this is invisible (same values, frozen, lossless, equal) apart from when a
// malformed nested object is reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { InvalidFieldError } from '../../src/base/field-check.js';
import { fieldNamesOf } from '../../src/base/telegram-object.js';
import {
  Chat,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
} from '../../src/generated/types.js';

function messageJSON(): Record<string, unknown> {
  return {
    message_id: 7,
    from: { id: 1, is_bot: false, first_name: 'Ann' },
    chat: { id: 1, type: 'private', first_name: 'Ann' },
    date: 1_700_000_000,
    text: '/start go',
    entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
  };
}

describe('lazily built nested objects', () => {
  test('read like fields: the right classes and values, built once and then the same object', () => {
    const message = Message.fromJSON(messageJSON());
    assert.ok(message.chat instanceof Chat);
    assert.equal(message.chat.id, 1);
    assert.ok(message.from instanceof User);
    assert.equal(message.from?.first_name, 'Ann');
    assert.ok(message.date instanceof Date);
    assert.equal(message.date.getTime(), 1_700_000_000_000);
    assert.ok(message.entities?.[0] instanceof MessageEntity);
    assert.ok(message.reply_markup instanceof InlineKeyboardMarkup);
    assert.equal(message.chat, message.chat);
    assert.equal(message.date, message.date);
    assert.equal(message.entities, message.entities);
    assert.equal(message.sender_chat, undefined);
    assert.equal(message.reply_to_message, undefined);
  });

  test('the object stays frozen and immutable before and after a nested field is read', () => {
    const message = Message.fromJSON(messageJSON());
    assert.ok(Object.isFrozen(message));
    assert.throws(() => {
      (message as unknown as { chat: unknown }).chat = null;
    }, TypeError);
    void message.chat;
    assert.ok(Object.isFrozen(message));
    assert.ok(Object.isFrozen(message.chat));
    assert.equal(message.chat.id, 1);
  });

  test('toJSON gives the input back in its key order, read fields or not, unknown fields included', () => {
    const json = { ...messageJSON(), brand_new: { x: 1 } };
    const text = JSON.stringify(json);
    assert.equal(JSON.stringify(Message.fromJSON(json)), text);
    const read = Message.fromJSON(json);
    void read.chat;
    void read.date;
    assert.equal(JSON.stringify(read), text);
    assert.deepEqual(read.apiKwargs, { brand_new: { x: 1 } });
    assert.deepEqual(fieldNamesOf(read), Object.keys(messageJSON()));
  });

  test('toJSON turns instances, Dates and apiKwargs given in a hand-made input into API JSON', () => {
    const message = new Message({
      message_id: 1,
      date: new Date(1_700_000_000_000),
      chat: new Chat({ id: 5, type: 'private' }),
      forward_origin: {
        type: 'user',
        date: new Date(1_600_000_000_000),
        sender_user: { id: 9, is_bot: false, first_name: 'Bo', apiKwargs: { future: true } },
      },
    });
    assert.deepEqual(message.toJSON(), {
      message_id: 1,
      date: 1_700_000_000,
      chat: { id: 5, type: 'private' },
      forward_origin: {
        type: 'user',
        date: 1_600_000_000,
        sender_user: { id: 9, is_bot: false, first_name: 'Bo', future: true },
      },
    });
    assert.deepEqual(message.forward_origin?.toJSON(), message.toJSON().forward_origin);
  });

  test('equality reads the identifying nested fields', () => {
    const a = Message.fromJSON(messageJSON());
    const b = Message.fromJSON({ ...messageJSON(), text: 'other' });
    const c = Message.fromJSON({ ...messageJSON(), chat: { id: 2, type: 'private' } });
    assert.ok(a.equals(b));
    assert.equal(a.equalityKey(), b.equalityKey());
    assert.ok(!a.equals(c));
  });

  test('the outer shape is checked at once, the inside when first read, naming the field', () => {
    assert.throws(
      () => Message.fromJSON({ ...messageJSON(), chat: 5 }),
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Message.chat',
    );
    assert.throws(
      () => Message.fromJSON({ ...messageJSON(), date: 'yesterday' }),
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Message.date',
    );
    assert.throws(
      () => Message.fromJSON({ ...messageJSON(), entities: {} }),
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Message.entities',
    );
    const { chat: _chat, ...withoutChat } = messageJSON();
    assert.throws(
      () => Message.fromJSON(withoutChat),
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Message.chat',
    );
    const message = Message.fromJSON({ ...messageJSON(), chat: { id: 'one', type: 'private' } });
    assert.equal(message.text, '/start go');
    assert.throws(
      () => message.chat,
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Chat.id',
    );
  });

  test('an Update builds its payload at once, so a malformed message fails the parse', () => {
    assert.throws(
      () => Update.fromJSON({ update_id: 1, message: { message_id: 1, date: 1 } }),
      (error: unknown) => error instanceof InvalidFieldError && error.path === 'Message.chat',
    );
    const update = Update.fromJSON({ update_id: 1, message: messageJSON() });
    assert.ok(Object.hasOwn(update, 'message'));
  });

  test('types a bot sends are snapshots: their fields are own properties built at once', () => {
    const init = { text: 'Open', web_app: { url: 'https://example.org/app' } };
    const button = new InlineKeyboardButton(init);
    init.web_app = { url: 'https://example.org/changed' };
    assert.ok(Object.hasOwn(button, 'web_app'));
    assert.equal(button.web_app?.url, 'https://example.org/app');
  });

  test('util.inspect shows every field, nested ones included', () => {
    const shown = inspect(Message.fromJSON(messageJSON()), { depth: 4 });
    assert.match(shown, /^Message \{/);
    assert.match(shown, /chat: Chat \{/);
    assert.match(shown, /first_name: 'Ann'/);
    assert.match(shown, /text: '\/start go'/);
  });
});
