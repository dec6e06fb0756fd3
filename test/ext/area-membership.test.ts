// Chat membership as a bot uses it: member changes picked by kind and chat and told apart with
// ChatMemberUpdated.difference() (joins, leaves, promotions), and join requests approved or
// declined from ChatJoinRequestHandler.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChatJoinRequestHandler, ChatMemberHandler } from '../../src/ext/index.js';
import type { ChatMemberUpdated } from '../../src/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 91, is_bot: false, first_name: 'Alice', username: 'alice' };
const BOB = { id: 92, is_bot: false, first_name: 'Bob', username: 'bob' };
const ADMIN = { id: 93, is_bot: false, first_name: 'Admin' };
const BOT = { id: 123456789, is_bot: true, first_name: 'Bot', username: 'the_bot' };
const GROUP = { id: -1020, type: 'supergroup', title: 'Club' };
const OTHER = { id: -1021, type: 'supergroup', title: 'Other club' };
let updateId = 1;

const RIGHTS = {
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: false,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: false,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_send_welcome_messages: false,
};

const scope = areaScope();

function memberUpdate(
  kind: 'chat_member' | 'my_chat_member',
  chat: Record<string, unknown>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  return {
    update_id: updateId++,
    [kind]: { chat, from: ADMIN, date: 1, old_chat_member: before, new_chat_member: after },
  };
}

/** What a greeting bot makes of a member change, read from difference() as chatmemberbot does. */
function describeChange(change: ChatMemberUpdated): string {
  const diff = change.difference();
  const who = change.new_chat_member.user.first_name;
  const status = diff.status;
  if (status === undefined) return `${who}: ${Object.keys(diff).sort().join(',')} changed`;
  const [was, is] = status;
  const inside = (s: unknown) => s === 'member' || s === 'administrator' || s === 'creator';
  if (!inside(was) && inside(is)) return `${who} joined`;
  if (inside(was) && !inside(is)) return `${who} left`;
  if (was === 'member' && is === 'administrator') return `${who} was promoted`;
  return `${who}: ${String(was)} -> ${String(is)}`;
}

describe('chat membership', () => {
  test('ChatMemberHandler(CHAT_MEMBER, chatId) sees joins, leaves and promotions through difference()', async () => {
    scope.app.addHandler(
      new ChatMemberHandler(
        async (update) => {
          const change = update.chat_member;
          assert.ok(change !== undefined);
          await update.effectiveChat?.sendMessage(describeChange(change));
        },
        { chatMemberTypes: ChatMemberHandler.CHAT_MEMBER, chatId: GROUP.id },
      ),
    );
    const member = (user: object) => ({ status: 'member', user });
    const left = (user: object) => ({ status: 'left', user });
    const admin = (user: object) => ({ status: 'administrator', user, can_be_edited: true, ...RIGHTS });
    await scope.app.processUpdate(memberUpdate('chat_member', GROUP, left(ALICE), member(ALICE)));
    await scope.app.processUpdate(memberUpdate('chat_member', GROUP, member(BOB), left(BOB)));
    await scope.app.processUpdate(memberUpdate('chat_member', GROUP, member(ALICE), admin(ALICE)));
    await scope.app.processUpdate(
      memberUpdate('chat_member', GROUP, admin(ALICE), { ...admin(ALICE), custom_title: 'Host' }),
    );
    // Another chat, and a change of the bot itself, are not this handler's.
    await scope.app.processUpdate(memberUpdate('chat_member', OTHER, left(BOB), member(BOB)));
    await scope.app.processUpdate(memberUpdate('my_chat_member', GROUP, left(BOT), member(BOT)));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(
      scope.h.calls.map((c) => [c.method, c.params.chat_id, c.params.text]),
      [
        ['sendMessage', GROUP.id, 'Alice joined'],
        ['sendMessage', GROUP.id, 'Bob left'],
        ['sendMessage', GROUP.id, 'Alice was promoted'],
        ['sendMessage', GROUP.id, 'Alice: custom_title changed'],
      ],
    );
  });

  test('difference() gives the old and new values of each changed right', async () => {
    const diffs: unknown[] = [];
    scope.app.addHandler(
      new ChatMemberHandler(
        (update) => {
          diffs.push(update.chat_member?.difference());
        },
        { chatMemberTypes: ChatMemberHandler.ANY_CHAT_MEMBER },
      ),
    );
    const restricted = {
      status: 'restricted',
      user: BOB,
      is_member: true,
      until_date: 1_800_000_000,
      ...Object.fromEntries(
        [
          'can_send_audios',
          'can_send_documents',
          'can_send_photos',
          'can_send_videos',
          'can_send_video_notes',
          'can_send_voice_notes',
          'can_send_polls',
          'can_send_other_messages',
          'can_add_web_page_previews',
          'can_react_to_messages',
          'can_edit_tag',
          'can_change_info',
          'can_invite_users',
          'can_pin_messages',
          'can_manage_topics',
        ].map((name) => [name, true]),
      ),
      can_send_messages: false,
    };
    await scope.app.processUpdate(
      memberUpdate('chat_member', GROUP, { status: 'member', user: BOB }, restricted),
    );
    const diff = diffs[0] as Record<string, readonly unknown[]>;
    assert.deepEqual(diff.status, ['member', 'restricted']);
    assert.deepEqual(diff.can_send_messages, [undefined, false]);
    assert.deepEqual(diff.is_member, [undefined, true]);
    const until = diff.until_date?.[1];
    assert.ok(until instanceof Date);
    assert.equal(until.getTime(), 1_800_000_000_000);
    assert.equal(diff.user, undefined);
  });

  test('ChatMemberHandler takes changes of the bot itself by default', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new ChatMemberHandler(
        (update) => void seen.push(describeChange(update.my_chat_member as ChatMemberUpdated)),
      ),
    );
    await scope.app.processUpdate(
      memberUpdate('my_chat_member', GROUP, { status: 'left', user: BOT }, { status: 'member', user: BOT }),
    );
    await scope.app.processUpdate(
      memberUpdate('chat_member', GROUP, { status: 'left', user: BOB }, { status: 'member', user: BOB }),
    );
    assert.deepEqual(seen, ['Bot joined']);
  });

  test('ChatJoinRequestHandler: requests approved or declined for the chat and the user', async () => {
    scope.app.addHandler(
      new ChatJoinRequestHandler((update) => update.chat_join_request.approve(), { username: '@alice' }),
    );
    scope.app.addHandler(
      new ChatJoinRequestHandler((update) => update.chat_join_request.decline(), { chatId: GROUP.id }),
    );
    const request = (chat: Record<string, unknown>, from: typeof ALICE) => ({
      update_id: updateId++,
      chat_join_request: { chat, from, user_chat_id: from.id, date: 1 },
    });
    await scope.app.processUpdate(request(GROUP, ALICE));
    await scope.app.processUpdate(request(GROUP, BOB));
    await scope.app.processUpdate(request(OTHER, BOB));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      { method: 'approveChatJoinRequest', params: { chat_id: GROUP.id, user_id: ALICE.id } },
      { method: 'declineChatJoinRequest', params: { chat_id: GROUP.id, user_id: BOB.id } },
    ]);
  });
});
