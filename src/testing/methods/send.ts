/** Sending: sendMessage, the media senders, locations, contacts, dice, albums, forwards and copies. */
import { METHODS } from '../../generated/metadata.js';
import { badRequest } from '../errors.js';
import type { MediaKind } from '../state/files.js';
import { mediaJson, resolveFile } from '../state/files.js';
import type { ChatRecord, FileRecord, Json, MessageRecord } from '../state/records.js';
import type { Call, Handler } from './call.js';
import { captionFields, checkCanSend, commonFields, str, textFields } from './call.js';

/** The chat actions Telegram knows, from the spec (sendChatAction's `action` values). */
const CHAT_ACTIONS: readonly string[] =
  METHODS.sendChatAction?.params.find((p) => p.name === 'action')?.values ?? [];

function target(call: Call, what?: string): ChatRecord {
  const chat = call.world.chatForBot(call.bot, call.params.chat_id, true);
  checkCanSend(chat, call.bot, what);
  return chat;
}

function post(call: Call, chat: ChatRecord, fields: Json): Json {
  const record = call.world.addMessage(chat, call.bot.id, {
    ...fields,
    ...commonFields(chat, call.params),
  });
  return record.json;
}

function mediaSender(kind: MediaKind): Handler {
  return (call) => {
    const chat = target(call, kind === 'sticker' ? 'stickers' : 'media messages');
    const file = resolveFile(call.world, call.params[kind], kind);
    const fields: Json = { [kind]: mediaJson(file, kind, call.params) };
    if (kind !== 'sticker' && kind !== 'video_note') Object.assign(fields, captionFields(call.params));
    if (call.params.has_spoiler === true) fields.has_media_spoiler = true;
    return post(call, chat, fields);
  };
}

const DICE_MAX: Record<string, number> = { '🎲': 6, '🎯': 6, '🎳': 6, '🏀': 5, '⚽': 5, '🎰': 64 };

/** Copies the content fields of a message (everything but identity, reply and forward data). */
export function contentOf(message: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(message)) {
    if (
      [
        'message_id',
        'from',
        'sender_chat',
        'date',
        'chat',
        'reply_to_message',
        'forward_origin',
        'edit_date',
        'message_thread_id',
        'is_topic_message',
        'has_protected_content',
        'media_group_id',
      ].includes(key)
    ) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

function origin(call: Call, source: ChatRecord, message: MessageRecord): Json {
  const json = message.json;
  if (source.type === 'channel') {
    return {
      type: 'channel',
      date: json.date,
      chat: call.world.chatJson(source),
      message_id: json.message_id,
    };
  }
  return { type: 'user', date: json.date, sender_user: json.from };
}

function sourceMessages(
  call: Call,
  ids: readonly unknown[],
): { source: ChatRecord; messages: MessageRecord[] } {
  const source = call.world.chatForBot(call.bot, call.params.from_chat_id);
  const messages: MessageRecord[] = [];
  for (const id of ids) {
    const record = typeof id === 'number' ? source.messages.get(id) : undefined;
    if (record === undefined) {
      if (ids.length === 1) throw badRequest('message to forward not found');
      continue;
    }
    if (record.json.has_protected_content === true) throw badRequest("message can't be forwarded");
    messages.push(record);
  }
  if (messages.length === 0) throw badRequest('messages to forward not found');
  return { source, messages };
}

function forwardInto(call: Call, chat: ChatRecord, source: ChatRecord, message: MessageRecord): Json {
  const fields = { ...contentOf(message.json), forward_origin: origin(call, source, message) };
  return call.world.addMessage(chat, call.bot.id, fields).json;
}

function copyInto(call: Call, chat: ChatRecord, message: MessageRecord, withOverrides: boolean): number {
  const fields = contentOf(message.json);
  delete fields.reply_markup;
  if (withOverrides && call.params.caption !== undefined) {
    delete fields.caption;
    delete fields.caption_entities;
    Object.assign(fields, captionFields(call.params));
  }
  if (fields.poll !== undefined || fields.invoice !== undefined) throw badRequest("message can't be copied");
  const extra = withOverrides ? commonFields(chat, call.params) : {};
  return call.world.addMessage(chat, call.bot.id, { ...fields, ...extra }).json.message_id as number;
}

function idList(call: Call): unknown[] {
  const ids = call.params.message_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest('message_ids is empty');
  return ids;
}

/** The sending methods. */
export const sendMethods: Record<string, Handler> = {
  sendMessage: (call) => {
    const chat = target(call);
    return post(call, chat, textFields(call.params));
  },
  sendPhoto: mediaSender('photo'),
  sendDocument: mediaSender('document'),
  sendAudio: mediaSender('audio'),
  sendVideo: mediaSender('video'),
  sendAnimation: mediaSender('animation'),
  sendVoice: mediaSender('voice'),
  sendVideoNote: mediaSender('video_note'),
  sendSticker: mediaSender('sticker'),
  sendLocation: (call) => {
    const chat = target(call);
    const location: Json = { latitude: call.params.latitude, longitude: call.params.longitude };
    for (const key of ['horizontal_accuracy', 'live_period', 'heading', 'proximity_alert_radius']) {
      if (call.params[key] !== undefined) location[key] = call.params[key];
    }
    return post(call, chat, { location });
  },
  sendVenue: (call) => {
    const chat = target(call);
    const location = { latitude: call.params.latitude, longitude: call.params.longitude };
    const venue: Json = { location, title: call.params.title, address: call.params.address };
    return post(call, chat, { venue, location });
  },
  sendContact: (call) => {
    const chat = target(call);
    const contact: Json = { phone_number: call.params.phone_number, first_name: call.params.first_name };
    if (call.params.last_name !== undefined) contact.last_name = call.params.last_name;
    if (call.params.vcard !== undefined) contact.vcard = call.params.vcard;
    return post(call, chat, { contact });
  },
  sendDice: (call) => {
    const chat = target(call);
    const emoji = str(call.params, 'emoji') ?? '🎲';
    const max = DICE_MAX[emoji];
    if (max === undefined) throw badRequest('emoji is invalid');
    return post(call, chat, { dice: { emoji, value: 1 + Math.floor(Math.random() * max) } });
  },
  sendChatAction: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id, true);
    const action = str(call.params, 'action') ?? '';
    if (!CHAT_ACTIONS.includes(action)) throw badRequest('wrong type of action specified');
    call.world.log(chat, 'chat_action', call.bot.id, undefined, undefined, undefined, action);
    return true;
  },
  sendMediaGroup: (call) => {
    const chat = target(call, 'media messages');
    const media = call.params.media as Json[];
    if (media.length < 2 || media.length > 10) throw badRequest('wrong number of media items: must be 2-10');
    const kinds = new Set(media.map((item) => item.type));
    if ((kinds.has('audio') || kinds.has('document')) && kinds.size > 1) {
      throw badRequest("audio and documents can't be mixed with other media types");
    }
    const groupId = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
    const out: Json[] = [];
    const common = commonFields(chat, call.params);
    // Every file is checked before the first message of the album is posted.
    const files = media.map((item) => resolveFile(call.world, item.media, item.type as MediaKind));
    for (const [index, item] of media.entries()) {
      const kind = item.type as MediaKind;
      const file = files[index] as FileRecord;
      const fields: Json = {
        media_group_id: groupId,
        [kind]: mediaJson(file, kind, item),
        ...captionFields(item),
      };
      out.push(call.world.addMessage(chat, call.bot.id, { ...fields, ...common }).json);
    }
    return out;
  },
  forwardMessage: (call) => {
    const chat = target(call);
    const { source, messages } = sourceMessages(call, [call.params.message_id]);
    const message = messages[0];
    if (message === undefined) throw badRequest('message to forward not found');
    return forwardInto(call, chat, source, message);
  },
  forwardMessages: (call) => {
    const chat = target(call);
    const { source, messages } = sourceMessages(call, idList(call));
    return messages.map((message) => ({ message_id: forwardInto(call, chat, source, message).message_id }));
  },
  copyMessage: (call) => {
    const chat = target(call);
    const { messages } = sourceMessages(call, [call.params.message_id]);
    const message = messages[0];
    if (message === undefined) throw badRequest('message to copy not found');
    return { message_id: copyInto(call, chat, message, true) };
  },
  copyMessages: (call) => {
    const chat = target(call);
    const { messages } = sourceMessages(call, idList(call));
    return messages.map((message) => ({ message_id: copyInto(call, chat, message, false) }));
  },
};
