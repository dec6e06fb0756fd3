/**
 * Ready-made filters on what a message contains: `filters.PHOTO`, `filters.FORWARDED`, ... Each is
 * a {@link MessageFilter} that passes when one field of the message is present and non-empty
 * (PTB's `bool(message.field)`).
 */

import { fieldNamesOf } from '../../base/telegram-object.js';
import { MESSAGE_ATTACHMENT_TYPES } from '../../constants.js';
import type { Message } from '../../generated/types.js';
import { MessageFilter } from './base.js';
import type { Has } from './types.js';

/** PTB's truthiness of a field: absent, `false`, `0`, `''` and empty lists count as missing. */
export function present(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * Passes messages whose field (read by `read`) is present; `M` names what that guarantees.
 *
 * @example new FieldFilter<Has<'photo'>>('filters.PHOTO', (m) => m.photo)
 */
export class FieldFilter<M extends object> extends MessageFilter<M> {
  readonly #read: (message: Message) => unknown;

  constructor(name: string, read: (message: Message) => unknown) {
    super({ name });
    this.#read = read;
  }

  filter(message: Message): boolean {
    return present(this.#read(message));
  }
}

class AllFilter extends MessageFilter {
  filter(): boolean {
    return true;
  }
}

/** Every message update (`MessageHandler(null, ...)` uses it). */
export const ALL: MessageFilter = new AllFilter({ name: 'filters.ALL' });

/** Messages with an animation. */
export const ANIMATION = new FieldFilter<Has<'animation'>>('filters.ANIMATION', (m) => m.animation);

const attachmentFields: ReadonlySet<string> = new Set(MESSAGE_ATTACHMENT_TYPES);

class AttachmentFilter extends MessageFilter {
  // Walks the few fields the message has instead of looking up twenty absent ones.
  filter(message: Message): boolean {
    const fields = message as unknown as Readonly<Record<string, unknown>>;
    for (const key of fieldNamesOf(message))
      if (attachmentFields.has(key) && present(fields[key])) return true;
    return false;
  }
}

/** Messages with an attachment: those whose `effectiveAttachment` is set (fields of `MESSAGE_ATTACHMENT_TYPES`). */
export const ATTACHMENT: MessageFilter = new AttachmentFilter({ name: 'filters.ATTACHMENT' });
/** Messages with an audio file. */
export const AUDIO = new FieldFilter<Has<'audio'>>('filters.AUDIO', (m) => m.audio);
/** Messages with a checklist. */
export const CHECKLIST = new FieldFilter<Has<'checklist'>>('filters.CHECKLIST', (m) => m.checklist);
/** Messages with a shared contact. */
export const CONTACT = new FieldFilter<Has<'contact'>>('filters.CONTACT', (m) => m.contact);
/** Messages with a message effect. */
export const EFFECT_ID = new FieldFilter<Has<'effect_id'>>('filters.EFFECT_ID', (m) => m.effect_id);
/** Forwarded messages (with a `forward_origin`). */
export const FORWARDED = new FieldFilter<Has<'forward_origin'>>('filters.FORWARDED', (m) => m.forward_origin);
/** Messages with a game. */
export const GAME = new FieldFilter<Has<'game'>>('filters.GAME', (m) => m.game);
/** Messages announcing a giveaway. */
export const GIVEAWAY = new FieldFilter<Has<'giveaway'>>('filters.GIVEAWAY', (m) => m.giveaway);
/** Messages announcing giveaway winners. */
export const GIVEAWAY_WINNERS = new FieldFilter<Has<'giveaway_winners'>>(
  'filters.GIVEAWAY_WINNERS',
  (m) => m.giveaway_winners,
);
/** Messages whose media is covered by a spoiler. */
export const HAS_MEDIA_SPOILER = new FieldFilter<{ readonly has_media_spoiler: true }>(
  'filters.HAS_MEDIA_SPOILER',
  (m) => m.has_media_spoiler,
);
/** Messages that cannot be forwarded or saved. */
export const HAS_PROTECTED_CONTENT = new FieldFilter<{ readonly has_protected_content: true }>(
  'filters.HAS_PROTECTED_CONTENT',
  (m) => m.has_protected_content,
);
/** Messages with an invoice. */
export const INVOICE = new FieldFilter<Has<'invoice'>>('filters.INVOICE', (m) => m.invoice);
/** Channel posts automatically forwarded to the linked discussion group. */
export const IS_AUTOMATIC_FORWARD = new FieldFilter<{ readonly is_automatic_forward: true }>(
  'filters.IS_AUTOMATIC_FORWARD',
  (m) => m.is_automatic_forward,
);
/** Messages sent to a forum topic. */
export const IS_TOPIC_MESSAGE = new FieldFilter<{ readonly is_topic_message: true }>(
  'filters.IS_TOPIC_MESSAGE',
  (m) => m.is_topic_message,
);
/** Messages sent by an implicit action (away or greeting business message, scheduled message). */
export const IS_FROM_OFFLINE = new FieldFilter<{ readonly is_from_offline: true }>(
  'filters.IS_FROM_OFFLINE',
  (m) => m.is_from_offline,
);
/** Messages with a live photo. */
export const LIVE_PHOTO = new FieldFilter<Has<'live_photo'>>('filters.LIVE_PHOTO', (m) => m.live_photo);
/** Messages with a location. */
export const LOCATION = new FieldFilter<Has<'location'>>('filters.LOCATION', (m) => m.location);
/** Messages with paid media. */
export const PAID_MEDIA = new FieldFilter<Has<'paid_media'>>('filters.PAID_MEDIA', (m) => m.paid_media);
/** Messages with Telegram Passport data. */
export const PASSPORT_DATA = new FieldFilter<Has<'passport_data'>>(
  'filters.PASSPORT_DATA',
  (m) => m.passport_data,
);
/** Messages with a photo. */
export const PHOTO = new FieldFilter<Has<'photo'>>('filters.PHOTO', (m) => m.photo);
/** Messages with a poll. */
export const POLL = new FieldFilter<Has<'poll'>>('filters.POLL', (m) => m.poll);
/** Replies to a message. */
export const REPLY = new FieldFilter<Has<'reply_to_message'>>('filters.REPLY', (m) => m.reply_to_message);
/** Replies to a story. */
export const REPLY_TO_STORY = new FieldFilter<Has<'reply_to_story'>>(
  'filters.REPLY_TO_STORY',
  (m) => m.reply_to_story,
);
/** Forwarded stories. */
export const STORY = new FieldFilter<Has<'story'>>('filters.STORY', (m) => m.story);
/** Messages carrying information about a suggested post. */
export const SUGGESTED_POST_INFO = new FieldFilter<Has<'suggested_post_info'>>(
  'filters.SUGGESTED_POST_INFO',
  (m) => m.suggested_post_info,
);
/** Messages with a sender user (`from`). */
export const USER = new FieldFilter<Has<'from'>>('filters.USER', (m) => m.from);
/** Messages with a venue. */
export const VENUE = new FieldFilter<Has<'venue'>>('filters.VENUE', (m) => m.venue);
/** Messages sent via any inline bot (see `filters.ViaBot` for given bots). */
export const VIA_BOT = new FieldFilter<Has<'via_bot'>>('filters.VIA_BOT', (m) => m.via_bot);
/** Messages with a video. */
export const VIDEO = new FieldFilter<Has<'video'>>('filters.VIDEO', (m) => m.video);
/** Messages with a video note. */
export const VIDEO_NOTE = new FieldFilter<Has<'video_note'>>('filters.VIDEO_NOTE', (m) => m.video_note);
/** Messages with a voice note. */
export const VOICE = new FieldFilter<Has<'voice'>>('filters.VOICE', (m) => m.voice);
/** Service messages about boosts added by a user. */
export const BOOST_ADDED = new FieldFilter<Has<'boost_added'>>('filters.BOOST_ADDED', (m) => m.boost_added);
/** Messages from a user who boosted the chat (a non-zero `sender_boost_count`). */
export const SENDER_BOOST_COUNT = new FieldFilter<Has<'sender_boost_count'>>(
  'filters.SENDER_BOOST_COUNT',
  (m) => m.sender_boost_count,
);

// Bot API 10.3 message content that PTB has no filter for.

/** Rich formatted messages (Bot API 10.3). */
export const RICH_MESSAGE = new FieldFilter<Has<'rich_message'>>(
  'filters.RICH_MESSAGE',
  (m) => m.rich_message,
);
/** Ephemeral messages (with an `ephemeral_message_id`). */
export const EPHEMERAL = new FieldFilter<Has<'ephemeral_message_id'>>(
  'filters.EPHEMERAL',
  (m) => m.ephemeral_message_id,
);
/** Messages belonging to a guest query, to answer with answerGuestQuery. */
export const GUEST_QUERY = new FieldFilter<Has<'guest_query_id'>>(
  'filters.GUEST_QUERY',
  (m) => m.guest_query_id,
);
/** Paid posts in channels. */
export const IS_PAID_POST = new FieldFilter<{ readonly is_paid_post: true }>(
  'filters.IS_PAID_POST',
  (m) => m.is_paid_post,
);
/** Messages the sender paid Telegram Stars to send. */
export const PAID_STAR_COUNT = new FieldFilter<Has<'paid_star_count'>>(
  'filters.PAID_STAR_COUNT',
  (m) => m.paid_star_count,
);
/** Messages that belong to an album (a media group). */
export const MEDIA_GROUP = new FieldFilter<Has<'media_group_id'>>(
  'filters.MEDIA_GROUP',
  (m) => m.media_group_id,
);
