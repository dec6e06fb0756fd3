import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EntityParseError,
  type FormattedText,
  parseFormattedText,
} from '../../src/testing/formatting/index.js';

const md = (text: string): FormattedText => parseFormattedText(text, 'Markdown');

/** Asserts that parsing fails with `Bad Request: can't parse entities: <reason>`. */
function rejects(text: string, reason: string): void {
  assert.throws(
    () => md(text),
    (error: unknown) => {
      assert.ok(error instanceof EntityParseError);
      assert.equal(error.description, `Bad Request: can't parse entities: ${reason}`);
      return true;
    },
  );
}

describe('Markdown (legacy)', () => {
  test('each entity', () => {
    assert.deepEqual(md('*bold* _italic_ `code` [link](http://www.example.com/)'), {
      text: 'bold italic code link',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'italic', offset: 5, length: 6 },
        { type: 'code', offset: 12, length: 4 },
        { type: 'text_link', offset: 17, length: 4, url: 'http://www.example.com/' },
      ],
    });
  });

  test('the mode name is case-insensitive', () => {
    assert.equal(parseFormattedText('*x*', 'MARKDOWN').text, 'x');
  });

  test('pre with and without a language', () => {
    assert.deepEqual(md('```python\nprint(1)\n``` ```\nplain```'), {
      text: 'print(1)\n plain',
      entities: [
        { type: 'pre', offset: 0, length: 9, language: 'python' },
        { type: 'pre', offset: 10, length: 5 },
      ],
    });
  });

  test('text_mention', () => {
    assert.deepEqual(md('[user](tg://user?id=42)').entities, [
      { type: 'text_mention', offset: 0, length: 4, user: { id: 42 } },
    ]);
  });

  test('no nesting: markers inside an entity are text', () => {
    assert.deepEqual(md('*bold _not italic_*'), {
      text: 'bold _not italic_',
      entities: [{ type: 'bold', offset: 0, length: 17 }],
    });
  });

  test('other MarkdownV2 characters need no escaping', () => {
    assert.deepEqual(md('1 + 1 = 2. (really) ~x~ ||y|| >z'), {
      text: '1 + 1 = 2. (really) ~x~ ||y|| >z',
      entities: [],
    });
  });

  test('escaping _ * ` [ outside entities; other backslashes are literal', () => {
    assert.equal(md('\\_ \\* \\` \\[ \\. \\\\ end\\').text, '_ * ` [ \\. \\\\ end\\');
  });

  test("entities are closed and reopened to contain a marker, as Telegram's docs advise", () => {
    assert.deepEqual(md('_snake_\\__case_'), {
      text: 'snake_case',
      entities: [
        { type: 'italic', offset: 0, length: 5 },
        { type: 'italic', offset: 6, length: 4 },
      ],
    });
  });

  test('surrogate pairs before and inside entities', () => {
    assert.deepEqual(md('😀 *👍x* _é_'), {
      text: '😀 👍x é',
      entities: [
        { type: 'bold', offset: 3, length: 3 },
        { type: 'italic', offset: 7, length: 1 },
      ],
    });
  });

  test('empty entities are dropped', () => {
    assert.deepEqual(md('a**b__c``'), { text: 'abc', entities: [] });
  });

  test('a link without (url) uses its text; a refused URL drops the entity', () => {
    assert.deepEqual(md('[t.me/x] [a](ftp://x.y)'), {
      text: 't.me/x a',
      entities: [{ type: 'text_link', offset: 0, length: 6, url: 'http://t.me/x' }],
    });
  });

  test('an unterminated (url) swallows the rest of the text', () => {
    assert.deepEqual(md('[a](http://e.com/x and more'), {
      text: 'a',
      entities: [{ type: 'text_link', offset: 0, length: 1, url: 'http://e.com/x%20and%20more' }],
    });
    assert.deepEqual(md('[a](http://e.com and more'), { text: 'a', entities: [] });
  });

  test('unclosed entities report the byte offset of their marker', () => {
    rejects('*bold', "Can't find end of the entity starting at byte offset 0");
    rejects('👍 _x', "Can't find end of the entity starting at byte offset 5");
    rejects('a `code', "Can't find end of the entity starting at byte offset 2");
    rejects('```\ncode`', "Can't find end of the entity starting at byte offset 0");
    rejects('[link', "Can't find end of the entity starting at byte offset 0");
  });
});
