/** Forum topics of supergroups: create, edit, close, reopen and delete. */
import { badRequest } from '../errors.js';
import type { ChatRecord } from '../state/records.js';
import type { Call, Handler } from './call.js';
import { int, str } from './call.js';

const ICON_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];

function forum(call: Call): ChatRecord {
  const chat = call.world.chatForBot(call.bot, call.params.chat_id);
  if (chat.type !== 'supergroup' || !chat.isForum) throw badRequest('the chat is not a forum');
  const me = chat.members.get(call.bot.id);
  const allowed =
    me?.status === 'creator' || (me?.status === 'administrator' && me.rights.can_manage_topics === true);
  if (!allowed) throw badRequest('not enough rights to manage topics in the chat');
  return chat;
}

function topicOf(call: Call, chat: ChatRecord): { name: string; iconColor: number; closed: boolean } {
  const topic = chat.topics.get(int(call.params, 'message_thread_id') ?? 0);
  if (topic === undefined) throw badRequest('message thread not found');
  return topic;
}

/** Forum topic methods. */
export const topicMethods: Record<string, Handler> = {
  createForumTopic: (call) => {
    const chat = forum(call);
    const name = str(call.params, 'name') ?? '';
    const iconColor = int(call.params, 'icon_color') ?? ICON_COLORS[0] ?? 0;
    if (!ICON_COLORS.includes(iconColor)) throw badRequest('TOPIC_ICON_COLOR_INVALID');
    const created = call.world.addMessage(chat, call.bot.id, {
      forum_topic_created: { name, icon_color: iconColor },
    });
    const threadId = created.json.message_id as number;
    created.json.message_thread_id = threadId;
    created.json.is_topic_message = true;
    chat.topics.set(threadId, { name, iconColor, closed: false });
    return { message_thread_id: threadId, name, icon_color: iconColor };
  },
  editForumTopic: (call) => {
    const chat = forum(call);
    const topic = topicOf(call, chat);
    const name = str(call.params, 'name');
    if (name !== undefined) topic.name = name;
    return true;
  },
  closeForumTopic: (call) => {
    const topic = topicOf(call, forum(call));
    if (topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = true;
    return true;
  },
  reopenForumTopic: (call) => {
    const topic = topicOf(call, forum(call));
    if (!topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = false;
    return true;
  },
  deleteForumTopic: (call) => {
    const chat = forum(call);
    topicOf(call, chat);
    const threadId = int(call.params, 'message_thread_id') ?? 0;
    chat.topics.delete(threadId);
    for (const [id, message] of chat.messages) {
      if (id === threadId || message.json.message_thread_id === threadId) chat.messages.delete(id);
    }
    return true;
  },
};
