/** Chat membership: ChatMember objects, status changes and their chat_member / my_chat_member updates. */
import { TYPES } from '../../generated/metadata.js';
import type { ChatRecord, Json, MemberRecord, MemberStatus } from './records.js';
import type { World } from './world.js';
import { member } from './world.js';

const VARIANTS: Record<MemberStatus, string> = {
  creator: 'ChatMemberOwner',
  administrator: 'ChatMemberAdministrator',
  member: 'ChatMemberMember',
  restricted: 'ChatMemberRestricted',
  left: 'ChatMemberLeft',
  kicked: 'ChatMemberBanned',
};

/** The JSON `ChatMember` of a member record, every required field of its variant filled. */
export function memberJson(world: World, chat: ChatRecord, record: MemberRecord): Json {
  const variant = TYPES[VARIANTS[record.status]];
  const out: Json = { status: record.status, user: world.accountJson(record.userId) };
  for (const field of variant?.fields ?? []) {
    if (field.name in out) continue;
    const own = record.rights[field.name];
    if (field.name === 'until_date') {
      if (field.required || record.untilDate !== 0) out.until_date = record.untilDate;
    } else if (field.name === 'is_member') {
      out.is_member = own !== false;
    } else if (field.name === 'custom_title') {
      if (record.customTitle !== undefined) out.custom_title = record.customTitle;
    } else if (field.types[0] === 'Boolean' && (field.required || own !== undefined)) {
      const fallback = record.status === 'restricted' ? chat.permissions[field.name] === true : false;
      out[field.name] = typeof own === 'boolean' ? own : fallback;
    } else if (field.required && field.value === undefined && field.types[0] === 'String') {
      out[field.name] = '';
    }
  }
  return out;
}

/** The current member record of an account, a `left` record when it never joined. */
export function memberOf(chat: ChatRecord, userId: number): MemberRecord {
  return chat.members.get(userId) ?? member(userId, 'left');
}

/** True for statuses that count as being in the chat. */
export function isInChat(status: MemberStatus): boolean {
  return status === 'creator' || status === 'administrator' || status === 'member' || status === 'restricted';
}

/**
 * Changes an account's membership and sends `my_chat_member` (to a bot whose own status changed)
 * or `chat_member` (to the administrator bots of the chat).
 */
export function changeMember(
  world: World,
  chat: ChatRecord,
  userId: number,
  actorId: number,
  next: Partial<Pick<MemberRecord, 'status' | 'rights' | 'untilDate' | 'customTitle'>>,
  extra: Json = {},
): MemberRecord {
  const previous = memberOf(chat, userId);
  const before = memberJson(world, chat, previous);
  const record: MemberRecord = {
    userId,
    status: next.status ?? previous.status,
    rights: next.rights ?? previous.rights,
    untilDate: next.untilDate ?? previous.untilDate,
    customTitle: next.customTitle ?? previous.customTitle,
  };
  chat.members.set(userId, record);
  const after = memberJson(world, chat, record);
  if (JSON.stringify(before) === JSON.stringify(after)) return record;
  const payload: Json = {
    chat: world.chatJson(chat),
    from: world.accountJson(actorId),
    date: world.now(),
    old_chat_member: before,
    new_chat_member: after,
    ...extra,
  };
  const changedBot = world.botsById.get(userId);
  if (changedBot !== undefined) world.enqueue(changedBot, 'my_chat_member', payload);
  for (const bot of world.botsById.values()) {
    if (bot.id === userId) continue;
    const status = chat.members.get(bot.id)?.status;
    if (status === 'administrator' || status === 'creator') world.enqueue(bot, 'chat_member', payload);
  }
  return record;
}
