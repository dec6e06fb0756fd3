import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  adjustMessageEntitiesToUtf16,
  concatenate,
  type EntityCopy,
  type EntityLike,
  shiftEntities,
} from '../../src/entities/index.js';
import { MessageEntity, type MessageEntityInit, User } from '../../src/generated/types.js';

// Compile-time checks: the library's entities are EntityLike, and their copies are valid input
// for the Bot API methods' `entities` parameters.
const asEntityLike: (entity: MessageEntity) => EntityLike = (entity) => entity;
const asInit: (copy: EntityCopy<MessageEntity>) => MessageEntityInit = (copy) => copy;
void asEntityLike;
void asInit;

// The field values PTB's tests carry through shift_entities and concatenate.
const EXTRA = { url: 'url', language: 'python', custom_emoji_id: 'custom_emoji_id' } as const;
const USER = { id: 42, first_name: 'Ann', is_bot: false };

function entity(type: string, offset: number, length: number): MessageEntity {
  return MessageEntity.fromJSON({ type, offset, length, ...EXTRA, user: USER });
}

function assertKeepsFields(copy: EntityCopy<MessageEntity>, original: MessageEntity): void {
  assert.notEqual(copy, original);
  assert.equal(copy.type, original.type);
  assert.equal(copy.url, EXTRA.url);
  assert.equal(copy.language, EXTRA.language);
  assert.equal(copy.custom_emoji_id, EXTRA.custom_emoji_id);
  assert.ok(copy.user instanceof User);
  assert.equal(copy.user.id, 42);
}

describe('adjustMessageEntitiesToUtf16', () => {
  // PTB's test_fix_utf16: offsets in code points, on a text full of astral characters.
  const text = '𠌕 bold 𝄢 italic underlined: 𝛙𝌢𑁍';
  const cases = [
    [{ type: 'bold', offset: 2, length: 4 }, [3, 4]],
    [{ type: 'italic', offset: 9, length: 6 }, [11, 6]],
    [{ type: 'underline', offset: 28, length: 3 }, [30, 6]],
  ] as const;

  test('converts offsets and lengths, keeping the order given', () => {
    for (const order of [cases, [...cases].reverse(), [cases[1], cases[2], cases[0]]]) {
      const adjusted = adjustMessageEntitiesToUtf16(
        text,
        order.map(([input]) => input),
      );
      assert.deepEqual(
        adjusted.map((e) => [e.type, e.offset, e.length]),
        order.map(([input, [offset, length]]) => [input.type, offset, length]),
      );
    }
  });

  test('the converted entities cover the same text', () => {
    const [bold, italic, underline] = adjustMessageEntitiesToUtf16(
      text,
      cases.map(([input]) => input),
    );
    assert.equal(text.slice(bold!.offset, bold!.offset + bold!.length), 'bold');
    assert.equal(text.slice(italic!.offset, italic!.offset + italic!.length), 'italic');
    assert.equal(text.slice(underline!.offset, underline!.offset + underline!.length), '𝛙𝌢𑁍');
  });

  test('returns new plain objects with the other fields, leaving frozen inputs alone', () => {
    const original = entity('bold', 2, 4);
    const [copy] = adjustMessageEntitiesToUtf16(text, [original]);
    assert.ok(copy);
    assertKeepsFields(copy, original);
    assert.deepEqual([copy.offset, copy.length], [3, 4]);
    assert.deepEqual([original.offset, original.length], [2, 4]);
    assert.ok(!(copy instanceof MessageEntity));
  });

  test('keeps fields the library does not know, as plain fields', () => {
    const original = MessageEntity.fromJSON({ type: 'bold', offset: 0, length: 1, future_field: 7 });
    const [copy] = adjustMessageEntitiesToUtf16('x', [original]);
    assert.deepEqual({ ...copy }, { type: 'bold', offset: 0, length: 1, future_field: 7 });
  });

  test('plain BMP text and positions past the end', () => {
    assert.deepEqual(adjustMessageEntitiesToUtf16('abc', [{ type: 'bold', offset: 1, length: 1 }]), [
      { type: 'bold', offset: 1, length: 1 },
    ]);
    assert.deepEqual(adjustMessageEntitiesToUtf16('a😎', [{ type: 'bold', offset: 1, length: 5 }]), [
      { type: 'bold', offset: 1, length: 2 },
    ]);
    assert.deepEqual(adjustMessageEntitiesToUtf16('abc', []), []);
  });
});

describe('shiftEntities', () => {
  // PTB's test_shift_entities: 6, 'prefix' and '𝛙𝌢𑁍' all shift by 6 UTF-16 code units.
  for (const by of [6, 'prefix', '𝛙𝌢𑁍']) {
    test(`by ${JSON.stringify(by)}`, () => {
      const entities = [entity('bold', 2, 3), entity('bold', 5, 6)];
      const shifted = shiftEntities(by, entities);
      assert.deepEqual(
        shifted.map((e) => [e.offset, e.length]),
        [
          [8, 3],
          [11, 6],
        ],
      );
      for (const [i, copy] of shifted.entries()) assertKeepsFields(copy, entities[i]!);
      assert.equal(entities[0]!.offset, 2);
    });
  }

  test('by a negative amount and by an empty string', () => {
    assert.deepEqual(shiftEntities(-2, [{ type: 'code', offset: 3, length: 1 }]), [
      { type: 'code', offset: 1, length: 1 },
    ]);
    const plain = { type: 'code', offset: 3, length: 1 };
    const [same] = shiftEntities('', [plain]);
    assert.deepEqual(same, plain);
    assert.notEqual(same, plain);
  });
});

describe('concatenate', () => {
  test("PTB's test_concatenate", () => {
    const first = entity('bold', 0, 6);
    const second = entity('italic', 0, 4);
    const third = entity('underline', 3, 6);
    const [text, entities] = concatenate(
      ['prefix 𝛙𝌢𑁍 | ', [first], true],
      ['text 𝛙𝌢𑁍', [second], false],
      [' | suffix 𝛙𝌢𑁍', [third]],
    );
    assert.equal(text, 'prefix 𝛙𝌢𑁍 | text 𝛙𝌢𑁍 | suffix 𝛙𝌢𑁍');
    assert.deepEqual(
      entities.map((e) => e.offset),
      [0, 16, 30],
    );
    for (const [i, copy] of entities.entries()) assertKeepsFields(copy, [first, second, third][i]!);
  });

  test('adjusts a part to UTF-16 before shifting it', () => {
    const [text, entities] = concatenate(
      ['👋 ', []],
      ['𝄢 bold', [{ type: 'bold', offset: 2, length: 4 }], true],
    );
    assert.equal(text, '👋 𝄢 bold');
    assert.deepEqual(entities, [{ type: 'bold', offset: 6, length: 4 }]);
    const only = entities[0]!;
    assert.equal(text.slice(only.offset, only.offset + only.length), 'bold');
  });

  test('takes bare strings and parts without entities', () => {
    const [text, entities] = concatenate(
      'Hello, ',
      ['Ann', [{ type: 'bold', offset: 0, length: 3 }]],
      ['!', undefined],
      ' 😎',
      ['x', [{ type: 'code', offset: 0, length: 1 }]],
    );
    assert.equal(text, 'Hello, Ann! 😎x');
    assert.deepEqual(entities, [
      { type: 'bold', offset: 7, length: 3 },
      { type: 'code', offset: 14, length: 1 },
    ]);
  });

  test('nothing to join', () => {
    assert.deepEqual(concatenate(), ['', []]);
  });
});
