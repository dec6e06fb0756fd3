/**
 * The seed's chatmemberbot on the framework: it greets people who join a group and says goodbye
 * to those who leave (`chat_member` updates, which Telegram sends to administrator bots), and
 * keeps track of the private chats, groups and channels it is in (`my_chat_member` updates);
 * `/show_chats` lists them. Run it with `BOT_TOKEN=<token> npx tsx examples/chatmemberbot.ts`
 * (add BOT_API_BASE_URL to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { type ChatMember, type ChatMemberUpdated, constants, Update } from 'typescript-telegram-bot';
import {
  Application,
  ChatMemberHandler,
  CommandHandler,
  type ContextTypes,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The kinds of chat the bot keeps in `botData`, each a set of chat ids. */
export type ChatKind = 'userIds' | 'groupIds' | 'channelIds';

/** The ids of one kind of chat the bot is in (created on first use). */
export function chatIds(context: Context, kind: ChatKind): Set<number> {
  let ids = context.botData[kind] as Set<number> | undefined;
  if (ids === undefined) {
    ids = new Set();
    context.botData[kind] = ids;
  }
  return ids;
}

const PRESENT: readonly string[] = [
  constants.ChatMemberStatus.MEMBER,
  constants.ChatMemberStatus.OWNER,
  constants.ChatMemberStatus.ADMINISTRATOR,
];

/** Whether a member is in the chat: a member, the owner or an admin, or restricted but still in. */
function inChat(member: ChatMember): boolean {
  if (PRESENT.includes(member.status)) return true;
  return member.status === constants.ChatMemberStatus.RESTRICTED && member.is_member;
}

/**
 * `[wasMember, isMember]` for an update whose status changed, `undefined` when the status stayed
 * the same (a change of rights only, say).
 */
export function extractStatusChange(change: ChatMemberUpdated): readonly [boolean, boolean] | undefined {
  if (change.difference().status === undefined) return undefined;
  return [inChat(change.old_chat_member), inChat(change.new_chat_member)];
}

/** `my_chat_member`: the bot was added to or removed from a chat, or (un)blocked by a user. */
export async function trackChats(update: Update, context: Context): Promise<void> {
  const change = update.my_chat_member;
  const chat = update.effectiveChat;
  if (change === undefined || chat === undefined) return;
  const result = extractStatusChange(change);
  if (result === undefined) return;
  const [wasMember, isMember] = result;
  if (wasMember === isMember) return;
  let kind: ChatKind;
  if (chat.type === constants.ChatType.PRIVATE) kind = 'userIds';
  else if (chat.type === constants.ChatType.GROUP || chat.type === constants.ChatType.SUPERGROUP)
    kind = 'groupIds';
  else kind = 'channelIds';
  if (isMember) chatIds(context, kind).add(chat.id);
  else chatIds(context, kind).delete(chat.id);
}

/** `/show_chats`: the chats the bot is in. */
export async function showChats(update: Update, context: Context): Promise<void> {
  const list = (kind: ChatKind): string => [...chatIds(context, kind)].join(', ');
  await update.effectiveMessage?.replyText(
    `@${context.bot.username} is currently in a conversation with the user IDs ${list('userIds')}.` +
      ` Moreover it is a member of the groups with IDs ${list('groupIds')}` +
      ` and administrator in the channels with IDs ${list('channelIds')}.`,
  );
}

/** `chat_member`: welcome whoever joined, say goodbye to whoever left. */
export async function greetChatMembers(update: Update, _context: Context): Promise<void> {
  const change = update.chat_member;
  const chat = update.effectiveChat;
  if (change === undefined || chat === undefined) return;
  const result = extractStatusChange(change);
  if (result === undefined) return;
  const [wasMember, isMember] = result;
  const causeName = change.from.mentionHtml();
  const memberName = change.new_chat_member.user.mentionHtml();
  if (!wasMember && isMember) {
    await chat.sendMessage(`${memberName} was added by ${causeName}. Welcome!`, { parse_mode: 'HTML' });
  } else if (wasMember && !isMember) {
    await chat.sendMessage(`${memberName} is no longer with us. Thanks a lot, ${causeName} ...`, {
      parse_mode: 'HTML',
    });
  }
}

/**
 * Any message in a private chat the bot has not recorded yet: greet the user and record the chat.
 * Starting a private chat sends no `my_chat_member` update, hence this handler.
 */
export async function startPrivateChat(update: Update, context: Context): Promise<void> {
  const chat = update.effectiveChat;
  const user = update.effectiveUser;
  if (chat?.type !== constants.ChatType.PRIVATE || user === undefined) return;
  const users = chatIds(context, 'userIds');
  if (users.has(chat.id)) return;
  users.add(chat.id);
  await update.effectiveMessage?.replyText(
    `Welcome ${user.fullName}. Use /show_chats to see what chats I'm in.`,
  );
}

/** The application with the chatmemberbot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new ChatMemberHandler(trackChats, { chatMemberTypes: ChatMemberHandler.MY_CHAT_MEMBER }));
  app.addHandler(new CommandHandler('show_chats', showChats));
  app.addHandler(new ChatMemberHandler(greetChatMembers, { chatMemberTypes: ChatMemberHandler.CHAT_MEMBER }));
  // Anything else may be the first message of a private chat.
  app.addHandler(new MessageHandler(filters.ALL, startPrivateChat));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  // `chat_member` updates are only delivered when asked for explicitly.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
