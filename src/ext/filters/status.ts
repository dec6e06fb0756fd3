/**
 * `StatusUpdate`: filters on service messages (members joining, titles changing, topics, gifts,
 * video chats, suggested posts, ...), one per service field of Message, and `StatusUpdate.ALL`.
 */

import { fieldNamesOf } from '../../base/telegram-object.js';
import type { Message } from '../../generated/types.js';
import { MessageFilter } from './base.js';
import { FieldFilter, present } from './content.js';
import type { Has } from './types.js';

/** Every Message field some member of StatusUpdate looks at. */
const serviceFields = new Set<string>([
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
]);
serviceFields.add('migrate_from_chat_id').add('migrate_to_chat_id');

function service<K extends keyof Message & string>(constant: string, field: K): FieldFilter<Has<K>> {
  serviceFields.add(field);
  return new FieldFilter<Has<K>>(`filters.StatusUpdate.${constant}`, (m) => m[field]);
}

const members = {
  /** A chat background was set. */
  CHAT_BACKGROUND_SET: service('CHAT_BACKGROUND_SET', 'chat_background_set'),
  /** A group, supergroup or channel was created. */
  CHAT_CREATED: new FieldFilter<
    Has<'group_chat_created'> | Has<'supergroup_chat_created'> | Has<'channel_chat_created'>
  >(
    'filters.StatusUpdate.CHAT_CREATED',
    (m) => m.group_chat_created || m.supergroup_chat_created || m.channel_chat_created,
  ),
  /** The chat owner changed. */
  CHAT_OWNER_CHANGED: service('CHAT_OWNER_CHANGED', 'chat_owner_changed'),
  /** The chat owner left. */
  CHAT_OWNER_LEFT: service('CHAT_OWNER_LEFT', 'chat_owner_left'),
  /** A chat was shared with the bot (keyboard button). */
  CHAT_SHARED: service('CHAT_SHARED', 'chat_shared'),
  /** Tasks were added to a checklist. */
  CHECKLIST_TASKS_ADDED: service('CHECKLIST_TASKS_ADDED', 'checklist_tasks_added'),
  /** Checklist tasks were marked done or not done. */
  CHECKLIST_TASKS_DONE: service('CHECKLIST_TASKS_DONE', 'checklist_tasks_done'),
  /** A chat or bot was added to a Community (Bot API 10.3). */
  COMMUNITY_CHAT_ADDED: service('COMMUNITY_CHAT_ADDED', 'community_chat_added'),
  /** The chat was joined by a user from a Community (Bot API 10.3). */
  COMMUNITY_CHAT_JOINED: service('COMMUNITY_CHAT_JOINED', 'community_chat_joined'),
  /** A chat or bot was removed from a Community (Bot API 10.3). */
  COMMUNITY_CHAT_REMOVED: service('COMMUNITY_CHAT_REMOVED', 'community_chat_removed'),
  /** The user logged in on a website through the bot. */
  CONNECTED_WEBSITE: service('CONNECTED_WEBSITE', 'connected_website'),
  /** The chat photo was deleted. */
  DELETE_CHAT_PHOTO: service('DELETE_CHAT_PHOTO', 'delete_chat_photo'),
  /** The price of direct messages to a channel changed. */
  DIRECT_MESSAGE_PRICE_CHANGED: service('DIRECT_MESSAGE_PRICE_CHANGED', 'direct_message_price_changed'),
  /** A forum topic was closed. */
  FORUM_TOPIC_CLOSED: service('FORUM_TOPIC_CLOSED', 'forum_topic_closed'),
  /** A forum topic was created. */
  FORUM_TOPIC_CREATED: service('FORUM_TOPIC_CREATED', 'forum_topic_created'),
  /** A forum topic was edited. */
  FORUM_TOPIC_EDITED: service('FORUM_TOPIC_EDITED', 'forum_topic_edited'),
  /** A forum topic was reopened. */
  FORUM_TOPIC_REOPENED: service('FORUM_TOPIC_REOPENED', 'forum_topic_reopened'),
  /** The General forum topic was hidden. */
  GENERAL_FORUM_TOPIC_HIDDEN: service('GENERAL_FORUM_TOPIC_HIDDEN', 'general_forum_topic_hidden'),
  /** The General forum topic was unhidden. */
  GENERAL_FORUM_TOPIC_UNHIDDEN: service('GENERAL_FORUM_TOPIC_UNHIDDEN', 'general_forum_topic_unhidden'),
  /** A regular gift was sent or received. */
  GIFT: service('GIFT', 'gift'),
  /** An upgrade of a gift was bought after the gift was sent. */
  GIFT_UPGRADE_SENT: service('GIFT_UPGRADE_SENT', 'gift_upgrade_sent'),
  /** A giveaway without public winners completed. */
  GIVEAWAY_COMPLETED: service('GIVEAWAY_COMPLETED', 'giveaway_completed'),
  /** A giveaway was scheduled. */
  GIVEAWAY_CREATED: service('GIVEAWAY_CREATED', 'giveaway_created'),
  /** A member left or was removed. */
  LEFT_CHAT_MEMBER: service('LEFT_CHAT_MEMBER', 'left_chat_member'),
  /** A managed bot was created. */
  MANAGED_BOT_CREATED: service('MANAGED_BOT_CREATED', 'managed_bot_created'),
  /** The auto-delete timer changed. */
  MESSAGE_AUTO_DELETE_TIMER_CHANGED: service(
    'MESSAGE_AUTO_DELETE_TIMER_CHANGED',
    'message_auto_delete_timer_changed',
  ),
  /** A group migrated to a supergroup (either side of the migration). */
  MIGRATE: new FieldFilter<Has<'migrate_from_chat_id'> | Has<'migrate_to_chat_id'>>(
    'filters.StatusUpdate.MIGRATE',
    (m) => m.migrate_from_chat_id || m.migrate_to_chat_id,
  ),
  /** Members joined or were added. */
  NEW_CHAT_MEMBERS: service('NEW_CHAT_MEMBERS', 'new_chat_members'),
  /** The chat photo changed. */
  NEW_CHAT_PHOTO: service('NEW_CHAT_PHOTO', 'new_chat_photo'),
  /** The chat title changed. */
  NEW_CHAT_TITLE: service('NEW_CHAT_TITLE', 'new_chat_title'),
  /** The price of paid messages changed. */
  PAID_MESSAGE_PRICE_CHANGED: service('PAID_MESSAGE_PRICE_CHANGED', 'paid_message_price_changed'),
  /** A message was pinned. */
  PINNED_MESSAGE: service('PINNED_MESSAGE', 'pinned_message'),
  /** An option was added to a poll. */
  POLL_OPTION_ADDED: service('POLL_OPTION_ADDED', 'poll_option_added'),
  /** An option was deleted from a poll. */
  POLL_OPTION_DELETED: service('POLL_OPTION_DELETED', 'poll_option_deleted'),
  /** A user came near another sharing live location. */
  PROXIMITY_ALERT_TRIGGERED: service('PROXIMITY_ALERT_TRIGGERED', 'proximity_alert_triggered'),
  /** A payment was refunded. */
  REFUNDED_PAYMENT: service('REFUNDED_PAYMENT', 'refunded_payment'),
  /** Approving a suggested post failed. */
  SUGGESTED_POST_APPROVAL_FAILED: service('SUGGESTED_POST_APPROVAL_FAILED', 'suggested_post_approval_failed'),
  /** A suggested post was approved. */
  SUGGESTED_POST_APPROVED: service('SUGGESTED_POST_APPROVED', 'suggested_post_approved'),
  /** A suggested post was declined. */
  SUGGESTED_POST_DECLINED: service('SUGGESTED_POST_DECLINED', 'suggested_post_declined'),
  /** Payment for a suggested post was received. */
  SUGGESTED_POST_PAID: service('SUGGESTED_POST_PAID', 'suggested_post_paid'),
  /** Payment for a suggested post was refunded. */
  SUGGESTED_POST_REFUNDED: service('SUGGESTED_POST_REFUNDED', 'suggested_post_refunded'),
  /** A unique gift was sent or received. */
  UNIQUE_GIFT: service('UNIQUE_GIFT', 'unique_gift'),
  /** Users were shared with the bot (keyboard button). */
  USERS_SHARED: service('USERS_SHARED', 'users_shared'),
  /** A video chat ended. */
  VIDEO_CHAT_ENDED: service('VIDEO_CHAT_ENDED', 'video_chat_ended'),
  /** Users were invited to a video chat. */
  VIDEO_CHAT_PARTICIPANTS_INVITED: service(
    'VIDEO_CHAT_PARTICIPANTS_INVITED',
    'video_chat_participants_invited',
  ),
  /** A video chat was scheduled. */
  VIDEO_CHAT_SCHEDULED: service('VIDEO_CHAT_SCHEDULED', 'video_chat_scheduled'),
  /** A video chat started. */
  VIDEO_CHAT_STARTED: service('VIDEO_CHAT_STARTED', 'video_chat_started'),
  /** Data sent by a Web App. */
  WEB_APP_DATA: service('WEB_APP_DATA', 'web_app_data'),
  /** The user allowed the bot to write messages. */
  WRITE_ACCESS_ALLOWED: service('WRITE_ACCESS_ALLOWED', 'write_access_allowed'),
};

/**
 * Any service message covered by a member of {@link StatusUpdate}. It walks the fields the message
 * has (a handful) rather than asking all members (dozens of absent fields).
 */
class AnyStatusUpdate extends MessageFilter {
  filter(message: Message): boolean {
    const fields = message as unknown as Readonly<Record<string, unknown>>;
    for (const key of fieldNamesOf(message)) if (serviceFields.has(key) && present(fields[key])) return true;
    return false;
  }
}

/**
 * Filters on service messages (a group, not a filter itself), e.g.
 * `filters.StatusUpdate.NEW_CHAT_MEMBERS`; `StatusUpdate.ALL` passes any of them. Successful
 * payments and boosts have their own top-level filters (`SUCCESSFUL_PAYMENT`, `BOOST_ADDED`), as in
 * PTB.
 */
export const StatusUpdate = Object.freeze({
  /** Any service message listed here. */
  ALL: new AnyStatusUpdate({ name: 'filters.StatusUpdate.ALL' }) as MessageFilter,
  ...members,
});
