import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidFieldError } from '../../src/base/field-check.js';
import { TelegramObject } from '../../src/base/telegram-object.js';
import * as types from '../../src/generated/types.js';
import { sampleOf } from '../helpers/samples.js';
import { spec } from '../helpers/spec.js';

type Constructible = { fromJSON(data: unknown): TelegramObject | string | readonly unknown[] };
const exported = types as unknown as Record<string, Constructible | undefined>;

const allTypes = Object.values(spec().types).filter((t) => t.name !== 'InputFile');

describe('every type round-trips losslessly from JSON built from the spec', () => {
  for (const type of allTypes) {
    if (type.subtypes) continue;
    test(type.name, () => {
      const cls = exported[type.name];
      assert.ok(cls, `${type.name} is exported`);
      const json = sampleOf(type.name);
      const obj = cls.fromJSON(json);
      assert.ok(obj instanceof TelegramObject);
      assert.deepEqual(obj.toJSON(), json);
      assert.ok(Object.isFrozen(obj), 'frozen');
      for (const field of type.fields ?? []) {
        assert.notEqual(
          (obj as unknown as Record<string, unknown>)[field.name],
          undefined,
          `${type.name}.${field.name} is exposed`,
        );
      }
      assert.deepEqual(JSON.parse(JSON.stringify(obj)), json, 'JSON.stringify uses toJSON');
    });
  }
});

describe('union types resolve each variant', () => {
  for (const type of allTypes) {
    if (!type.subtypes) continue;
    test(type.name, () => {
      const union = exported[type.name];
      assert.ok(union, `${type.name} is exported`);
      for (const variant of type.subtypes ?? []) {
        const variantClass = exported[variant] as unknown as
          | (abstract new (
              ...args: never[]
            ) => unknown)
          | undefined;
        if (variantClass === undefined) continue; // String / Array members of RichText
        const json = sampleOf(type.name, 0, variant);
        const obj = union.fromJSON(json);
        assert.ok(obj instanceof variantClass, `${type.name}.fromJSON picks ${variant}`);
        assert.deepEqual((obj as TelegramObject).toJSON(), json);
      }
    });
  }

  test('RichText admits plain strings and nested arrays', () => {
    const bold = { type: 'bold', text: 'hi' };
    const parsed = types.RichText.fromJSON(['plain', [bold]]);
    assert.ok(Array.isArray(parsed));
    assert.equal(parsed[0], 'plain');
    assert.ok((parsed[1] as unknown[])[0] instanceof types.RichTextBold);
  });

  test('an unknown variant is kept, not dropped', () => {
    const member = types.ChatMember.fromJSON({ status: 'ghost', user: { id: 1 } });
    assert.ok(member instanceof types.ChatMember);
    assert.deepEqual(member.toJSON(), { status: 'ghost', user: { id: 1 } });
  });

  test('discriminator narrowing reaches variant fields', () => {
    const member = types.ChatMember.fromJSON(sampleOf('ChatMemberAdministrator'));
    if (member.status !== 'administrator') assert.fail('expected an administrator');
    assert.equal(member.can_promote_members, true);
  });
});

describe('object model', () => {
  const message = {
    message_id: 7,
    date: 1_700_000_000,
    chat: { id: -100, type: 'supergroup', title: 'T' },
    from: { id: 5, is_bot: false, first_name: 'Alice' },
    text: 'hi',
    brand_new_field: { nested: [1, 2] },
  };

  test('dates are Dates, written back as Unix seconds', () => {
    const m = types.Message.fromJSON(message);
    assert.ok(m.date instanceof Date);
    assert.equal(m.date.getTime(), 1_700_000_000_000);
    assert.equal(m.toJSON().date, 1_700_000_000);
  });

  test('unknown fields are kept in apiKwargs and written back', () => {
    const m = types.Message.fromJSON(message);
    assert.deepEqual(m.apiKwargs, { brand_new_field: { nested: [1, 2] } });
    assert.deepEqual(m.toJSON(), message);
    assert.equal(Object.hasOwn(m, 'brand_new_field'), false);
  });

  test('nested objects are instances of their classes', () => {
    const m = types.Message.fromJSON(message);
    assert.ok(m.chat instanceof types.Chat);
    assert.ok(m.from instanceof types.User);
    assert.equal(m.from?.first_name, 'Alice');
  });

  test('instances are frozen, nested ones too', () => {
    const m = types.Message.fromJSON(message);
    assert.throws(() => {
      (m as unknown as { text: string }).text = 'changed';
    }, TypeError);
    assert.ok(Object.isFrozen(m.chat));
  });

  test('equality by identifying fields', () => {
    const a = types.User.fromJSON({ id: 1, is_bot: false, first_name: 'A' });
    const b = types.User.fromJSON({ id: 1, is_bot: false, first_name: 'Renamed' });
    const c = types.User.fromJSON({ id: 2, is_bot: false, first_name: 'A' });
    assert.ok(a.equals(b));
    assert.ok(!a.equals(c));
    const m1 = types.Message.fromJSON(message);
    const m2 = types.Message.fromJSON({ ...message, text: 'edited' });
    const m3 = types.Message.fromJSON({ ...message, chat: { id: -200, type: 'group' } });
    assert.ok(m1.equals(m2));
    assert.ok(!m1.equals(m3));
    assert.ok(!a.equals(types.Chat.fromJSON({ id: 1, type: 'private' })), 'different classes never equal');
    const p1 = types.PhotoSize.fromJSON({ file_id: 'x', file_unique_id: 'u', width: 1, height: 1 });
    const p2 = types.PhotoSize.fromJSON({ file_id: 'y', file_unique_id: 'u', width: 2, height: 2 });
    assert.ok(p1.equals(p2));
  });

  test('objects without identifying fields compare by value', () => {
    const a = types.LinkPreviewOptions.fromJSON({ is_disabled: true });
    assert.ok(a.equals(types.LinkPreviewOptions.fromJSON({ is_disabled: true })));
    assert.ok(!a.equals(types.LinkPreviewOptions.fromJSON({ is_disabled: false })));
  });

  test('constructors take plain literals and instances alike', () => {
    const button = new types.InlineKeyboardButton({ text: 'Go', callback_data: 'go' });
    const markup = new types.InlineKeyboardMarkup({
      inline_keyboard: [[button, { text: 'Url', url: 'https://t.me' }]],
    });
    assert.ok(markup.inline_keyboard[0]?.[1] instanceof types.InlineKeyboardButton);
    assert.equal(markup.inline_keyboard[0]?.[0], button);
    assert.deepEqual(markup.toJSON(), {
      inline_keyboard: [
        [
          { text: 'Go', callback_data: 'go' },
          { text: 'Url', url: 'https://t.me' },
        ],
      ],
    });
    const copy = new types.InlineKeyboardButton(button);
    assert.ok(copy.equals(button));
    const withDate = new types.ChatInviteLink({
      invite_link: 'https://t.me/+x',
      creator: { id: 1, is_bot: false, first_name: 'A' },
      creates_join_request: false,
      is_primary: true,
      is_revoked: false,
      expire_date: new Date(1_800_000_000_000),
    });
    assert.equal(withDate.toJSON().expire_date, 1_800_000_000);
  });

  test('malformed input names the field', () => {
    assert.throws(
      () => types.Message.fromJSON({ message_id: 1, date: 1 }),
      (e: unknown) => e instanceof InvalidFieldError && e.path === 'Message.chat',
    );
    assert.throws(
      () => types.Message.fromJSON({ message_id: 'one', date: 1, chat: { id: 1, type: 'private' } }),
      (e: unknown) =>
        e instanceof InvalidFieldError && /Message\.message_id must be an integer/.test(e.message),
    );
    assert.throws(() => types.Update.fromJSON('junk'), InvalidFieldError);
    assert.throws(
      () => types.Update.fromJSON({ update_id: 1, message: [] }),
      (e: unknown) => e instanceof InvalidFieldError && e.path === 'Update.message',
    );
  });

  test('a missing bot is reported when a shortcut needs one', () => {
    const u = types.User.fromJSON({ id: 1, is_bot: false, first_name: 'A' });
    assert.throws(() => u.getBot(), /no bot associated/);
  });
});

describe('PTB-style helpers on every object', () => {
  test('deJson and deList use the class (and the union) fromJSON', () => {
    const users = types.User.deList([
      { id: 1, is_bot: false, first_name: 'A' },
      { id: 2, is_bot: true, first_name: 'B' },
    ]);
    assert.ok(users.every((u) => u instanceof types.User));
    assert.equal(users[1]?.is_bot, true);
    const member = types.ChatMemberBase.deJson({
      status: 'left',
      user: { id: 1, is_bot: false, first_name: 'A' },
    });
    assert.ok(member instanceof types.ChatMemberLeft);
    assert.throws(() => types.User.deList({ id: 1 }), TypeError);
  });

  test('toDict: recursive by default, shallow on request', () => {
    const m = types.Message.fromJSON({
      message_id: 1,
      date: 1_700_000_000,
      chat: { id: 5, type: 'private' },
    });
    assert.deepEqual(m.toDict(), m.toJSON());
    const shallow = m.toDict({ recursive: false });
    assert.ok(shallow.chat instanceof types.Chat);
    assert.equal(shallow.date, 1_700_000_000);
  });

  test('equalityKey agrees with equals, for Map and Set use', () => {
    const chat = { id: -100, type: 'supergroup', title: 'Old' };
    const a = types.Message.fromJSON({ message_id: 1, date: 1, chat, text: 'a' });
    const b = types.Message.fromJSON({ message_id: 1, date: 2, chat: { ...chat, title: 'New' }, text: 'b' });
    const c = types.Message.fromJSON({ message_id: 2, date: 1, chat });
    assert.ok(a.equals(b));
    assert.equal(a.equalityKey(), b.equalityKey());
    assert.notEqual(a.equalityKey(), c.equalityKey());
    const p1 = types.LinkPreviewOptions.fromJSON({ is_disabled: true, url: 'u' });
    const p2 = types.LinkPreviewOptions.fromJSON({ url: 'u', is_disabled: true });
    assert.ok(p1.equals(p2));
    assert.equal(p1.equalityKey(), p2.equalityKey());
    assert.notEqual(
      types.User.fromJSON({ id: 1, is_bot: false, first_name: 'A' }).equalityKey(),
      types.Chat.fromJSON({ id: 1, type: 'private' }).equalityKey(),
    );
  });
});
