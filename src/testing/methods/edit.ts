/** Changing sent messages: edits, deletions and pins. */
import { badRequest } from '../errors.js';
import type { MediaKind } from '../state/files.js';
import { mediaJson, resolveFile } from '../state/files.js';
import type { ChatRecord, Json, MessageRecord } from '../state/records.js';
import type { Call, Handler } from './call.js';
import { captionFields, int, markupFields, str, textFields } from './call.js';

interface Located {
  readonly chat: ChatRecord;
  readonly message: MessageRecord;
  readonly inline: boolean;
}

function isAdminWith(chat: ChatRecord, userId: number, right: string): boolean {
  const member = chat.members.get(userId);
  if (member?.status === 'creator') return true;
  return member?.status === 'administrator' && member.rights[right] === true;
}

function locate(call: Call, missing: string): Located {
  const inlineId = str(call.params, 'inline_message_id');
  if (inlineId !== undefined) {
    const ref = call.world.inlineMessages.get(inlineId);
    const chat = ref === undefined ? undefined : call.world.chats.get(ref.chatKey);
    const message = ref === undefined ? undefined : chat?.messages.get(ref.messageId);
    if (chat === undefined || message === undefined) throw badRequest('MESSAGE_ID_INVALID');
    return { chat, message, inline: true };
  }
  if (call.params.chat_id === undefined) throw badRequest('chat_id is empty');
  if (call.params.message_id === undefined) throw badRequest('message_id is empty');
  const chat = call.world.chatForBot(call.bot, call.params.chat_id);
  return { chat, message: call.world.message(chat, call.params.message_id, missing), inline: false };
}

function editable(call: Call, located: Located): void {
  const { chat, message } = located;
  if (located.inline) return;
  if (message.botId === call.bot.id) return;
  if (chat.type === 'channel' && isAdminWith(chat, call.bot.id, 'can_edit_messages')) return;
  throw badRequest("message can't be edited");
}

function applyEdit(call: Call, located: Located, fields: Json, removed: readonly string[]): unknown {
  const { chat, message } = located;
  const next: Json = { ...message.json };
  for (const key of removed) delete next[key];
  Object.assign(next, fields);
  if (!('reply_markup' in fields)) delete next.reply_markup;
  Object.assign(next, markupFields(call.params));
  const same = canonical({ ...next, edit_date: 0 }) === canonical({ ...message.json, edit_date: 0 });
  if (same) {
    throw badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
  next.edit_date = call.world.now();
  message.json = next;
  call.world.log(chat, 'edit', call.bot.id, message.json.message_id as number, next);
  return located.inline ? true : next;
}

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function unpinned(chat: ChatRecord, messageId: number): void {
  chat.pinned = chat.pinned.filter((id) => id !== messageId);
}

function checkPinRights(call: Call, chat: ChatRecord): void {
  if (chat.type === 'private') return;
  if (isAdminWith(chat, call.bot.id, 'can_pin_messages')) return;
  if (
    chat.type !== 'channel' &&
    chat.members.get(call.bot.id)?.status === 'member' &&
    chat.permissions.can_pin_messages === true
  )
    return;
  throw badRequest('not enough rights to manage pinned messages in the chat');
}

function deletable(call: Call, chat: ChatRecord, message: MessageRecord): boolean {
  if (chat.type === 'private') return true;
  if (message.botId === call.bot.id) return true;
  return isAdminWith(chat, call.bot.id, 'can_delete_messages');
}

function remove(call: Call, chat: ChatRecord, message: MessageRecord): void {
  const id = message.json.message_id as number;
  chat.messages.delete(id);
  unpinned(chat, id);
  call.world.log(chat, 'delete', call.bot.id, id, undefined, undefined, `deleted message ${id}`);
}

/** Editing, deleting and pinning methods. */
export const editMethods: Record<string, Handler> = {
  editMessageText: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    if (located.message.json.text === undefined) throw badRequest('there is no text in the message to edit');
    return applyEdit(call, located, textFields(call.params), ['entities']);
  },
  editMessageCaption: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    const json = located.message.json;
    if (json.text !== undefined) throw badRequest('there is no caption in the message to edit');
    return applyEdit(call, located, captionFields(call.params), ['caption', 'caption_entities']);
  },
  editMessageReplyMarkup: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    return applyEdit(call, located, {}, []);
  },
  editMessageMedia: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    const media = call.params.media as Json;
    const kind = media.type as MediaKind;
    const json = located.message.json;
    if (json.text !== undefined) throw badRequest('there is no media in the message to edit');
    const file = resolveFile(call.world, media.media, kind);
    const removed = ['photo', 'video', 'animation', 'audio', 'document', 'caption', 'caption_entities'];
    return applyEdit(
      call,
      located,
      { [kind]: mediaJson(file, kind, media), ...captionFields(media) },
      removed,
    );
  },
  editMessageLiveLocation: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    const location = located.message.json.location as Json | undefined;
    if (location?.live_period === undefined) throw badRequest("message can't be edited");
    const next: Json = { ...location, latitude: call.params.latitude, longitude: call.params.longitude };
    for (const key of ['horizontal_accuracy', 'heading', 'proximity_alert_radius', 'live_period']) {
      if (call.params[key] !== undefined) next[key] = call.params[key];
    }
    return applyEdit(call, located, { location: next }, []);
  },
  stopMessageLiveLocation: (call) => {
    const located = locate(call, 'message to edit not found');
    editable(call, located);
    const location = located.message.json.location as Json | undefined;
    if (location?.live_period === undefined) throw badRequest("message can't be edited");
    const { live_period: _stopped, ...rest } = location;
    return applyEdit(call, located, { location: rest }, []);
  },
  deleteMessage: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const message = call.world.message(chat, call.params.message_id, 'message to delete not found');
    if (!deletable(call, chat, message)) throw badRequest("message can't be deleted");
    remove(call, chat, message);
    return true;
  },
  deleteMessages: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const ids = call.params.message_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) throw badRequest('message_ids is empty');
    let removed = 0;
    for (const id of ids) {
      const message = typeof id === 'number' ? chat.messages.get(id) : undefined;
      if (message === undefined || !deletable(call, chat, message)) continue;
      remove(call, chat, message);
      removed += 1;
    }
    if (removed === 0) throw badRequest('message to delete not found');
    return true;
  },
  pinChatMessage: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const message = call.world.message(chat, call.params.message_id);
    checkPinRights(call, chat);
    const id = message.json.message_id as number;
    unpinned(chat, id);
    chat.pinned.push(id);
    if (chat.type !== 'private' && call.params.disable_notification !== true) {
      const pinned: Json = { ...message.json };
      delete pinned.reply_to_message;
      call.world.addMessage(chat, call.bot.id, { pinned_message: pinned });
    }
    return true;
  },
  unpinChatMessage: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    checkPinRights(call, chat);
    const id = int(call.params, 'message_id') ?? chat.pinned.at(-1);
    if (id === undefined || !chat.pinned.includes(id)) throw badRequest('message to unpin not found');
    unpinned(chat, id);
    return true;
  },
  unpinAllChatMessages: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    checkPinRights(call, chat);
    chat.pinned = [];
    return true;
  },
};
