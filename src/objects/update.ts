/**
 * PTB's derived properties of Update: the user, chat, message and sender an update is about,
 * whatever its kind.
 */
import { type Chat, Message, Update, type User } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

declare module '../generated/types.js' {
  interface Update {
    /**
     * The user that caused this update (the sender, the presser of a button, the voter...), or
     * `undefined` for updates about no user (channel posts, polls, anonymous reactions).
     */
    readonly effectiveUser: User | undefined;
    /** The chat this update happened in, or `undefined` (inline queries, payments, polls...). */
    readonly effectiveChat: Chat | undefined;
    /**
     * The message of this update: a new or edited message or post (business and guest messages
     * included), or the accessible message of a callback query.
     */
    readonly effectiveMessage: Message | undefined;
    /** Who sent it: the sender chat when a message or reaction was sent on behalf of a chat, else {@link effectiveUser}. */
    readonly effectiveSender: User | Chat | undefined;
  }
}

/**
 * The message an update carries in one of its `MESSAGE_UPDATE_TYPES` fields (not a callback
 * query's message), or `undefined`. The fields are read by name rather than by looping over the
 * list: this runs for every filter on every update, and named reads are several times faster than
 * computed ones. test/constants/message-update-types.test.ts holds it to the list.
 */
export function messageOf(u: Update): Message | undefined {
  return (
    u.message ??
    u.edited_message ??
    u.channel_post ??
    u.edited_channel_post ??
    u.business_message ??
    u.edited_business_message ??
    u.guest_message
  );
}

function userOf(u: Update): User | undefined {
  const message = messageOf(u);
  if (message !== undefined) return message.from;
  const withFrom =
    u.callback_query ??
    u.inline_query ??
    u.chosen_inline_result ??
    u.shipping_query ??
    u.pre_checkout_query ??
    u.my_chat_member ??
    u.chat_member ??
    u.chat_join_request ??
    u.purchased_paid_media;
  if (withFrom !== undefined) return withFrom.from;
  const withUser =
    u.poll_answer ?? u.message_reaction ?? u.business_connection ?? u.managed_bot ?? u.subscription;
  if (withUser !== undefined) return withUser.user;
  const source = u.chat_boost?.boost.source ?? u.removed_chat_boost?.source;
  return source !== undefined && 'user' in source ? source.user : undefined;
}

function chatOf(u: Update): Chat | undefined {
  const message = messageOf(u);
  if (message !== undefined) return message.chat;
  const callbackMessage = u.callback_query?.message;
  if (callbackMessage !== undefined) return callbackMessage.chat;
  const withChat =
    u.my_chat_member ??
    u.chat_member ??
    u.chat_join_request ??
    u.chat_boost ??
    u.removed_chat_boost ??
    u.message_reaction ??
    u.message_reaction_count ??
    u.deleted_business_messages ??
    u.stopped_message_generation;
  return withChat?.chat;
}

defineBehaviour(Update, {
  get effectiveUser() {
    return userOf(this);
  },
  get effectiveChat() {
    return chatOf(this);
  },
  get effectiveMessage() {
    const message = messageOf(this);
    if (message !== undefined) return message;
    const callbackMessage = this.callback_query?.message;
    return callbackMessage instanceof Message ? callbackMessage : undefined;
  },
  get effectiveSender() {
    const message = messageOf(this);
    if (message?.sender_chat !== undefined) return message.sender_chat;
    if (this.poll_answer?.voter_chat !== undefined) return this.poll_answer.voter_chat;
    if (this.message_reaction?.actor_chat !== undefined) return this.message_reaction.actor_chat;
    return userOf(this);
  },
});
