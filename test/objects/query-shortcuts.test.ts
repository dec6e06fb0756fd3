import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Animation,
  Audio,
  CallbackQuery,
  ChatJoinRequest,
  ChatPhoto,
  Document,
  File,
  InaccessibleMessage,
  InlineQuery,
  type InlineQueryResultInit,
  InvalidArgumentError,
  LivePhoto,
  Message,
  PassportFile,
  PhotoSize,
  PreCheckoutQuery,
  ShippingQuery,
  Sticker,
  Video,
  VideoNote,
  Voice,
} from '../../src/index.js';
import '../../src/objects/shortcuts.js';
import { Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await Harness.start();
});
after(async () => {
  await h.close();
});

const alice = { id: 7, is_bot: false, first_name: 'Alice' };

function article(i: number): InlineQueryResultInit {
  return { type: 'article', id: String(i), title: `r${i}`, input_message_content: { message_text: `t${i}` } };
}

const many = Array.from({ length: 120 }, (_, i) => article(i));

function query(offset: string): InlineQuery {
  return InlineQuery.fromJSON({ id: 'iq1', from: alice, query: 'cats', offset }, h.bot);
}

function ids(params: Record<string, unknown>): string[] {
  return (params.results as { id: string }[]).map((r) => r.id);
}

describe('InlineQuery.answer', () => {
  test('sends the query id, the results and the caller options unchanged', async () => {
    assert.equal(
      await query('').answer([article(1)], { cache_time: 5, is_personal: true, next_offset: 'x' }),
      true,
    );
    const { method, params } = h.last();
    assert.equal(method, 'answerInlineQuery');
    assert.equal(params.inline_query_id, 'iq1');
    assert.deepEqual(ids(params), ['1']);
    assert.equal(params.cache_time, 5);
    assert.equal(params.is_personal, true);
    assert.equal(params.next_offset, 'x');
  });

  test('autoPagination pages a list 50 at a time from the query offset', async () => {
    await query('').answer(many, { autoPagination: true });
    assert.deepEqual(
      ids(h.last().params),
      many.slice(0, 50).map((r) => r.id),
    );
    assert.equal(h.last().params.next_offset, '1');
    await query('1').answer(many, { autoPagination: true });
    assert.deepEqual(
      ids(h.last().params),
      many.slice(50, 100).map((r) => r.id),
    );
    assert.equal(h.last().params.next_offset, '2');
    await query('2').answer(many, { autoPagination: true });
    assert.deepEqual(
      ids(h.last().params),
      many.slice(100).map((r) => r.id),
    );
    assert.equal(h.last().params.next_offset, '');
  });

  test('exactly one full page has no next page', async () => {
    await query('').answer(many.slice(0, 50), { autoPagination: true });
    assert.equal((h.last().params.results as unknown[]).length, 50);
    assert.equal(h.last().params.next_offset, '');
  });

  test('currentOffset paginates like the query offset would', async () => {
    await query('').answer(many, { currentOffset: '2' });
    assert.deepEqual(ids(h.last().params), ['100', ...many.slice(101).map((r) => r.id)]);
    assert.equal(h.last().params.next_offset, '');
  });

  test('a function of the page is asked for that page; an empty answer ends the pages', async () => {
    const asked: number[] = [];
    const pages = (page: number) => {
      asked.push(page);
      return page < 2 ? [article(page * 10)] : undefined;
    };
    await query('1').answer(pages, { autoPagination: true });
    assert.deepEqual(ids(h.last().params), ['10']);
    assert.equal(h.last().params.next_offset, '2');
    await query('2').answer(pages, { autoPagination: true });
    assert.deepEqual(ids(h.last().params), []);
    assert.equal(h.last().params.next_offset, '');
    assert.deepEqual(asked, [1, 2]);
  });

  test('conflicting or malformed pagination input fails before any request', async () => {
    const before = h.calls.length;
    await assert.rejects(
      query('').answer(many, { autoPagination: true, currentOffset: '1' }),
      InvalidArgumentError,
    );
    await assert.rejects(
      query('').answer(many, { currentOffset: '0', next_offset: '3' }),
      InvalidArgumentError,
    );
    await assert.rejects(query('abc').answer(many, { autoPagination: true }), InvalidArgumentError);
    await assert.rejects(
      query('').answer(() => [article(1)]),
      InvalidArgumentError,
    );
    assert.equal(h.calls.length, before);
  });
});

test('ChatJoinRequest.approve and decline fill the chat and the user', async () => {
  const request = ChatJoinRequest.fromJSON(
    { chat: { id: -100, type: 'supergroup', title: 'G' }, from: alice, user_chat_id: 7, date: 1 },
    h.bot,
  );
  assert.equal(await request.approve(), true);
  assert.deepEqual(h.last(), { method: 'approveChatJoinRequest', params: { chat_id: -100, user_id: 7 } });
  assert.equal(await request.decline(), true);
  assert.deepEqual(h.last(), { method: 'declineChatJoinRequest', params: { chat_id: -100, user_id: 7 } });
});

test('PreCheckoutQuery.answer sends the query id, ok and the error message', async () => {
  const q = PreCheckoutQuery.fromJSON(
    { id: 'pc1', from: alice, currency: 'XTR', total_amount: 5, invoice_payload: 'p' },
    h.bot,
  );
  assert.equal(await q.answer(false, { error_message: 'Sold out' }), true);
  assert.deepEqual(h.last(), {
    method: 'answerPreCheckoutQuery',
    params: { pre_checkout_query_id: 'pc1', ok: false, error_message: 'Sold out' },
  });
});

test('ShippingQuery.answer sends the query id, ok and the options', async () => {
  const address = {
    country_code: 'DE',
    state: '',
    city: 'B',
    street_line1: 's',
    street_line2: '',
    post_code: '1',
  };
  const q = ShippingQuery.fromJSON(
    { id: 'sq1', from: alice, invoice_payload: 'p', shipping_address: address },
    h.bot,
  );
  const shipping_options = [{ id: 'post', title: 'Post', prices: [{ label: 'P', amount: 300 }] }];
  assert.equal(await q.answer(true, { shipping_options }), true);
  assert.deepEqual(h.last(), {
    method: 'answerShippingQuery',
    params: { shipping_query_id: 'sq1', ok: true, shipping_options },
  });
});

describe('getFile on media objects', () => {
  const base = { file_id: 'FID', file_unique_id: 'U' };
  test('every media class asks for its own file_id and returns a File', async () => {
    const objects = [
      PhotoSize.fromJSON({ ...base, width: 1, height: 1 }, h.bot),
      Audio.fromJSON({ ...base, duration: 1 }, h.bot),
      Document.fromJSON(base, h.bot),
      Video.fromJSON({ ...base, width: 1, height: 1, duration: 1 }, h.bot),
      VideoNote.fromJSON({ ...base, length: 1, duration: 1 }, h.bot),
      Voice.fromJSON({ ...base, duration: 1 }, h.bot),
      Animation.fromJSON({ ...base, width: 1, height: 1, duration: 1 }, h.bot),
      Sticker.fromJSON(
        { ...base, type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
        h.bot,
      ),
      LivePhoto.fromJSON({ ...base, width: 1, height: 1, duration: 1 }, h.bot),
      PassportFile.fromJSON({ ...base, file_size: 1, file_date: 1 }, h.bot),
    ];
    for (const [i, object] of objects.entries()) {
      h.answer('getFile', { ...base, file_path: `docs/${i}` });
      const file = await object.getFile();
      assert.deepEqual(h.last(), { method: 'getFile', params: { file_id: 'FID' } }, object.constructor.name);
      assert.ok(file instanceof File);
      assert.equal(file.file_path, `docs/${i}`);
    }
  });

  test('ChatPhoto.getSmallFile and getBigFile ask for the small and the big file', async () => {
    h.answer('getFile', { file_id: 'x', file_unique_id: 'y', file_path: 'p/x.jpg' });
    const photo = ChatPhoto.fromJSON(
      { small_file_id: 'S', small_file_unique_id: 's', big_file_id: 'B', big_file_unique_id: 'b' },
      h.bot,
    );
    assert.equal((await photo.getSmallFile()).file_path, 'p/x.jpg');
    assert.deepEqual(h.last().params, { file_id: 'S' });
    await photo.getBigFile();
    assert.deepEqual(h.last().params, { file_id: 'B' });
  });
});

describe('CallbackQuery shortcuts', () => {
  const chat = { id: -100, type: 'supergroup', title: 'G' };
  const chatMessage = { message_id: 8, date: 1_700_000_000, chat, text: 'pick' };
  const ids = { chat_id: -100, message_id: 8 };
  const inlineId = { inline_message_id: 'IM1' };
  const pressed = (fields: Record<string, unknown>) =>
    CallbackQuery.fromJSON({ id: 'cb1', from: alice, chat_instance: 'ci', data: 'x', ...fields }, h.bot);
  const onChat = () => pressed({ message: chatMessage });
  const onInline = () => pressed(inlineId);
  const markup = { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] };

  test('answer sends the query id and the options', async () => {
    assert.equal(await onChat().answer({ text: 'Saved', show_alert: true, cache_time: 3 }), true);
    assert.deepEqual(h.last(), {
      method: 'answerCallbackQuery',
      params: { callback_query_id: 'cb1', text: 'Saved', show_alert: true, cache_time: 3 },
    });
  });

  test('edits of a chat message name the chat and the message', async () => {
    assert.ok((await onChat().editMessageText('new', { parse_mode: 'HTML' })) instanceof Message);
    assert.deepEqual(h.last(), {
      method: 'editMessageText',
      params: { ...ids, text: 'new', parse_mode: 'HTML' },
    });
    await onChat().editMessageCaption({ caption: 'c' });
    assert.deepEqual(h.last(), { method: 'editMessageCaption', params: { ...ids, caption: 'c' } });
    await onChat().editMessageMedia({ type: 'photo', media: 'P' });
    assert.deepEqual(h.last(), {
      method: 'editMessageMedia',
      params: { ...ids, media: { type: 'photo', media: 'P' } },
    });
    await onChat().editMessageReplyMarkup({ reply_markup: markup });
    assert.deepEqual(h.last(), {
      method: 'editMessageReplyMarkup',
      params: { ...ids, reply_markup: markup },
    });
    await onChat().editMessageLiveLocation(1, 2, { live_period: 60 });
    assert.deepEqual(h.last(), {
      method: 'editMessageLiveLocation',
      params: { ...ids, latitude: 1, longitude: 2, live_period: 60 },
    });
    await onChat().stopMessageLiveLocation();
    assert.deepEqual(h.last(), { method: 'stopMessageLiveLocation', params: ids });
    await onChat().setGameScore(7, 10, { force: true });
    assert.deepEqual(h.last(), {
      method: 'setGameScore',
      params: { ...ids, user_id: 7, score: 10, force: true },
    });
    await onChat().getGameHighScores(7);
    assert.deepEqual(h.last(), { method: 'getGameHighScores', params: { ...ids, user_id: 7 } });
  });

  test('edits of an inline message name only inline_message_id', async () => {
    assert.equal(
      await onInline()
        .editMessageText('new', { reply_markup: markup })
        .then(() => h.last().method),
      'editMessageText',
    );
    assert.deepEqual(h.last().params, { ...inlineId, text: 'new', reply_markup: markup });
    await onInline().editMessageCaption({ caption: 'c' });
    assert.deepEqual(h.last(), { method: 'editMessageCaption', params: { ...inlineId, caption: 'c' } });
    await onInline().editMessageMedia({ type: 'photo', media: 'P' });
    assert.deepEqual(h.last(), {
      method: 'editMessageMedia',
      params: { ...inlineId, media: { type: 'photo', media: 'P' } },
    });
    await onInline().editMessageReplyMarkup();
    assert.deepEqual(h.last(), { method: 'editMessageReplyMarkup', params: inlineId });
    await onInline().editMessageLiveLocation(3, 4);
    assert.deepEqual(h.last(), {
      method: 'editMessageLiveLocation',
      params: { ...inlineId, latitude: 3, longitude: 4 },
    });
    await onInline().stopMessageLiveLocation({ reply_markup: markup });
    assert.deepEqual(h.last(), {
      method: 'stopMessageLiveLocation',
      params: { ...inlineId, reply_markup: markup },
    });
    await onInline().setGameScore(7, 99);
    assert.deepEqual(h.last(), { method: 'setGameScore', params: { ...inlineId, user_id: 7, score: 99 } });
    await onInline().getGameHighScores(7);
    assert.deepEqual(h.last(), { method: 'getGameHighScores', params: { ...inlineId, user_id: 7 } });
  });

  test('message actions: delete, copy, pin, unpin, checklist of a business message', async () => {
    assert.equal(await onChat().deleteMessage(), true);
    assert.deepEqual(h.last(), { method: 'deleteMessage', params: ids });
    const copied = await onChat().copyMessage(555, { caption: 'c' });
    assert.equal(copied.message_id, 77);
    assert.deepEqual(h.last(), {
      method: 'copyMessage',
      params: { chat_id: 555, from_chat_id: -100, message_id: 8, caption: 'c' },
    });
    await onChat().pinMessage({ disable_notification: true });
    assert.deepEqual(h.last(), { method: 'pinChatMessage', params: { ...ids, disable_notification: true } });
    await onChat().unpinMessage();
    assert.deepEqual(h.last(), { method: 'unpinChatMessage', params: ids });
    const checklist = { title: 't', tasks: [{ id: 1, text: 'x' }] };
    await pressed({ message: { ...chatMessage, business_connection_id: 'bc' } }).editMessageChecklist(
      checklist,
    );
    assert.deepEqual(h.last(), {
      method: 'editMessageChecklist',
      params: { business_connection_id: 'bc', ...ids, checklist },
    });
  });

  test('an inaccessible message fails with a TypeError before any request, as in PTB', async () => {
    const gone = pressed({ message: { chat, message_id: 8, date: 0 } });
    assert.ok(gone.message instanceof InaccessibleMessage);
    const before = h.calls.length;
    await assert.rejects(gone.editMessageText('x'), { name: 'TypeError', message: /inaccessible/ });
    await assert.rejects(gone.deleteMessage(), /Cannot delete an inaccessible message/);
    await assert.rejects(gone.pinMessage(), TypeError);
    await assert.rejects(gone.copyMessage(1), TypeError);
    await assert.rejects(gone.getGameHighScores(1), TypeError);
    await assert.rejects(pressed({}).editMessageCaption(), /neither a message nor an inline_message_id/);
    await assert.rejects(onInline().deleteMessage(), TypeError);
    assert.equal(h.calls.length, before);
  });
});
