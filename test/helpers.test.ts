import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidArgumentError } from '../src/errors.js';
import {
  createDeepLinkedUrl,
  escapeHtml,
  escapeMarkdown,
  type MarkdownVersion,
  mentionHtml,
  mentionMarkdown,
} from '../src/helpers.js';

describe('escapeMarkdown', () => {
  // PTB's test_escape_markdown.
  test('version 1 (the default)', () => {
    for (const [input, expected] of [
      ['*bold*', '\\*bold\\*'],
      ['_italic_', '\\_italic\\_'],
      ['`code`', '\\`code\\`'],
      ['[text_link](https://github.com/)', '\\[text\\_link](https://github.com/)'],
      ['![👍](tg://emoji?id=1)', '!\\[👍](tg://emoji?id=1)'],
    ]) {
      assert.equal(escapeMarkdown(input!), expected);
      assert.equal(escapeMarkdown(input!, { version: 1 }), expected);
      assert.equal(escapeMarkdown(input!, { version: 1, entityType: 'pre' }), expected, 'type ignored');
    }
  });

  // PTB's test_escape_markdown_v2.
  test('version 2', () => {
    for (const [input, expected] of [
      ['a_b*c[d]e', 'a\\_b\\*c\\[d\\]e'],
      ['(fg) ', '\\(fg\\) '],
      ['h~I`>JK#L+MN', 'h\\~I\\`\\>JK\\#L\\+MN'],
      ['-O=|p{qr}s.t!\\ ', '\\-O\\=\\|p\\{qr\\}s\\.t\\!\\\\ '],
      ['\\u', '\\\\u'],
      ['', ''],
      ['plain text', 'plain text'],
    ]) {
      assert.equal(escapeMarkdown(input!, { version: 2 }), expected);
      assert.equal(escapeMarkdown(input!, { version: 2, entityType: 'bold' }), expected);
    }
  });

  // PTB's test_escape_markdown_v2_monospaced.
  test('version 2 inside pre and code', () => {
    for (const [input, expected] of [
      ['mono/pre:', 'mono/pre:'],
      ['`abc`', '\\`abc\\`'],
      ['\\int', '\\\\int'],
      ['(`\\some \\` stuff)', '(\\`\\\\some \\\\\\` stuff)'],
    ]) {
      assert.equal(escapeMarkdown(input!, { version: 2, entityType: 'pre' }), expected);
      assert.equal(escapeMarkdown(input!, { version: 2, entityType: 'code' }), expected);
    }
  });

  // PTB's test_escape_markdown_v2_links.
  test('version 2 in text_link and custom_emoji URLs', () => {
    const input = 'https://url.containing/funny)cha)\\ra\\)cter\\s';
    const expected = 'https://url.containing/funny\\)cha\\)\\\\ra\\\\\\)cter\\\\s';
    assert.equal(escapeMarkdown(input, { version: 2, entityType: 'text_link' }), expected);
    assert.equal(escapeMarkdown(input, { version: 2, entityType: 'custom_emoji' }), expected);
  });

  test('an invalid version is refused', () => {
    for (const version of [-1, 3, '2'] as unknown as MarkdownVersion[]) {
      assert.throws(() => escapeMarkdown('abc', { version }), {
        name: 'InvalidArgumentError',
        message: /Markdown version must be 1 or 2/,
      });
    }
  });

  test('repeated calls give the same result (no regex state kept between calls)', () => {
    assert.equal(escapeMarkdown('a.b', { version: 2 }), 'a\\.b');
    assert.equal(escapeMarkdown('a.b', { version: 2 }), 'a\\.b');
  });
});

describe('escapeHtml', () => {
  test("escapes as Python's html.escape", () => {
    assert.equal(
      escapeHtml(`<a href="x">Tom & 'Jerry'</a>`),
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;',
    );
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
    assert.equal(escapeHtml('nothing 😎 here'), 'nothing 😎 here');
    assert.equal(escapeHtml(''), '');
  });
});

describe('mentionHtml', () => {
  test("PTB's test_mention_html", () => {
    assert.equal(mentionHtml(1, 'the name'), '<a href="tg://user?id=1">the name</a>');
  });
  test('escapes the name; takes string ids', () => {
    assert.equal(mentionHtml('42', '<Ann & Bob>'), '<a href="tg://user?id=42">&lt;Ann &amp; Bob&gt;</a>');
  });
});

describe('mentionMarkdown', () => {
  // PTB's test_mention_markdown: legacy Markdown leaves the name as it is.
  for (const [name, expected] of [
    ['the name', '[the name](tg://user?id=1)'],
    ['under_score', '[under_score](tg://user?id=1)'],
    ['starred*text', '[starred*text](tg://user?id=1)'],
    ['`backtick`', '[`backtick`](tg://user?id=1)'],
    ['[square brackets', '[[square brackets](tg://user?id=1)'],
  ]) {
    test(`version 1: ${name}`, () => {
      assert.equal(mentionMarkdown(1, name!), expected);
      assert.equal(mentionMarkdown(1, name!, 1), expected);
    });
  }

  test('version 2 escapes the name (PTB test_mention_markdown_2)', () => {
    assert.equal(mentionMarkdown(1, 'the_name', 2), '[the\\_name](tg://user?id=1)');
    assert.equal(mentionMarkdown('7', 'A. (B)', 2), '[A\\. \\(B\\)](tg://user?id=7)');
  });

  test('an invalid version is refused', () => {
    assert.throws(() => mentionMarkdown(1, 'abc', -1 as MarkdownVersion), /Markdown version must be 1 or 2/);
  });
});

describe('createDeepLinkedUrl', () => {
  // PTB's test_create_deep_linked_url.
  const username = 'JamesTheMock';

  test('start and startgroup links', () => {
    assert.equal(createDeepLinkedUrl(username, 'hello'), `https://t.me/${username}?start=hello`);
    assert.equal(createDeepLinkedUrl(username, 'hello', true), `https://t.me/${username}?startgroup=hello`);
    assert.equal(createDeepLinkedUrl(username, 'A-z_09', false), `https://t.me/${username}?start=A-z_09`);
  });

  test('without a payload, the plain link', () => {
    for (const payload of [undefined, null, '']) {
      assert.equal(createDeepLinkedUrl(username, payload), `https://t.me/${username}`);
      assert.equal(createDeepLinkedUrl(username, payload, true), `https://t.me/${username}`);
    }
    assert.equal(createDeepLinkedUrl(username), `https://t.me/${username}`);
  });

  test('a payload of exactly 64 characters is fine, 65 is not', () => {
    assert.equal(
      createDeepLinkedUrl(username, '0'.repeat(64)),
      `https://t.me/${username}?start=${'0'.repeat(64)}`,
    );
    assert.throws(
      () => createDeepLinkedUrl(username, '0'.repeat(65)),
      (error: unknown) => {
        assert.ok(error instanceof InvalidArgumentError);
        assert.equal(error.parameter, 'payload');
        assert.match(error.message, /at most 64 characters/);
        return true;
      },
    );
  });

  test('characters outside A-Z a-z 0-9 _ - are refused', () => {
    for (const payload of ['text with spaces', 'a+b', 'ümlaut', 'emoji😎', 'line\n', 'a=b']) {
      assert.throws(() => createDeepLinkedUrl(username, payload), {
        name: 'InvalidArgumentError',
        message: /may only use the characters A-Z, a-z, 0-9, _ and -/,
      });
    }
  });

  test('the bot username must have at least 4 characters', () => {
    assert.equal(createDeepLinkedUrl('abcd'), 'https://t.me/abcd');
    for (const name of ['abc', '', null, undefined] as unknown as string[]) {
      assert.throws(
        () => createDeepLinkedUrl(name, 'x'),
        (error: unknown) => {
          assert.ok(error instanceof InvalidArgumentError);
          assert.equal(error.parameter, 'botUsername');
          assert.match(error.message, /at least 4 characters/);
          return true;
        },
      );
    }
  });
});
