import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type EntityLike, renderHtml, renderMarkdown } from '../../src/entities/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { MessageEntity } from '../../src/generated/types.js';

const mentioned = { id: 123456789, first_name: 'mentioned user', is_bot: false };

// PTB's tests/test_message.py: `test_text_v2` and `test_entities_v2` (naive 2000-07-28 is
// 964742400, the Europe/Berlin one 964735200), built as the library's frozen MessageEntity objects.
const V2_TEXT =
  'Test for <bold, ita_lic, \\`code, links, text-mention and `\\pre. ' +
  'http://google.com and bold nested in strk>trgh nested in italic. Python pre. Spoiled. ' +
  '👍.\nMultiline\nblock quote\nwith nested.\n\nMultiline\nexpandable\nblock quote.\ntime' +
  '\ntime_formatted\n';
const V2_ENTITIES = [
  { length: 4, offset: 0, type: 'underline' },
  { length: 4, offset: 10, type: 'bold' },
  { length: 7, offset: 16, type: 'italic' },
  { length: 6, offset: 25, type: 'code' },
  { length: 5, offset: 33, type: 'text_link', url: 'http://github.com/abc\\)def' },
  { length: 12, offset: 40, type: 'text_mention', user: mentioned },
  { length: 5, offset: 57, type: 'pre' },
  { length: 17, offset: 64, type: 'url' },
  { length: 41, offset: 86, type: 'italic' },
  { length: 29, offset: 91, type: 'bold' },
  { length: 9, offset: 101, type: 'strikethrough' },
  { length: 10, offset: 129, type: 'pre', language: 'python' },
  { length: 7, offset: 141, type: 'spoiler' },
  { length: 2, offset: 150, type: 'custom_emoji', custom_emoji_id: '1' },
  { length: 34, offset: 154, type: 'blockquote' },
  { length: 6, offset: 181, type: 'bold' },
  { length: 33, offset: 190, type: 'expandable_blockquote' },
  { length: 4, offset: 224, type: 'date_time', unix_time: 964742400 },
  { length: 14, offset: 229, type: 'date_time', unix_time: 964735200, date_time_format: 'r' },
].map((json) => MessageEntity.fromJSON(json));

const V2_HTML_HEAD =
  '<u>Test</u> for &lt;<b>bold</b>, <i>ita_lic</i>, ' +
  '<code>\\`code</code>, ' +
  '<a href="http://github.com/abc\\)def">links</a>, ' +
  '<a href="tg://user?id=123456789">text-mention</a> and ' +
  '<pre>`\\pre</pre>. ';
const V2_HTML_TAIL =
  ' and <i>bold <b>nested in <s>strk&gt;trgh</s> nested in</b> italic</i>. ' +
  '<pre><code class="python">Python pre</code></pre>. ' +
  '<span class="tg-spoiler">Spoiled</span>. ' +
  '<tg-emoji emoji-id="1">👍</tg-emoji>.\n' +
  '<blockquote>Multiline\nblock quote\nwith <b>nested</b>.</blockquote>\n\n' +
  '<blockquote expandable>Multiline\nexpandable\nblock quote.</blockquote>\n' +
  '<tg-time unix="964742400">time</tg-time>\n' +
  '<tg-time unix="964735200" format="r">time_formatted</tg-time>\n';

const V2_MD_HEAD =
  '__Test__ for <*bold*, _ita\\_lic_, `\\\\\\`code`, ' +
  '[links](http://github.com/abc\\\\\\)def), ' +
  '[text\\-mention](tg://user?id=123456789) and ```\\`\\\\pre```\\. ';
const V2_MD_TAIL =
  ' and _bold *nested in ~strk\\>trgh~ nested in* italic_\\. ' +
  '```python\nPython pre```\\. ||Spoiled||\\. ![👍](tg://emoji?id=1)\\.\n' +
  '>Multiline\n' +
  '>block quote\n' +
  '>with *nested*\\.' +
  '\n\n>Multiline\n' +
  '>expandable\n' +
  '>block quote\\.||' +
  '\n![time](tg://time?unix=964742400)\n' +
  '![time\\_formatted](tg://time?unix=964735200&format=r)\n';

// PTB's `test_text` and `test_entities` (legacy Markdown cannot nest, so these do not).
const V1_TEXT = 'Test for <bold, ita_lic, code, links, text-mention and pre. http://google.com/ab_';
const V1_ENTITIES = [
  { length: 4, offset: 10, type: 'bold' },
  { length: 3, offset: 16, type: 'italic' },
  { length: 3, offset: 20, type: 'italic' },
  { length: 4, offset: 25, type: 'code' },
  { length: 5, offset: 31, type: 'text_link', url: 'http://github.com/ab_' },
  { length: 12, offset: 38, type: 'text_mention', user: mentioned },
  { length: 3, offset: 55, type: 'pre', language: 'python' },
  { length: 21, offset: 60, type: 'url' },
].map((json) => MessageEntity.fromJSON(json));
const V1_MD_HEAD =
  'Test for <*bold*, _ita_\\__lic_, `code`, ' +
  '[links](http://github.com/ab_), ' +
  '[text-mention](tg://user?id=123456789) and ```python\npre```. ';

describe("PTB's reference message", () => {
  test('text_html', () => {
    assert.equal(renderHtml(V2_TEXT, V2_ENTITIES), `${V2_HTML_HEAD}http://google.com${V2_HTML_TAIL}`);
  });
  test('text_html_urled', () => {
    assert.equal(
      renderHtml(V2_TEXT, V2_ENTITIES, { urled: true }),
      `${V2_HTML_HEAD}<a href="http://google.com">http://google.com</a>${V2_HTML_TAIL}`,
    );
  });
  test('text_markdown_v2', () => {
    assert.equal(
      renderMarkdown(V2_TEXT, V2_ENTITIES, { version: 2 }),
      `${V2_MD_HEAD}http://google\\.com${V2_MD_TAIL}`,
    );
  });
  test('text_markdown_v2_urled', () => {
    assert.equal(
      renderMarkdown(V2_TEXT, V2_ENTITIES, { version: 2, urled: true }),
      `${V2_MD_HEAD}[http://google\\.com](http://google.com)${V2_MD_TAIL}`,
    );
  });
  test('text_markdown (version 1 is the default)', () => {
    assert.equal(renderMarkdown(V1_TEXT, V1_ENTITIES), `${V1_MD_HEAD}http://google.com/ab\\_`);
    assert.equal(
      renderMarkdown(V1_TEXT, V1_ENTITIES, { version: 1 }),
      `${V1_MD_HEAD}http://google.com/ab\\_`,
    );
  });
  test('text_markdown_urled', () => {
    assert.equal(
      renderMarkdown(V1_TEXT, V1_ENTITIES, { urled: true }),
      `${V1_MD_HEAD}[http://google.com/ab_](http://google.com/ab_)`,
    );
  });
  test('the order the entities come in does not matter', () => {
    const shuffled = [...V2_ENTITIES].reverse();
    assert.equal(renderHtml(V2_TEXT, shuffled), `${V2_HTML_HEAD}http://google.com${V2_HTML_TAIL}`);
    assert.equal(
      renderMarkdown(V2_TEXT, shuffled, { version: 2 }),
      `${V2_MD_HEAD}http://google\\.com${V2_MD_TAIL}`,
    );
  });
});

describe('surrogate pairs before and inside entities', () => {
  // PTB's test_text_html_emoji / test_text_markdown_emoji: the bold entity sits after two emoji.
  const text = '\u{1F469}\u200d\u{1F469}\u200d ABC';
  const bold = [{ type: 'bold', offset: 7, length: 3 }];
  test('HTML', () => assert.equal(renderHtml(text, bold), '\u{1F469}\u200d\u{1F469}\u200d <b>ABC</b>'));
  test('Markdown', () => assert.equal(renderMarkdown(text, bold), '\u{1F469}\u200d\u{1F469}\u200d *ABC*'));
  test('MarkdownV2', () =>
    assert.equal(renderMarkdown(text, bold, { version: 2 }), '\u{1F469}\u200d\u{1F469}\u200d *ABC*'));

  // PTB's test_text_custom_emoji_*.
  const emojiText = 'Look a custom emoji: 😎';
  const emoji = [{ type: 'custom_emoji', offset: 21, length: 2, custom_emoji_id: '5472409228461217725' }];
  test('custom emoji in HTML', () => {
    const expected = 'Look a custom emoji: <tg-emoji emoji-id="5472409228461217725">😎</tg-emoji>';
    assert.equal(renderHtml(emojiText, emoji), expected);
    assert.equal(renderHtml(emojiText, emoji, { urled: true }), expected);
  });
  test('custom emoji in MarkdownV2', () => {
    const expected = 'Look a custom emoji: ![😎](tg://emoji?id=5472409228461217725)';
    assert.equal(renderMarkdown(emojiText, emoji, { version: 2 }), expected);
    assert.equal(renderMarkdown(emojiText, emoji, { version: 2, urled: true }), expected);
  });
  test('custom emoji in legacy Markdown is an error', () => {
    assert.throws(() => renderMarkdown(emojiText, emoji), {
      message: 'Custom Emoji entities are not supported for Markdown version 1',
    });
    assert.throws(() => renderMarkdown(emojiText, emoji, { urled: true }), /Custom Emoji entities/);
  });
});

/**
 * Further inputs with the output PTB's `_parse_html` / `_parse_markdown` give for them; `Urled`
 * fields are left out where they equal the plain form. A string starting with `ERR:` is the message
 * of the error PTB raises.
 */
interface Case {
  readonly name: string;
  readonly text: string;
  readonly entities: readonly EntityLike[];
  readonly html: string;
  readonly htmlUrled?: string;
  readonly md1: string;
  readonly md1Urled?: string;
  readonly md2: string;
  readonly md2Urled?: string;
}

const CASES: readonly Case[] = [
  {
    name: 'adjacent entities, escaped text after them',
    text: 'boldital*x',
    entities: [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 4, length: 4 },
    ],
    html: '<b>bold</b><i>ital</i>*x',
    md1: '*bold*_ital_\\*x',
    md2: '*bold*_ital_\\*x',
  },
  {
    name: 'entities nested in one that spans emoji',
    text: '😎 big 👍 deal!',
    entities: [
      { type: 'bold', offset: 0, length: 15 },
      { type: 'italic', offset: 3, length: 3 },
      { type: 'spoiler', offset: 7, length: 2 },
    ],
    html: '<b>😎 <i>big</i> <span class="tg-spoiler">👍</span> deal!</b>',
    md1: 'ERR:Spoiler entities are not supported for Markdown version 1',
    md2: '*😎 _big_ ||👍|| deal\\!*',
  },
  {
    name: 'crossing entities are rendered one after the other, repeating the shared text',
    text: 'overlap',
    entities: [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 2, length: 5 },
    ],
    html: '<b>over</b><i>erlap</i>',
    md1: '*over*_erlap_',
    md2: '*over*_erlap_',
  },
  {
    name: 'block quote: every line boundary opens a quoted line, a final one is dropped',
    text: 'one\r\ntwo\n\nthree\n',
    entities: [{ type: 'blockquote', offset: 0, length: 17 }],
    html: '<blockquote>one\r\ntwo\n\nthree\n</blockquote>',
    md1: 'ERR:Blockquote entities are not supported for Markdown version 1',
    md2: '>one\n>two\n>\n>three',
  },
  {
    name: 'expandable block quote with a nested entity',
    text: 'hidden\nmore _here_\n',
    entities: [
      { type: 'expandable_blockquote', offset: 0, length: 18 },
      { type: 'italic', offset: 12, length: 6 },
    ],
    html: '<blockquote expandable>hidden\nmore <i>_here_</i></blockquote>\n',
    md1: 'ERR:Expandable Blockquote entities are not supported for Markdown version 1',
    md2: '>hidden\n>more _\\_here\\__||\n',
  },
  {
    name: 'pre without language; one whose escaped code starts with a backslash',
    text: 'code\n\\path',
    entities: [
      { type: 'pre', offset: 0, length: 4 },
      { type: 'pre', offset: 5, length: 5 },
    ],
    html: '<pre>code</pre>\n<pre>\\path</pre>',
    md1: '```\ncode```\n```\\path```',
    md2: '```\ncode```\n```\\\\path```',
  },
  {
    name: 'url, linked only when urled',
    text: 'see http://a.b/c_d!',
    entities: [{ type: 'url', offset: 4, length: 14 }],
    html: 'see http://a.b/c_d!',
    htmlUrled: 'see <a href="http://a.b/c_d">http://a.b/c_d</a>!',
    md1: 'see http://a.b/c\\_d!',
    md1Urled: 'see [http://a.b/c_d](http://a.b/c_d)!',
    md2: 'see http://a\\.b/c\\_d\\!',
    md2Urled: 'see [http://a\\.b/c\\_d](http://a.b/c_d)\\!',
  },
  {
    name: 'HTML special characters inside and outside entities',
    text: `<&>"' and 'b'`,
    entities: [{ type: 'bold', offset: 9, length: 3 }],
    html: '&lt;&amp;&gt;&quot;&#x27; and<b> &#x27;b</b>&#x27;',
    md1: `<&>"' and* 'b*'`,
    md2: `<&\\>"' and* 'b*'`,
  },
  {
    name: 'text mention and text link (the link escaped for MarkdownV2 only)',
    text: 'Ann and a_link',
    entities: [
      { type: 'text_mention', offset: 0, length: 3, user: { id: 7 } },
      { type: 'text_link', offset: 8, length: 6, url: 'http://e.com/x_(y)' },
    ],
    html: '<a href="tg://user?id=7">Ann</a> and <a href="http://e.com/x_(y)">a_link</a>',
    md1: '[Ann](tg://user?id=7) and [a\\_link](http://e.com/x_(y))',
    md2: '[Ann](tg://user?id=7) and [a\\_link](http://e.com/x_(y\\))',
  },
  {
    name: 'an entity running past the end of the text',
    text: 'short',
    entities: [{ type: 'bold', offset: 3, length: 10 }],
    html: 'sho<b>rt</b>',
    md1: 'sho*rt*',
    md2: 'sho*rt*',
  },
  {
    name: 'code escapes only backticks and backslashes in MarkdownV2',
    text: 'x`y',
    entities: [{ type: 'code', offset: 0, length: 3 }],
    html: '<code>x`y</code>',
    md1: '`x\\`y`',
    md2: '`x\\`y`',
  },
  {
    name: 'adjacent custom emoji',
    text: '😎😎',
    entities: [
      { type: 'custom_emoji', offset: 0, length: 2, custom_emoji_id: '5' },
      { type: 'custom_emoji', offset: 2, length: 2, custom_emoji_id: '6' },
    ],
    html: '<tg-emoji emoji-id="5">😎</tg-emoji><tg-emoji emoji-id="6">😎</tg-emoji>',
    md1: 'ERR:Custom Emoji entities are not supported for Markdown version 1',
    md2: '![😎](tg://emoji?id=5)![😎](tg://emoji?id=6)',
  },
  {
    name: 'entities without markup are plain text',
    text: '#tag @user',
    entities: [
      { type: 'hashtag', offset: 0, length: 4 },
      { type: 'mention', offset: 5, length: 5 },
    ],
    html: '#tag @user',
    md1: '#tag @user',
    md2: '\\#tag @user',
  },
];

function outcome(render: () => string): string {
  try {
    return render();
  } catch (error) {
    assert.ok(error instanceof Error);
    return `ERR:${error.message}`;
  }
}

describe('rendering matches PTB', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { text, entities } = c;
      assert.equal(
        outcome(() => renderHtml(text, entities)),
        c.html,
        'html',
      );
      assert.equal(
        outcome(() => renderHtml(text, entities, { urled: true })),
        c.htmlUrled ?? c.html,
        'html urled',
      );
      assert.equal(
        outcome(() => renderMarkdown(text, entities)),
        c.md1,
        'markdown',
      );
      assert.equal(
        outcome(() => renderMarkdown(text, entities, { urled: true })),
        c.md1Urled ?? c.md1,
        'markdown urled',
      );
      assert.equal(
        outcome(() => renderMarkdown(text, entities, { version: 2 })),
        c.md2,
        'markdown v2',
      );
      assert.equal(
        outcome(() => renderMarkdown(text, entities, { version: 2, urled: true })),
        c.md2Urled ?? c.md2,
        'markdown v2 urled',
      );
    });
  }
});

describe('legacy Markdown errors', () => {
  test('nested entities', () => {
    const nested = [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 0, length: 4 },
    ];
    assert.throws(() => renderMarkdown('test', nested), {
      name: 'Error',
      message: 'Nested entities are not supported for Markdown version 1',
    });
  });
  for (const [type, name] of [
    ['underline', 'Underline'],
    ['strikethrough', 'Strikethrough'],
    ['spoiler', 'Spoiler'],
    ['blockquote', 'Blockquote'],
    ['expandable_blockquote', 'Expandable Blockquote'],
    ['custom_emoji', 'Custom Emoji'],
    ['date_time', 'Date Time'],
  ] as const) {
    test(type, () => {
      assert.throws(() => renderMarkdown('test', [{ type, offset: 0, length: 4 }]), {
        message: `${name} entities are not supported for Markdown version 1`,
      });
    });
  }
  test('the unsupported type is reported before nesting, in PTB order', () => {
    const entities = [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'underline', offset: 0, length: 2 },
      { type: 'spoiler', offset: 2, length: 2 },
    ];
    assert.throws(() => renderMarkdown('test', entities), /^Error: Spoiler entities/);
  });
});

describe('details', () => {
  test('no entities: the whole text is escaped', () => {
    assert.equal(renderHtml('a<b', undefined), 'a&lt;b');
    assert.equal(renderHtml('a<b', []), 'a&lt;b');
    assert.equal(renderMarkdown('a_b.', undefined), 'a\\_b.');
    assert.equal(renderMarkdown('a_b.', [], { version: 2 }), 'a\\_b\\.');
    assert.equal(renderHtml('', []), '');
  });

  test('entities equal in type, offset and length count once', () => {
    const bold = { type: 'bold', offset: 0, length: 2 };
    assert.equal(renderHtml('hi', [bold, { ...bold }]), '<b>hi</b>');
    assert.equal(renderMarkdown('hi', [bold, { ...bold }]), '*hi*');
  });

  test('entities with the same range nest in the given order', () => {
    const entities = [
      { type: 'italic', offset: 0, length: 2 },
      { type: 'bold', offset: 0, length: 2 },
    ];
    assert.equal(renderHtml('hi', entities), '<i><b>hi</b></i>');
    assert.equal(renderMarkdown('hi', entities, { version: 2 }), '_*hi*_');
  });

  test('an entity starting with a longer one nests in it whatever their order', () => {
    // PTB renders `<b>ab</b><i><b>ab</b>cde</i>f` when the shorter one comes first.
    const entities = [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'italic', offset: 0, length: 5 },
    ];
    assert.equal(renderHtml('abcdef', entities), '<i><b>ab</b>cde</i>f');
    assert.equal(renderMarkdown('abcdef', entities, { version: 2 }), '_*ab*cde_f');
  });

  test('date_time takes a Date or Unix seconds', () => {
    const at = new Date(Date.UTC(2000, 6, 28));
    assert.equal(
      renderHtml('then', [
        { type: 'date_time', offset: 0, length: 4, unix_time: at, date_time_format: 'wD' },
      ]),
      '<tg-time unix="964742400" format="wD">then</tg-time>',
    );
    assert.equal(
      renderMarkdown('then', [{ type: 'date_time', offset: 0, length: 4, unix_time: 964742400 }], {
        version: 2,
      }),
      '![then](tg://time?unix=964742400)',
    );
  });

  test('an entity missing the field its markup needs is rendered as its text', () => {
    const entities: EntityLike[] = [
      { type: 'text_link', offset: 0, length: 1 },
      { type: 'text_mention', offset: 1, length: 1 },
      { type: 'custom_emoji', offset: 2, length: 1 },
      { type: 'date_time', offset: 3, length: 1 },
    ];
    assert.equal(renderHtml('a<c.', entities), 'a&lt;c.');
    assert.equal(renderMarkdown('a_c.', entities, { version: 2 }), 'a\\_c\\.');
  });

  test('custom emoji ids are escaped as link parts in MarkdownV2', () => {
    assert.equal(
      renderMarkdown('x', [{ type: 'custom_emoji', offset: 0, length: 1, custom_emoji_id: '1)\\2' }], {
        version: 2,
      }),
      '![x](tg://emoji?id=1\\)\\\\2)',
    );
  });

  test('block quotes with other line boundaries and an empty quote', () => {
    const quote = (text: string) =>
      renderMarkdown(text, [{ type: 'blockquote', offset: 0, length: text.length }], {
        version: 2,
      });
    assert.equal(quote('a\u2028b\u000bc\r'), '>a\n>b\n>c');
    assert.equal(quote('a\r\r\n'), '>a\n>');
    assert.equal(quote('\n'), '>');
    assert.equal(quote(''), '>');
  });

  test('an invalid Markdown version is refused', () => {
    assert.throws(() => renderMarkdown('x', [], { version: 3 as 2 }), InvalidArgumentError);
  });

  test('the inputs are not changed', () => {
    const entities = Object.freeze([
      Object.freeze({ type: 'italic', offset: 2, length: 1 }),
      Object.freeze({ type: 'bold', offset: 0, length: 3 }),
    ]);
    assert.equal(renderHtml('abc', entities), '<b>ab<i>c</i></b>');
    assert.equal(entities[0]?.type, 'italic');
  });
});
