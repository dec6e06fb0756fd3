import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Animation,
  Audio,
  ChatJoinRequest,
  ChatPhoto,
  Document,
  File,
  InlineQuery,
  type InlineQueryResultInit,
  InvalidArgumentError,
  LivePhoto,
  PassportFile,
  PhotoSize,
  PreCheckoutQuery,
  ShippingQuery,
  Sticker,
  Video,
  VideoNote,
  Voice,
} from '../../src/index.js';
import '../../src/types/shortcuts.js';
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
