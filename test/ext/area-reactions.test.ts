// Reactions as a bot uses them: the bot reacts to a message, and reaction changes and counts are
// picked by MessageReactionHandler by kind, chat and user.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filters, MessageHandler, MessageReactionHandler } from '../../src/ext/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 81, is_bot: false, first_name: 'Alice', username: 'alice' };
const BOB = { id: 82, is_bot: false, first_name: 'Bob', username: 'bob' };
const GROUP = { id: -1010, type: 'supergroup', title: 'Chat', username: 'chatgroup' };
let updateId = 1;

const scope = areaScope();

function reaction(user: typeof ALICE, emoji: string): Record<string, unknown> {
  return {
    update_id: updateId++,
    message_reaction: {
      chat: GROUP,
      message_id: 90,
      user,
      date: 1,
      old_reaction: [],
      new_reaction: [{ type: 'emoji', emoji }],
    },
  };
}

function counts(chat: Record<string, unknown>): Record<string, unknown> {
  return {
    update_id: updateId++,
    message_reaction_count: {
      chat,
      message_id: 90,
      date: 1,
      reactions: [{ type: { type: 'emoji', emoji: '👍' }, total_count: 4 }],
    },
  };
}

describe('reactions', () => {
  test('message.setReaction reacts with an emoji, a custom reaction list, or removes the reaction', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.TEXT, async (update) => {
        const m = update.effectiveMessage;
        await m.setReaction('👍');
        await m.setReaction([{ type: 'custom_emoji', custom_emoji_id: 'ce-1' }], { is_big: true });
        await m.setReaction();
      }),
    );
    await scope.app.processUpdate({
      update_id: updateId++,
      message: { message_id: 90, date: 1, chat: GROUP, from: ALICE, text: 'great news' },
    });
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'setMessageReaction',
        params: { chat_id: GROUP.id, message_id: 90, reaction: [{ type: 'emoji', emoji: '👍' }] },
      },
      {
        method: 'setMessageReaction',
        params: {
          chat_id: GROUP.id,
          message_id: 90,
          is_big: true,
          reaction: [{ type: 'custom_emoji', custom_emoji_id: 'ce-1' }],
        },
      },
      { method: 'setMessageReaction', params: { chat_id: GROUP.id, message_id: 90 } },
    ]);
  });

  test('by default both reaction changes and counts are handled', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageReactionHandler((update) => {
        if (update.message_reaction !== undefined) seen.push(`change by ${update.message_reaction.user?.id}`);
        if (update.message_reaction_count !== undefined) seen.push('counts');
      }),
    );
    await scope.app.processUpdate(reaction(ALICE, '🔥'));
    await scope.app.processUpdate(counts(GROUP));
    await scope.app.processUpdate({
      update_id: updateId++,
      message: { message_id: 91, date: 1, chat: GROUP, from: ALICE, text: '🔥' },
    });
    assert.deepEqual(seen, [`change by ${ALICE.id}`, 'counts']);
  });

  test('kinds, chats and users narrow what a MessageReactionHandler takes', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageReactionHandler(
        (update) => {
          const emoji = update.message_reaction?.new_reaction[0];
          seen.push(`bob:${emoji?.type === 'emoji' ? emoji.emoji : ''}`);
        },
        {
          messageReactionTypes: MessageReactionHandler.MESSAGE_REACTION_UPDATED,
          userUsername: '@bob',
        },
      ),
    );
    scope.app.addHandler(
      new MessageReactionHandler(() => void seen.push('counts here'), {
        messageReactionTypes: MessageReactionHandler.MESSAGE_REACTION_COUNT_UPDATED,
        chatUsername: 'chatgroup',
      }),
      1,
    );
    await scope.app.processUpdate(reaction(BOB, '❤'));
    await scope.app.processUpdate(reaction(ALICE, '❤'));
    await scope.app.processUpdate(counts(GROUP));
    await scope.app.processUpdate(counts({ id: -1011, type: 'supergroup', title: 'Elsewhere' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['bob:❤', 'counts here']);
  });

  test('user filters with anonymous counts included are refused, as in PTB', () => {
    assert.throws(() => new MessageReactionHandler(() => undefined, { userId: ALICE.id }), TypeError);
    assert.throws(
      () =>
        new MessageReactionHandler(() => undefined, {
          userId: ALICE.id,
          messageReactionTypes: MessageReactionHandler.MESSAGE_REACTION,
        }),
      TypeError,
    );
  });
});
