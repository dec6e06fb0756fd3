/**
 * Fixed string values: what the generator reads from the spec's descriptions, what the override
 * table adds, and that parsing still accepts values Telegram adds later.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, type FieldModel } from '../../codegen/model.js';
import {
  EAGER_TYPES,
  FIELD_NAME_VALUES,
  FIELD_VALUES,
  ID_FIELDS,
  PARSE_MODES,
  UNION_BY_VALUE,
} from '../../codegen/overrides.js';
import { listedValues, literalValues, type TypeRef } from '../../codegen/spec.js';
import { Chat, Dice, MessageEntity, UPDATE_TYPES } from '../../src/index.js';
import { spec } from '../helpers/spec.js';

const model = buildModel(spec());

function fieldModel(owner: string, field: string): FieldModel {
  const fields =
    model.methods.find((m) => m.name === owner)?.params ??
    model.classes.find((c) => c.name === owner)?.fields;
  const found = fields?.find((f) => f.name === field);
  assert.ok(found, `${owner}.${field} is in the model`);
  return found;
}

/** The fixed values of a field (of its elements, for an array); undefined for a free string. */
function valuesOf(owner: string, field: string): readonly string[] | undefined {
  const ref: TypeRef = fieldModel(owner, field).ref;
  return literalValues(ref.kind === 'array' ? ref.of : ref);
}

function specField(key: string): { description: string } | undefined {
  const [owner = '', field = ''] = key.split('.');
  const fields = spec().methods[owner]?.fields ?? spec().types[owner]?.fields;
  return fields?.find((f) => f.name === field);
}

describe('reading fixed values from a description', () => {
  test('quoted values after a listing phrase, explanations between them skipped', () => {
    assert.deepEqual(listedValues('Kind, can be either “a”, “b” or “c”'), ['a', 'b', 'c']);
    assert.deepEqual(listedValues('Currently, one of "x" for this, or "y" if that.'), ['x', 'y']);
    assert.deepEqual(listedValues('Must be one of "p" (blue) or "q" (red). Defaults to "p".'), ['p', 'q']);
  });

  test('examples, mentions and later sentences are not listings', () => {
    assert.equal(listedValues('Codec, for example, "h264" or "av01"'), undefined);
    assert.equal(listedValues('For "text_link" only, the URL'), undefined);
    assert.equal(listedValues('Can be available only for "invoice_payment" transactions.'), undefined);
    assert.equal(listedValues('A code. Pass "XTR" for Stars.'), undefined);
    assert.equal(listedValues('A free text'), undefined);
  });
});

describe('fixed values on the real spec', () => {
  test('fields whose descriptions list their values', () => {
    assert.deepEqual(valuesOf('Chat', 'type'), ['private', 'group', 'supergroup', 'channel']);
    assert.deepEqual(valuesOf('ChatFullInfo', 'type'), ['private', 'group', 'supergroup', 'channel']);
    assert.deepEqual(valuesOf('InlineQuery', 'chat_type'), [
      'sender',
      'private',
      'group',
      'supergroup',
      'channel',
    ]);
    assert.deepEqual(valuesOf('Poll', 'type'), ['regular', 'quiz']);
    assert.deepEqual(valuesOf('Sticker', 'type'), ['regular', 'mask', 'custom_emoji']);
    assert.deepEqual(valuesOf('InputSticker', 'format'), ['static', 'animated', 'video']);
    assert.deepEqual(valuesOf('uploadStickerFile', 'sticker_format'), ['static', 'animated', 'video']);
    assert.deepEqual(valuesOf('MaskPosition', 'point'), ['forehead', 'eyes', 'mouth', 'chin']);
    assert.deepEqual(valuesOf('sendDice', 'emoji'), ['🎲', '🎯', '🏀', '⚽', '🎳', '🎰']);
    assert.deepEqual(valuesOf('answerChatJoinRequestQuery', 'result'), ['approve', 'decline', 'queue']);
    assert.deepEqual(valuesOf('InlineQueryResultGif', 'thumbnail_mime_type'), [
      'image/jpeg',
      'image/gif',
      'video/mp4',
    ]);
    const entityTypes = valuesOf('MessageEntity', 'type') ?? [];
    assert.equal(entityTypes.length, 20);
    for (const type of [
      'mention',
      'bot_command',
      'text_link',
      'custom_emoji',
      'expandable_blockquote',
      'date_time',
    ])
      assert.ok(entityTypes.includes(type), type);
    // The parenthesised examples between the values are not values.
    assert.ok(!entityTypes.some((t) => t.includes('@') || t.includes(' ')));
  });

  test('the override table fills what only prose states', () => {
    assert.deepEqual(valuesOf('sendChatAction', 'action'), [
      'typing',
      'upload_photo',
      'record_video',
      'upload_video',
      'record_voice',
      'upload_voice',
      'upload_document',
      'choose_sticker',
      'find_location',
      'record_video_note',
      'upload_video_note',
    ]);
    assert.deepEqual(valuesOf('sendPoll', 'type'), ['quiz', 'regular']);
    assert.deepEqual(valuesOf('Dice', 'emoji'), valuesOf('sendDice', 'emoji'));
    assert.deepEqual(valuesOf('getUpdates', 'allowed_updates'), [...UPDATE_TYPES]);
    assert.deepEqual(valuesOf('WebhookInfo', 'allowed_updates'), [...UPDATE_TYPES]);
    assert.equal(fieldModel('getUpdates', 'allowed_updates').ref.kind, 'array');
  });

  test('every parse mode takes the formatting modes', () => {
    const parseModes = [
      ...model.methods.flatMap((m) => m.params.map((p) => [m.name, p.name] as const)),
      ...model.classes.flatMap((c) => c.fields.map((f) => [c.name, f.name] as const)),
    ].filter(([, name]) => name.endsWith('parse_mode'));
    assert.ok(parseModes.length > 40, `${parseModes.length} parse_mode fields`);
    for (const [owner, name] of parseModes)
      assert.deepEqual(valuesOf(owner, name), PARSE_MODES, `${owner}.${name}`);
  });

  test('free strings stay strings', () => {
    for (const [owner, field] of [
      ['VideoQuality', 'codec'],
      ['Venue', 'foursquare_type'],
      ['MessageEntity', 'url'],
      ['TransactionPartnerUser', 'invoice_payload'],
      ['Invoice', 'currency'],
      ['sendInvoice', 'currency'],
      ['RefundedPayment', 'currency'],
      ['Message', 'text'],
      ['User', 'first_name'],
    ] as const) {
      assert.equal(fieldModel(owner, field).ref.kind, 'string', `${owner}.${field}`);
    }
  });

  test('discriminators stay single literals', () => {
    assert.deepEqual(fieldModel('ChatMemberOwner', 'status').ref, { kind: 'literal', value: 'creator' });
    assert.deepEqual(fieldModel('InputMediaPhoto', 'type').ref, { kind: 'literal', value: 'photo' });
  });
});

describe('the override table matches the spec', () => {
  test('every overridden field exists (a renamed field in a new API version fails here)', () => {
    for (const [key, override] of Object.entries(FIELD_VALUES)) {
      const field = specField(key);
      assert.ok(field, `${key} is in the spec`);
      if ('sameAs' in override) assert.ok(specField(override.sameAs), `${override.sameAs} is in the spec`);
      assert.ok(override.reason.length > 0, key);
    }
  });

  test('values stated in prose are the ones the description names', () => {
    for (const [key, override] of Object.entries(FIELD_VALUES)) {
      if (!('values' in override)) continue;
      const description = specField(key)?.description ?? '';
      for (const value of override.values) {
        const escaped = value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        assert.ok(new RegExp(`(^|\\W)${escaped}($|\\W)`).test(description), `${key}: ${value}`);
      }
    }
  });

  test('every rule by field name applies somewhere', () => {
    for (const rule of FIELD_NAME_VALUES) {
      const hits = Object.values(spec().methods)
        .flatMap((m) => m.fields ?? [])
        .filter((f) => rule.name.test(f.name));
      assert.ok(hits.length > 0, String(rule.name));
    }
  });

  test('special types and their fields exist', () => {
    for (const name of Object.keys(EAGER_TYPES)) assert.ok(spec().types[name], name);
    for (const [name, rule] of Object.entries(UNION_BY_VALUE)) {
      const union = spec().types[name];
      assert.ok(union?.subtypes?.includes(rule.member) && union.subtypes.includes(rule.otherwise), name);
      assert.ok(
        spec().types[rule.member]?.fields?.some((f) => f.name === rule.field),
        `${rule.member}.${rule.field}`,
      );
    }
    for (const [name, fields] of Object.entries(ID_FIELDS)) {
      const own = spec().types[name]?.fields?.map((f) => f.name) ?? [];
      for (const field of fields) assert.ok(own.includes(field), `${name}.${field}`);
    }
  });
});

describe('values Telegram adds later', () => {
  test('incoming objects keep a value this version does not know', () => {
    const entity = MessageEntity.fromJSON({ type: 'future_entity', offset: 0, length: 3 });
    assert.equal(entity.type, 'future_entity');
    assert.deepEqual(entity.toJSON(), { type: 'future_entity', offset: 0, length: 3 });
    const chat = Chat.fromJSON({ id: 1, type: 'future_chat' });
    assert.equal(chat.type, 'future_chat');
    assert.equal(Dice.fromJSON({ emoji: '🪀', value: 3 }).emoji, '🪀');
  });

  test('a value of the wrong kind is still reported', () => {
    assert.throws(() => MessageEntity.fromJSON({ type: 7, offset: 0, length: 3 }), /MessageEntity\.type/);
  });
});
