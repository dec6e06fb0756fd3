/** What a simulated user does with messages: send, edit, delete, react, in private chats and groups. */
import { badRequest, forbidden } from '../errors.js';
import { MEDIA_KINDS, mediaJson, storeFile } from './files.js';
import { keyboardFor, keyboardUsed } from './keyboards.js';
import { isInChat } from './members.js';
import type { BotRecord, ChatRecord, Json, MessageRecord } from './records.js';
import { routeMessage } from './routing.js';
import { userText } from './user-text.js';
import type { World } from './world.js';
import { botUserJson } from './world.js';

/** Where a user acts: a private chat with a bot, or a shared chat by id. */
export interface ChatTarget {
  readonly botId?: number | undefined;
  readonly chatId?: number | undefined;
}

/** A file a user sends: base64 bytes or an existing file_id. */
export interface UserFile {
  readonly data_base64?: string | undefined;
  readonly file_id?: string | undefined;
  readonly file_name?: string | undefined;
  readonly mime_type?: string | undefined;
}

/** Finds the chat a user acts in, creating the private chat with a bot on first use. */
export function userChat(world: World, userId: number, target: ChatTarget): ChatRecord {
  const user = world.user(userId);
  if (target.botId !== undefined && (target.chatId === undefined || target.chatId === userId)) {
    const bot = world.botsById.get(target.botId);
    if (bot === undefined) throw badRequest('bot not found');
    return world.privateChat(bot, user);
  }
  if (target.chatId === undefined) throw badRequest('chat_id or bot_id is required');
  return world.chatByRef(target.chatId, target.botId);
}

function checkMember(chat: ChatRecord, userId: number): void {
  if (chat.type === 'private') return;
  const record = chat.members.get(userId);
  if (record === undefined || !isInChat(record.status)) throw forbidden('user is not a member of the chat');
  if (chat.type === 'channel' && record.status !== 'creator' && record.status !== 'administrator') {
    throw badRequest('only channel administrators can post');
  }
  if (record.status === 'restricted' && record.rights.can_send_messages === false) {
    throw badRequest('user is restricted in the chat');
  }
  if (record.status === 'member' && chat.permissions.can_send_messages === false) {
    throw badRequest('CHAT_WRITE_FORBIDDEN');
  }
  if (chat.migratedTo !== undefined) {
    throw badRequest('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
  }
}

/** Unblocks the bot when a user writes to it again (Telegram's "Restart"). */
function unblock(world: World, chat: ChatRecord, userId: number): void {
  const bot = world.botsById.get(chat.botId ?? 0);
  if (bot === undefined || !bot.blockedBy.has(userId)) return;
  setBlocked(world, bot, userId, false);
}

/** Blocks or unblocks a bot for a user and tells the bot with `my_chat_member`. */
export function setBlocked(world: World, bot: BotRecord, userId: number, blocked: boolean): void {
  const user = world.user(userId);
  if (bot.blockedBy.has(userId) === blocked) return;
  if (blocked) bot.blockedBy.add(userId);
  else bot.blockedBy.delete(userId);
  const chat = world.privateChat(bot, user);
  const me = botUserJson(bot);
  const memberState: Json = { status: 'member', user: me };
  const kickedState: Json = { status: 'kicked', user: me, until_date: 0 };
  world.enqueue(bot, 'my_chat_member', {
    chat: world.chatJson(chat),
    from: world.accountJson(userId),
    date: world.now(),
    old_chat_member: blocked ? memberState : kickedState,
    new_chat_member: blocked ? kickedState : memberState,
  });
}

/** The phone number a simulated user shares when asked (made from its id, so stable per user). */
export function userPhoneNumber(userId: number): string {
  return `+1555${String(userId).slice(-7)}`;
}

/** Builds the message fields of the content a user sends. */
export function userContent(world: World, content: Json): Json {
  const out: Json = {};
  if (typeof content.text === 'string') {
    const { text, entities } = userText(content.text, content.entities, 'text');
    out.text = text;
    if (entities.length > 0) out.entities = entities;
  }
  for (const kind of MEDIA_KINDS) {
    const file = content[kind] as UserFile | string | undefined;
    if (file === undefined) continue;
    const spec: UserFile = typeof file === 'string' ? { file_id: file } : file;
    const known = spec.file_id === undefined ? undefined : world.files.get(spec.file_id);
    if (spec.file_id !== undefined && known === undefined)
      throw badRequest('wrong file identifier specified');
    const record =
      known ??
      storeFile(world, Buffer.from(spec.data_base64 ?? '', 'base64'), kind, spec.file_name, spec.mime_type);
    out[kind] = mediaJson(record, kind, content);
  }
  if (typeof content.caption === 'string') {
    const { text, entities } = userText(content.caption, content.caption_entities, 'caption');
    if (text !== '') out.caption = text;
    if (entities.length > 0) out.caption_entities = entities;
  }
  const location = content.location as Json | undefined;
  if (location !== undefined) {
    const { latitude, longitude } = location;
    if (
      typeof latitude !== 'number' ||
      typeof longitude !== 'number' ||
      Math.abs(latitude) > 90 ||
      Math.abs(longitude) > 180
    ) {
      throw badRequest('location needs a latitude in [-90, 90] and a longitude in [-180, 180]');
    }
    out.location = { latitude, longitude };
  }
  const contact = content.contact as Json | undefined;
  if (contact !== undefined) {
    if (typeof contact.phone_number !== 'string' || typeof contact.first_name !== 'string') {
      throw badRequest('contact needs phone_number and first_name');
    }
    out.contact = { ...contact };
  }
  if (content.poll !== undefined && content.poll !== null) out.poll = userPoll(world, content.poll as Json);
  if (Object.keys(out).length === 0) throw badRequest('message is empty');
  return out;
}

/**
 * Builds the `poll` of a message a user sends, checked as Telegram's client checks a composed
 * poll: a question, 2 to 12 options, a correct option for quizzes.
 */
export function userPoll(world: World, spec: Json): Json {
  const question = spec.question;
  if (typeof question !== 'string' || question.length === 0 || question.length > 300) {
    throw badRequest('poll question must be 1-300 characters');
  }
  const options = Array.isArray(spec.options) ? spec.options : [];
  const texts = options.map((option: unknown) =>
    typeof option === 'string' ? option : String((option as Json | null)?.text ?? ''),
  );
  if (texts.length < 2 || texts.length > 12 || texts.some((text) => text.length === 0 || text.length > 100)) {
    throw badRequest('POLL_ANSWERS_INVALID');
  }
  const type = spec.type ?? 'regular';
  if (type !== 'regular' && type !== 'quiz') throw badRequest('poll type must be regular or quiz');
  const multiple = spec.allows_multiple_answers === true;
  if (type === 'quiz' && multiple) throw badRequest("quizzes can't allow multiple answers");
  const correct = spec.correct_option_id;
  if (
    type === 'quiz' &&
    (typeof correct !== 'number' || !Number.isInteger(correct) || correct < 0 || correct >= texts.length)
  ) {
    throw badRequest('wrong correct option id specified');
  }
  const poll: Json = {
    id: `user-poll-${Date.now()}-${world.nextPollNumber()}`,
    question,
    options: texts.map((text, index) => ({ persistent_id: String(index), text, voter_count: 0 })),
    total_voter_count: 0,
    is_closed: false,
    is_anonymous: spec.is_anonymous !== false,
    type,
    allows_multiple_answers: multiple,
    allows_revoting: type === 'regular',
    members_only: false,
  };
  if (type === 'quiz') Object.assign(poll, { correct_option_id: correct, correct_option_ids: [correct] });
  return poll;
}

/** A user sends a message; the bots of the chat get it as an update. */
export function userSend(world: World, userId: number, target: ChatTarget, content: Json): MessageRecord {
  const chat = userChat(world, userId, target);
  checkMember(chat, userId);
  if (chat.type === 'private') unblock(world, chat, userId);
  const fields = userContent(world, content);
  const replyTo = typeof content.reply_to_message_id === 'number' ? content.reply_to_message_id : undefined;
  if (replyTo !== undefined) {
    const nested: Json = { ...world.message(chat, replyTo, 'message to be replied not found').json };
    delete nested.reply_to_message;
    fields.reply_to_message = nested;
  }
  const thread = Number(content.message_thread_id ?? Number.NaN);
  if (Number.isInteger(thread) && chat.isForum) {
    const topic = chat.topics.get(thread);
    if (topic === undefined) throw badRequest('message thread not found');
    if (topic.closed) throw badRequest('TOPIC_CLOSED');
    fields.message_thread_id = thread;
    fields.is_topic_message = true;
  }
  const record = world.addMessage(chat, userId, fields);
  routeMessage(world, chat, record);
  return record;
}

function ownMessage(world: World, chat: ChatRecord, userId: number, messageId: unknown): MessageRecord {
  const record = world.message(chat, messageId);
  const from = record.json.from as Json | undefined;
  if (from?.id !== userId) throw badRequest("message can't be edited");
  return record;
}

/** A user edits the text or caption of one of its messages; bots get `edited_message`. */
export function userEdit(
  world: World,
  userId: number,
  target: ChatTarget,
  messageId: unknown,
  text: string,
): Json {
  const chat = userChat(world, userId, target);
  const record = ownMessage(world, chat, userId, messageId);
  const next: Json = { ...record.json, edit_date: world.now() };
  const field = typeof next.text === 'string' ? 'text' : 'caption';
  const entitiesField = field === 'text' ? 'entities' : 'caption_entities';
  const formatted = userText(text, undefined, field);
  delete next[field];
  delete next[entitiesField];
  if (formatted.text !== '') next[field] = formatted.text;
  if (formatted.entities.length > 0) next[entitiesField] = formatted.entities;
  record.json = next;
  world.log(chat, 'edit', userId, next.message_id as number, next);
  routeMessage(world, chat, record, true);
  return next;
}

/** A user deletes one of its messages (bots are not told, as on Telegram). */
export function userDelete(world: World, userId: number, target: ChatTarget, messageId: unknown): void {
  const chat = userChat(world, userId, target);
  const record = ownMessage(world, chat, userId, messageId);
  const id = record.json.message_id as number;
  chat.messages.delete(id);
  world.log(chat, 'delete', userId, id, undefined, undefined, `deleted message ${id}`);
}

/** A user sets its reactions on a message; bots that asked for `message_reaction` get it. */
export function userReact(
  world: World,
  userId: number,
  target: ChatTarget,
  messageId: unknown,
  emoji: readonly string[],
): void {
  const chat = userChat(world, userId, target);
  const record = world.message(chat, messageId);
  const old = record.reactions.get(userId) ?? [];
  const next = emoji.map((item) => ({ type: 'emoji', emoji: item }));
  record.reactions.set(userId, next);
  const payload: Json = {
    chat: world.chatJson(chat),
    message_id: record.json.message_id,
    user: world.accountJson(userId),
    date: world.now(),
    old_reaction: old,
    new_reaction: next,
  };
  for (const bot of world.botsById.values()) {
    const present =
      chat.type === 'private'
        ? chat.botId === bot.id
        : ['administrator', 'creator'].includes(chat.members.get(bot.id)?.status ?? '');
    if (present) world.enqueue(bot, 'message_reaction', payload);
  }
}

interface KeyButton {
  readonly text: string;
  readonly request_contact?: boolean;
  readonly request_location?: boolean;
  readonly request_poll?: { readonly type?: string };
  readonly web_app?: { readonly url?: string };
}

function findKey(chat: ChatRecord, userId: number, text: string): KeyButton {
  const rows = (keyboardFor(chat, userId)?.markup.keyboard as (KeyButton | string)[][] | undefined) ?? [];
  for (const row of rows) {
    for (const item of row) {
      const candidate = typeof item === 'string' ? { text: item } : item;
      if (candidate.text === text) return candidate;
    }
  }
  throw badRequest(`no keyboard button with text "${text}"`);
}

/**
 * A user presses a button of the custom keyboard the bot shows in the chat: it sends the
 * button's text, or the user's contact or a location for request buttons. A `request_poll`
 * button sends the poll the user composed (`poll`, required for such a button; its type must
 * match the one the button asks for). A one-time keyboard collapses afterwards; its buttons still
 * work, as in Telegram's app where the keyboard icon brings it back.
 */
export function userPressKey(
  world: World,
  userId: number,
  target: ChatTarget,
  text: string,
  poll?: Json,
): MessageRecord {
  const chat = userChat(world, userId, target);
  const button = findKey(chat, userId, text);
  if (poll !== undefined && button.request_poll === undefined) {
    throw badRequest(`the button "${text}" does not ask for a poll`);
  }
  const user = world.user(userId);
  let content: Json = { text };
  if (button.web_app !== undefined) {
    throw badRequest(`the button "${text}" opens a web app: send web app data instead`);
  } else if (button.request_poll !== undefined) {
    if (poll === undefined) throw badRequest(`the button "${text}" asks for a poll: pass the poll to send`);
    const wanted = button.request_poll.type;
    if (wanted !== undefined && (poll.type ?? 'regular') !== wanted) {
      throw badRequest(`the button "${text}" asks for a ${wanted} poll`);
    }
    content = { poll };
  } else if (button.request_contact === true) {
    content = {
      contact: {
        phone_number: userPhoneNumber(userId),
        first_name: user.first_name,
        user_id: userId,
      },
    };
  } else if (button.request_location === true) {
    content = { location: { latitude: 0, longitude: 0 } };
  }
  // Sent first, so that a refused message (a malformed poll) leaves the keyboard in place.
  const record = userSend(world, userId, target, content);
  keyboardUsed(chat, userId);
  return record;
}

/** The most web app data a bot may receive, in bytes (as on Telegram). */
const MAX_WEB_APP_DATA = 4096;

/**
 * A user opens the web app of a reply-keyboard button and the page sends data back: the bot gets
 * a service message with `web_app_data`. Only private chats show such buttons.
 */
export function userWebAppData(
  world: World,
  userId: number,
  target: ChatTarget,
  buttonText: string,
  data: string,
): MessageRecord {
  const chat = userChat(world, userId, target);
  if (chat.type !== 'private') throw badRequest('web app keyboard buttons work in private chats only');
  const button = findKey(chat, userId, buttonText);
  if (button.web_app === undefined) throw badRequest(`the button "${buttonText}" opens no web app`);
  const size = Buffer.byteLength(data, 'utf8');
  if (size === 0 || size > MAX_WEB_APP_DATA) throw badRequest('web app data must be 1-4096 bytes');
  unblock(world, chat, userId);
  keyboardUsed(chat, userId);
  const record = world.addMessage(chat, userId, { web_app_data: { data, button_text: buttonText } });
  routeMessage(world, chat, record);
  return record;
}
