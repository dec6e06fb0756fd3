import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { drain, fails, ok } from './helpers.js';

type Update = Record<string, unknown>;

function kinds(list: readonly Update[]): string[] {
  return list.map((update) => Object.keys(update).find((key) => key !== 'update_id') ?? '');
}

function texts(list: readonly Update[]): unknown[] {
  return list
    .filter((update) => update.message !== undefined)
    .map((update) => (update.message as Update).text);
}

describe('groups, supergroups and channels', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let owner: SimulatedUser;
  let member: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'group_admin_bot' });
    owner = await emu.createUser({ firstName: 'Olivia' });
    member = await emu.createUser({ firstName: 'Max' });
  });
  after(() => emu.stop());

  test('adding a bot sends my_chat_member and the new_chat_members message', async () => {
    const group = await emu.createGroup({ title: 'Friends', owner, members: [member] });
    const before = await fails(emu, bot.token, 'sendMessage', { chat_id: group.id, text: 'x' });
    assert.equal(before.status, 403);
    assert.equal(before.body.description, 'Forbidden: bot is not a member of the group chat');
    await emu.addBot(group, bot, { by: owner });
    const list = await drain(emu, bot.token);
    assert.deepEqual(kinds(list), ['my_chat_member', 'message']);
    const change = list[0]?.my_chat_member as { new_chat_member: { status: string }; from: { id: number } };
    assert.equal(change.new_chat_member.status, 'member');
    assert.equal(change.from.id, owner.id);
    const sent = await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: 'hello group' });
    assert.equal((sent.chat as { type: string }).type, 'group');
    assert.equal((await member.expectMessage({ chat: group })).text, 'hello group');
  });

  test('privacy mode: a member bot sees commands, mentions and replies only', async () => {
    const group = await emu.createGroup({ title: 'Privacy', owner, members: [member], bots: [bot] });
    await drain(emu, bot.token);
    await member.sendMessage(group, 'just chatting');
    await member.sendMessage(group, '/help');
    await member.sendMessage(group, '/help@someone_else_bot');
    await member.sendMessage(group, 'hey @group_admin_bot');
    const own = await ok<{ message_id: number }>(emu, bot.token, 'sendMessage', {
      chat_id: group.id,
      text: 'question?',
    });
    await member.sendMessage(group, 'an answer', { replyToMessageId: own.message_id });
    assert.deepEqual(texts(await drain(emu, bot.token)), ['/help', 'hey @group_admin_bot', 'an answer']);
    const reader = await emu.createBot({ username: 'reader_bot', canReadAllGroupMessages: true });
    await emu.addBot(group, reader);
    await drain(emu, reader.token);
    await member.sendMessage(group, 'everything');
    assert.deepEqual(texts(await drain(emu, reader.token)), ['everything']);
  });

  test('administration: promote, restrict, ban and unban with chat_member updates', async () => {
    const group = await emu.createSupergroup({ title: 'Admins', owner, members: [member], adminBots: [bot] });
    await drain(emu, bot.token);
    await ok(emu, bot.token, 'getUpdates', {
      allowed_updates: ['message', 'chat_member', 'my_chat_member'],
      timeout: 0,
    });
    const admins = await ok<Update[]>(emu, bot.token, 'getChatAdministrators', { chat_id: group.id });
    assert.deepEqual(admins.map((admin) => admin.status).sort(), ['administrator', 'creator']);
    await ok(emu, bot.token, 'restrictChatMember', {
      chat_id: group.id,
      user_id: member.id,
      permissions: { can_send_messages: false },
    });
    const restricted = await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: member.id });
    assert.equal(restricted.status, 'restricted');
    assert.equal(restricted.can_send_messages, false);
    await assert.rejects(member.sendMessage(group, 'muted?'), /restricted/);
    await ok(emu, bot.token, 'promoteChatMember', {
      chat_id: group.id,
      user_id: member.id,
      can_pin_messages: true,
    });
    const promoted = await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: member.id });
    assert.equal(promoted.status, 'administrator');
    assert.equal(promoted.can_pin_messages, true);
    await ok(emu, bot.token, 'banChatMember', { chat_id: group.id, user_id: member.id });
    assert.equal(
      (await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: member.id })).status,
      'kicked',
    );
    await assert.rejects(member.join(group), /USER_BANNED_IN_CHANNEL/);
    await ok(emu, bot.token, 'unbanChatMember', { chat_id: group.id, user_id: member.id });
    await member.join(group);
    const updates = await drain(emu, bot.token);
    const statuses = updates
      .filter((update) => update.chat_member !== undefined)
      .map(
        (update) => (update.chat_member as { new_chat_member: { status: string } }).new_chat_member.status,
      );
    assert.deepEqual(statuses, ['restricted', 'administrator', 'kicked', 'left', 'member']);
    const owners = await fails(emu, bot.token, 'banChatMember', { chat_id: group.id, user_id: owner.id });
    assert.equal(owners.body.description, "Bad Request: can't remove chat owner");
    assert.equal(await ok(emu, bot.token, 'getChatMemberCount', { chat_id: group.id }), 3);
    await ok(emu, bot.token, 'getUpdates', { allowed_updates: [], timeout: 0 });
  });

  test('a member bot without rights cannot administrate', async () => {
    const helper = await emu.createBot({ username: 'helper_bot' });
    const group = await emu.createSupergroup({
      title: 'No rights',
      owner,
      members: [member],
      bots: [helper],
    });
    const answer = await fails(emu, helper.token, 'banChatMember', { chat_id: group.id, user_id: member.id });
    assert.equal(
      answer.body.description,
      'Bad Request: not enough rights to restrict/unrestrict chat member',
    );
  });

  test('chat permissions apply to member bots and users, not to administrators', async () => {
    const helper = await emu.createBot({ username: 'quiet_bot' });
    const group = await emu.createSupergroup({
      title: 'Announcements',
      owner,
      members: [member],
      bots: [helper],
      adminBots: [bot],
    });
    await ok(emu, bot.token, 'setChatPermissions', {
      chat_id: group.id,
      permissions: { can_send_messages: false },
    });
    const muted = await fails(emu, helper.token, 'sendMessage', { chat_id: group.id, text: 'hi' });
    assert.equal(muted.body.description, 'Bad Request: not enough rights to send text messages to the chat');
    await assert.rejects(member.sendMessage(group, 'hi'), /CHAT_WRITE_FORBIDDEN/);
    await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: 'admins may post' });
    await owner.sendMessage(group, 'owners too');
  });

  test('join requests are approved or declined by an admin bot', async () => {
    const group = await emu.createSupergroup({ title: 'Club', owner, adminBots: [bot] });
    await drain(emu, bot.token);
    const guest = await emu.createUser({ firstName: 'Guest' });
    await guest.requestToJoin(group);
    const [request] = (await drain(emu, bot.token)).filter(
      (update) => update.chat_join_request !== undefined,
    );
    assert.equal(
      (request?.chat_join_request as { user_chat_id: number } | undefined)?.user_chat_id,
      guest.id,
    );
    await ok(emu, bot.token, 'approveChatJoinRequest', { chat_id: group.id, user_id: guest.id });
    assert.equal(
      (await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: guest.id })).status,
      'member',
    );
    const other = await emu.createUser({ firstName: 'Other' });
    await other.requestToJoin(group);
    await ok(emu, bot.token, 'declineChatJoinRequest', { chat_id: group.id, user_id: other.id });
    assert.equal(
      (await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: other.id })).status,
      'left',
    );
    await guest.leave(group);
    assert.equal(
      (await ok(emu, bot.token, 'getChatMember', { chat_id: group.id, user_id: guest.id })).status,
      'left',
    );
  });

  test('a group upgraded to a supergroup answers with migrate_to_chat_id', async () => {
    const group = await emu.createGroup({ title: 'Growing', owner, bots: [bot] });
    await drain(emu, bot.token);
    const supergroup = await emu.migrateGroup(group, owner);
    assert.equal(supergroup.type, 'supergroup');
    const moved = await fails(emu, bot.token, 'sendMessage', { chat_id: group.id, text: 'old place' });
    assert.equal(moved.status, 400);
    assert.equal(moved.body.description, 'Bad Request: group chat was upgraded to a supergroup chat');
    assert.equal(moved.body.parameters?.migrate_to_chat_id, supergroup.id);
    const service = (await drain(emu, bot.token)).map((update) => update.message as Update);
    assert.deepEqual(
      service.map((message) => message.migrate_to_chat_id ?? message.migrate_from_chat_id),
      [supergroup.id, group.id],
    );
    await ok(emu, bot.token, 'sendMessage', { chat_id: supergroup.id, text: 'new place' });
  });

  test('channels: admin bots post, users post as the channel, public usernames resolve', async () => {
    const channel = await emu.createChannel({
      title: 'News',
      username: 'news_channel',
      owner,
      adminBots: [bot],
    });
    await drain(emu, bot.token);
    const post = await ok(emu, bot.token, 'sendMessage', { chat_id: '@news_channel', text: 'breaking' });
    assert.equal((post.sender_chat as { id: number }).id, channel.id);
    assert.equal(post.from, undefined);
    await owner.sendMessage(channel, 'from the owner');
    const [update] = await drain(emu, bot.token);
    assert.equal((update?.channel_post as Update | undefined)?.text, 'from the owner');
    const reader = await emu.createBot({ username: 'lurker_bot' });
    const refused = await fails(emu, reader.token, 'sendMessage', { chat_id: channel.id, text: 'x' });
    assert.equal(refused.body.description, 'Bad Request: chat not found');
  });
});
