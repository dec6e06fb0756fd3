// Paid media as a bot uses it: paid media posted in reply, messages with paid media caught by
// their filter, and purchases picked by PaidMediaPurchasedHandler.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filters, MessageHandler, PaidMediaPurchasedHandler } from '../../src/ext/index.js';
import { messageFieldSample } from '../helpers/updates.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 71, is_bot: false, first_name: 'Alice', username: 'alice' };
const BOB = { id: 72, is_bot: false, first_name: 'Bob', username: 'bob' };
const CHANNEL = { id: -1009, type: 'channel', title: 'Photos' };
let updateId = 1;

const scope = areaScope();

function post(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, channel_post: { message_id: 80, date: 1, chat: CHANNEL, ...fields } };
}

describe('paid media', () => {
  test('message.replyPaidMedia posts paid media to the same chat with its price and payload', async () => {
    scope.app.addHandler(
      new MessageHandler(new filters.Regex(/^#paid/), async (update) => {
        await update.effectiveMessage.replyPaidMedia(25, [{ type: 'photo', media: 'photo-file-id' }], {
          payload: 'album-1',
          caption: 'Full size',
          doQuote: false,
        });
      }),
    );
    await scope.app.processUpdate(post({ text: '#paid album' }));
    await scope.app.processUpdate(post({ text: 'free' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'sendPaidMedia',
        params: {
          chat_id: CHANNEL.id,
          star_count: 25,
          media: [{ type: 'photo', media: 'photo-file-id' }],
          payload: 'album-1',
          caption: 'Full size',
        },
      },
    ]);
  });

  test('filters.PAID_MEDIA passes messages with paid media only', async () => {
    const seen: number[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.PAID_MEDIA, (update) => {
        seen.push(update.effectiveMessage.paid_media.star_count);
      }),
    );
    const info = { ...(messageFieldSample('paid_media') as object), star_count: 25 };
    await scope.app.processUpdate(post({ paid_media: info }));
    await scope.app.processUpdate(post({ photo: messageFieldSample('photo') }));
    await scope.app.processUpdate(post({ text: 'paid' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, [25]);
  });

  test('PaidMediaPurchasedHandler takes purchases of the given users only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new PaidMediaPurchasedHandler(
        (update) => {
          const purchase = update.purchased_paid_media;
          seen.push(`${purchase.from.first_name}:${purchase.paid_media_payload}`);
        },
        { username: '@alice' },
      ),
    );
    scope.app.addHandler(
      new PaidMediaPurchasedHandler(
        (update) => void seen.push(`by id:${update.purchased_paid_media.from.id}`),
        {
          userId: BOB.id,
        },
      ),
      1,
    );
    const purchase = (from: typeof ALICE) => ({
      update_id: updateId++,
      purchased_paid_media: { from, paid_media_payload: 'album-1' },
    });
    await scope.app.processUpdate(purchase(ALICE));
    await scope.app.processUpdate(purchase(BOB));
    await scope.app.processUpdate(purchase({ ...ALICE, id: 73, username: 'carol' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['Alice:album-1', `by id:${BOB.id}`]);
  });
});
