import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EntityParseError,
  type FormattedText,
  fixEntities,
  type MessageEntityJSON,
  normalizeFormattedText,
  parseFormattedText,
} from '../../src/testing/formatting/index.js';

/** Parses and normalises, as a sent message goes through both. */
const sent = (text: string, mode = 'HTML'): FormattedText =>
  normalizeFormattedText(parseFormattedText(text, mode));

describe('normalizeFormattedText: trimming and cleaning', () => {
  test('leading and trailing spaces and line breaks are trimmed, entities clipped', () => {
    assert.deepEqual(sent('\n\n  hi <b>there \n</b>\n '), {
      text: 'hi there',
      entities: [{ type: 'bold', offset: 3, length: 5 }],
    });
  });

  test('leading whitespace inside the first entity is kept', () => {
    assert.deepEqual(sent('\n <b> x</b>'), {
      text: ' x',
      entities: [{ type: 'bold', offset: 0, length: 2 }],
    });
  });

  test('entities entirely in the trimmed tail disappear', () => {
    assert.deepEqual(sent('x<i> \n</i>'), { text: 'x', entities: [] });
  });

  test('a trailing surrogate pair is kept whole', () => {
    assert.deepEqual(sent('<b>x😀</b> \n'), {
      text: 'x😀',
      entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
  });

  test('\\r is deleted and entities move over it; tabs and control characters become spaces', () => {
    assert.deepEqual(sent('a\r\n<b>b\r\nc</b>\td\u0007'), {
      text: 'a\nb\nc d',
      entities: [{ type: 'bold', offset: 2, length: 3 }],
    });
  });

  test('a quotation ending with its line break is clipped at the end of the text', () => {
    assert.deepEqual(sent('>q\n>r\n', 'MarkdownV2'), {
      text: 'q\nr',
      entities: [{ type: 'blockquote', offset: 0, length: 3 }],
    });
  });

  test('only whitespace left: an error, or an empty text when allowed', () => {
    assert.throws(
      () => sent(' \n<b>\n</b> '),
      (error: unknown) =>
        error instanceof EntityParseError && error.description === 'Bad Request: text must be non-empty',
    );
    assert.deepEqual(normalizeFormattedText({ text: ' \n ', entities: [] }, { allowEmpty: true }), {
      text: '',
      entities: [],
    });
  });

  test('a text of invisible characters is empty too', () => {
    assert.throws(
      () => normalizeFormattedText({ text: '\u3000\u2800\u200b\u00a0\u2800', entities: [] }),
      (error: unknown) => error instanceof EntityParseError,
    );
    assert.equal(normalizeFormattedText({ text: '\u200bx', entities: [] }).text, '\u200bx');
  });

  test('trim: false keeps the whitespace', () => {
    assert.deepEqual(normalizeFormattedText({ text: ' a ', entities: [] }, { trim: false }), {
      text: ' a ',
      entities: [],
    });
  });
});

describe('normalizeFormattedText: explicit entities out of bounds', () => {
  /** Asserts the Bot API description of the error for `entities` on `text`. */
  function rejects(text: string, entities: MessageEntityJSON[], description: string): void {
    assert.throws(
      () => normalizeFormattedText({ text, entities }),
      (error: unknown) => error instanceof EntityParseError && error.description === description,
    );
  }

  test('bad numbers', () => {
    rejects(
      'abc',
      [{ type: 'bold', offset: -1, length: 1 }],
      'Bad Request: receive an entity with incorrect offset -1',
    );
    rejects(
      'abc',
      [{ type: 'bold', offset: 0, length: -2 }],
      'Bad Request: receive an entity with incorrect length -2',
    );
  });

  test('beyond the end of the text', () => {
    rejects(
      'abc',
      [{ type: 'bold', offset: 4, length: 1 }],
      'Bad Request: entity begins after the end of the text at UTF-16 offset 4',
    );
    rejects(
      'abc',
      [{ type: 'bold', offset: 1, length: 5 }],
      'Bad Request: entity beginning at UTF-16 offset 1 ends after the end of the text at UTF-16 offset 6',
    );
  });

  test('cutting a surrogate pair', () => {
    rejects(
      'a👍b',
      [{ type: 'bold', offset: 2, length: 1 }],
      'Bad Request: entity begins in a middle of a UTF-16 symbol at byte offset 5',
    );
    rejects(
      'a👍b',
      [{ type: 'bold', offset: 0, length: 2 }],
      'Bad Request: entity beginning at UTF-16 offset 0 ends in a middle of a UTF-16 symbol at byte offset 5',
    );
  });

  test('empty entities are ignored wherever they are', () => {
    assert.deepEqual(
      normalizeFormattedText({ text: 'abc', entities: [{ type: 'bold', offset: 9, length: 0 }] }),
      {
        text: 'abc',
        entities: [],
      },
    );
  });
});

describe('fixEntities: nesting repairs', () => {
  test('valid entities are returned as they are', () => {
    const entities = [
      { type: 'text_link', offset: 0, length: 4, url: 'http://e.com/' },
      { type: 'bold', offset: 1, length: 2 },
    ];
    assert.deepEqual(fixEntities(entities), entities);
  });

  test('formatting is cut where other formatting starts', () => {
    assert.deepEqual(sent('<b>bold <i>italic</i> more</b>').entities, [
      { type: 'bold', offset: 0, length: 5 },
      { type: 'bold', offset: 5, length: 11 },
      { type: 'italic', offset: 5, length: 6 },
    ]);
  });

  test('formatting is cut at both bounds of links and other non-formatting entities', () => {
    assert.deepEqual(sent('<i>a <a href="http://e.com">link</a> b</i>').entities, [
      { type: 'italic', offset: 0, length: 2 },
      { type: 'text_link', offset: 2, length: 4, url: 'http://e.com/' },
      { type: 'italic', offset: 2, length: 4 },
      { type: 'italic', offset: 6, length: 2 },
    ]);
  });

  test('touching or overlapping formatting of one type is merged', () => {
    assert.deepEqual(sent('<b>a</b><b>b</b>').entities, [{ type: 'bold', offset: 0, length: 2 }]);
    assert.deepEqual(
      fixEntities([
        { type: 'italic', offset: 0, length: 3 },
        { type: 'italic', offset: 2, length: 3 },
      ]),
      [{ type: 'italic', offset: 0, length: 5 }],
    );
  });

  test('formatting inside code is dropped, outside it is kept', () => {
    assert.deepEqual(sent('<b>x<code>a<i>b</i></code>y</b>'), {
      text: 'xaby',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'code', offset: 1, length: 2 },
        { type: 'bold', offset: 3, length: 1 },
      ],
    });
  });

  test('links may not contain links; the later one loses', () => {
    assert.deepEqual(sent('<a href="http://a.com">x<a href="http://b.com">y</a></a>').entities, [
      { type: 'text_link', offset: 0, length: 2, url: 'http://a.com/' },
    ]);
  });

  test('partly overlapping links and code: the later one loses', () => {
    assert.deepEqual(
      fixEntities([
        { type: 'code', offset: 0, length: 3 },
        { type: 'text_link', offset: 2, length: 3, url: 'http://e.com/' },
      ]),
      [{ type: 'code', offset: 0, length: 3 }],
    );
  });

  test('quotations may not cut other entities or nest', () => {
    assert.deepEqual(
      fixEntities([
        { type: 'blockquote', offset: 0, length: 5 },
        { type: 'expandable_blockquote', offset: 1, length: 2 },
        { type: 'code', offset: 3, length: 4 },
        { type: 'pre', offset: 1, length: 2 },
      ]),
      [
        { type: 'blockquote', offset: 0, length: 5 },
        { type: 'pre', offset: 1, length: 2 },
      ],
    );
  });

  test('empty entities are removed', () => {
    assert.deepEqual(fixEntities([{ type: 'bold', offset: 1, length: 0 }]), []);
  });
});
