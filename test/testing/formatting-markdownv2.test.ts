import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EntityParseError,
  type FormattedText,
  parseFormattedText,
} from '../../src/testing/formatting/index.js';

const md = (text: string): FormattedText => parseFormattedText(text, 'MarkdownV2');

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

const reserved = (ch: string): string =>
  `Character '${ch}' is reserved and must be escaped with the preceding '\\'`;

describe('MarkdownV2: inline entities', () => {
  test('each marker', () => {
    const result = md('*b* _i_ __u__ ~s~ ||p|| `c`');
    assert.equal(result.text, 'b i u s p c');
    assert.deepEqual(result.entities, [
      { type: 'bold', offset: 0, length: 1 },
      { type: 'italic', offset: 2, length: 1 },
      { type: 'underline', offset: 4, length: 1 },
      { type: 'strikethrough', offset: 6, length: 1 },
      { type: 'spoiler', offset: 8, length: 1 },
      { type: 'code', offset: 10, length: 1 },
    ]);
  });

  test("the documentation's nesting example", () => {
    const result = md(
      '*bold _italic bold ~italic bold strikethrough ||italic bold strikethrough spoiler||~ __underline italic bold___ bold*',
    );
    assert.equal(
      result.text,
      'bold italic bold italic bold strikethrough italic bold strikethrough spoiler underline italic bold bold',
    );
    assert.deepEqual(result.entities, [
      { type: 'bold', offset: 0, length: 103 },
      { type: 'italic', offset: 5, length: 93 },
      { type: 'strikethrough', offset: 17, length: 59 },
      { type: 'spoiler', offset: 43, length: 33 },
      { type: 'underline', offset: 77, length: 21 },
    ]);
  });

  test('entities sharing a range: outer type first', () => {
    assert.deepEqual(
      md('||~__*_x_*__~||').entities.map((e) => e.type),
      ['bold', 'italic', 'underline', 'strikethrough', 'spoiler'],
    );
  });

  test('adjacent entities and empty ones', () => {
    assert.deepEqual(md('*a**b*__ __**x'), {
      text: 'ab x',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'bold', offset: 1, length: 1 },
        { type: 'underline', offset: 2, length: 1 },
      ],
    });
  });

  test('surrogate pairs before and inside entities', () => {
    assert.deepEqual(md('👍 *a😀b* 🇺🇦_é_'), {
      text: '👍 a😀b 🇺🇦é',
      entities: [
        { type: 'bold', offset: 3, length: 4 },
        { type: 'italic', offset: 12, length: 1 },
      ],
    });
  });

  test('___ opens underline then italic, so it cannot close both in that order', () => {
    rejects('___italic underline___', "Can't find end of Italic entity at byte offset 21");
    assert.deepEqual(md('___italic underline_**__').entities, [
      { type: 'italic', offset: 0, length: 16 },
      { type: 'underline', offset: 0, length: 16 },
    ]);
  });
});

describe('MarkdownV2: escaping', () => {
  test('any ASCII character can be escaped', () => {
    assert.equal(
      md('\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\ \\a').text,
      '_*[]()~`>#+-=|{}.!\\ a',
    );
  });

  test('a backslash before a non-ASCII character or at the end is literal', () => {
    assert.equal(md('\\é \\👍 \\').text, '\\é \\👍 \\');
  });

  test('every reserved character must be escaped outside entities', () => {
    for (const ch of [']', '(', ')', '#', '+', '-', '=', '{', '}', '.']) {
      rejects(`a${ch}b`, reserved(ch));
    }
    rejects('a|b', reserved('|'));
    rejects('wow!', reserved('!'));
    rejects('a > b', reserved('>'));
  });

  test('reserved characters are errors inside formatting entities too', () => {
    rejects('*a.b*', reserved('.'));
  });

  test('inside code and pre only ` and \\ need escaping', () => {
    assert.deepEqual(md('`a*b_c.d\\`\\\\`'), {
      text: 'a*b_c.d`\\',
      entities: [{ type: 'code', offset: 0, length: 9 }],
    });
    assert.equal(md('```\n1 + 1 = 2.\n```').text, '1 + 1 = 2.\n');
  });
});

describe('MarkdownV2: pre', () => {
  test('with a language, the first line break dropped', () => {
    assert.deepEqual(md('```python\nprint(1)\n```'), {
      text: 'print(1)\n',
      entities: [{ type: 'pre', offset: 0, length: 9, language: 'python' }],
    });
  });

  test('without a language', () => {
    assert.deepEqual(md('a```\ncode```'), {
      text: 'acode',
      entities: [{ type: 'pre', offset: 1, length: 4 }],
    });
    assert.deepEqual(md('```code```'), { text: 'code', entities: [{ type: 'pre', offset: 0, length: 4 }] });
  });

  test('the language ends at the first whitespace', () => {
    assert.deepEqual(md('```js x```'), {
      text: ' x',
      entities: [{ type: 'pre', offset: 0, length: 2, language: 'js' }],
    });
  });

  test('an unclosed pre names its kind', () => {
    rejects('```js\ncode', "Can't find end of PreCode entity at byte offset 0");
    rejects('x ```\ncode``', "Can't find end of Pre entity at byte offset 2");
  });
});

describe('MarkdownV2: links, mentions, custom emoji and time', () => {
  test('inline links, normalised; escaped ) and \\ in the URL', () => {
    assert.deepEqual(md('[inline URL](http://www.example.com/) [x](e.com/a\\)b\\\\)'), {
      text: 'inline URL x',
      entities: [
        { type: 'text_link', offset: 0, length: 10, url: 'http://www.example.com/' },
        { type: 'text_link', offset: 11, length: 1, url: 'http://e.com/a)b\\' },
      ],
    });
  });

  test('entities inside link text', () => {
    assert.deepEqual(md('[*bold* link](https://t.me)').entities, [
      { type: 'text_link', offset: 0, length: 9, url: 'https://t.me/' },
      { type: 'bold', offset: 0, length: 4 },
    ]);
  });

  test('without (url) the text is the URL', () => {
    assert.deepEqual(md('[t\\.me]').entities, [
      { type: 'text_link', offset: 0, length: 4, url: 'http://t.me/' },
    ]);
  });

  test('refused links are dropped, the text stays', () => {
    assert.deepEqual(md('[a](ftp://x.com) [b](nohost)'), { text: 'a b', entities: [] });
  });

  test('text_mention', () => {
    assert.deepEqual(md('[inline mention of a user](tg://user?id=123456789)').entities, [
      { type: 'text_mention', offset: 0, length: 24, user: { id: 123456789 } },
    ]);
  });

  test('custom emoji', () => {
    assert.deepEqual(md('![👍](tg://emoji?id=5368324170671202286)'), {
      text: '👍',
      entities: [{ type: 'custom_emoji', offset: 0, length: 2, custom_emoji_id: '5368324170671202286' }],
    });
  });

  test('date and time', () => {
    const result = md(
      '![22:45 tomorrow](tg://time?unix=1647531900&format=wDT) ![x](tg://time?unix=1647531900&format=r) ![y](tg://time?unix=1647531900)',
    );
    assert.deepEqual(result.entities, [
      { type: 'date_time', offset: 0, length: 14, unix_time: 1647531900, date_time_format: 'wDT' },
      { type: 'date_time', offset: 15, length: 1, unix_time: 1647531900, date_time_format: 'r' },
      { type: 'date_time', offset: 17, length: 1, unix_time: 1647531900, date_time_format: '' },
    ]);
  });

  test('URL errors', () => {
    rejects('[a](http://e.com', "Can't find end of a URL at byte offset 4");
    rejects('👍[a](http://e.com', "Can't find end of a URL at byte offset 8");
    rejects('![👍]', 'The entity must contain a tg://emoji or tg://time URL');
    rejects('![👍](http://e.com)', 'Invalid tg://emoji or tg://time URL specified');
    rejects('![👍](tg://emoji?id=abc)', 'Invalid tg://emoji or tg://time URL specified');
    rejects('![x](tg://time?unix=1&format=q)', 'Invalid tg://emoji or tg://time URL specified');
    rejects('[a', "Can't find end of TextUrl entity at byte offset 0");
    rejects('![a', "Can't find end of CustomEmoji entity at byte offset 0");
  });
});

describe('MarkdownV2: block quotations', () => {
  test('lines starting with > form one quotation ending with its line break', () => {
    assert.deepEqual(md('>first\n>second\nafter'), {
      text: 'first\nsecond\nafter',
      entities: [{ type: 'blockquote', offset: 0, length: 13 }],
    });
  });

  test('a quotation at the end of the text', () => {
    assert.deepEqual(md('a\n>q'), { text: 'a\nq', entities: [{ type: 'blockquote', offset: 2, length: 1 }] });
  });

  test('an expandable quotation ends with || and may follow a quotation after an empty bold', () => {
    assert.deepEqual(md('>Block quotation\n**>expandable\n>continued||\nafter'), {
      text: 'Block quotation\nexpandable\ncontinued\nafter',
      entities: [
        { type: 'blockquote', offset: 0, length: 16 },
        { type: 'expandable_blockquote', offset: 16, length: 21 },
      ],
    });
    assert.deepEqual(md('**>hidden||'), {
      text: 'hidden',
      entities: [{ type: 'expandable_blockquote', offset: 0, length: 6 }],
    });
  });

  test('formatting inside a quotation, across its lines', () => {
    assert.deepEqual(md('>*bold\n>still* _i_'), {
      text: 'bold\nstill i',
      entities: [
        { type: 'blockquote', offset: 0, length: 12 },
        { type: 'bold', offset: 0, length: 10 },
        { type: 'italic', offset: 11, length: 1 },
      ],
    });
  });

  test('an entity still open when the quotation ends', () => {
    rejects('>*bold\nafter', "Can't find end of Bold entity at byte offset 1");
    rejects('>*bold', "Can't find end of Bold entity at byte offset 1");
  });

  test('> only starts a quotation at the beginning of a line', () => {
    rejects('a>b', reserved('>'));
    assert.equal(md('a\\>b').text, 'a>b');
  });
});

describe('MarkdownV2: unclosed entities', () => {
  test('byte offsets of the opening marker', () => {
    rejects('*bold', "Can't find end of Bold entity at byte offset 0");
    rejects('👍 *bold', "Can't find end of Bold entity at byte offset 5");
    rejects('é _x', "Can't find end of Italic entity at byte offset 3");
    rejects('__u', "Can't find end of Underline entity at byte offset 0");
    rejects('~s', "Can't find end of Strikethrough entity at byte offset 0");
    rejects('||s', "Can't find end of Spoiler entity at byte offset 0");
    rejects('`c', "Can't find end of Code entity at byte offset 0");
  });

  test('the innermost unclosed entity is reported', () => {
    rejects('*a _b', "Can't find end of Italic entity at byte offset 3");
  });
});
