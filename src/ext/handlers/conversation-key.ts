/**
 * Which conversation an update belongs to: the ids a ConversationHandler keys its conversations
 * by (PTB's `_get_key`), as the JSON text persistence stores (`ConversationKey`).
 */
import type { Update } from '../../generated/types.js';
import type { ConversationKey } from '../persistence/base.js';

/** Which ids make a conversation's key. */
export interface KeyScope {
  readonly perChat: boolean;
  readonly perUser: boolean;
  readonly perMessage: boolean;
}

/**
 * Whether a ConversationHandler with this scope can track the update at all (PTB's early
 * returns of `check_update`): channel posts never, and every id the scope asks for must exist. A
 * callback query counts for a per-chat conversation only with its message (so not from an inline
 * message).
 */
export function hasKey(update: Update, scope: KeyScope): boolean {
  if (update.channel_post !== undefined || update.edited_channel_post !== undefined) return false;
  if (scope.perChat && update.effectiveChat === undefined) return false;
  if (scope.perUser && update.effectiveUser === undefined) return false;
  if (scope.perMessage && update.callback_query === undefined) return false;
  if (update.callback_query !== undefined && scope.perChat && update.callback_query.message === undefined) {
    return false;
  }
  return true;
}

/**
 * The key of the conversation an update belongs to: the JSON text of `[chat id, user id, message
 * id]`, each only where the scope asks for it. The message is the callback query's: its inline
 * message id, or else its message's id. Call only when {@link hasKey} said yes.
 */
export function conversationKey(update: Update, scope: KeyScope): ConversationKey {
  // Built as text: the JSON of the id array, without an array and a JSON.stringify per update.
  let key = '[';
  if (scope.perChat) {
    const chat = update.effectiveChat;
    if (chat === undefined) throw new Error('A per-chat conversation needs an update with a chat');
    key += String(chat.id);
  }
  if (scope.perUser) {
    const user = update.effectiveUser;
    if (user === undefined) throw new Error('A per-user conversation needs an update with a user');
    key += key.length > 1 ? `,${user.id}` : String(user.id);
  }
  if (scope.perMessage) {
    const query = update.callback_query;
    if (query === undefined) throw new Error('A per-message conversation needs a callback query');
    const inline = query.inline_message_id;
    let id: string;
    if (inline !== undefined && inline !== '') id = JSON.stringify(inline);
    else if (query.message !== undefined) id = String(query.message.message_id);
    else throw new Error('A per-message conversation needs a callback query with a message');
    key += key.length > 1 ? `,${id}` : id;
  }
  return `${key}]`;
}
