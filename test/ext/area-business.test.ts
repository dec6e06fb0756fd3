// Business accounts as a bot uses them: connections and deletions picked by their handlers,
// business messages picked by the update-type filters and answered on the same connection, and
// the opening hours of a business read from its chat.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BusinessConnectionHandler,
  BusinessMessagesDeletedHandler,
  filters,
  MessageHandler,
} from '../../src/ext/index.js';
import { areaScope } from './area-scope.js';

const OWNER = { id: 51, is_bot: false, first_name: 'Owner', username: 'shopowner' };
const CUSTOMER = { id: 52, is_bot: false, first_name: 'Customer', username: 'customer' };
const CUSTOMER_CHAT = { id: 52, type: 'private', first_name: 'Customer', username: 'customer' };
let updateId = 1;

const scope = areaScope();

function businessMessage(kind: string, text: string): Record<string, unknown> {
  return {
    update_id: updateId++,
    [kind]: {
      message_id: 60,
      date: 1,
      chat: CUSTOMER_CHAT,
      from: CUSTOMER,
      business_connection_id: 'bc-1',
      text,
    },
  };
}

function connection(id: string, user: typeof OWNER): Record<string, unknown> {
  return {
    update_id: updateId++,
    business_connection: { id, user, user_chat_id: user.id, date: 1, is_enabled: true },
  };
}

function deleted(chat: Record<string, unknown>): Record<string, unknown> {
  return {
    update_id: updateId++,
    deleted_business_messages: { business_connection_id: 'bc-1', chat, message_ids: [60, 61] },
  };
}

describe('business', () => {
  test('BusinessConnectionHandler takes connections of the given users only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new BusinessConnectionHandler((update) => void seen.push(update.business_connection.id), {
        username: '@shopowner',
      }),
    );
    scope.app.addHandler(
      new BusinessConnectionHandler((update) => void seen.push(`by id ${update.business_connection.id}`), {
        userId: [CUSTOMER.id],
      }),
      1,
    );
    await scope.app.processUpdate(connection('bc-owner', OWNER));
    await scope.app.processUpdate(connection('bc-customer', CUSTOMER));
    await scope.app.processUpdate(businessMessage('business_message', 'hi'));
    assert.deepEqual(seen, ['bc-owner', 'by id bc-customer']);
  });

  test('BusinessMessagesDeletedHandler takes deletions in the given chats only', async () => {
    const seen: number[][] = [];
    scope.app.addHandler(
      new BusinessMessagesDeletedHandler(
        (update) => void seen.push([...update.deleted_business_messages.message_ids]),
        { chatId: CUSTOMER_CHAT.id },
      ),
    );
    scope.app.addHandler(
      new BusinessMessagesDeletedHandler(
        (update) => void seen.push([update.deleted_business_messages.chat.id]),
        {
          username: 'otheruser',
        },
      ),
      1,
    );
    await scope.app.processUpdate(deleted(CUSTOMER_CHAT));
    await scope.app.processUpdate(
      deleted({ id: 53, type: 'private', first_name: 'O', username: 'otheruser' }),
    );
    await scope.app.processUpdate(deleted({ id: 54, type: 'private', first_name: 'N' }));
    assert.deepEqual(seen, [[60, 61], [53]]);
  });

  test('UpdateType.BUSINESS_MESSAGE(S) pick business messages; replies go out on the same connection', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.UpdateType.BUSINESS_MESSAGE, async (update) => {
        seen.push(`new:${update.effectiveMessage.text}`);
        await update.effectiveMessage.replyText('We are open');
      }),
    );
    scope.app.addHandler(
      new MessageHandler(filters.UpdateType.BUSINESS_MESSAGES, (update) => {
        seen.push(`any:${update.effectiveMessage.text}`);
      }),
    );
    await scope.app.processUpdate(businessMessage('business_message', 'open?'));
    await scope.app.processUpdate(businessMessage('edited_business_message', 'open now?'));
    await scope.app.processUpdate({
      update_id: updateId++,
      message: { message_id: 1, date: 1, chat: CUSTOMER_CHAT, from: CUSTOMER, text: 'plain' },
    });
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['new:open?', 'any:open now?']);
    assert.equal(scope.h.calls.length, 1);
    assert.equal(scope.h.last().method, 'sendMessage');
    assert.equal(scope.h.last().params.business_connection_id, 'bc-1');
    assert.equal(scope.h.last().params.chat_id, CUSTOMER_CHAT.id);
    assert.equal(scope.h.last().params.text, 'We are open');
  });

  test('edits, deletion and pinning of a business message name its connection', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.UpdateType.BUSINESS_MESSAGE, async (update) => {
        const m = update.effectiveMessage;
        await m.editText('edited');
        await m.pin();
        await m.delete();
      }),
    );
    await scope.app.processUpdate(businessMessage('business_message', 'x'));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(
      scope.h.calls.map((c) => [c.method, c.params.business_connection_id]),
      [
        ['editMessageText', 'bc-1'],
        ['pinChatMessage', 'bc-1'],
        ['deleteBusinessMessages', 'bc-1'],
      ],
    );
    assert.deepEqual(scope.h.calls[2]?.params.message_ids, [60]);
  });

  test('BusinessOpeningHours of a chat tell whether the business is open', async () => {
    scope.h.answer('getChat', {
      id: OWNER.id,
      type: 'private',
      first_name: 'Owner',
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: true,
        limited_gifts: true,
        unique_gifts: true,
        premium_subscription: true,
        gifts_from_channels: true,
      },
      business_opening_hours: {
        time_zone_name: 'Asia/Tokyo',
        // Monday to Friday, 09:00-18:00.
        opening_hours: [0, 1, 2, 3, 4].map((d) => ({
          opening_minute: d * 1440 + 540,
          closing_minute: d * 1440 + 1080,
        })),
      },
    });
    const info = await scope.app.bot.getChat(OWNER.id);
    const hours = info.business_opening_hours;
    assert.ok(hours !== undefined);
    // Wednesday 2026-12-02 01:00 UTC is 10:00 in Tokyo (+09:00); 10:00 UTC is 19:00 there.
    assert.equal(hours.isOpen(new Date('2026-12-02T01:00:00Z')), true);
    assert.equal(hours.isOpen(new Date('2026-12-02T10:00:00Z')), false);
    // Saturday in Tokyo.
    assert.equal(hours.isOpen(new Date('2026-12-05T03:00:00Z')), false);
    const wednesday = hours.getOpeningHoursForDay({ year: 2026, month: 12, day: 2 });
    assert.deepEqual(
      wednesday.map(([open, close]) => [open.toISOString(), close.toISOString()]),
      [['2026-12-02T00:00:00.000Z', '2026-12-02T09:00:00.000Z']],
    );
    assert.deepEqual(hours.getOpeningHoursForDay({ year: 2026, month: 12, day: 6 }), []);
  });
});
