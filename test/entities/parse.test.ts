import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type EntityLike, parseEntities, parseEntity } from '../../src/entities/index.js';
import { MessageEntity } from '../../src/generated/types.js';

// PTB's test_parse_entity: a family emoji (11 UTF-16 units) and a cat (2) before a URL.
const TEXT = '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F467}\u{1F431}http://google.com';

describe('parseEntity', () => {
  test('counts UTF-16 code units, as Telegram does', () => {
    const url = MessageEntity.fromJSON({ type: 'url', offset: 13, length: 17 });
    assert.equal(parseEntity(TEXT, url), 'http://google.com');
    assert.equal(parseEntity('😎 hi', { type: 'bold', offset: 3, length: 2 }), 'hi');
  });

  test('can cover a surrogate pair or a part of the text past its end', () => {
    assert.equal(parseEntity('a😎b', { type: 'custom_emoji', offset: 1, length: 2 }), '😎');
    assert.equal(parseEntity('abc', { type: 'bold', offset: 2, length: 5 }), 'c');
    assert.equal(parseEntity('abc', { type: 'bold', offset: 5, length: 1 }), '');
  });
});

describe('parseEntities', () => {
  const url = MessageEntity.fromJSON({ type: 'url', offset: 13, length: 17 });
  const bold = MessageEntity.fromJSON({ type: 'bold', offset: 13, length: 1 });

  test('maps every entity to its text (PTB test_parse_entities)', () => {
    const parsed = parseEntities(TEXT, [bold, url]);
    assert.deepEqual(
      [...parsed],
      [
        [bold, 'h'],
        [url, 'http://google.com'],
      ],
    );
    assert.equal(parsed.get(url), 'http://google.com');
  });

  test('filters by type', () => {
    assert.deepEqual([...parseEntities(TEXT, [bold, url], ['url'])], [[url, 'http://google.com']]);
    assert.deepEqual([...parseEntities(TEXT, [bold, url], 'bold')], [[bold, 'h']]);
    assert.equal(parseEntities(TEXT, [bold, url], []).size, 0);
  });

  test('keeps the entity objects as keys, with all their fields', () => {
    const link = {
      type: 'text_link',
      offset: 0,
      length: 8,
      url: 'http://github.com/?unicode=\u2713\u{1F469}',
    };
    const parsed = parseEntities('some url', [link]);
    assert.equal(parsed.get(link), 'some url');
    assert.equal([...parsed.keys()][0]?.url, link.url);
  });

  test('entities equal by type, offset and length count once, the first kept', () => {
    const first: EntityLike = { type: 'bold', offset: 0, length: 2 };
    const second: EntityLike = { type: 'bold', offset: 0, length: 2, url: 'ignored' };
    const italic: EntityLike = { type: 'italic', offset: 0, length: 2 };
    assert.deepEqual(
      [...parseEntities('hi', [first, second, italic])],
      [
        [first, 'hi'],
        [italic, 'hi'],
      ],
    );
  });

  test('no entities give an empty map', () => {
    assert.equal(parseEntities('text', undefined).size, 0);
    assert.equal(parseEntities('text', []).size, 0);
  });
});
