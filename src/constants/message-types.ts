/**
 * Kinds of message (PTB's `MessageType`), kinds of attachment (`MessageAttachmentType`) and kinds
 * of update (`UpdateType`, derived from the spec's list of update fields, and the kinds that carry
 * a message, `MESSAGE_UPDATE_TYPES`, derived from the spec's Update type). The order of the first
 * two is the order in which `effectiveMessageType` and `effectiveAttachment` look for a field.
 */
import { TYPES, UPDATE_TYPES } from '../generated/metadata.js';
import type { Message, Update } from '../generated/types.js';

/** Upper-case keys for a list of snake_case values: `{ EDITED_MESSAGE: 'edited_message', ... }`. */
export type ConstantsOf<V extends string> = { readonly [K in V as Uppercase<K>]: K };

function constantsOf<const V extends string>(values: readonly V[]): ConstantsOf<V> {
  return Object.freeze(Object.fromEntries(values.map((v) => [v.toUpperCase(), v]))) as ConstantsOf<V>;
}

/**
 * Message fields that hold what a user attached, in PTB's order, with the 10.3 `checklist` added.
 * A GIF arrives as both `animation` and `document`: the animation comes first.
 */
export const MESSAGE_ATTACHMENT_TYPES = [
  'animation',
  'audio',
  'checklist',
  'contact',
  'dice',
  'document',
  'game',
  'invoice',
  'live_photo',
  'location',
  'paid_media',
  'passport_data',
  'photo',
  'poll',
  'sticker',
  'story',
  'successful_payment',
  'video',
  'video_note',
  'voice',
  'venue',
] as const satisfies readonly (keyof Message)[];

/** Kinds of attachment: `MessageAttachmentType.PHOTO === 'photo'`... */
export const MessageAttachmentType = constantsOf(MESSAGE_ATTACHMENT_TYPES);
/** One of {@link MessageAttachmentType}'s values: a Message field holding an attachment. */
export type MessageAttachmentType = (typeof MESSAGE_ATTACHMENT_TYPES)[number];

/**
 * Message fields that make a message visually distinct, in PTB's order (with 10.3's
 * `community_chat_*` and `rich_message` added in alphabetical place).
 */
export const MESSAGE_TYPES = [
  'animation',
  'audio',
  'boost_added',
  'business_connection_id',
  'channel_chat_created',
  'chat_background_set',
  'chat_owner_changed',
  'chat_owner_left',
  'chat_shared',
  'checklist',
  'checklist_tasks_added',
  'checklist_tasks_done',
  'community_chat_added',
  'community_chat_joined',
  'community_chat_removed',
  'connected_website',
  'contact',
  'delete_chat_photo',
  'dice',
  'direct_message_price_changed',
  'document',
  'effect_id',
  'forum_topic_created',
  'forum_topic_closed',
  'forum_topic_edited',
  'forum_topic_reopened',
  'game',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'gift',
  'gift_upgrade_sent',
  'giveaway',
  'giveaway_created',
  'giveaway_winners',
  'giveaway_completed',
  'group_chat_created',
  'invoice',
  'left_chat_member',
  'live_photo',
  'location',
  'managed_bot_created',
  'message_auto_delete_timer_changed',
  'migrate_to_chat_id',
  'new_chat_members',
  'new_chat_title',
  'new_chat_photo',
  'paid_media',
  'paid_message_price_changed',
  'poll_option_added',
  'poll_option_deleted',
  'suggested_post_approval_failed',
  'suggested_post_approved',
  'suggested_post_declined',
  'suggested_post_info',
  'suggested_post_paid',
  'suggested_post_refunded',
  'passport_data',
  'photo',
  'pinned_message',
  'poll',
  'proximity_alert_triggered',
  'refunded_payment',
  'reply_to_story',
  'rich_message',
  'sender_boost_count',
  'sender_business_bot',
  'sticker',
  'story',
  'supergroup_chat_created',
  'successful_payment',
  'text',
  'unique_gift',
  'users_shared',
  'venue',
  'video',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'video_note',
  'voice',
  'web_app_data',
  'write_access_allowed',
] as const satisfies readonly (keyof Message)[];

/** Kinds of message: `MessageType.TEXT === 'text'`, `MessageType.NEW_CHAT_MEMBERS`... */
export const MessageType = constantsOf(MESSAGE_TYPES);
/** One of {@link MessageType}'s values: the Message field that makes a message what it is. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Kinds of update, from the spec: `UpdateType.CALLBACK_QUERY === 'callback_query'`... */
export const UpdateType = constantsOf(UPDATE_TYPES);
/** One of {@link UpdateType}'s values: an `allowed_updates` entry. */
export type UpdateType = (typeof UPDATE_TYPES)[number];

/** The update kinds whose field holds a Message: new and edited messages, posts, business and guest messages. */
export type MessageUpdateType = {
  [K in UpdateType]-?: NonNullable<Update[K]> extends Message ? K : never;
}[UpdateType];

/**
 * Every {@link MessageUpdateType}, in the spec's order, read from the spec's Update type: the one
 * list of the Update fields that carry a message (filters, `effectiveMessage`...).
 */
export const MESSAGE_UPDATE_TYPES: readonly MessageUpdateType[] = Object.freeze(
  (TYPES.Update?.fields ?? [])
    .filter((field) => field.types.length === 1 && field.types[0] === 'Message')
    .map((field) => field.name as MessageUpdateType),
);
