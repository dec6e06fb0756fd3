/**
 * PTB-style constructors (`new InlineKeyboardButton('Go', { callback_data: 'go' })`,
 * `new ForceReply()`, `new InputMediaPhoto(media, { caption })`): each builds exactly the object the
 * plain fields form builds, field order included, so the request Telegram gets is the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Bot,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  InputFile,
  InputMedia,
  InputMediaAnimation,
  InputMediaAudio,
  InputMediaDocument,
  InputMediaLivePhoto,
  InputMediaPhoto,
  InputMediaVideo,
  InputPaidMedia,
  InputPaidMediaLivePhoto,
  InputPaidMediaPhoto,
  InputPaidMediaVideo,
  InputSticker,
  InvalidFieldError,
  KeyboardButton,
  LinkPreviewOptions,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ReplyParameters,
  type TelegramObject,
} from '../../src/index.js';
import '../../src/objects/shortcuts.js';
import { Emulator } from '../../src/testing/index.js';
import { Harness } from './harness.js';

/** The two forms give the same object: same class, same JSON (key order too), equal both ways. */
function assertSame(ptb: TelegramObject, plain: TelegramObject): void {
  assert.equal(ptb.constructor, plain.constructor);
  assert.deepEqual(ptb.toJSON(), plain.toJSON());
  assert.equal(JSON.stringify(ptb), JSON.stringify(plain));
  assert.ok(ptb.equals(plain) && plain.equals(ptb));
  assert.equal(ptb.equalityKey(), plain.equalityKey());
  assert.ok(Object.isFrozen(ptb));
}

describe('keyboards', () => {
  test('ReplyKeyboardRemove and ForceReply set their flag themselves', () => {
    assertSame(new ReplyKeyboardRemove(), new ReplyKeyboardRemove({ remove_keyboard: true }));
    assert.equal(JSON.stringify(new ReplyKeyboardRemove()), '{"remove_keyboard":true}');
    assertSame(
      new ReplyKeyboardRemove({ selective: true }),
      new ReplyKeyboardRemove({ remove_keyboard: true, selective: true }),
    );
    assertSame(new ForceReply(), new ForceReply({ force_reply: true }));
    const ptb = new ForceReply({ selective: true, input_field_placeholder: 'Your name' });
    assertSame(
      ptb,
      new ForceReply({ force_reply: true, selective: true, input_field_placeholder: 'Your name' }),
    );
    assert.equal(ptb.force_reply, true);
    assert.equal(
      JSON.stringify(ptb),
      '{"force_reply":true,"selective":true,"input_field_placeholder":"Your name"}',
    );
  });

  test('InlineKeyboardButton and InlineKeyboardMarkup take their text and rows first', () => {
    const go = new InlineKeyboardButton('Go', { callback_data: 'go' });
    assertSame(go, new InlineKeyboardButton({ text: 'Go', callback_data: 'go' }));
    assert.equal(go.text, 'Go');
    assert.equal(go.callback_data, 'go');
    assertSame(new InlineKeyboardButton('Bare'), new InlineKeyboardButton({ text: 'Bare' }));
    const site = new InlineKeyboardButton('Site', { url: 'https://example.org' });

    const markup = new InlineKeyboardMarkup([[go, site], [{ text: 'Plain', callback_data: 'p' }]]);
    assertSame(
      markup,
      new InlineKeyboardMarkup({
        inline_keyboard: [
          [
            { text: 'Go', callback_data: 'go' },
            { text: 'Site', url: 'https://example.org' },
          ],
          [{ text: 'Plain', callback_data: 'p' }],
        ],
      }),
    );
    assert.equal(markup.inline_keyboard[0]?.[0], go, 'buttons given as objects are kept as they are');
    assert.ok(markup.inline_keyboard[1]?.[0] instanceof InlineKeyboardButton);
  });

  test('ReplyKeyboardMarkup takes rows of texts or buttons, then its options', () => {
    const ptb = new ReplyKeyboardMarkup(
      [['Yes', 'No'], [new KeyboardButton('Share', { request_contact: true })]],
      {
        one_time_keyboard: true,
        input_field_placeholder: 'Answer',
      },
    );
    const plain = new ReplyKeyboardMarkup({
      keyboard: [[{ text: 'Yes' }, { text: 'No' }], [{ text: 'Share', request_contact: true }]],
      one_time_keyboard: true,
      input_field_placeholder: 'Answer',
    });
    assertSame(ptb, plain);
    assert.ok(ptb.keyboard[0]?.[0] instanceof KeyboardButton);
    assert.equal(ptb.keyboard[0]?.[0]?.text, 'Yes');
    assertSame(
      new ReplyKeyboardMarkup([['Only']]),
      new ReplyKeyboardMarkup({ keyboard: [[{ text: 'Only' }]] }),
    );
    assertSame(new KeyboardButton('Hi'), new KeyboardButton({ text: 'Hi' }));
  });

  test('the keyboard builders give what the constructors give', () => {
    const options = { resize_keyboard: true, is_persistent: true };
    assertSame(
      ReplyKeyboardMarkup.fromGrid([['a', 'b'], ['c']], options),
      new ReplyKeyboardMarkup([['a', 'b'], ['c']], options),
    );
    assertSame(ReplyKeyboardMarkup.fromColumn(['a', 'b']), new ReplyKeyboardMarkup([['a'], ['b']]));
    const go = new InlineKeyboardButton('Go', { callback_data: 'go' });
    assertSame(InlineKeyboardMarkup.fromButton(go), new InlineKeyboardMarkup([[go]]));
  });

  test('options keep unknown fields in apiKwargs, as the fields form does', () => {
    const ptb = new InlineKeyboardButton('Go', { callback_data: 'go', apiKwargs: { future_flag: true } });
    const plain = new InlineKeyboardButton({
      text: 'Go',
      callback_data: 'go',
      apiKwargs: { future_flag: true },
    });
    assertSame(ptb, plain);
    assert.deepEqual(ptb.apiKwargs, { future_flag: true });
    const untyped = new InlineKeyboardButton('Go', { callback_data: 'go', newer_field: 1 } as never);
    assert.deepEqual(untyped.apiKwargs, { newer_field: 1 });
    assert.deepEqual(untyped.toJSON(), { text: 'Go', callback_data: 'go', newer_field: 1 });
  });
});

describe('reply parameters and link previews', () => {
  test('ReplyParameters takes the message id first', () => {
    const ptb = new ReplyParameters(42, { chat_id: -100123, quote: 'hi' });
    assertSame(ptb, new ReplyParameters({ message_id: 42, chat_id: -100123, quote: 'hi' }));
    assert.equal(JSON.stringify(ptb), '{"message_id":42,"chat_id":-100123,"quote":"hi"}');
    assertSame(new ReplyParameters(7), new ReplyParameters({ message_id: 7 }));
  });

  test('LinkPreviewOptions is built from its fields, all optional', () => {
    const options = new LinkPreviewOptions({ is_disabled: true });
    assert.equal(JSON.stringify(options), '{"is_disabled":true}');
    assert.deepEqual(new LinkPreviewOptions().toJSON(), {});
  });
});

describe('input media', () => {
  const cases = [
    {
      ptb: () => new InputMediaPhoto('photo-id', { caption: 'A photo', has_spoiler: true }),
      plain: () =>
        new InputMediaPhoto({ type: 'photo', media: 'photo-id', caption: 'A photo', has_spoiler: true }),
    },
    {
      ptb: () => new InputMediaVideo('video-id', { supports_streaming: true, duration: 3 }),
      plain: () =>
        new InputMediaVideo({ type: 'video', media: 'video-id', supports_streaming: true, duration: 3 }),
    },
    {
      ptb: () => new InputMediaAudio('audio-id', { title: 'Song' }),
      plain: () => new InputMediaAudio({ type: 'audio', media: 'audio-id', title: 'Song' }),
    },
    {
      ptb: () => new InputMediaDocument('doc-id'),
      plain: () => new InputMediaDocument({ type: 'document', media: 'doc-id' }),
    },
    {
      ptb: () => new InputMediaAnimation('gif-id', { caption: 'Cat', parse_mode: 'HTML' }),
      plain: () =>
        new InputMediaAnimation({ type: 'animation', media: 'gif-id', caption: 'Cat', parse_mode: 'HTML' }),
    },
    {
      ptb: () => new InputMediaLivePhoto('live-video', 'live-photo', { caption: 'Live' }),
      plain: () =>
        new InputMediaLivePhoto({
          type: 'live_photo',
          media: 'live-video',
          photo: 'live-photo',
          caption: 'Live',
        }),
    },
    {
      ptb: () => new InputPaidMediaPhoto('photo-id'),
      plain: () => new InputPaidMediaPhoto({ type: 'photo', media: 'photo-id' }),
    },
    {
      ptb: () => new InputPaidMediaVideo('video-id', { width: 640, height: 480 }),
      plain: () => new InputPaidMediaVideo({ type: 'video', media: 'video-id', width: 640, height: 480 }),
    },
    {
      ptb: () => new InputPaidMediaLivePhoto('live-video', 'live-photo'),
      plain: () =>
        new InputPaidMediaLivePhoto({ type: 'live_photo', media: 'live-video', photo: 'live-photo' }),
    },
  ];

  test('each class fills in its type; media comes first', () => {
    for (const { ptb, plain } of cases) assertSame(ptb(), plain());
    assert.equal(
      JSON.stringify(new InputMediaPhoto('photo-id', { caption: 'c' })),
      '{"type":"photo","media":"photo-id","caption":"c"}',
    );
  });

  test('the fields form may leave the type out too', () => {
    const photo = new InputMediaPhoto({ media: 'photo-id', caption: 'c' });
    assert.equal(photo.type, 'photo');
    assertSame(photo, new InputMediaPhoto({ type: 'photo', media: 'photo-id', caption: 'c' }));
    assert.equal(new InputPaidMediaVideo({ media: 'v' }).type, 'video');
  });

  test('a file given as an object is the media, not the fields', () => {
    const file = new InputFile(Buffer.from('bytes'), { filename: 'a.jpg' });
    const fromFile = new InputMediaPhoto(file, { caption: 'upload' });
    assert.equal(fromFile.media, file);
    assert.equal(fromFile.caption, 'upload');
    // An InputFile refuses JSON.stringify (the request uploads it), so compare the objects.
    const plain = new InputMediaPhoto({ type: 'photo', media: file, caption: 'upload' });
    assert.deepEqual(fromFile.toJSON(), plain.toJSON());
    assert.deepEqual(Object.keys(fromFile), Object.keys(plain));
    assert.ok(fromFile.equals(plain));

    const bytes = new Uint8Array([1, 2, 3]);
    assert.equal(new InputMediaDocument(bytes).media, bytes);

    const size = new PhotoSize({ file_id: 'fid', file_unique_id: 'u', width: 1, height: 1 });
    assert.equal(new InputMediaPhoto(size).media, size);
    const holder = { file_id: 'fid' };
    const fromHolder = new InputMediaPhoto(holder, { caption: 'again' });
    assert.equal(fromHolder.media, holder);
    assert.equal(fromHolder.caption, 'again');
  });

  test('fromJSON resolves and round-trips what the PTB form builds', () => {
    for (const { ptb } of cases) {
      const built = ptb();
      const json = JSON.parse(JSON.stringify(built)) as unknown;
      const union = built instanceof InputMedia ? InputMedia : InputPaidMedia;
      const back = union.fromJSON(json);
      assert.equal(back.constructor, built.constructor);
      assert.ok(back.equals(built));
      assert.equal(JSON.stringify(back), JSON.stringify(built));
    }
    const reply = ForceReply.fromJSON({ force_reply: true, selective: true });
    assertSame(reply, new ForceReply({ selective: true }));
    const markup = ReplyKeyboardMarkup.fromJSON(JSON.parse(JSON.stringify(new ReplyKeyboardMarkup([['a']]))));
    assertSame(markup, new ReplyKeyboardMarkup([['a']]));
  });

  test('InputSticker takes sticker, emoji list and format first', () => {
    const ptb = new InputSticker('sticker-id', ['🙂', '😀'], 'static', { keywords: ['smile'] });
    const plain = new InputSticker({
      sticker: 'sticker-id',
      emoji_list: ['🙂', '😀'],
      format: 'static',
      keywords: ['smile'],
    });
    assertSame(ptb, plain);
    assert.equal(
      JSON.stringify(ptb),
      '{"sticker":"sticker-id","emoji_list":["🙂","😀"],"format":"static","keywords":["smile"]}',
    );
  });
});

describe('bad input fails as clearly as in the fields form', () => {
  function errorOf(build: () => unknown): InvalidFieldError {
    try {
      build();
    } catch (error) {
      assert.ok(error instanceof InvalidFieldError, String(error));
      return error;
    }
    assert.fail('expected an InvalidFieldError');
  }

  test('a missing required field is named', () => {
    const missingText = errorOf(() => new InlineKeyboardButton({ callback_data: 'x' } as never));
    assert.equal(missingText.message, 'InlineKeyboardButton.text is required but missing');
    assert.equal(
      errorOf(() => new InlineKeyboardButton(undefined as never, { callback_data: 'x' })).message,
      'InlineKeyboardButton.text is required but missing',
    );
    assert.equal(
      errorOf(() => new InputMediaPhoto({ caption: 'no media' } as never)).message,
      'InputMediaPhoto.media is required but missing',
    );
    assert.equal(
      errorOf(() => new InputMediaLivePhoto('video', undefined as never)).message,
      'InputMediaLivePhoto.photo is required but missing',
    );
    assert.equal(
      errorOf(() => new InputSticker('sticker-id', ['🙂'], undefined as never)).message,
      'InputSticker.format is required but missing',
    );
  });

  test('a positional value of the wrong type is named with its field', () => {
    assert.equal(
      errorOf(() => new InlineKeyboardButton(42 as never)).message,
      'InlineKeyboardButton.text must be a string, got number 42',
    );
    assert.equal(
      errorOf(() => new ReplyParameters('42' as never)).message,
      'ReplyParameters.message_id must be an integer, got the string "42"',
    );
    assert.equal(
      errorOf(() => new ReplyKeyboardMarkup([['ok', 5]] as never)).path,
      'ReplyKeyboardMarkup.keyboard',
    );
    assert.equal(
      errorOf(() => new InlineKeyboardMarkup([[{ callback_data: 'x' }]] as never)).message,
      'InlineKeyboardButton.text is required but missing',
    );
    assert.equal(
      errorOf(() => new InputSticker('sticker-id', 'not a list' as never, 'static')).path,
      'InputSticker.emoji_list',
    );
  });
});

describe('on the wire', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.close();
  });

  test('a request carries the same parameters for either form', async () => {
    const forms = [
      [
        new InlineKeyboardMarkup([[new InlineKeyboardButton('Go', { callback_data: 'go' })]]),
        new InlineKeyboardMarkup({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] }),
      ],
      [new ForceReply({ selective: true }), new ForceReply({ force_reply: true, selective: true })],
      [new ReplyKeyboardRemove(), new ReplyKeyboardRemove({ remove_keyboard: true })],
      [
        new ReplyKeyboardMarkup([['Yes']], { one_time_keyboard: true }),
        new ReplyKeyboardMarkup({ keyboard: [[{ text: 'Yes' }]], one_time_keyboard: true }),
      ],
    ] as const;
    for (const [ptb, plain] of forms) {
      await h.bot.sendMessage(1, 'x', { reply_markup: ptb, reply_parameters: new ReplyParameters(5) });
      const sent = h.last().params;
      await h.bot.sendMessage(1, 'x', { reply_markup: plain, reply_parameters: { message_id: 5 } });
      assert.deepEqual(sent, h.last().params);
      assert.deepEqual(sent.reply_markup, plain.toJSON());
    }
    await h.bot.sendMediaGroup(1, [new InputMediaPhoto('p1', { caption: 'one' }), new InputMediaPhoto('p2')]);
    assert.deepEqual(h.last().params.media, [
      { type: 'photo', media: 'p1', caption: 'one' },
      { type: 'photo', media: 'p2' },
    ]);
  });
});

describe('against the emulator', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start();
  });
  after(async () => {
    await emu.stop();
  });

  test('a PTB-style inline keyboard is shown and its button sends its data back', async () => {
    const info = await emu.createBot({ username: 'ctor_bot' });
    const alice = await emu.createUser({ firstName: 'Alice' });
    const bot = new Bot(info.token, { baseUrl: emu.baseUrl });
    try {
      await alice.sendCommand(info, '/start');
      const start = await bot.getUpdates();
      const chatId = start[0]?.message?.chat.id;
      assert.ok(chatId !== undefined);
      const keyboard = new InlineKeyboardMarkup([[new InlineKeyboardButton('Go', { callback_data: 'go' })]]);
      await bot.sendMessage(chatId, 'Ready?', { reply_markup: keyboard });
      const shown = await alice.expectMessage({ text: 'Ready?', timeoutMs: 5000 });
      assert.deepEqual(shown.reply_markup, { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] });

      await alice.clickButton(shown, 'Go', { timeoutMs: 50 });
      const updates = await bot.getUpdates({ offset: (start.at(-1)?.update_id ?? 0) + 1 });
      const query = updates.find((u) => u.callback_query !== undefined)?.callback_query;
      assert.equal(query?.data, 'go');

      await bot.sendMessage(chatId, 'Pick', {
        reply_markup: new ReplyKeyboardMarkup([['Red', 'Blue']], { one_time_keyboard: true }),
      });
      await alice.expectMessage({ text: 'Pick', timeoutMs: 5000 });
      assert.deepEqual(
        (await alice.keyboard(info))?.keyboard.map((row) =>
          row.map((b) => (typeof b === 'string' ? b : b.text)),
        ),
        [['Red', 'Blue']],
      );
      await bot.sendMessage(chatId, 'Done', { reply_markup: new ReplyKeyboardRemove() });
      await alice.expectMessage({ text: 'Done', timeoutMs: 5000 });
      assert.equal(await alice.keyboard(info), undefined, 'ReplyKeyboardRemove() removes the keyboard');
    } finally {
      await bot.shutdown();
    }
  });
});
