/**
 * Filters on the update rather than its message: the `UpdateType` group (which kind of message
 * the update carries) and `FORUM`, `DIRECT_MESSAGES`, `USER_ATTACHMENT`, `PREMIUM_USER`.
 */
import type { Chat, Message, Update, User } from '../../generated/types.js';
import { UpdateFilter } from './base.js';
import type { FilteredUpdate, MessageSlot } from './types.js';

/**
 * The slots whose message always has a sender (`from`): Telegram leaves it empty only for channel
 * posts, and for a message sent on behalf of a chat it gives a placeholder user.
 */
type SenderSlot = 'message' | 'edited_message' | 'business_message' | 'edited_business_message';

/**
 * An update carrying its message in one of the slots `K` (a union when `K` is); `effectiveUser`
 * is present where every slot of `K` guarantees a sender, so handlers give `context.userData`.
 */
export type SlotUpdate<K extends MessageSlot> = K extends MessageSlot
  ? FilteredUpdate & { readonly [P in K]: Message } & (K extends SenderSlot
        ? { readonly effectiveUser: User }
        : unknown)
  : never;

/** Passes updates whose message sits in one of the given slots. */
export class UpdateKindFilter<K extends MessageSlot> extends UpdateFilter<SlotUpdate<K>> {
  /** The update fields this filter accepts. */
  readonly slots: readonly K[];

  constructor(name: string, slots: readonly K[]) {
    super({ name });
    this.slots = slots;
  }

  filter(update: Update): boolean {
    for (const slot of this.slots) if (update[slot] !== undefined) return true;
    return false;
  }
}

/**
 * Filters on the kind of update (a group, not a filter itself), e.g. `UpdateType.EDITED` for edits
 * of any kind. Combined with a content filter, the slot's message is narrowed:
 * `filters.TEXT.and(filters.UpdateType.MESSAGE)` gives handlers `update.message.text: string`.
 */
export const UpdateType = Object.freeze({
  /** New messages (`update.message`). */
  MESSAGE: new UpdateKindFilter('filters.UpdateType.MESSAGE', ['message']),
  /** New or edited messages. */
  MESSAGES: new UpdateKindFilter('filters.UpdateType.MESSAGES', ['message', 'edited_message']),
  /** Edited messages. */
  EDITED_MESSAGE: new UpdateKindFilter('filters.UpdateType.EDITED_MESSAGE', ['edited_message']),
  /** Edits of any kind: messages, channel posts, business messages. */
  EDITED: new UpdateKindFilter('filters.UpdateType.EDITED', [
    'edited_message',
    'edited_channel_post',
    'edited_business_message',
  ]),
  /** New channel posts. */
  CHANNEL_POST: new UpdateKindFilter('filters.UpdateType.CHANNEL_POST', ['channel_post']),
  /** New or edited channel posts. */
  CHANNEL_POSTS: new UpdateKindFilter('filters.UpdateType.CHANNEL_POSTS', [
    'channel_post',
    'edited_channel_post',
  ]),
  /** Edited channel posts. */
  EDITED_CHANNEL_POST: new UpdateKindFilter('filters.UpdateType.EDITED_CHANNEL_POST', [
    'edited_channel_post',
  ]),
  /** New messages in a connected business account. */
  BUSINESS_MESSAGE: new UpdateKindFilter('filters.UpdateType.BUSINESS_MESSAGE', ['business_message']),
  /** Edited messages in a connected business account. */
  EDITED_BUSINESS_MESSAGE: new UpdateKindFilter('filters.UpdateType.EDITED_BUSINESS_MESSAGE', [
    'edited_business_message',
  ]),
  /** New or edited business messages. */
  BUSINESS_MESSAGES: new UpdateKindFilter('filters.UpdateType.BUSINESS_MESSAGES', [
    'business_message',
    'edited_business_message',
  ]),
  /** Messages to the bot as a guest in another chat (Bot API 10). */
  GUEST_MESSAGE: new UpdateKindFilter('filters.UpdateType.GUEST_MESSAGE', ['guest_message']),
});

class ChatFlagFilter<M extends object> extends UpdateFilter<FilteredUpdate<M>> {
  readonly #read: (chat: Chat) => boolean | undefined;

  constructor(name: string, read: (chat: Chat) => boolean | undefined) {
    super({ name });
    this.#read = read;
  }

  filter(update: Update): boolean {
    const chat = update.effectiveChat;
    return chat !== undefined && this.#read(chat) === true;
  }
}

class UserFlagFilter<M extends object> extends UpdateFilter<FilteredUpdate<M>> {
  readonly #read: (user: User) => boolean | undefined;

  constructor(name: string, read: (user: User) => boolean | undefined) {
    super({ name });
    this.#read = read;
  }

  filter(update: Update): boolean {
    const user = update.effectiveUser;
    return user !== undefined && this.#read(user) === true;
  }
}

/** Messages in forum supergroups (topics enabled). */
export const FORUM = new ChatFlagFilter<{ readonly chat: Chat & { readonly is_forum: true } }>(
  'filters.FORUM',
  (chat) => chat.is_forum,
);

/** Messages in the direct messages chat of a channel. */
export const DIRECT_MESSAGES = new ChatFlagFilter<{
  readonly chat: Chat & { readonly is_direct_messages: true };
}>('filters.DIRECT_MESSAGES', (chat) => chat.is_direct_messages);

/** Messages from users who added the bot to their attachment menu. */
export const USER_ATTACHMENT = new UserFlagFilter<{
  readonly from: User & { readonly added_to_attachment_menu: true };
}>('filters.USER_ATTACHMENT', (user) => user.added_to_attachment_menu);

/** Messages from Telegram Premium users. */
export const PREMIUM_USER = new UserFlagFilter<{ readonly from: User & { readonly is_premium: true } }>(
  'filters.PREMIUM_USER',
  (user) => user.is_premium,
);
