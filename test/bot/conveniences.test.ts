/**
 * PTB's conveniences on Bot methods, asserted on what reaches a loopback Bot API server:
 * reply_to_message_id / allow_sending_without_reply, the album caption of sendMediaGroup and the
 * current_offset pagination of answerInlineQuery.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { PARAMS_CONVENIENCES } from '../../src/conveniences.js';
import { Defaults, ExtBot } from '../../src/ext/index.js';
import {
  Bot,
  type BotApi,
  type InlineQueryResultInit,
  InputFile,
  InputMediaPhoto,
  InvalidArgumentError,
  METHODS,
  type MediaGroupCaptionOptions,
  type ReplyToOptions,
  type SendMediaGroupOptions,
  type SendMessageOptions,
} from '../../src/index.js';
import {
  type Exchange,
  FAKE_TOKEN,
  FakeApiServer,
  type RecordedRequest,
} from '../helpers/fake-api-server.js';
import { jpegImage } from '../helpers/images.js';

const TINY_JPEG = jpegImage(2, 2);

const MESSAGE = { message_id: 10, date: 1_700_000_000, chat: { id: 42, type: 'private', first_name: 'A' } };

function methodOf(r: RecordedRequest): string {
  return r.path.split('/').pop() ?? '';
}

function bodyText(r: RecordedRequest | undefined): string {
  return r?.body?.toString('utf8') ?? '';
}

function jsonOf(r: RecordedRequest | undefined): Record<string, unknown> {
  return JSON.parse(bodyText(r)) as Record<string, unknown>;
}

function answer(exchange: Exchange): void {
  switch (methodOf(exchange.recorded)) {
    case 'sendMediaGroup':
      exchange.json(200, { ok: true, result: [MESSAGE, { ...MESSAGE, message_id: 11 }] });
      return;
    case 'answerInlineQuery':
      exchange.json(200, { ok: true, result: true });
      return;
    case 'copyMessage':
      exchange.json(200, { ok: true, result: { message_id: 12 } });
      return;
    default:
      exchange.json(200, { ok: true, result: MESSAGE });
  }
}

const article = (id: number): InlineQueryResultInit => ({
  type: 'article',
  id: String(id),
  title: `Result ${id}`,
  input_message_content: { message_text: `text ${id}` },
});
const many = Array.from({ length: 120 }, (_, i) => article(i));
const ids = (params: Record<string, unknown>): string[] =>
  (params.results as Array<{ id: string }>).map((r) => r.id);

describe('Bot conveniences over loopback HTTP', () => {
  let server: FakeApiServer;
  let bot: Bot;
  const last = (): RecordedRequest | undefined => server.requests.at(-1);

  before(async () => {
    server = await FakeApiServer.start(answer);
    bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
  });
  after(async () => {
    await bot.shutdown();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  describe('reply_to_message_id and allow_sending_without_reply', () => {
    test('become reply_parameters; neither is sent at the top level', async () => {
      await bot.sendMessage(42, 'hi', { reply_to_message_id: 7 });
      const plain = jsonOf(last());
      assert.deepEqual(plain.reply_parameters, { message_id: 7 });
      assert.equal('reply_to_message_id' in plain, false);
      await bot.sendMessage(42, 'hi', { reply_to_message_id: 8, allow_sending_without_reply: false });
      const withAllow = jsonOf(last());
      assert.deepEqual(withAllow.reply_parameters, { message_id: 8, allow_sending_without_reply: false });
      assert.equal('allow_sending_without_reply' in withAllow, false);
    });

    test('apply to every method with reply_parameters, e.g. copyMessage and sendPoll', async () => {
      const id = await bot.copyMessage(42, 43, 5, {
        reply_to_message_id: 3,
        allow_sending_without_reply: true,
      });
      assert.equal(id.message_id, 12);
      assert.deepEqual(jsonOf(last()).reply_parameters, { message_id: 3, allow_sending_without_reply: true });
      await bot.sendPoll(42, 'Q?', [{ text: 'a' }, { text: 'b' }], { reply_to_message_id: 4 });
      assert.equal(methodOf(last() as RecordedRequest), 'sendPoll');
      assert.deepEqual(jsonOf(last()).reply_parameters, { message_id: 4 });
      const table = [...PARAMS_CONVENIENCES.keys()].sort();
      const withReply = Object.values(METHODS)
        .filter((m) => m.params.some((p) => p.name === 'reply_parameters'))
        .map((m) => m.name)
        .sort();
      assert.ok(withReply.length > 20);
      assert.deepEqual(table, withReply);
    });

    test('go through callApi too, and travel in multipart uploads', async () => {
      await bot.callApi('sendMessage', { chat_id: 42, text: 'raw', reply_to_message_id: 9 });
      assert.deepEqual(jsonOf(last()).reply_parameters, { message_id: 9 });
      await bot.sendDocument(42, new InputFile(Buffer.from('bytes'), { filename: 'a.txt' }), {
        reply_to_message_id: 6,
      });
      assert.match(String(last()?.headers['content-type']), /^multipart\/form-data/);
      const text = bodyText(last());
      assert.match(text, /name="reply_parameters"\r\n\r\n\{"message_id":6\}\r\n/);
      assert.doesNotMatch(text, /name="reply_to_message_id"/);
    });

    test('allow_sending_without_reply alone has nothing to apply to and is dropped (as in PTB)', async () => {
      await bot.sendMessage(42, 'hi', { allow_sending_without_reply: true });
      const body = jsonOf(last());
      assert.equal('allow_sending_without_reply' in body, false);
      assert.equal('reply_parameters' in body, false);
    });

    test('conflicting or malformed input fails before anything is sent', async () => {
      const cases: Array<[SendMessageOptions, string]> = [
        [{ reply_to_message_id: 1, reply_parameters: { message_id: 2 } }, 'reply_to_message_id'],
        [
          { allow_sending_without_reply: true, reply_parameters: { message_id: 2 } },
          'allow_sending_without_reply',
        ],
        [{ reply_to_message_id: 1.5 }, 'reply_to_message_id'],
      ];
      for (const [options, parameter] of cases) {
        await assert.rejects(bot.sendMessage(42, 'x', options), (error: unknown) => {
          assert.ok(error instanceof InvalidArgumentError);
          assert.equal(error.parameter, parameter);
          assert.equal(error.method, 'sendMessage');
          return true;
        });
      }
      await assert.rejects(
        bot.sendMessage(42, 'x', { reply_to_message_id: 1, allow_sending_without_reply: 'yes' as never }),
        InvalidArgumentError,
      );
      assert.equal(server.requests.length, 0);
    });

    test('a bot with defaults fills allow_sending_without_reply unless the call says', async () => {
      const ext = new ExtBot(FAKE_TOKEN, {
        baseUrl: `${server.origin}/bot`,
        defaults: new Defaults({ allowSendingWithoutReply: true }),
      });
      try {
        await ext.sendMessage(42, 'hi', { reply_to_message_id: 7 });
        assert.deepEqual(jsonOf(last()).reply_parameters, {
          message_id: 7,
          allow_sending_without_reply: true,
        });
        await ext.sendMessage(42, 'hi', { reply_to_message_id: 7, allow_sending_without_reply: false });
        assert.deepEqual(jsonOf(last()).reply_parameters, {
          message_id: 7,
          allow_sending_without_reply: false,
        });
      } finally {
        await ext.shutdown();
      }
    });
  });

  describe('sendMediaGroup album caption', () => {
    const photos = [
      { type: 'photo', media: 'photo-1' },
      { type: 'photo', media: 'photo-2' },
    ] as const;

    test('goes onto a copy of the first item with its parse mode and entities', async () => {
      const messages = await bot.sendMediaGroup(42, photos, {
        caption: '<b>Trip</b>',
        parse_mode: 'HTML',
        reply_to_message_id: 3,
      });
      assert.equal(messages.length, 2);
      const body = jsonOf(last());
      assert.deepEqual(body.media, [
        { type: 'photo', media: 'photo-1', caption: '<b>Trip</b>', parse_mode: 'HTML' },
        { type: 'photo', media: 'photo-2' },
      ]);
      assert.deepEqual(body.reply_parameters, { message_id: 3 });
      for (const key of ['caption', 'parse_mode', 'caption_entities']) assert.equal(key in body, false, key);
      assert.deepEqual(photos[0], { type: 'photo', media: 'photo-1' });

      const entities = [{ type: 'bold', offset: 0, length: 4 }] as const;
      await bot.sendMediaGroup(42, photos, { caption: 'Trip', caption_entities: entities });
      assert.deepEqual((jsonOf(last()).media as unknown[])[0], {
        type: 'photo',
        media: 'photo-1',
        caption: 'Trip',
        caption_entities: entities,
      });
    });

    test('works with media objects and uploads', async () => {
      const first = new InputMediaPhoto({
        type: 'photo',
        media: new InputFile(TINY_JPEG, { filename: 'a.jpg' }),
        has_spoiler: true,
      });
      await bot.sendMediaGroup(42, [first, new InputMediaPhoto({ type: 'photo', media: 'photo-2' })], {
        caption: 'Album',
      });
      const text = bodyText(last());
      const mediaPart = /name="media"\r\n\r\n(.*)\r\n/.exec(text)?.[1] ?? '';
      const media = JSON.parse(mediaPart) as Array<Record<string, unknown>>;
      assert.equal(media[0]?.caption, 'Album');
      assert.equal(media[0]?.has_spoiler, true);
      assert.match(String(media[0]?.media), /^attach:\/\//);
      assert.deepEqual(media[1], { type: 'photo', media: 'photo-2' });
      assert.ok(last()?.body?.includes(TINY_JPEG), 'the photo is uploaded');
      assert.equal(first.caption, undefined);
    });

    test('a bot with a default parse mode gives it to the caption', async () => {
      const ext = new ExtBot(FAKE_TOKEN, {
        baseUrl: `${server.origin}/bot`,
        defaults: new Defaults({ parseMode: 'MarkdownV2' }),
      });
      try {
        await ext.sendMediaGroup(42, photos, { caption: '*Trip*' });
        const media = jsonOf(last()).media as Array<Record<string, unknown>>;
        assert.equal(media[0]?.caption, '*Trip*');
        assert.equal(media[0]?.parse_mode, 'MarkdownV2');
        await ext.sendMediaGroup(42, photos, { caption: 'Trip', parse_mode: 'HTML' });
        assert.equal((jsonOf(last()).media as Array<Record<string, unknown>>)[0]?.parse_mode, 'HTML');
      } finally {
        await ext.shutdown();
      }
    });

    test('a caption on the media too, or a parse mode without a caption, fails before sending', async () => {
      await assert.rejects(
        bot.sendMediaGroup(
          42,
          [
            { type: 'photo', media: 'p1' },
            { type: 'photo', media: 'p2', caption: 'own' },
          ],
          {
            caption: 'group',
          },
        ),
        (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'caption',
      );
      await assert.rejects(
        bot.sendMediaGroup(42, photos, { parse_mode: 'HTML' }),
        (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'parse_mode',
      );
      await assert.rejects(bot.sendMediaGroup(42, [], { caption: 'nothing' }), InvalidArgumentError);
      assert.equal(server.requests.length, 0);
    });
  });

  describe('answerInlineQuery current_offset', () => {
    test('pages a list 50 at a time and fills next_offset; current_offset is not sent', async () => {
      await bot.answerInlineQuery('q', many, { current_offset: '', cache_time: 5 });
      let body = jsonOf(last());
      assert.deepEqual(
        ids(body),
        many.slice(0, 50).map((r) => r.id),
      );
      assert.equal(body.next_offset, '1');
      assert.equal(body.cache_time, 5);
      assert.equal('current_offset' in body, false);
      await bot.answerInlineQuery('q', many, { current_offset: '2' });
      body = jsonOf(last());
      assert.deepEqual(
        ids(body),
        many.slice(100).map((r) => r.id),
      );
      assert.equal(body.next_offset, '');
    });

    test('asks a function for the page; an empty page ends the pages', async () => {
      const asked: number[] = [];
      const pages = (page: number): InlineQueryResultInit[] | undefined => {
        asked.push(page);
        return page < 2 ? [article(page)] : undefined;
      };
      await bot.answerInlineQuery('q', pages, { current_offset: '1' });
      assert.deepEqual(ids(jsonOf(last())), ['1']);
      assert.equal(jsonOf(last()).next_offset, '2');
      await bot.answerInlineQuery('q', pages, { current_offset: '2' });
      assert.deepEqual(ids(jsonOf(last())), []);
      assert.equal(jsonOf(last()).next_offset, '');
      assert.deepEqual(asked, [1, 2]);
    });

    test('without current_offset the results and next_offset go as given', async () => {
      await bot.answerInlineQuery('q', many.slice(0, 3), { next_offset: 'custom' });
      const body = jsonOf(last());
      assert.deepEqual(ids(body), ['0', '1', '2']);
      assert.equal(body.next_offset, 'custom');
    });

    test('conflicting or malformed pagination input fails before sending', async () => {
      const expectError = (parameter: string) => (error: unknown) =>
        error instanceof InvalidArgumentError && error.parameter === parameter;
      await assert.rejects(
        bot.answerInlineQuery('q', many, { current_offset: '1', next_offset: '3' }),
        expectError('next_offset'),
      );
      await assert.rejects(
        bot.answerInlineQuery('q', many, { current_offset: 'abc' }),
        expectError('current_offset'),
      );
      await assert.rejects(
        bot.answerInlineQuery('q', () => [article(1)]),
        expectError('results'),
      );
      assert.equal(server.requests.length, 0);
    });
  });
});

// Type-level checks (compiled by `npm run typecheck`).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

/** True for the object members of `T` that have key `K`. */
type HasKey<T, K extends PropertyKey> = T extends object ? (K extends keyof T ? true : never) : never;
type ArgsHaving<K extends PropertyKey> = {
  [M in keyof BotApi]: BotApi[M] extends (...args: infer P) => unknown
    ? true extends HasKey<P[number], K>
      ? M
      : never
    : never;
}[keyof BotApi];

export function typeChecks(): void {
  // Every method whose options take reply_parameters also takes PTB's reply options.
  expectType<Equal<Exclude<ArgsHaving<'reply_parameters'>, ArgsHaving<'reply_to_message_id'>>, never>>(true);
  expectType<
    'sendMessage' | 'copyMessage' | 'sendMediaGroup' extends ArgsHaving<'reply_parameters'> ? true : false
  >(true);
  expectType<Equal<SendMessageOptions['reply_to_message_id'], ReplyToOptions['reply_to_message_id']>>(true);
  expectType<Equal<SendMediaGroupOptions['caption'], MediaGroupCaptionOptions['caption']>>(true);
  // Methods without reply_parameters gain nothing.
  expectType<
    'reply_to_message_id' extends keyof import('../../src/index.js').EditMessageTextOptions ? false : true
  >(true);
  const bot = new Bot(FAKE_TOKEN);
  // @ts-expect-error reply_to_message_id is a message id
  void bot.sendMessage(1, 'x', { reply_to_message_id: '5' });
  // @ts-expect-error an album caption is text
  void bot.sendMediaGroup(1, [{ type: 'photo', media: 'p' }], { caption: 5 });
  // @ts-expect-error current_offset is the query's offset string
  void bot.answerInlineQuery('q', [], { current_offset: 1 });
  void bot.answerInlineQuery('q', (page) => (page === 0 ? [article(1)] : null), { current_offset: '' });
}
