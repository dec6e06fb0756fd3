import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EntityParseError,
  type FormattedText,
  parseFormattedText,
  utf16Length,
} from '../../src/testing/formatting/index.js';

const html = (text: string): FormattedText => parseFormattedText(text, 'HTML');

/** Asserts that parsing fails with `Bad Request: can't parse entities: <reason>`. */
function rejects(text: string, reason: string): void {
  assert.throws(
    () => html(text),
    (error: unknown) => {
      assert.ok(error instanceof EntityParseError);
      assert.equal(error.code, 400);
      assert.equal(error.description, `Bad Request: can't parse entities: ${reason}`);
      assert.equal(error.message, error.description);
      return true;
    },
  );
}

describe('HTML: basic tags', () => {
  test('every synonym of the simple tags', () => {
    const result = html(
      '<b>a</b><strong>b</strong><i>c</i><em>d</em><u>e</u><ins>f</ins><s>g</s><strike>h</strike><del>i</del>' +
        '<tg-spoiler>j</tg-spoiler><span class="tg-spoiler">k</span>',
    );
    assert.equal(result.text, 'abcdefghijk');
    const types = ['bold', 'bold', 'italic', 'italic', 'underline', 'underline'];
    types.push('strikethrough', 'strikethrough', 'strikethrough', 'spoiler', 'spoiler');
    assert.deepEqual(
      result.entities,
      types.map((type, offset) => ({ type, offset, length: 1 })),
    );
  });

  test('tag and attribute names are case-insensitive, attribute values of name tokens too', () => {
    assert.deepEqual(html('<B>x</B><SPAN class=TG-SPOILER>y</span>'), {
      text: 'xy',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'spoiler', offset: 1, length: 1 },
      ],
    });
  });

  test('the parse mode name is matched case-insensitively', () => {
    assert.deepEqual(parseFormattedText('<b>x</b>', 'html').entities, [
      { type: 'bold', offset: 0, length: 1 },
    ]);
    assert.deepEqual(parseFormattedText('<b>x</b>', 'Html').text, 'x');
  });

  test('nested entities come outer first, sorted by offset', () => {
    const result = html('<b>bold <i>italic bold <s>all three</s></i> bold</b> <u>under</u>');
    assert.equal(result.text, 'bold italic bold all three bold under');
    assert.deepEqual(result.entities, [
      { type: 'bold', offset: 0, length: 31 },
      { type: 'italic', offset: 5, length: 21 },
      { type: 'strikethrough', offset: 17, length: 9 },
      { type: 'underline', offset: 32, length: 5 },
    ]);
  });

  test('entities with the same range are ordered as Telegram orders their types', () => {
    const result = html('<i><b><a href="https://t.me">x</a></b></i>');
    assert.deepEqual(
      result.entities.map((e) => e.type),
      ['text_link', 'bold', 'italic'],
    );
  });

  test('adjacent entities stay separate; empty ones are dropped', () => {
    assert.deepEqual(html('<b>a</b><b>b</b><i></i><u><s></s></u>c'), {
      text: 'abc',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'bold', offset: 1, length: 1 },
      ],
    });
  });

  test('the same type may be nested in itself, as Telegram parses it', () => {
    assert.deepEqual(html('<b>a<b>b</b></b>').entities, [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'bold', offset: 1, length: 1 },
    ]);
  });

  test('whitespace and newlines are kept as they are', () => {
    assert.deepEqual(html('  <b> x </b>\n'), {
      text: '   x \n',
      entities: [{ type: 'bold', offset: 2, length: 3 }],
    });
  });

  test('an empty text is returned untouched', () => {
    assert.deepEqual(html(''), { text: '', entities: [] });
  });
});

describe('HTML: UTF-16 offsets', () => {
  test('surrogate-pair emoji count two code units before and inside entities', () => {
    const result = html('👍<b>a😀b</b>🇺🇦<i>é</i>');
    assert.equal(result.text, '👍a😀b🇺🇦é');
    assert.deepEqual(result.entities, [
      { type: 'bold', offset: 2, length: 4 },
      { type: 'italic', offset: 10, length: 1 },
    ]);
    assert.equal(utf16Length('👍a😀b🇺🇦é'), 11);
  });

  test('characters outside the BMP from references count two units', () => {
    assert.deepEqual(html('&#128077;<b>x</b>'), {
      text: '👍x',
      entities: [{ type: 'bold', offset: 2, length: 1 }],
    });
  });
});

describe('HTML: character references', () => {
  test('the four named references and numeric ones, with or without the semicolon', () => {
    assert.equal(html('&lt;&gt;&amp;&quot; &#65;&#x42;&#x1F600; &lt &amp').text, '<>&" AB😀 < &');
  });

  test('unknown or invalid references are literal text, so is a bare ampersand', () => {
    assert.equal(
      html('&nbsp; &apos; a & b &#; &#X41; &#0; &#1114111;').text,
      '&nbsp; &apos; a & b &#; &#X41; &#0; &#1114111;',
    );
  });

  test('overlong numeric references stay literal', () => {
    assert.equal(html('&#00000065;').text, '&#00000065;');
    assert.equal(html('&#0000065;').text, 'A');
    assert.equal(html('&#x000041;').text, 'A');
    assert.equal(html('&#x0000041;').text, '&#x0000041;');
  });

  test('references in attribute values are decoded', () => {
    assert.deepEqual(html('<a href="https://e.com/?a=1&amp;b=2">x</a>').entities, [
      { type: 'text_link', offset: 0, length: 1, url: 'https://e.com/?a=1&b=2' },
    ]);
  });

  test('a decoded surrogate code unit is refused', () => {
    rejects(
      '&#xD83D;&#xDC4D;',
      'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
    );
  });
});

describe('HTML: links and mentions', () => {
  test('links are normalised the way Telegram stores them', () => {
    const result = html(
      '<a href="example.com">a</a><a href="HTTPS://Example.COM/Path?q=1#f">b</a><a href=\'http://e.com:8080\'>c</a>',
    );
    assert.deepEqual(result.entities, [
      { type: 'text_link', offset: 0, length: 1, url: 'http://example.com/' },
      { type: 'text_link', offset: 1, length: 1, url: 'https://example.com/Path?q=1#f' },
      { type: 'text_link', offset: 2, length: 1, url: 'http://e.com:8080/' },
    ]);
  });

  test('tg: links are kept', () => {
    assert.deepEqual(html('<a href="tg://resolve?domain=durov">x</a>').entities, [
      { type: 'text_link', offset: 0, length: 1, url: 'tg://resolve?domain=durov' },
    ]);
  });

  test('an empty href uses the text as the URL', () => {
    assert.deepEqual(html('<a>t.me/x</a>').entities, [
      { type: 'text_link', offset: 0, length: 6, url: 'http://t.me/x' },
    ]);
  });

  test('links Telegram refuses are dropped without an error', () => {
    const result = html(
      '<a href="ftp://e.com">a</a><a href="localhost">b</a><a href="http://e.com:99999">c</a>',
    );
    assert.deepEqual(result, { text: 'abc', entities: [] });
  });

  test('tg://user?id= makes a text_mention', () => {
    assert.deepEqual(html('hi <a href="tg://user?id=123456789">John</a>').entities, [
      { type: 'text_mention', offset: 3, length: 4, user: { id: 123456789 } },
    ]);
    assert.deepEqual(html('<a href="TG:User?ID=5">x</a>').entities, [
      { type: 'text_mention', offset: 0, length: 1, user: { id: 5 } },
    ]);
  });

  test('a mention link with an invalid id is kept as a tg: link', () => {
    assert.deepEqual(html('<a href="tg://user?id=0">x</a>').entities, [
      { type: 'text_link', offset: 0, length: 1, url: 'tg://user?id=0' },
    ]);
  });
});

describe('HTML: code, pre and quotes', () => {
  test('code and pre; pre with a nested code gets its language', () => {
    const result = html('<code>c</code> <pre>p</pre> <pre><code class="language-python">x = 1</code></pre>');
    assert.deepEqual(result.entities, [
      { type: 'code', offset: 0, length: 1 },
      { type: 'pre', offset: 2, length: 1 },
      { type: 'pre', offset: 4, length: 5, language: 'python' },
    ]);
  });

  test('a language on standalone code is ignored', () => {
    assert.deepEqual(html('<code class="language-js">x</code>').entities, [
      { type: 'code', offset: 0, length: 1 },
    ]);
  });

  test('code around pre also gives the language to the pre', () => {
    assert.deepEqual(html('<code class="language-js"><pre>x</pre></code>').entities, [
      { type: 'pre', offset: 0, length: 1, language: 'js' },
    ]);
  });

  test('code not covering the whole pre stays code', () => {
    assert.deepEqual(html('<pre>a<code class="language-js">x</code></pre>').entities, [
      { type: 'pre', offset: 0, length: 2 },
      { type: 'code', offset: 1, length: 1 },
    ]);
  });

  test('blockquote and expandable blockquote', () => {
    assert.deepEqual(html('<blockquote>a\nb</blockquote><blockquote expandable>c</blockquote>').entities, [
      { type: 'blockquote', offset: 0, length: 3 },
      { type: 'expandable_blockquote', offset: 3, length: 1 },
    ]);
    assert.equal(html('<blockquote expandable="">c</blockquote>').entities[0]?.type, 'expandable_blockquote');
  });
});

describe('HTML: custom emoji and date_time', () => {
  test('tg-emoji makes custom_emoji with the id as a string', () => {
    assert.deepEqual(html('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'), {
      text: '👍',
      entities: [{ type: 'custom_emoji', offset: 0, length: 2, custom_emoji_id: '5368324170671202286' }],
    });
  });

  test('an invalid emoji id is an error', () => {
    rejects('<tg-emoji emoji-id="abc">👍</tg-emoji>', 'Invalid custom emoji identifier specified');
    rejects('<tg-emoji>👍</tg-emoji>', 'Invalid custom emoji identifier specified');
    rejects('<tg-emoji emoji-id="0">👍</tg-emoji>', 'Invalid custom emoji identifier specified');
  });

  test('tg-time makes date_time with a normalised format', () => {
    const result = html(
      '<tg-time unix="1647531900" format="wDT">a</tg-time><tg-time unix="1647531900" format="r">b</tg-time>' +
        '<tg-time unix="1647531900">c</tg-time><tg-time unix="1647531900" format="Ttdw">d</tg-time>',
    );
    assert.deepEqual(result.entities, [
      { type: 'date_time', offset: 0, length: 1, unix_time: 1647531900, date_time_format: 'wDT' },
      { type: 'date_time', offset: 1, length: 1, unix_time: 1647531900, date_time_format: 'r' },
      { type: 'date_time', offset: 2, length: 1, unix_time: 1647531900, date_time_format: '' },
      { type: 'date_time', offset: 3, length: 1, unix_time: 1647531900, date_time_format: 'wdt' },
    ]);
  });

  test('tg-time without a positive unix time is dropped; a bad format is an error', () => {
    assert.deepEqual(html('<tg-time format="t">x</tg-time><tg-time unix="-5">y</tg-time>').entities, []);
    rejects('<tg-time unix="1647531900" format="x">a</tg-time>', 'Invalid date format used');
  });
});

describe('HTML: errors', () => {
  test('unsupported tags, with byte offsets counting UTF-8 bytes', () => {
    rejects('<foo>x</foo>', 'Unsupported start tag "foo" at byte offset 0');
    rejects('👍é <br/>', 'Unsupported start tag "br/" at byte offset 7');
    rejects('<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0');
    rejects('<span class="tg-other">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0');
    rejects('1 < 2', 'Unsupported start tag "" at byte offset 2');
    rejects('1 <', 'Unclosed start tag at byte offset 2');
  });

  test('unclosed and unmatched tags', () => {
    rejects('<b>bold', 'Can\'t find end tag corresponding to start tag "b"');
    rejects('<b><i>x</i>', 'Can\'t find end tag corresponding to start tag "b"');
    rejects('x</b>', 'Unexpected end tag at byte offset 1');
    rejects('<b>x</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    rejects('<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"');
    rejects('<b>x</b', 'Unclosed end tag at byte offset 4');
    rejects('a <b', 'Unclosed start tag at byte offset 2');
  });

  test('the closing tag may be written </> or with trailing spaces', () => {
    assert.deepEqual(html('<b>x</><i>y</i  >').entities, [
      { type: 'bold', offset: 0, length: 1 },
      { type: 'italic', offset: 1, length: 1 },
    ]);
  });

  test('malformed attributes', () => {
    rejects('<a href', 'Unclosed start tag "a" at byte offset 0');
    rejects('<a href=', 'Unclosed start tag "a" at byte offset 0');
    rejects('<a href="x', 'Unclosed start tag at byte offset 0');
    rejects('<a ="x">y</a>', 'Empty attribute name in the tag "a" at byte offset 0');
    rejects('<a href=http://e.com>y</a>', 'Unexpected end of name token at byte offset 8');
  });

  test('unknown attributes are ignored', () => {
    assert.deepEqual(html('<b class="x" id=y data-z>a</b>').entities, [
      { type: 'bold', offset: 0, length: 1 },
    ]);
  });
});

describe('parse modes', () => {
  test('an unknown parse mode', () => {
    assert.throws(
      () => parseFormattedText('x', 'Markdown2'),
      (error: unknown) =>
        error instanceof EntityParseError && error.description === 'Bad Request: unsupported parse_mode',
    );
  });

  test('an empty mode or "none" leaves the text alone', () => {
    assert.deepEqual(parseFormattedText('<b>x</b>', ''), { text: '<b>x</b>', entities: [] });
    assert.deepEqual(parseFormattedText('<b>x</b>', 'None'), { text: '<b>x</b>', entities: [] });
  });
});
