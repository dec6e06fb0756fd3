import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MESSAGE_UPDATE_TYPES, type MessageUpdateType } from '../../src/constants/message-types.js';
import * as filters from '../../src/ext/filters/index.js';
import {
  ALICE,
  BOB,
  CHANNEL,
  callbackQueryUpdate,
  GROUP,
  messageUpdate,
  SUPERGROUP,
  textUpdate,
} from '../helpers/updates.js';

const inGroup = textUpdate('hi', { chat: GROUP });
const inSuper = textUpdate('hi', { chat: SUPERGROUP });
const inChannel = textUpdate('hi', { chat: CHANNEL, from: undefined }, 'channel_post');
const fromAlice = textUpdate('hi');
const fromBob = textUpdate('hi', { from: BOB });

describe('Chat', () => {
  test('by id, by username, runtime changes', () => {
    const chat = new filters.Chat({ chatId: -100 });
    assert.equal(chat.checkUpdate(inGroup), true);
    assert.equal(chat.checkUpdate(inSuper), false);
    chat.addChatIds([-1001, -1002]);
    assert.equal(chat.checkUpdate(inSuper), true);
    assert.deepEqual([...chat.chatIds], [-100, -1001, -1002]);
    assert.equal(chat.name, 'filters.Chat(-100, -1001, -1002)');
    chat.removeChatIds(-100);
    assert.equal(chat.checkUpdate(inGroup), false);
    chat.chatIds = [-100];
    assert.deepEqual([...chat.chatIds], [-100]);
    assert.equal(chat.checkUpdate(inSuper), false);

    const byName = new filters.Chat({ username: '@supergroup' });
    assert.equal(byName.checkUpdate(inSuper), true);
    assert.equal(byName.checkUpdate(inGroup), false, 'the group has no username');
    byName.addUsernames('channel');
    assert.equal(byName.checkUpdate(inChannel), true);
    assert.deepEqual([...byName.usernames], ['supergroup', 'channel']);
    byName.removeUsernames(['@supergroup']);
    assert.equal(byName.checkUpdate(inSuper), false);
    byName.usernames = 'supergroup';
    assert.equal(byName.checkUpdate(inSuper), true);
    assert.equal(byName.checkUpdate(inChannel), false);
  });

  test('the copies it hands out do not change it', () => {
    const chat = new filters.Chat({ chatId: 1 });
    (chat.chatIds as Set<number>).add(-100);
    assert.equal(chat.checkUpdate(inGroup), false);
  });

  test('ids and usernames exclude each other', () => {
    assert.throws(() => new filters.Chat({ chatId: 1, username: 'x' }), /in conjunction/);
    const byId = new filters.Chat({ chatId: 1 });
    assert.throws(() => byId.addUsernames('x'), /in conjunction/);
    assert.throws(() => byId.removeUsernames('x'), /in conjunction/);
    assert.throws(() => {
      byId.usernames = ['x'];
    }, /in conjunction/);
    const byName = new filters.Chat({ username: 'x' });
    assert.throws(() => byName.addChatIds(1), /in conjunction/);
    assert.throws(() => byName.removeChatIds(1), /in conjunction/);
    assert.throws(() => {
      byName.chatIds = 1;
    }, /in conjunction/);
    byName.usernames = [];
    byName.chatIds = 1;
    assert.deepEqual([...byName.chatIds], [1]);
  });

  test('empty: allowEmpty decides', () => {
    assert.equal(new filters.Chat().checkUpdate(inGroup), false);
    assert.equal(new filters.Chat({ allowEmpty: true }).checkUpdate(inGroup), true);
    const emptied = new filters.Chat({ chatId: -100, allowEmpty: true });
    emptied.removeChatIds(-100);
    assert.equal(emptied.checkUpdate(inSuper), true);
  });

  test('its name cannot be set', () => {
    assert.throws(() => {
      new filters.Chat().name = 'x';
    }, /Cannot set the name/);
  });
});

describe('User, ViaBot, SenderChat, ForwardedFrom', () => {
  test('User by id and username; messages without a sender never pass', () => {
    const user = new filters.User({ userId: 1 });
    assert.equal(user.checkUpdate(fromAlice), true);
    assert.equal(user.checkUpdate(fromBob), false);
    user.addUserIds(2);
    assert.equal(user.checkUpdate(fromBob), true);
    user.removeUserIds([1, 2]);
    assert.equal(user.checkUpdate(fromAlice), false);
    user.userIds = 1;
    assert.deepEqual([...user.userIds], [1]);
    assert.equal(user.name, 'filters.User(1)');
    assert.throws(() => user.addUsernames('x'), /usernames in conjunction with \(already set\) user_ids/);
    const byName = new filters.User({ username: ['@alice'], allowEmpty: true });
    assert.equal(byName.checkUpdate(fromAlice), true);
    assert.equal(byName.checkUpdate(fromBob), false);
    assert.equal(new filters.User({ allowEmpty: true }).checkUpdate(inChannel), false);
  });

  test('ViaBot', () => {
    const via = textUpdate('inline result', {
      via_bot: { id: 99, is_bot: true, first_name: 'B', username: 'gifbot' },
    });
    const bot = new filters.ViaBot({ botId: 99 });
    assert.equal(bot.checkUpdate(via), true);
    assert.equal(bot.checkUpdate(fromAlice), false);
    bot.removeBotIds(99);
    bot.addBotIds([98]);
    assert.deepEqual([...bot.botIds], [98]);
    assert.equal(bot.checkUpdate(via), false);
    bot.botIds = [99];
    assert.equal(bot.checkUpdate(via), true);
    assert.equal(new filters.ViaBot({ username: '@gifbot' }).checkUpdate(via), true);
    assert.equal(new filters.ViaBot({ allowEmpty: true }).checkUpdate(via), true);
    assert.throws(() => new filters.ViaBot({ botId: 1, username: 'x' }), /bot_id/);
  });

  test('SenderChat by id and the ALL/CHANNEL/SUPER_GROUP constants', () => {
    const asChannel = textUpdate('post', { chat: SUPERGROUP, sender_chat: CHANNEL });
    const anonymousAdmin = textUpdate('hi', { chat: SUPERGROUP, sender_chat: SUPERGROUP });
    assert.equal(new filters.SenderChat({ chatId: CHANNEL.id }).checkUpdate(asChannel), true);
    assert.equal(new filters.SenderChat({ username: 'supergroup' }).checkUpdate(anonymousAdmin), true);
    assert.equal(new filters.SenderChat({ chatId: CHANNEL.id }).checkUpdate(fromAlice), false);
    assert.equal(filters.SenderChat.ALL.checkUpdate(asChannel), true);
    assert.equal(filters.SenderChat.ALL.checkUpdate(fromAlice), false);
    assert.equal(filters.SenderChat.CHANNEL.checkUpdate(asChannel), true);
    assert.equal(filters.SenderChat.CHANNEL.checkUpdate(anonymousAdmin), false);
    assert.equal(filters.SenderChat.SUPER_GROUP.checkUpdate(anonymousAdmin), true);
    assert.equal(filters.SenderChat.SUPER_GROUP.checkUpdate(fromAlice), false);
    assert.equal(filters.SenderChat.SUPER_GROUP.name, 'filters.SenderChat.SUPER_GROUP');
    const sender = new filters.SenderChat({ chatId: 5 });
    sender.addChatIds(CHANNEL.id);
    assert.equal(sender.checkUpdate(asChannel), true);
    sender.removeChatIds(CHANNEL.id);
    assert.equal(sender.checkUpdate(asChannel), false);
  });

  test('ForwardedFrom reads every kind of forward origin', () => {
    const origins = {
      user: { type: 'user', date: 1, sender_user: BOB },
      chat: { type: 'chat', date: 1, sender_chat: SUPERGROUP },
      channel: { type: 'channel', date: 1, chat: CHANNEL, message_id: 3 },
      hidden: { type: 'hidden_user', date: 1, sender_user_name: 'Ghost' },
    };
    const forwarded = (origin: object) => textUpdate('fwd', { forward_origin: origin });
    const byId = new filters.ForwardedFrom({ chatId: [BOB.id, SUPERGROUP.id, CHANNEL.id] });
    assert.equal(byId.checkUpdate(forwarded(origins.user)), true);
    assert.equal(byId.checkUpdate(forwarded(origins.chat)), true);
    assert.equal(byId.checkUpdate(forwarded(origins.channel)), true);
    assert.equal(byId.checkUpdate(forwarded(origins.hidden)), false);
    assert.equal(byId.checkUpdate(fromAlice), false);
    assert.equal(
      new filters.ForwardedFrom({ allowEmpty: true }).checkUpdate(forwarded(origins.hidden)),
      false,
    );
    const byName = new filters.ForwardedFrom({ username: ['bob', 'channel'] });
    assert.equal(byName.checkUpdate(forwarded(origins.user)), true);
    assert.equal(byName.checkUpdate(forwarded(origins.channel)), true);
    assert.equal(byName.checkUpdate(forwarded(origins.chat)), false);
    byName.usernames = [];
    byName.addChatIds(ALICE.id);
    assert.equal(byName.checkUpdate(forwarded(origins.user)), false);
  });
});

describe('ChatType', () => {
  const cases = [
    ['PRIVATE', fromAlice],
    ['GROUP', inGroup],
    ['SUPERGROUP', inSuper],
    ['CHANNEL', inChannel],
  ] as const;

  test('each type passes its own chats only; GROUPS passes both group kinds', () => {
    for (const [name, update] of cases) {
      for (const [other, otherUpdate] of cases) {
        assert.equal(filters.ChatType[name].checkUpdate(otherUpdate), name === other, `${name} on ${other}`);
      }
      assert.equal(filters.ChatType[name].name, `filters.ChatType.${name}`);
      assert.equal(filters.ChatType.GROUPS.checkUpdate(update), name === 'GROUP' || name === 'SUPERGROUP');
    }
  });
});

describe('UpdateType', () => {
  const kinds = MESSAGE_UPDATE_TYPES;
  const expected: Record<keyof typeof filters.UpdateType, readonly MessageUpdateType[]> = {
    MESSAGE: ['message'],
    MESSAGES: ['message', 'edited_message'],
    EDITED_MESSAGE: ['edited_message'],
    EDITED: ['edited_message', 'edited_channel_post', 'edited_business_message'],
    CHANNEL_POST: ['channel_post'],
    CHANNEL_POSTS: ['channel_post', 'edited_channel_post'],
    EDITED_CHANNEL_POST: ['edited_channel_post'],
    BUSINESS_MESSAGE: ['business_message'],
    EDITED_BUSINESS_MESSAGE: ['edited_business_message'],
    BUSINESS_MESSAGES: ['business_message', 'edited_business_message'],
    GUEST_MESSAGE: ['guest_message'],
  };

  for (const [name, accepted] of Object.entries(expected)) {
    test(`UpdateType.${name}`, () => {
      const filter = filters.UpdateType[name as keyof typeof filters.UpdateType];
      assert.equal(filter.name, `filters.UpdateType.${name}`);
      for (const kind of kinds) {
        assert.equal(filter.checkUpdate(messageUpdate({}, kind)), accepted.includes(kind), kind);
      }
      assert.equal(filter.checkUpdate(callbackQueryUpdate()), false);
    });
  }
});

describe('update-level flags', () => {
  test('FORUM and DIRECT_MESSAGES look at the chat', () => {
    const forum = textUpdate('hi', { chat: { ...SUPERGROUP, is_forum: true } });
    const direct = textUpdate('hi', { chat: { ...SUPERGROUP, is_direct_messages: true } });
    assert.equal(filters.FORUM.checkUpdate(forum), true);
    assert.equal(filters.FORUM.checkUpdate(inSuper), false);
    assert.equal(filters.DIRECT_MESSAGES.checkUpdate(direct), true);
    assert.equal(filters.DIRECT_MESSAGES.checkUpdate(forum), false);
  });

  test('PREMIUM_USER and USER_ATTACHMENT look at the sender', () => {
    const premium = textUpdate('hi', { from: { ...ALICE, is_premium: true } });
    const attached = textUpdate('hi', { from: { ...ALICE, added_to_attachment_menu: true } });
    assert.equal(filters.PREMIUM_USER.checkUpdate(premium), true);
    assert.equal(filters.PREMIUM_USER.checkUpdate(attached), false);
    assert.equal(filters.PREMIUM_USER.checkUpdate(inChannel), false);
    assert.equal(filters.USER_ATTACHMENT.checkUpdate(attached), true);
    assert.equal(filters.USER_ATTACHMENT.checkUpdate(premium), false);
    assert.equal(filters.PREMIUM_USER.name, 'filters.PREMIUM_USER');
  });
});
