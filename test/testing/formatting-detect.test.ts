import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findTextEntities,
  type MessageEntityJSON,
  mergeDetectedEntities,
  normalizeFormattedText,
  parseFormattedText,
} from '../../src/testing/formatting/index.js';

/** The detected entities as `type:text` strings, easy to read in assertions. */
function found(text: string): string[] {
  return findTextEntities(text).map((e) => `${e.type}:${text.slice(e.offset, e.offset + e.length)}`);
}

describe('findTextEntities: commands, mentions, hashtags, cashtags', () => {
  test('bot commands', () => {
    assert.deepEqual(findTextEntities('/start'), [{ type: 'bot_command', offset: 0, length: 6 }]);
    assert.deepEqual(found('/start@my_bot arg /help, /x_1'), [
      'bot_command:/start@my_bot',
      'bot_command:/help',
      'bot_command:/x_1',
    ]);
    assert.deepEqual(found('a/b </b> /start/x /start@ab 1/2'), []);
  });

  test('commands can be left out', () => {
    assert.deepEqual(findTextEntities('/start', { botCommands: false }), []);
  });

  test('mentions', () => {
    assert.deepEqual(found('hi @durov! @durov_bot, a@nope @ab @gif'), [
      'mention:@durov',
      'mention:@durov_bot',
      'mention:@gif',
    ]);
    assert.deepEqual(found(`@${'a'.repeat(33)}`), []);
  });

  test('hashtags need a letter and may name a chat', () => {
    assert.deepEqual(found('#tag #123 #tag@channel a#b #тег #a#b'), [
      'hashtag:#tag',
      'hashtag:#tag@channel',
      'hashtag:#тег',
    ]);
  });

  test('cashtags are upper-case, up to eight letters, or 1INCH', () => {
    assert.deepEqual(found('$USD $usd $1INCH $TOOLONGXX a$USD $BTC@chat'), [
      'cashtag:$USD',
      'cashtag:$1INCH',
      'cashtag:$BTC@chat',
    ]);
  });

  test('offsets count UTF-16 code units after emoji', () => {
    assert.deepEqual(findTextEntities('👍🏽 /start'), [{ type: 'bot_command', offset: 5, length: 6 }]);
  });
});

describe('findTextEntities: URLs and e-mail addresses', () => {
  test('URLs with a scheme, or a known top-level domain', () => {
    assert.deepEqual(found('see https://example.com/path?q=1. and t.me/durov, www.google.com!'), [
      'url:https://example.com/path?q=1',
      'url:t.me/durov',
      'url:www.google.com',
    ]);
  });

  test('unknown top-level domains need a scheme', () => {
    assert.deepEqual(found('example.unknowntld http://example.unknowntld v1.2 file.txt'), [
      'url:http://example.unknowntld',
    ]);
  });

  test('IP addresses and ports; unsupported schemes', () => {
    assert.deepEqual(found('127.0.0.1:8080/x 999.1.1.1 ssh://host.com'), ['url:127.0.0.1:8080/x']);
  });

  test('unbalanced closing brackets and trailing punctuation end the URL', () => {
    assert.deepEqual(found('(see https://e.com/a_(b)) ok'), ['url:https://e.com/a_(b)']);
    assert.deepEqual(found('go to https://e.com/?'), ['url:https://e.com/']);
  });

  test('tg:// links', () => {
    assert.deepEqual(found('open tg://resolve?domain=durov.'), ['url:tg://resolve?domain=durov']);
  });

  test('e-mail addresses', () => {
    assert.deepEqual(found('mail a.b+c@example.com or x@y'), ['email:a.b+c@example.com']);
    assert.deepEqual(found('me@mail.example.co.uk, a@b.c'), ['email:me@mail.example.co.uk']);
  });
});

describe('detected entities in sent messages', () => {
  test('they are added around formatting, which is split at their bounds', () => {
    assert.deepEqual(normalizeFormattedText(parseFormattedText('<b>visit t.me now</b>', 'HTML')).entities, [
      { type: 'bold', offset: 0, length: 6 },
      { type: 'url', offset: 6, length: 4 },
      { type: 'bold', offset: 6, length: 4 },
      { type: 'bold', offset: 10, length: 4 },
    ]);
  });

  test('they are not added inside links or code', () => {
    const sent = normalizeFormattedText(
      parseFormattedText('<a href="https://a.com">t.me</a> <code>/start</code>', 'HTML'),
    );
    assert.deepEqual(sent.entities, [
      { type: 'text_link', offset: 0, length: 4, url: 'https://a.com/' },
      { type: 'code', offset: 5, length: 6 },
    ]);
    const code = normalizeFormattedText(parseFormattedText('`/start` @durov', 'MarkdownV2'));
    assert.deepEqual(code.entities, [
      { type: 'code', offset: 0, length: 6 },
      { type: 'mention', offset: 7, length: 6 },
    ]);
  });

  test('they may be switched off', () => {
    assert.deepEqual(
      normalizeFormattedText({ text: '/start', entities: [] }, { detectEntities: false }).entities,
      [],
    );
    assert.deepEqual(
      normalizeFormattedText({ text: '/start', entities: [] }, { botCommands: false }).entities,
      [],
    );
  });

  test('a detected entity crossing a quotation bound is dropped', () => {
    const quote: MessageEntityJSON = { type: 'blockquote', offset: 0, length: 3 };
    assert.deepEqual(mergeDetectedEntities([quote], [{ type: 'mention', offset: 2, length: 5 }]), [quote]);
    assert.deepEqual(mergeDetectedEntities([quote], [{ type: 'hashtag', offset: 0, length: 2 }]), [
      quote,
      { type: 'hashtag', offset: 0, length: 2 },
    ]);
  });
});
