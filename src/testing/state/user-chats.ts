/** Membership actions of users: joining and leaving, join requests, adding bots, group migration. */
import { badRequest } from '../errors.js';
import { changeMember, isInChat, memberOf } from './members.js';
import type { ChatRecord, Json, MemberRecord } from './records.js';
import { routeMessage } from './routing.js';
import type { World } from './world.js';

/** Rights a bot gets when added as an administrator. */
export const FULL_ADMIN_RIGHTS: Json = {
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: true,
  can_restrict_members: true,
  can_promote_members: true,
  can_change_info: true,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_post_messages: true,
  can_edit_messages: true,
  can_pin_messages: true,
  can_manage_topics: true,
};

function shared(world: World, chatId: number): ChatRecord {
  const chat = world.sharedChat(chatId);
  if (chat === undefined) throw badRequest('chat not found');
  return chat;
}

function serviceMessage(world: World, chat: ChatRecord, actorId: number, fields: Json): void {
  if (chat.type === 'channel') return;
  const record = world.addMessage(chat, actorId, fields);
  routeMessage(world, chat, record);
}

/** A user joins a group, supergroup or channel (refused when banned). */
export function userJoin(world: World, userId: number, chatId: number, viaJoinRequest = false): MemberRecord {
  const chat = shared(world, chatId);
  world.user(userId);
  const current = memberOf(chat, userId);
  if (current.status === 'kicked') throw badRequest('USER_BANNED_IN_CHANNEL');
  if (isInChat(current.status)) return current;
  chat.joinRequests.delete(userId);
  const record = changeMember(
    world,
    chat,
    userId,
    userId,
    { status: 'member', rights: {} },
    viaJoinRequest ? { via_join_request: true } : {},
  );
  serviceMessage(world, chat, userId, { new_chat_members: [world.accountJson(userId)] });
  return record;
}

/** A user leaves a chat. */
export function userLeave(world: World, userId: number, chatId: number): void {
  const chat = shared(world, chatId);
  const current = memberOf(chat, userId);
  if (!isInChat(current.status)) throw badRequest('USER_NOT_PARTICIPANT');
  changeMember(world, chat, userId, userId, { status: 'left', rights: {} });
  serviceMessage(world, chat, userId, { left_chat_member: world.accountJson(userId) });
}

/** A user asks to join; administrator bots get `chat_join_request`. */
export function userRequestJoin(world: World, userId: number, chatId: number): Json {
  const chat = shared(world, chatId);
  const user = world.user(userId);
  if (isInChat(memberOf(chat, userId).status)) throw badRequest('USER_ALREADY_PARTICIPANT');
  const request: Json = {
    chat: world.chatJson(chat),
    from: world.accountJson(user.id),
    user_chat_id: user.id,
    date: world.now(),
  };
  chat.joinRequests.set(userId, request);
  for (const bot of world.botsById.values()) {
    const status = chat.members.get(bot.id)?.status;
    if (status === 'administrator' || status === 'creator') world.enqueue(bot, 'chat_join_request', request);
  }
  return request;
}

/** Adds a bot to a chat, as a member or an administrator, by a user of that chat. */
export function addBotToChat(
  world: World,
  chatId: number,
  botId: number,
  byUserId: number | undefined,
  admin: boolean,
): void {
  const chat = shared(world, chatId);
  const bot = world.botsById.get(botId);
  if (bot === undefined) throw badRequest('bot not found');
  if (!bot.canJoinGroups && chat.type !== 'channel') throw badRequest('BOT_GROUPS_BLOCKED');
  if (chat.type === 'channel' && !admin)
    throw badRequest('bots can only be added to channels as administrators');
  const actor = byUserId ?? [...chat.members.values()].find((m) => m.status === 'creator')?.userId ?? botId;
  const status = admin ? 'administrator' : 'member';
  changeMember(world, chat, botId, actor, { status, rights: admin ? { ...FULL_ADMIN_RIGHTS } : {} });
  serviceMessage(world, chat, actor, { new_chat_members: [world.accountJson(botId)] });
}

/** Upgrades a group to a supergroup; the old id then answers with `migrate_to_chat_id`. */
export function migrateGroup(world: World, chatId: number, byUserId: number | undefined): ChatRecord {
  const group = shared(world, chatId);
  if (group.type !== 'group') throw badRequest('chat is not a basic group');
  const owner = byUserId ?? [...group.members.values()].find((m) => m.status === 'creator')?.userId;
  const actor = owner ?? [...group.members.keys()][0] ?? 0;
  const supergroup = world.createChat({ type: 'supergroup', title: group.title ?? '' });
  for (const [id, record] of group.members)
    supergroup.members.set(id, { ...record, rights: { ...record.rights } });
  supergroup.permissions = { ...group.permissions };
  serviceMessage(world, group, actor, { migrate_to_chat_id: supergroup.id });
  group.migratedTo = supergroup.id;
  serviceMessage(world, supergroup, actor, { migrate_from_chat_id: group.id });
  return supergroup;
}
