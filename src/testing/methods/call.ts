/** What a method implementation receives, and helpers shared by the method modules. */
import { badRequest } from '../errors.js';
import { formatText } from '../format.js';
import type { BotRecord, ChatRecord, Json } from '../state/records.js';
import type { World } from '../state/world.js';

/** One validated Bot API call. */
export interface Call {
  readonly world: World;
  readonly bot: BotRecord;
  /** The method's name as the API spells it. */
  readonly method: string;
  readonly params: Json;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Tells the webhook deliverer that a bot's settings changed. */
  readonly kickWebhook: (bot: BotRecord) => void;
}

/** A method implementation: returns the `result` of the answer or throws an ApiError. */
export type Handler = (call: Call) => unknown;

/** Reads an integer parameter that validation has already decoded. */
export function int(params: Json, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'number' ? value : undefined;
}

/** Reads a string parameter. */
export function str(params: Json, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** The text fields of a message from `text`, `parse_mode` and `entities`. */
export function textFields(params: Json): Json {
  const formatted = formatText(str(params, 'text') ?? '', params.parse_mode, params.entities);
  const out: Json = { text: formatted.text };
  if (formatted.entities.length > 0) out.entities = formatted.entities;
  const preview = params.link_preview_options;
  if (typeof preview === 'object' && preview !== null && !Array.isArray(preview)) {
    out.link_preview_options = preview;
  }
  return out;
}

/** The caption fields of a message from `caption`, `parse_mode` and `caption_entities`. */
export function captionFields(params: Json): Json {
  const caption = str(params, 'caption');
  if (caption === undefined) return {};
  const formatted = formatText(caption, params.parse_mode, params.caption_entities);
  if (formatted.text === '') return {};
  const out: Json = { caption: formatted.text };
  if (formatted.entities.length > 0) out.caption_entities = formatted.entities;
  if (params.show_caption_above_media === true) out.show_caption_above_media = true;
  return out;
}

/**
 * The message a new message replies to, from `reply_parameters` (an older `reply_to_message_id`
 * has been turned into it before validation, see legacy.ts).
 */
export function replyFields(chat: ChatRecord, params: Json): Json {
  const reply = params.reply_parameters as Json | undefined;
  const messageId = typeof reply?.message_id === 'number' ? reply.message_id : undefined;
  if (messageId === undefined || messageId <= 0) return {};
  const target = chat.messages.get(messageId);
  if (target === undefined) {
    if (reply?.allow_sending_without_reply === true) return {};
    throw badRequest('message to be replied not found');
  }
  const nested: Json = { ...target.json };
  delete nested.reply_to_message;
  return { reply_to_message: nested };
}

/** Fields of which an inline keyboard button must have exactly one. */
const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

/** Refuses inline buttons without exactly one action, as Telegram does. */
function checkInlineKeyboard(rows: unknown[]): void {
  for (const row of rows) {
    for (const button of Array.isArray(row) ? (row as Json[]) : []) {
      const actions = BUTTON_ACTIONS.filter((name) => button[name] !== undefined);
      if (actions.length === 0) {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      if (actions.length > 1)
        throw badRequest("can't parse inline keyboard button: a button can have only one action");
    }
  }
}

/** The `reply_markup` a message keeps: only inline keyboards are stored on messages. */
export function markupFields(params: Json): Json {
  const markup = params.reply_markup as Json | undefined;
  if (markup !== undefined && Array.isArray(markup.inline_keyboard)) {
    checkInlineKeyboard(markup.inline_keyboard);
    return { reply_markup: markup };
  }
  return {};
}

/** Fields every sent message takes from the common options. */
export function commonFields(chat: ChatRecord, params: Json): Json {
  const out: Json = { ...replyFields(chat, params), ...markupFields(params) };
  if (params.protect_content === true) out.has_protected_content = true;
  const thread = int(params, 'message_thread_id');
  if (thread !== undefined && chat.isForum) {
    const topic = chat.topics.get(thread);
    if (topic === undefined) throw badRequest('message thread not found');
    if (topic.closed) throw badRequest('TOPIC_CLOSED');
    out.message_thread_id = thread;
    out.is_topic_message = true;
  }
  return out;
}

/** Throws unless the bot may post in the chat (channel admins, unrestricted group members). */
export function checkCanSend(chat: ChatRecord, bot: BotRecord, what = 'text messages'): void {
  if (chat.type === 'private') return;
  const member = chat.members.get(bot.id);
  if (chat.type === 'channel') {
    const ok =
      member?.status === 'creator' ||
      (member?.status === 'administrator' && member.rights.can_post_messages !== false);
    if (!ok) throw badRequest('need administrator rights in the channel chat');
    return;
  }
  if (member?.status === 'restricted' && member.rights.can_send_messages === false) {
    throw badRequest(`not enough rights to send ${what} to the chat`);
  }
  if (member?.status === 'member' && chat.permissions.can_send_messages === false) {
    throw badRequest(`not enough rights to send ${what} to the chat`);
  }
}
