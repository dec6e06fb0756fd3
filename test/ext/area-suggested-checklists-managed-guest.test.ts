// The newer areas as a bot uses them: suggested posts approved or declined from a channel's
// direct messages, checklists sent and edited on a business connection, managed bots picked by
// their handler, and guest messages answered through their guest query.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filters, ManagedBotUpdatedHandler, MessageHandler } from '../../src/ext/index.js';
import { InvalidArgumentError, Update } from '../../src/index.js';
import { messageFieldSample } from '../helpers/updates.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 111, is_bot: false, first_name: 'Alice', username: 'alice' };
const BOB = { id: 112, is_bot: false, first_name: 'Bob', username: 'bob' };
const DIRECT = { id: -1040, type: 'supergroup', title: 'News DMs', is_direct_messages: true };
const PRIVATE = { id: ALICE.id, type: 'private', first_name: 'Alice' };
let updateId = 1;

const scope = areaScope();

function update(kind: string, chat: Record<string, unknown>, fields: Record<string, unknown>) {
  return { update_id: updateId++, [kind]: { message_id: 120, date: 1, chat, from: ALICE, ...fields } };
}

/** Each filter passes its own message field and none of the other fields listed. */
function assertOwnFields(table: Array<[string, filters.BaseFilter, string]>): void {
  const samples = table.map(
    ([, , field]) =>
      [field, Update.fromJSON(update('message', DIRECT, { [field]: messageFieldSample(field) }))] as const,
  );
  for (const [name, filter, field] of table) {
    assert.deepEqual(
      samples.filter(([, u]) => filter.checkUpdate(u)).map(([f]) => f),
      [field],
      name,
    );
    assert.equal(filter.checkUpdate(Update.fromJSON(update('message', DIRECT, { text: 'x' }))), false, name);
  }
}

describe('suggested posts', () => {
  test('SUGGESTED_POST_INFO routes a suggestion; the message approves or declines it', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.SUGGESTED_POST_INFO, async (update) => {
        const m = update.effectiveMessage;
        const price = m.suggested_post_info.price?.amount ?? 0;
        if (price >= 100) await m.approveSuggestedPost({ send_date: 1_900_000_000 });
        else await m.declineSuggestedPost({ comment: 'Too cheap' });
      }),
    );
    const suggestion = (amount: number) =>
      update('message', DIRECT, {
        text: 'Post this',
        suggested_post_info: { state: 'pending', price: { currency: 'XTR', amount } },
      });
    await scope.app.processUpdate(suggestion(150));
    await scope.app.processUpdate(suggestion(10));
    await scope.app.processUpdate(update('message', DIRECT, { text: 'just a question' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'approveSuggestedPost',
        params: { chat_id: DIRECT.id, message_id: 120, send_date: 1_900_000_000 },
      },
      {
        method: 'declineSuggestedPost',
        params: { chat_id: DIRECT.id, message_id: 120, comment: 'Too cheap' },
      },
    ]);
  });

  test('Chat.approveSuggestedPost and declineSuggestedPost name the chat and the message', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.SUGGESTED_POST_INFO, async (update) => {
        const chat = update.effectiveChat;
        await chat?.approveSuggestedPost(update.effectiveMessage.message_id);
        await chat?.declineSuggestedPost(update.effectiveMessage.message_id, { comment: 'no' });
      }),
    );
    await scope.app.processUpdate(update('message', DIRECT, { suggested_post_info: { state: 'pending' } }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      { method: 'approveSuggestedPost', params: { chat_id: DIRECT.id, message_id: 120 } },
      { method: 'declineSuggestedPost', params: { chat_id: DIRECT.id, message_id: 120, comment: 'no' } },
    ]);
  });

  test('each suggested-post StatusUpdate filter passes its own service message only', () => {
    assertOwnFields([
      ['SUGGESTED_POST_APPROVED', filters.StatusUpdate.SUGGESTED_POST_APPROVED, 'suggested_post_approved'],
      [
        'SUGGESTED_POST_APPROVAL_FAILED',
        filters.StatusUpdate.SUGGESTED_POST_APPROVAL_FAILED,
        'suggested_post_approval_failed',
      ],
      ['SUGGESTED_POST_DECLINED', filters.StatusUpdate.SUGGESTED_POST_DECLINED, 'suggested_post_declined'],
      ['SUGGESTED_POST_PAID', filters.StatusUpdate.SUGGESTED_POST_PAID, 'suggested_post_paid'],
      ['SUGGESTED_POST_REFUNDED', filters.StatusUpdate.SUGGESTED_POST_REFUNDED, 'suggested_post_refunded'],
      ['SUGGESTED_POST_INFO', filters.SUGGESTED_POST_INFO, 'suggested_post_info'],
    ]);
  });
});

describe('checklists', () => {
  const checklist = {
    title: 'Groceries',
    tasks: [
      { id: 1, text: 'Milk' },
      { id: 2, text: 'Bread' },
    ],
  };

  test('CHECKLIST routes a business checklist; replyChecklist and editChecklist use its connection', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.CHECKLIST, async (update) => {
        const m = update.effectiveMessage;
        await m.replyChecklist(
          { title: `Copy of ${m.checklist.title}`, tasks: [{ id: 1, text: 'Milk' }] },
          { doQuote: false },
        );
        await m.editChecklist({ title: 'Groceries (done)', tasks: [{ id: 1, text: 'Milk' }] });
      }),
    );
    await scope.app.processUpdate(
      update('business_message', PRIVATE, { business_connection_id: 'bc-7', checklist }),
    );
    await scope.app.processUpdate(update('message', PRIVATE, { text: 'Groceries' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'sendChecklist',
        params: {
          business_connection_id: 'bc-7',
          chat_id: PRIVATE.id,
          checklist: { title: 'Copy of Groceries', tasks: [{ id: 1, text: 'Milk' }] },
        },
      },
      {
        method: 'editMessageChecklist',
        params: {
          business_connection_id: 'bc-7',
          chat_id: PRIVATE.id,
          message_id: 120,
          checklist: { title: 'Groceries (done)', tasks: [{ id: 1, text: 'Milk' }] },
        },
      },
    ]);
  });

  test('a checklist reply outside a business connection fails before any request', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.CHECKLIST, (update) =>
        update.effectiveMessage.replyChecklist({ title: 'T', tasks: [{ id: 1, text: 'x' }] }),
      ),
    );
    await scope.app.processUpdate(update('message', PRIVATE, { checklist }));
    assert.equal(scope.h.calls.length, 0);
    assert.equal(scope.errors.length, 1);
    assert.ok(scope.errors[0] instanceof InvalidArgumentError);
  });

  test('Chat.sendChecklist takes the connection first and fills the chat', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.UpdateType.BUSINESS_MESSAGE, (update) =>
        update.effectiveChat?.sendChecklist('bc-7', { title: 'T', tasks: [{ id: 1, text: 'x' }] }),
      ),
    );
    await scope.app.processUpdate(
      update('business_message', PRIVATE, { business_connection_id: 'bc-7', text: 'list' }),
    );
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'sendChecklist',
        params: {
          business_connection_id: 'bc-7',
          chat_id: PRIVATE.id,
          checklist: { title: 'T', tasks: [{ id: 1, text: 'x' }] },
        },
      },
    ]);
  });

  test('CHECKLIST_TASKS_ADDED and CHECKLIST_TASKS_DONE pass their own service messages only', () => {
    assertOwnFields([
      ['CHECKLIST_TASKS_ADDED', filters.StatusUpdate.CHECKLIST_TASKS_ADDED, 'checklist_tasks_added'],
      ['CHECKLIST_TASKS_DONE', filters.StatusUpdate.CHECKLIST_TASKS_DONE, 'checklist_tasks_done'],
      ['CHECKLIST', filters.CHECKLIST, 'checklist'],
    ]);
  });
});

describe('managed bots', () => {
  test('ManagedBotUpdatedHandler takes updates of the given owners only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new ManagedBotUpdatedHandler((update) => void seen.push(update.managed_bot.bot.username ?? ''), {
        username: '@alice',
      }),
    );
    const managed = (user: typeof ALICE, name: string) => ({
      update_id: updateId++,
      managed_bot: { user, bot: { id: 5000 + user.id, is_bot: true, first_name: name, username: name } },
    });
    await scope.app.processUpdate(managed(ALICE, 'alices_bot'));
    await scope.app.processUpdate(managed(BOB, 'bobs_bot'));
    assert.deepEqual(seen, ['alices_bot']);
  });

  test('StatusUpdate.MANAGED_BOT_CREATED routes the service message with the new bot', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.StatusUpdate.MANAGED_BOT_CREATED, (update) => {
        seen.push(update.effectiveMessage.managed_bot_created.bot.first_name);
      }),
    );
    await scope.app.processUpdate(
      update('message', PRIVATE, {
        managed_bot_created: { bot: { id: 5001, is_bot: true, first_name: 'Helper' } },
      }),
    );
    await scope.app.processUpdate(update('message', PRIVATE, { text: 'Helper' }));
    assert.deepEqual(seen, ['Helper']);
  });
});

describe('guest messages', () => {
  test('UpdateType.GUEST_MESSAGE routes guest messages, answered through their guest query', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.UpdateType.GUEST_MESSAGE, async (update) => {
        seen.push(`guest:${update.effectiveMessage.text}`);
        await update.effectiveMessage.answerGuestQuery({
          type: 'article',
          id: 'a',
          title: 'Answer',
          input_message_content: { message_text: '42' },
        });
      }),
    );
    scope.app.addHandler(
      new MessageHandler(filters.ALL, (update) => void seen.push(`plain:${update.effectiveMessage.text}`)),
    );
    const group = { id: -1050, type: 'group', title: 'Somewhere' };
    await scope.app.processUpdate(
      update('guest_message', group, { text: '@bot what is it?', guest_query_id: 'gq-1' }),
    );
    await scope.app.processUpdate(update('message', group, { text: 'hello' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['guest:@bot what is it?', 'plain:hello']);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'answerGuestQuery',
        params: {
          guest_query_id: 'gq-1',
          result: {
            type: 'article',
            id: 'a',
            title: 'Answer',
            input_message_content: { message_text: '42' },
          },
        },
      },
    ]);
  });

  test('answerGuestQuery on a message without a guest query fails before any request', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.TEXT, (update) =>
        update.effectiveMessage.answerGuestQuery({
          type: 'article',
          id: 'a',
          title: 'A',
          input_message_content: { message_text: 'x' },
        }),
      ),
    );
    await scope.app.processUpdate(update('message', PRIVATE, { text: 'hi' }));
    assert.equal(scope.h.calls.length, 0);
    assert.ok(scope.errors[0] instanceof InvalidArgumentError);
  });
});
