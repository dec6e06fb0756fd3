/** Chat administration: members, bans, restrictions, promotions, join requests and chat info. */
import { badRequest } from '../errors.js';
import { changeMember, isInChat, memberJson, memberOf } from '../state/members.js';
import type { ChatRecord, Json } from '../state/records.js';
import { routeMessage } from '../state/routing.js';
import { userJoin } from '../state/user-chats.js';
import { makeValue } from '../values.js';
import type { Call, Handler } from './call.js';
import { int, str } from './call.js';

const ADMIN_RIGHTS = [
  'is_anonymous',
  'can_manage_chat',
  'can_delete_messages',
  'can_manage_video_chats',
  'can_restrict_members',
  'can_promote_members',
  'can_change_info',
  'can_invite_users',
  'can_post_stories',
  'can_edit_stories',
  'can_delete_stories',
  'can_post_messages',
  'can_edit_messages',
  'can_pin_messages',
  'can_manage_topics',
];

function adminWith(call: Call, chat: ChatRecord, right: string, refusal: string): void {
  const me = chat.members.get(call.bot.id);
  if (me?.status === 'creator') return;
  if (me?.status === 'administrator' && me.rights[right] === true) return;
  throw badRequest(refusal);
}

function groupLike(call: Call, supergroupsOnly = false): ChatRecord {
  const chat = call.world.chatForBot(call.bot, call.params.chat_id);
  if (chat.type === 'private') throw badRequest('method is available for supergroup and channel chats only');
  if (supergroupsOnly && chat.type === 'group') throw badRequest('method is available only for supergroups');
  return chat;
}

function targetUser(call: Call, chat: ChatRecord): number {
  const userId = int(call.params, 'user_id');
  if (userId === undefined || (!call.world.users.has(userId) && !call.world.botsById.has(userId))) {
    throw badRequest('user not found');
  }
  if (memberOf(chat, userId).status === 'creator') throw badRequest("can't remove chat owner");
  return userId;
}

function permissionsFrom(value: unknown): Json {
  const out: Json = {};
  if (value === null || typeof value !== 'object') return out;
  for (const [key, item] of Object.entries(value as Json)) if (typeof item === 'boolean') out[key] = item;
  return out;
}

/** Chat administration methods. */
export const memberMethods: Record<string, Handler> = {
  getChat: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const base = makeValue('ChatFullInfo', { now: call.world.now() }) as Json;
    const info: Json = { ...base, ...call.world.chatJson(chat), accent_color_id: 0, max_reaction_count: 11 };
    if (chat.type !== 'private') info.permissions = chat.permissions;
    if (chat.description !== undefined) info.description = chat.description;
    const pinned = chat.pinned.at(-1);
    const pinnedMessage = pinned === undefined ? undefined : chat.messages.get(pinned);
    if (pinnedMessage !== undefined) info.pinned_message = pinnedMessage.json;
    return info;
  },
  getChatMember: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const userId = int(call.params, 'user_id') ?? 0;
    if (chat.type === 'private') {
      if (userId !== chat.userId && userId !== call.bot.id) throw badRequest('user not found');
      return { status: 'member', user: call.world.accountJson(userId) };
    }
    if (!call.world.users.has(userId) && !call.world.botsById.has(userId)) throw badRequest('user not found');
    return memberJson(call.world, chat, memberOf(chat, userId));
  },
  getChatAdministrators: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
    return [...chat.members.values()]
      .filter((record) => record.status === 'creator' || record.status === 'administrator')
      .map((record) => memberJson(call.world, chat, record));
  },
  getChatMemberCount: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    if (chat.type === 'private') return 2;
    return [...chat.members.values()].filter((record) => isInChat(record.status)).length;
  },
  leaveChat: (call) => {
    const chat = groupLike(call);
    changeMember(call.world, chat, call.bot.id, call.bot.id, { status: 'left', rights: {} });
    if (chat.type !== 'channel') {
      const record = call.world.addMessage(chat, call.bot.id, {
        left_chat_member: call.world.accountJson(call.bot.id),
      });
      routeMessage(call.world, chat, record);
    }
    return true;
  },
  banChatMember: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_restrict_members', 'not enough rights to restrict/unrestrict chat member');
    const userId = targetUser(call, chat);
    const untilDate = int(call.params, 'until_date') ?? 0;
    changeMember(call.world, chat, userId, call.bot.id, { status: 'kicked', rights: {}, untilDate });
    return true;
  },
  unbanChatMember: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_restrict_members', 'not enough rights to restrict/unrestrict chat member');
    const userId = targetUser(call, chat);
    const current = memberOf(chat, userId);
    if (current.status === 'kicked') {
      changeMember(call.world, chat, userId, call.bot.id, { status: 'left', rights: {}, untilDate: 0 });
    } else if (call.params.only_if_banned !== true && isInChat(current.status)) {
      changeMember(call.world, chat, userId, call.bot.id, { status: 'left', rights: {} });
    }
    return true;
  },
  restrictChatMember: (call) => {
    const chat = groupLike(call, true);
    adminWith(call, chat, 'can_restrict_members', 'not enough rights to restrict/unrestrict chat member');
    const userId = targetUser(call, chat);
    if (memberOf(chat, userId).status === 'administrator')
      throw badRequest('user is an administrator of the chat');
    const rights = {
      ...permissionsFrom(call.params.permissions),
      is_member: isInChat(memberOf(chat, userId).status),
    };
    const untilDate = int(call.params, 'until_date') ?? 0;
    const allAllowed = Object.entries(rights).every(([key, value]) => key === 'is_member' || value === true);
    if (allAllowed && rights.is_member) {
      changeMember(call.world, chat, userId, call.bot.id, { status: 'member', rights: {}, untilDate: 0 });
    } else {
      changeMember(call.world, chat, userId, call.bot.id, { status: 'restricted', rights, untilDate });
    }
    return true;
  },
  promoteChatMember: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_promote_members', 'not enough rights');
    const userId = targetUser(call, chat);
    if (!isInChat(memberOf(chat, userId).status)) throw badRequest('USER_NOT_PARTICIPANT');
    const rights: Json = {};
    for (const name of ADMIN_RIGHTS) if (call.params[name] === true) rights[name] = true;
    const status = Object.keys(rights).length === 0 ? 'member' : 'administrator';
    changeMember(call.world, chat, userId, call.bot.id, { status, rights });
    return true;
  },
  setChatAdministratorCustomTitle: (call) => {
    const chat = groupLike(call, true);
    const userId = int(call.params, 'user_id') ?? 0;
    const current = memberOf(chat, userId);
    if (current.status !== 'administrator') throw badRequest('user is not an administrator');
    current.customTitle = str(call.params, 'custom_title');
    return true;
  },
  setChatPermissions: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_restrict_members', 'not enough rights to change chat permissions');
    chat.permissions = { ...chat.permissions, ...permissionsFrom(call.params.permissions) };
    return true;
  },
  setChatTitle: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_change_info', 'not enough rights to change chat title');
    chat.title = str(call.params, 'title');
    if (chat.type !== 'channel') call.world.addMessage(chat, call.bot.id, { new_chat_title: chat.title });
    return true;
  },
  setChatDescription: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_change_info', 'not enough rights to change chat description');
    const description = str(call.params, 'description') ?? '';
    if (description === (chat.description ?? '')) throw badRequest('chat description is not modified');
    chat.description = description;
    return true;
  },
  approveChatJoinRequest: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_invite_users', 'not enough rights to manage join requests');
    const userId = int(call.params, 'user_id') ?? 0;
    if (!chat.joinRequests.has(userId)) throw badRequest('HIDE_REQUESTER_MISSING');
    userJoin(call.world, userId, chat.id, true);
    return true;
  },
  declineChatJoinRequest: (call) => {
    const chat = groupLike(call);
    adminWith(call, chat, 'can_invite_users', 'not enough rights to manage join requests');
    const userId = int(call.params, 'user_id') ?? 0;
    if (!chat.joinRequests.delete(userId)) throw badRequest('HIDE_REQUESTER_MISSING');
    return true;
  },
};
