import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ShortcutDefaults } from '../../src/bot.js';
import {
  Bot,
  GameHighScore,
  type InlineQueryResultInit,
  InvalidArgumentError,
  Message,
  MessageEntity,
  MessageId,
  Poll,
  ReplyParameters,
} from '../../src/index.js';
import '../../src/objects/shortcuts.js';
import { FAKE_TOKEN } from '../helpers/fake-api-server.js';
import { Harness, SENT } from './harness.js';

let h: Harness;
before(async () => {
  h = await Harness.start();
});
after(async () => {
  await h.close();
});

const alice = { id: 7, is_bot: false, first_name: 'Alice' };
const group = { id: -100123, type: 'supergroup', title: 'G', username: 'thegroup', is_forum: true };
const privateChat = { id: 7, type: 'private', first_name: 'Alice' };

function message(fields: Record<string, unknown> = {}, bot: Bot = h.bot): Message {
  return Message.fromJSON(
    { message_id: 42, date: 1_700_000_000, chat: group, from: alice, text: 'hi', ...fields },
    bot,
  );
}

const inPrivate = () => message({ chat: privateChat });
const inTopic = () => message({ message_thread_id: 9, is_topic_message: true });
const business = () => message({ chat: privateChat, business_connection_id: 'bc1' });

describe('reply shortcuts: where the reply goes and what it quotes', () => {
  test('replyText sends to the chat, quotes in groups by default, and keeps the caller options', async () => {
    const sent = await message().replyText('yo', { parse_mode: 'HTML', disable_notification: true });
    assert.ok(sent instanceof Message);
    assert.equal(sent.message_id, SENT.message_id);
    assert.deepEqual(h.last(), {
      method: 'sendMessage',
      params: {
        chat_id: group.id,
        text: 'yo',
        parse_mode: 'HTML',
        disable_notification: true,
        reply_parameters: { message_id: 42 },
      },
    });
  });

  test('an explicit reply_to_message_id wins over the default quote (PTB)', async () => {
    await message().replyText('to another', { reply_to_message_id: 5 });
    assert.deepEqual(h.last(), {
      method: 'sendMessage',
      params: { chat_id: group.id, text: 'to another', reply_parameters: { message_id: 5 } },
    });
  });

  test('in a private chat the default is not to quote; doQuote turns it on and off', async () => {
    await inPrivate().replyText('a');
    assert.deepEqual(h.last().params, { chat_id: 7, text: 'a' });
    await inPrivate().replyText('b', { doQuote: true, allowSendingWithoutReply: true });
    assert.deepEqual(h.last().params.reply_parameters, { message_id: 42, allow_sending_without_reply: true });
    await message().replyText('c', { doQuote: false });
    assert.equal(h.last().params.reply_parameters, undefined);
  });

  test("the bot's defaults.doQuote decides when doQuote is not given", async () => {
    class QuotingBot extends Bot {
      override get defaults(): ShortcutDefaults {
        return { doQuote: true };
      }
    }
    class QuietBot extends Bot {
      override get defaults(): ShortcutDefaults {
        return { doQuote: false };
      }
    }
    const base = { baseUrl: `${h.server.origin}/bot` };
    const quoting = new QuotingBot(FAKE_TOKEN, base);
    const quiet = new QuietBot(FAKE_TOKEN, base);
    try {
      await message({ chat: privateChat }, quoting).replyText('x');
      assert.deepEqual(h.last().params.reply_parameters, { message_id: 42 });
      await message({}, quiet).replyText('y');
      assert.equal(h.last().params.reply_parameters, undefined);
      await message({}, quiet).replyText('z', { doQuote: true });
      assert.deepEqual(h.last().params.reply_parameters, { message_id: 42 });
    } finally {
      await quoting.shutdown();
      await quiet.shutdown();
    }
  });

  test('reply_parameters given by the caller win over doQuote', async () => {
    await message().replyText('x', { doQuote: true, reply_parameters: { message_id: 5, quote: 'q' } });
    assert.deepEqual(h.last().params.reply_parameters, { message_id: 5, quote: 'q' });
    const before = h.calls.length;
    await assert.rejects(
      message().replyText('x', { reply_parameters: { message_id: 5 }, allowSendingWithoutReply: true }),
      InvalidArgumentError,
    );
    const args = message().buildReplyArguments();
    await assert.rejects(
      message().replyText('x', { doQuote: args, allowSendingWithoutReply: true }),
      InvalidArgumentError,
    );
    assert.equal(h.calls.length, before);
  });

  test('a topic message carries its thread; the caller may name another one', async () => {
    await inTopic().replyText('in topic');
    assert.equal(h.last().params.message_thread_id, 9);
    await inTopic().replyText('elsewhere', { message_thread_id: 3 });
    assert.equal(h.last().params.message_thread_id, 3);
    // A reply chain in a plain group also has a message_thread_id, but it is no topic.
    await message({ message_thread_id: 9 }).replyText('chain');
    assert.equal(h.last().params.message_thread_id, undefined);
  });

  test('doQuote from buildReplyArguments can send the reply to another chat, without the topic', async () => {
    const source = inTopic();
    await source.replyText('cross', { doQuote: source.buildReplyArguments({ targetChatId: 555 }) });
    const { params } = h.last();
    assert.equal(params.chat_id, 555);
    assert.equal(params.message_thread_id, undefined);
    assert.deepEqual(params.reply_parameters, { message_id: 42, chat_id: group.id });
    await source.replyText('same', { doQuote: source.buildReplyArguments({ targetChatId: '@thegroup' }) });
    assert.equal(h.last().params.chat_id, '@thegroup');
    assert.equal(h.last().params.message_thread_id, 9);
    assert.deepEqual(h.last().params.reply_parameters, { message_id: 42 });
  });

  test('business connection and direct-messages topic are carried where the method takes them', async () => {
    await business().replyText('b');
    assert.equal(h.last().params.business_connection_id, 'bc1');
    const direct = message({
      direct_messages_topic: { topic_id: 77 },
      chat: { ...group, is_direct_messages: true },
    });
    await direct.replyText('d');
    assert.equal(h.last().params.direct_messages_topic_id, 77);
    await direct.replyGame('g');
    assert.equal(h.last().method, 'sendGame');
    assert.equal('direct_messages_topic_id' in h.last().params, false);
  });
});

describe('every reply shortcut calls its method with the chat filled in', () => {
  const cases: [string, (m: Message) => Promise<unknown>, string, Record<string, unknown>][] = [
    [
      'replyHtml',
      (m) => m.replyHtml('<b>x</b>', { protect_content: true }),
      'sendMessage',
      { parse_mode: 'HTML', protect_content: true },
    ],
    ['replyMarkdown', (m) => m.replyMarkdown('*x*'), 'sendMessage', { parse_mode: 'Markdown', text: '*x*' }],
    ['replyMarkdownV2', (m) => m.replyMarkdownV2('*x*'), 'sendMessage', { parse_mode: 'MarkdownV2' }],
    [
      'replyPhoto',
      (m) => m.replyPhoto('PHOTO', { caption: 'c', has_spoiler: true }),
      'sendPhoto',
      { photo: 'PHOTO', caption: 'c', has_spoiler: true },
    ],
    ['replyAudio', (m) => m.replyAudio('AUDIO', { title: 't' }), 'sendAudio', { audio: 'AUDIO', title: 't' }],
    [
      'replyDocument',
      (m) => m.replyDocument('DOC', { caption: 'd' }),
      'sendDocument',
      { document: 'DOC', caption: 'd' },
    ],
    [
      'replyAnimation',
      (m) => m.replyAnimation('GIF', { width: 3 }),
      'sendAnimation',
      { animation: 'GIF', width: 3 },
    ],
    [
      'replySticker',
      (m) => m.replySticker('STK', { emoji: '😀' }),
      'sendSticker',
      { sticker: 'STK', emoji: '😀' },
    ],
    ['replyVideo', (m) => m.replyVideo('VID', { duration: 4 }), 'sendVideo', { video: 'VID', duration: 4 }],
    [
      'replyVideoNote',
      (m) => m.replyVideoNote('VN', { length: 5 }),
      'sendVideoNote',
      { video_note: 'VN', length: 5 },
    ],
    [
      'replyVoice',
      (m) => m.replyVoice('VOICE', { duration: 2 }),
      'sendVoice',
      { voice: 'VOICE', duration: 2 },
    ],
    [
      'replyLivePhoto',
      (m) => m.replyLivePhoto('LIVE', 'STILL', { caption: 'l' }),
      'sendLivePhoto',
      { live_photo: 'LIVE', photo: 'STILL', caption: 'l' },
    ],
    [
      'replyMediaGroup',
      (m) =>
        m.replyMediaGroup([
          { type: 'photo', media: 'A' },
          { type: 'photo', media: 'B' },
        ]),
      'sendMediaGroup',
      {
        media: [
          { type: 'photo', media: 'A' },
          { type: 'photo', media: 'B' },
        ],
      },
    ],
    [
      'replyPaidMedia',
      (m) => m.replyPaidMedia(10, [{ type: 'photo', media: 'P' }], { payload: 'x' }),
      'sendPaidMedia',
      { star_count: 10, media: [{ type: 'photo', media: 'P' }], payload: 'x' },
    ],
    [
      'replyLocation',
      (m) => m.replyLocation(1.5, 2.5, { live_period: 60 }),
      'sendLocation',
      { latitude: 1.5, longitude: 2.5, live_period: 60 },
    ],
    [
      'replyVenue',
      (m) => m.replyVenue(1, 2, 'T', 'A', { foursquare_id: 'f' }),
      'sendVenue',
      { latitude: 1, longitude: 2, title: 'T', address: 'A', foursquare_id: 'f' },
    ],
    [
      'replyContact',
      (m) => m.replyContact('+1', 'Bob', { last_name: 'B' }),
      'sendContact',
      { phone_number: '+1', first_name: 'Bob', last_name: 'B' },
    ],
    [
      'replyPoll',
      (m) => m.replyPoll('Q?', [{ text: 'a' }, { text: 'b' }], { is_anonymous: false }),
      'sendPoll',
      { question: 'Q?', options: [{ text: 'a' }, { text: 'b' }], is_anonymous: false },
    ],
    ['replyDice', (m) => m.replyDice({ emoji: '🎯' }), 'sendDice', { emoji: '🎯' }],
    [
      'replyGame',
      (m) => m.replyGame('tetris', { disable_notification: true }),
      'sendGame',
      { game_short_name: 'tetris', disable_notification: true },
    ],
    [
      'replyInvoice',
      (m) => m.replyInvoice('T', 'D', 'P', 'XTR', [{ label: 'x', amount: 1 }], { photo_url: 'u' }),
      'sendInvoice',
      {
        title: 'T',
        description: 'D',
        payload: 'P',
        currency: 'XTR',
        prices: [{ label: 'x', amount: 1 }],
        photo_url: 'u',
      },
    ],
    [
      'replyCopy',
      (m) => m.replyCopy(-5, 3, { caption: 'c' }),
      'copyMessage',
      { from_chat_id: -5, message_id: 3, caption: 'c' },
    ],
  ];
  for (const [name, call, method, expected] of cases) {
    test(name, async () => {
      await call(message());
      const { method: sentMethod, params } = h.last();
      assert.equal(sentMethod, method);
      assert.equal(params.chat_id, group.id);
      assert.deepEqual(params.reply_parameters, { message_id: 42 });
      for (const [key, value] of Object.entries(expected))
        assert.deepEqual(params[key], value, `${name}: ${key}`);
    });
  }

  test('replyMediaGroup resolves to the sent messages; replyCopy to a MessageId', async () => {
    const sent = await message().replyMediaGroup([{ type: 'photo', media: 'A' }]);
    assert.equal(sent.length, 2);
    assert.ok(sent.every((m) => m instanceof Message));
    assert.ok((await message().replyCopy(1, 2)) instanceof MessageId);
  });

  test('replyChecklist sends through the business connection, and needs one', async () => {
    const checklist = { title: 'todo', tasks: [{ id: 1, text: 'x' }] };
    await business().replyChecklist(checklist, { doQuote: true });
    assert.deepEqual(h.last(), {
      method: 'sendChecklist',
      params: { business_connection_id: 'bc1', chat_id: 7, checklist, reply_parameters: { message_id: 42 } },
    });
    await assert.rejects(message().replyChecklist(checklist), InvalidArgumentError);
  });

  test('replyChatAction never quotes but keeps the topic; replyTextDraft likewise', async () => {
    assert.equal(await inTopic().replyChatAction('typing'), true);
    assert.deepEqual(h.last(), {
      method: 'sendChatAction',
      params: { chat_id: group.id, action: 'typing', message_thread_id: 9 },
    });
    assert.equal(await inTopic().replyTextDraft(3, { text: 'draft' }), true);
    assert.deepEqual(h.last(), {
      method: 'sendMessageDraft',
      params: { chat_id: group.id, draft_id: 3, text: 'draft', message_thread_id: 9 },
    });
  });
});

describe('buildReplyArguments and computeQuotePositionAndEntities', () => {
  const text = 'Hello 𝄞 world! Hello 𝄞 world!';
  // "𝄞" is a surrogate pair: two UTF-16 code units, as Telegram counts.
  const entities = [
    { type: 'bold', offset: 0, length: 5 },
    { type: 'italic', offset: 6, length: 8 },
    { type: 'text_link', offset: 22, length: 8, url: 'https://t.me' },
  ];

  test('positions count UTF-16 code units; entities are cut to the quote and moved', () => {
    const m = message({ text, entities });
    const first = m.computeQuotePositionAndEntities('𝄞 world');
    assert.equal(first.position, 6);
    assert.deepEqual(
      first.entities?.map((e) => e.toJSON()),
      [{ type: 'italic', offset: 0, length: 8 }],
    );
    const second = m.computeQuotePositionAndEntities('Hello 𝄞', 1);
    assert.equal(second.position, 16);
    assert.ok(second.entities?.[0] instanceof MessageEntity);
    assert.deepEqual(
      second.entities?.map((e) => e.toJSON()),
      [{ type: 'text_link', offset: 6, length: 2, url: 'https://t.me' }],
    );
    assert.equal(m.computeQuotePositionAndEntities('!', 0).entities, undefined);
  });

  test('captions are searched when there is no text; missing quotes and texts fail', () => {
    const captioned = message({
      text: undefined,
      caption: 'a cat',
      caption_entities: [{ type: 'bold', offset: 2, length: 3 }],
    });
    assert.deepEqual(
      captioned.computeQuotePositionAndEntities('cat').entities?.map((e) => e.toJSON()),
      [{ type: 'bold', offset: 0, length: 3 }],
    );
    assert.throws(() => captioned.computeQuotePositionAndEntities('cat', 1), InvalidArgumentError);
    assert.throws(
      () => message({ text: undefined, sticker: undefined }).computeQuotePositionAndEntities('x'),
      Error,
    );
  });

  test('buildReplyArguments quotes in the same chat and points back from another one', () => {
    const m = message({ text, entities });
    const same = m.buildReplyArguments({ quote: 'world', quoteIndex: 1, allowSendingWithoutReply: true });
    assert.equal(same.chat_id, group.id);
    assert.ok(same.reply_parameters instanceof ReplyParameters);
    assert.deepEqual((same.reply_parameters as ReplyParameters).toJSON(), {
      message_id: 42,
      quote: 'world',
      quote_position: 25,
      quote_entities: [{ type: 'text_link', offset: 0, length: 5, url: 'https://t.me' }],
      allow_sending_without_reply: true,
    });
    const other = m.buildReplyArguments({ targetChatId: 99, allowSendingWithoutReply: true });
    assert.equal(other.chat_id, 99);
    assert.deepEqual((other.reply_parameters as ReplyParameters).toJSON(), {
      message_id: 42,
      chat_id: group.id,
    });
    const otherTopic = inTopic().buildReplyArguments({ messageThreadId: 4, allowSendingWithoutReply: true });
    assert.deepEqual((otherTopic.reply_parameters as ReplyParameters).toJSON(), { message_id: 42 });
  });

  test('a quote built this way reaches the server inside reply_parameters', async () => {
    const m = message({ text, entities });
    await m.replyText('re', { doQuote: m.buildReplyArguments({ quote: 'Hello' }) });
    assert.deepEqual(h.last().params.reply_parameters, {
      message_id: 42,
      quote: 'Hello',
      quote_position: 0,
      quote_entities: [{ type: 'bold', offset: 0, length: 5 }],
    });
  });
});

describe('action shortcuts', () => {
  const ids = { chat_id: group.id, message_id: 42 };

  test('forward and copy send this message to another chat', async () => {
    const forwarded = await message().forward(555, { disable_notification: true });
    assert.ok(forwarded instanceof Message);
    assert.deepEqual(h.last(), {
      method: 'forwardMessage',
      params: { chat_id: 555, from_chat_id: group.id, message_id: 42, disable_notification: true },
    });
    const copied = await message().copy('@other', { caption: 'new' });
    assert.equal(copied.message_id, 77);
    assert.deepEqual(h.last(), {
      method: 'copyMessage',
      params: { chat_id: '@other', from_chat_id: group.id, message_id: 42, caption: 'new' },
    });
  });

  test('edits name the chat and message, and the business connection of a business message', async () => {
    const edited = await message().editText('new', { parse_mode: 'HTML' });
    assert.ok(edited instanceof Message);
    assert.deepEqual(h.last(), {
      method: 'editMessageText',
      params: { ...ids, text: 'new', parse_mode: 'HTML' },
    });
    await business().editText('b');
    assert.deepEqual(h.last().params, {
      chat_id: 7,
      message_id: 42,
      business_connection_id: 'bc1',
      text: 'b',
    });
    await message().editCaption({ caption: 'c', show_caption_above_media: true });
    assert.deepEqual(h.last(), {
      method: 'editMessageCaption',
      params: { ...ids, caption: 'c', show_caption_above_media: true },
    });
    await message().editMedia({ type: 'photo', media: 'NEW' });
    assert.deepEqual(h.last(), {
      method: 'editMessageMedia',
      params: { ...ids, media: { type: 'photo', media: 'NEW' } },
    });
    const markup = { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] };
    await message().editReplyMarkup({ reply_markup: markup });
    assert.deepEqual(h.last(), {
      method: 'editMessageReplyMarkup',
      params: { ...ids, reply_markup: markup },
    });
    await message().editLiveLocation(1, 2, { heading: 90 });
    assert.deepEqual(h.last(), {
      method: 'editMessageLiveLocation',
      params: { ...ids, latitude: 1, longitude: 2, heading: 90 },
    });
    await message().stopLiveLocation();
    assert.deepEqual(h.last(), { method: 'stopMessageLiveLocation', params: ids });
  });

  test('editChecklist goes through the business connection and needs one', async () => {
    const checklist = { title: 't', tasks: [{ id: 1, text: 'x' }] };
    await business().editChecklist(checklist);
    assert.deepEqual(h.last(), {
      method: 'editMessageChecklist',
      params: { business_connection_id: 'bc1', chat_id: 7, message_id: 42, checklist },
    });
    await assert.rejects(message().editChecklist(checklist), /business connection/);
  });

  test('delete uses deleteBusinessMessages for a business message', async () => {
    assert.equal(await message().delete(), true);
    assert.deepEqual(h.last(), { method: 'deleteMessage', params: ids });
    await business().delete();
    assert.deepEqual(h.last(), {
      method: 'deleteBusinessMessages',
      params: { business_connection_id: 'bc1', message_ids: [42] },
    });
  });

  test('pin, unpin, reactions, polls and suggested posts', async () => {
    await message().pin({ disable_notification: true });
    assert.deepEqual(h.last(), { method: 'pinChatMessage', params: { ...ids, disable_notification: true } });
    await business().unpin();
    assert.deepEqual(h.last(), {
      method: 'unpinChatMessage',
      params: { chat_id: 7, message_id: 42, business_connection_id: 'bc1' },
    });
    await message().setReaction('👍', { is_big: true });
    assert.deepEqual(h.last(), {
      method: 'setMessageReaction',
      params: { ...ids, reaction: [{ type: 'emoji', emoji: '👍' }], is_big: true },
    });
    await message().setReaction(['🔥', { type: 'custom_emoji', custom_emoji_id: 'ce' }]);
    assert.deepEqual(h.last().params.reaction, [
      { type: 'emoji', emoji: '🔥' },
      { type: 'custom_emoji', custom_emoji_id: 'ce' },
    ]);
    await message().setReaction();
    assert.deepEqual(h.last(), { method: 'setMessageReaction', params: ids });
    await message().deleteReaction({ user_id: 7 });
    assert.deepEqual(h.last(), { method: 'deleteMessageReaction', params: { ...ids, user_id: 7 } });
    const poll = await message().stopPoll({ reply_markup: { inline_keyboard: [] } });
    assert.ok(poll instanceof Poll);
    assert.deepEqual(h.last(), {
      method: 'stopPoll',
      params: { ...ids, reply_markup: { inline_keyboard: [] } },
    });
    await message().approveSuggestedPost({ send_date: 1_800_000_000 });
    assert.deepEqual(h.last(), {
      method: 'approveSuggestedPost',
      params: { ...ids, send_date: 1_800_000_000 },
    });
    await message().declineSuggestedPost({ comment: 'no' });
    assert.deepEqual(h.last(), { method: 'declineSuggestedPost', params: { ...ids, comment: 'no' } });
  });

  test('game scores, business read receipts and guest queries', async () => {
    await message().setGameScore(7, 100, { force: true });
    assert.deepEqual(h.last(), {
      method: 'setGameScore',
      params: { ...ids, user_id: 7, score: 100, force: true },
    });
    const scores = await message().getGameHighScores(7);
    assert.ok(scores[0] instanceof GameHighScore);
    assert.deepEqual(h.last(), { method: 'getGameHighScores', params: { ...ids, user_id: 7 } });
    await business().readBusinessMessage();
    assert.deepEqual(h.last(), {
      method: 'readBusinessMessage',
      params: { business_connection_id: 'bc1', chat_id: 7, message_id: 42 },
    });
    await assert.rejects(message().readBusinessMessage(), InvalidArgumentError);
    const result: InlineQueryResultInit = {
      type: 'article',
      id: '1',
      title: 't',
      input_message_content: { message_text: 'x' },
    };
    const guest = await message({ guest_query_id: 'gq' }).answerGuestQuery(result);
    assert.equal(guest.inline_message_id, 'im');
    assert.deepEqual(h.last(), { method: 'answerGuestQuery', params: { guest_query_id: 'gq', result } });
    await assert.rejects(message().answerGuestQuery(result), InvalidArgumentError);
  });
});

describe('forum shortcuts', () => {
  const topic = { chat_id: group.id, message_thread_id: 9 };
  test('act on the topic of the message', async () => {
    await inTopic().editForumTopic({ name: 'renamed' });
    assert.deepEqual(h.last(), { method: 'editForumTopic', params: { ...topic, name: 'renamed' } });
    await inTopic().closeForumTopic();
    assert.deepEqual(h.last(), { method: 'closeForumTopic', params: topic });
    await inTopic().reopenForumTopic();
    assert.deepEqual(h.last(), { method: 'reopenForumTopic', params: topic });
    await inTopic().deleteForumTopic();
    assert.deepEqual(h.last(), { method: 'deleteForumTopic', params: topic });
    await inTopic().unpinAllForumTopicMessages();
    assert.deepEqual(h.last(), { method: 'unpinAllForumTopicMessages', params: topic });
  });

  test('fail before any request for a message outside a topic', async () => {
    const before = h.calls.length;
    await assert.rejects(message().closeForumTopic(), /forum topic/);
    await assert.rejects(message().editForumTopic({ name: 'x' }), InvalidArgumentError);
    assert.equal(h.calls.length, before);
  });
});
