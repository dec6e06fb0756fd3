/** Which bots hear what: turns user activity in a chat into updates for the bots in it. */
import type { BotRecord, ChatRecord, Json, MessageRecord } from './records.js';
import type { World } from './world.js';

function isAdmin(chat: ChatRecord, bot: BotRecord): boolean {
  const status = chat.members.get(bot.id)?.status;
  return status === 'administrator' || status === 'creator';
}

function isPresent(chat: ChatRecord, bot: BotRecord): boolean {
  const status = chat.members.get(bot.id)?.status;
  return status !== undefined && status !== 'left' && status !== 'kicked';
}

/**
 * True when a bot in privacy mode receives this group message: commands (addressed to it or to no
 * bot), replies to its own messages, mentions of it, and service messages.
 */
function passesPrivacy(bot: BotRecord, message: Json): boolean {
  if (isService(message)) return true;
  const reply = message.reply_to_message as Json | undefined;
  if ((reply?.from as Json | undefined)?.id === bot.id) return true;
  const text = typeof message.text === 'string' ? message.text : message.caption;
  if (typeof text !== 'string') return false;
  const command = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?/.exec(text);
  if (command !== null)
    return command[1] === undefined || command[1].toLowerCase() === bot.username.toLowerCase();
  return text.toLowerCase().includes(`@${bot.username.toLowerCase()}`);
}

function isService(message: Json): boolean {
  return [
    'new_chat_members',
    'left_chat_member',
    'new_chat_title',
    'pinned_message',
    'migrate_to_chat_id',
    'migrate_from_chat_id',
    'successful_payment',
    'group_chat_created',
  ].some((key) => message[key] !== undefined);
}

/** The bots that take part in a chat (the private chat's bot, or the members of a shared chat). */
export function botsOf(world: World, chat: ChatRecord): BotRecord[] {
  if (chat.type === 'private') {
    const bot = world.botsById.get(chat.botId ?? 0);
    return bot === undefined ? [] : [bot];
  }
  const out: BotRecord[] = [];
  for (const bot of world.botsById.values()) if (isPresent(chat, bot)) out.push(bot);
  return out;
}

/**
 * Delivers a message written by a user (or a service message) to the bots of its chat as
 * `message`/`channel_post`, or their `edited_*` forms when `edited` is set.
 */
export function routeMessage(world: World, chat: ChatRecord, record: MessageRecord, edited = false): void {
  const base = chat.type === 'channel' ? 'channel_post' : 'message';
  const type = edited ? `edited_${base}` : base;
  for (const bot of botsOf(world, chat)) {
    if (record.botId === bot.id) continue;
    if (record.botId !== undefined && !isService(record.json)) continue;
    if (chat.type === 'group' || chat.type === 'supergroup') {
      if (!bot.canReadAllGroupMessages && !isAdmin(chat, bot) && !passesPrivacy(bot, record.json)) continue;
    }
    world.enqueue(bot, type, record.json);
  }
}
