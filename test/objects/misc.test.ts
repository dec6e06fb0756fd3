import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Birthdate,
  BusinessOpeningHours,
  ChatAdministratorRights,
  ChatMemberUpdated,
  ChatPermissions,
  ChatShared,
  SharedUser,
  Story,
  TYPES,
  User,
} from '../../src/index.js';
import '../../src/objects/properties.js';
import { lastCall, startHarness } from './shortcut-harness.js';

const alice = { id: 1, is_bot: false, first_name: 'Alice' };
const chat = { id: -100, type: 'supergroup', title: 'G' };

function updated(oldMember: Record<string, unknown>, newMember: Record<string, unknown>): ChatMemberUpdated {
  return ChatMemberUpdated.fromJSON({
    chat,
    from: alice,
    date: 1_700_000_000,
    old_chat_member: oldMember,
    new_chat_member: newMember,
  });
}

const admin = {
  status: 'administrator',
  user: alice,
  can_be_edited: false,
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: false,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: true,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_send_welcome_messages: false,
};

describe('ChatMemberUpdated.difference', () => {
  test('a promotion: the status and every field one side has', () => {
    const diff = updated({ status: 'member', user: alice }, { ...admin, custom_title: 'boss' }).difference();
    assert.deepEqual(diff.status, ['member', 'administrator']);
    assert.deepEqual(diff.custom_title, [undefined, 'boss']);
    assert.deepEqual(diff.can_manage_chat, [undefined, true]);
    assert.equal(diff.user, undefined);
    assert.equal(Object.hasOwn(diff, 'user'), false);
  });

  test('only changed fields appear; values are the objects (dates as Date)', () => {
    const diff = updated(
      { status: 'member', user: alice, until_date: 1_800_000_000 },
      { status: 'kicked', user: alice, until_date: 1_900_000_000 },
    ).difference();
    assert.deepEqual(Object.keys(diff).sort(), ['status', 'until_date']);
    const [before, after] = diff.until_date ?? [];
    assert.ok(before instanceof Date && after instanceof Date);
    assert.equal(before.getTime(), 1_800_000_000_000);
    assert.equal(after.getTime(), 1_900_000_000_000);
    assert.deepEqual(updated({ ...admin, custom_title: 'a' }, { ...admin, custom_title: 'b' }).difference(), {
      custom_title: ['a', 'b'],
    });
  });

  test('a change in any field of the user reports the users', () => {
    const renamed = { ...alice, username: 'alice' };
    const diff = updated({ status: 'member', user: alice }, { status: 'member', user: renamed }).difference();
    assert.deepEqual(Object.keys(diff), ['user']);
    const [before, after] = diff.user ?? [];
    assert.ok(before instanceof User && after instanceof User);
    assert.equal(after.username, 'alice');
    assert.deepEqual(
      updated({ status: 'member', user: alice }, { status: 'member', user: alice }).difference(),
      {},
    );
  });
});

describe('permission and rights presets', () => {
  test('every ChatPermissions flag of the spec, all true or all false', () => {
    const names = (TYPES.ChatPermissions?.fields ?? []).map((f) => f.name);
    assert.ok(names.length >= 14);
    const all = ChatPermissions.allPermissions();
    const none = ChatPermissions.noPermissions();
    assert.ok(all instanceof ChatPermissions);
    for (const name of names) {
      assert.equal(all.toJSON()[name], true, name);
      assert.equal(none.toJSON()[name], false, name);
    }
  });

  test('every ChatAdministratorRights flag, all true or all false', () => {
    const all = ChatAdministratorRights.allRights();
    const none = ChatAdministratorRights.noRights();
    assert.ok(all instanceof ChatAdministratorRights);
    for (const field of TYPES.ChatAdministratorRights?.fields ?? []) {
      assert.equal(all.toJSON()[field.name], true, field.name);
      assert.equal(none.toJSON()[field.name], false, field.name);
    }
    assert.equal(all.can_promote_members, true);
    assert.equal(none.is_anonymous, false);
  });
});

describe('Birthdate.toDate', () => {
  test('the birthdate own year, or the year given (which wins)', () => {
    const birthday = Birthdate.fromJSON({ day: 29, month: 2, year: 2000 });
    assert.equal(birthday.toDate().toISOString(), '2000-02-29T00:00:00.000Z');
    assert.equal(birthday.toDate(2024).toISOString(), '2024-02-29T00:00:00.000Z');
    assert.throws(() => birthday.toDate(2023), RangeError);
  });

  test('without a year one must be passed', () => {
    const noYear = Birthdate.fromJSON({ day: 3, month: 12 });
    assert.throws(() => noYear.toDate(), /year/);
    assert.equal(noYear.toDate(99).getUTCFullYear(), 99);
  });
});

describe('shared users and chats', () => {
  test('SharedUser names and link', () => {
    const full = SharedUser.fromJSON({ user_id: 5, first_name: 'Ann', last_name: 'Lee', username: 'ann' });
    assert.equal(full.fullName, 'Ann Lee');
    assert.equal(full.name, '@ann');
    assert.equal(full.link, 'https://t.me/ann');
    const bare = SharedUser.fromJSON({ user_id: 5 });
    assert.equal(bare.fullName, undefined);
    assert.equal(bare.name, undefined);
    assert.equal(bare.link, undefined);
    assert.equal(SharedUser.fromJSON({ user_id: 5, first_name: 'Bo' }).name, 'Bo');
  });

  test('ChatShared link', () => {
    assert.equal(
      ChatShared.fromJSON({ request_id: 1, chat_id: -1, username: 'news' }).link,
      'https://t.me/news',
    );
    assert.equal(ChatShared.fromJSON({ request_id: 1, chat_id: -1 }).link, undefined);
  });
});

describe('Story.repost over loopback HTTP', () => {
  test('fills from_chat_id and from_story_id', async () => {
    const { server, bot } = await startHarness();
    try {
      const story = Story.fromJSON({ chat: { id: -100777, type: 'channel', title: 'C' }, id: 12 }, bot);
      const reposted = await story.repost('bc', 86400, { protect_content: true });
      assert.ok(reposted instanceof Story);
      assert.deepEqual(lastCall(server), {
        method: 'repostStory',
        body: {
          business_connection_id: 'bc',
          from_chat_id: -100777,
          from_story_id: 12,
          active_period: 86400,
          protect_content: true,
        },
      });
    } finally {
      await server.close();
    }
  });
});

describe('BusinessOpeningHours', () => {
  // Monday 08:00–20:30, Tuesday all day, Friday 22:00 – Saturday 02:00, in Berlin.
  const hours = BusinessOpeningHours.fromJSON({
    time_zone_name: 'Europe/Berlin',
    opening_hours: [
      { opening_minute: 480, closing_minute: 1230 },
      { opening_minute: 1440, closing_minute: 2879 },
      { opening_minute: 4 * 1440 + 1320, closing_minute: 5 * 1440 + 120 },
    ],
  });

  test('isOpen reads the moment in the business time zone', () => {
    // Monday 2026-11-23 07:30 UTC is 08:30 in Berlin (CET, +01:00).
    assert.equal(hours.isOpen(new Date('2026-11-23T07:30:00Z')), true);
    assert.equal(hours.isOpen(new Date('2026-11-23T06:59:00Z')), false);
    assert.equal(hours.isOpen(new Date('2026-11-23T19:29:59Z')), true);
    assert.equal(hours.isOpen(new Date('2026-11-23T19:30:00Z')), false);
    // Summer time (CEST, +02:00): Monday 2026-06-22 06:30 UTC is 08:30 in Berlin.
    assert.equal(hours.isOpen(new Date('2026-06-22T06:30:00Z')), true);
    assert.equal(hours.isOpen(new Date('2026-06-22T05:59:00Z')), false);
    // Wednesday: closed.
    assert.equal(hours.isOpen(new Date('2026-11-25T12:00:00Z')), false);
  });

  test('getOpeningHoursForDay gives the intervals as moments', () => {
    const monday = hours.getOpeningHoursForDay({ year: 2026, month: 11, day: 23 });
    assert.deepEqual(
      monday.map(([open, close]) => [open.toISOString(), close.toISOString()]),
      [['2026-11-23T07:00:00.000Z', '2026-11-23T19:30:00.000Z']],
    );
    const summerMonday = hours.getOpeningHoursForDay({ year: 2026, month: 6, day: 22 });
    assert.equal(summerMonday[0]?.[0].toISOString(), '2026-06-22T06:00:00.000Z');
    assert.deepEqual(hours.getOpeningHoursForDay({ year: 2026, month: 11, day: 25 }), []);
  });

  test('a Date names its calendar day in the business time zone; late intervals close the next day', () => {
    // 2026-11-26T23:30Z is already Friday 00:30 in Berlin.
    const friday = hours.getOpeningHoursForDay(new Date('2026-11-26T23:30:00Z'));
    assert.deepEqual(
      friday.map(([open, close]) => [open.toISOString(), close.toISOString()]),
      [['2026-11-27T21:00:00.000Z', '2026-11-28T01:00:00.000Z']],
    );
  });
});
