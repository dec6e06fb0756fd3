import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as filters from '../../src/ext/filters/index.js';
import { TYPES } from '../../src/generated/metadata.js';
import { spec } from '../helpers/spec.js';
import { messageFieldSample, messageUpdate, textUpdate } from '../helpers/updates.js';

/**
 * Message fields that are not service messages: content, metadata, replies, forwarding. Every other
 * field must be covered by a StatusUpdate filter, so a field added by a new Bot API version fails
 * the coverage test until it is classified here or gets a filter.
 */
const NOT_SERVICE = new Set([
  'message_id',
  'message_thread_id',
  'direct_messages_topic',
  'from',
  'sender_chat',
  'sender_boost_count',
  'sender_business_bot',
  'sender_tag',
  'receiver_user',
  'ephemeral_message_id',
  'date',
  'guest_query_id',
  'business_connection_id',
  'chat',
  'forward_origin',
  'is_topic_message',
  'is_automatic_forward',
  'reply_to_message',
  'external_reply',
  'quote',
  'reply_to_story',
  'reply_to_checklist_task_id',
  'reply_to_poll_option_id',
  'via_bot',
  'guest_bot_caller_user',
  'guest_bot_caller_chat',
  'edit_date',
  'has_protected_content',
  'is_from_offline',
  'is_paid_post',
  'media_group_id',
  'author_signature',
  'paid_star_count',
  'text',
  'entities',
  'link_preview_options',
  'suggested_post_info',
  'effect_id',
  'rich_message',
  'animation',
  'audio',
  'document',
  'live_photo',
  'paid_media',
  'photo',
  'sticker',
  'story',
  'video',
  'video_note',
  'voice',
  'caption',
  'caption_entities',
  'show_caption_above_media',
  'has_media_spoiler',
  'checklist',
  'contact',
  'dice',
  'game',
  'poll',
  'venue',
  'location',
  'invoice',
  'giveaway',
  'giveaway_winners',
  'passport_data',
  'reply_markup',
]);

/** Service messages the API describes as such that PTB filters at the top level, not in StatusUpdate. */
const SERVICE_ELSEWHERE: Record<string, filters.BaseFilter> = {
  successful_payment: filters.SUCCESSFUL_PAYMENT,
  boost_added: filters.BOOST_ADDED,
};

const members = Object.entries(filters.StatusUpdate).filter(([name]) => name !== 'ALL');
const fields = TYPES.Message?.fields.map((f) => f.name) ?? [];

/** The StatusUpdate members passing a message that has only `field` (beyond the basics). */
function coveringMembers(field: string): string[] {
  const update = messageUpdate({ from: undefined, [field]: messageFieldSample(field) });
  return members.filter(([, filter]) => filter.checkUpdate(update)).map(([name]) => name);
}

describe('StatusUpdate', () => {
  test('every Message field is either classified as content or covered by a StatusUpdate filter', () => {
    assert.ok(fields.length > 100);
    const unclassified: string[] = [];
    const both: string[] = [];
    for (const field of fields) {
      if (field === 'chat' || field === 'date' || field === 'message_id') continue;
      const covering = coveringMembers(field);
      if (covering.length === 0 && !NOT_SERVICE.has(field) && !(field in SERVICE_ELSEWHERE)) {
        unclassified.push(field);
      }
      if (covering.length > 0 && (NOT_SERVICE.has(field) || field in SERVICE_ELSEWHERE)) both.push(field);
    }
    assert.deepEqual(unclassified, [], 'service fields without a StatusUpdate filter');
    assert.deepEqual(both, [], 'content fields that a StatusUpdate filter passes');
  });

  test('every field the API calls a service message has a filter', () => {
    const message = spec().types.Message;
    assert.ok(message?.fields !== undefined);
    const service = message.fields.filter((f) => /Service message/i.test(f.description)).map((f) => f.name);
    assert.ok(service.length >= 40);
    for (const field of service) {
      const elsewhere = SERVICE_ELSEWHERE[field];
      const update = messageUpdate({ [field]: messageFieldSample(field) });
      if (elsewhere !== undefined) assert.equal(elsewhere.checkUpdate(update), true, field);
      else assert.notDeepEqual(coveringMembers(field), [], field);
    }
  });

  test('each member passes its own field only, under its own name', () => {
    for (const [name, filter] of members) {
      assert.equal(filter.name, `filters.StatusUpdate.${name}`);
      assert.equal(filter.checkUpdate(textUpdate('plain')), false, name);
      const passing = fields.filter((field) =>
        filter.checkUpdate(messageUpdate({ [field]: messageFieldSample(field) })),
      );
      assert.ok(passing.length >= 1, name);
      if (name === 'CHAT_CREATED') {
        assert.deepEqual(passing, ['group_chat_created', 'supergroup_chat_created', 'channel_chat_created']);
      } else if (name === 'MIGRATE') {
        assert.deepEqual(passing, ['migrate_to_chat_id', 'migrate_from_chat_id']);
      } else {
        assert.deepEqual(passing, [name.toLowerCase()], name);
      }
    }
  });

  test('ALL passes every service message and nothing else', () => {
    assert.equal(filters.StatusUpdate.ALL.name, 'filters.StatusUpdate.ALL');
    for (const field of fields) {
      if (field === 'chat' || field === 'date' || field === 'message_id') continue;
      const update = messageUpdate({ from: undefined, [field]: messageFieldSample(field) });
      assert.equal(filters.StatusUpdate.ALL.checkUpdate(update), coveringMembers(field).length > 0, field);
    }
  });

  test('falsy service values do not count', () => {
    assert.equal(
      filters.StatusUpdate.NEW_CHAT_MEMBERS.checkUpdate(messageUpdate({ new_chat_members: [] })),
      false,
    );
    assert.equal(
      filters.StatusUpdate.DELETE_CHAT_PHOTO.checkUpdate(messageUpdate({ delete_chat_photo: false })),
      false,
    );
    assert.equal(filters.StatusUpdate.ALL.checkUpdate(messageUpdate({ new_chat_members: [] })), false);
  });
});
