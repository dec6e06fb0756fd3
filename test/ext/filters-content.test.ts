import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MESSAGE_ATTACHMENT_TYPES } from '../../src/constants.js';
import '../../src/objects/message-properties.js';
import * as content from '../../src/ext/filters/content.js';
import * as filters from '../../src/ext/filters/index.js';
import { BOB, messageFieldSample, messageUpdate, textUpdate } from '../helpers/updates.js';

/** Each simple content constant with the Message field that makes it pass. */
const SIMPLE: ReadonlyArray<readonly [string, filters.BaseFilter, string]> = [
  ['ANIMATION', filters.ANIMATION, 'animation'],
  ['AUDIO', filters.AUDIO, 'audio'],
  ['CHECKLIST', filters.CHECKLIST, 'checklist'],
  ['CONTACT', filters.CONTACT, 'contact'],
  ['EFFECT_ID', filters.EFFECT_ID, 'effect_id'],
  ['FORWARDED', filters.FORWARDED, 'forward_origin'],
  ['GAME', filters.GAME, 'game'],
  ['GIVEAWAY', filters.GIVEAWAY, 'giveaway'],
  ['GIVEAWAY_WINNERS', filters.GIVEAWAY_WINNERS, 'giveaway_winners'],
  ['HAS_MEDIA_SPOILER', filters.HAS_MEDIA_SPOILER, 'has_media_spoiler'],
  ['HAS_PROTECTED_CONTENT', filters.HAS_PROTECTED_CONTENT, 'has_protected_content'],
  ['INVOICE', filters.INVOICE, 'invoice'],
  ['IS_AUTOMATIC_FORWARD', filters.IS_AUTOMATIC_FORWARD, 'is_automatic_forward'],
  ['IS_TOPIC_MESSAGE', filters.IS_TOPIC_MESSAGE, 'is_topic_message'],
  ['IS_FROM_OFFLINE', filters.IS_FROM_OFFLINE, 'is_from_offline'],
  ['LIVE_PHOTO', filters.LIVE_PHOTO, 'live_photo'],
  ['LOCATION', filters.LOCATION, 'location'],
  ['PAID_MEDIA', filters.PAID_MEDIA, 'paid_media'],
  ['PASSPORT_DATA', filters.PASSPORT_DATA, 'passport_data'],
  ['PHOTO', filters.PHOTO, 'photo'],
  ['POLL', filters.POLL, 'poll'],
  ['REPLY', filters.REPLY, 'reply_to_message'],
  ['REPLY_TO_STORY', filters.REPLY_TO_STORY, 'reply_to_story'],
  ['STORY', filters.STORY, 'story'],
  ['SUGGESTED_POST_INFO', filters.SUGGESTED_POST_INFO, 'suggested_post_info'],
  ['USER', filters.USER, 'from'],
  ['VENUE', filters.VENUE, 'venue'],
  ['VIA_BOT', filters.VIA_BOT, 'via_bot'],
  ['VIDEO', filters.VIDEO, 'video'],
  ['VIDEO_NOTE', filters.VIDEO_NOTE, 'video_note'],
  ['VOICE', filters.VOICE, 'voice'],
  ['BOOST_ADDED', filters.BOOST_ADDED, 'boost_added'],
  ['SENDER_BOOST_COUNT', filters.SENDER_BOOST_COUNT, 'sender_boost_count'],
  ['RICH_MESSAGE', filters.RICH_MESSAGE, 'rich_message'],
  ['EPHEMERAL', filters.EPHEMERAL, 'ephemeral_message_id'],
  ['GUEST_QUERY', filters.GUEST_QUERY, 'guest_query_id'],
  ['IS_PAID_POST', filters.IS_PAID_POST, 'is_paid_post'],
  ['PAID_STAR_COUNT', filters.PAID_STAR_COUNT, 'paid_star_count'],
  ['MEDIA_GROUP', filters.MEDIA_GROUP, 'media_group_id'],
];

describe('simple content filters', () => {
  test('the table lists every field constant of the content module', () => {
    const listed = new Set(SIMPLE.map(([name]) => name));
    const exported = Object.entries(content)
      .filter(([name, value]) => value instanceof content.FieldFilter && name !== 'ATTACHMENT')
      .map(([name]) => name);
    assert.deepEqual(
      exported.filter((name) => !listed.has(name)),
      [],
    );
    assert.equal(exported.length, SIMPLE.length);
  });

  for (const [name, filter, field] of SIMPLE) {
    test(`${name} passes messages with ${field} and only those`, () => {
      assert.equal(filter.name, `filters.${name}`);
      const bare = messageUpdate(field === 'from' ? { from: undefined } : {});
      assert.equal(filter.checkUpdate(bare), false);
      assert.equal(filter.checkUpdate(messageUpdate({ [field]: messageFieldSample(field) })), true);
      assert.equal(
        filter.checkUpdate(messageUpdate({ [field]: messageFieldSample(field) }, 'channel_post')),
        true,
      );
    });
  }

  test('falsy values count as missing, as in PTB', () => {
    assert.equal(filters.SENDER_BOOST_COUNT.checkUpdate(messageUpdate({ sender_boost_count: 0 })), false);
    assert.equal(filters.PHOTO.checkUpdate(messageUpdate({ photo: [] })), false);
    assert.equal(
      filters.HAS_PROTECTED_CONTENT.checkUpdate(messageUpdate({ has_protected_content: false })),
      false,
    );
    assert.equal(content.present(''), false);
    assert.equal(content.present([0]), true);
  });

  test('ALL passes any message', () => {
    assert.equal(filters.ALL.checkUpdate(messageUpdate()), true);
    assert.equal(filters.ALL.name, 'filters.ALL');
  });

  test('ATTACHMENT passes exactly the messages with an effectiveAttachment', () => {
    assert.equal(filters.ATTACHMENT.checkUpdate(textUpdate('hi')), false);
    const notAttachments = { caption: 'c', rich_message: messageFieldSample('rich_message'), photo: [] };
    assert.equal(filters.ATTACHMENT.checkUpdate(messageUpdate(notAttachments)), false);
    assert.ok(MESSAGE_ATTACHMENT_TYPES.length >= 20);
    for (const field of MESSAGE_ATTACHMENT_TYPES) {
      const update = messageUpdate({ [field]: messageFieldSample(field) });
      assert.equal(filters.ATTACHMENT.checkUpdate(update), true, field);
      assert.notEqual(update.effectiveMessage?.effectiveAttachment, undefined, field);
    }
  });
});

describe('Text and Caption', () => {
  test('TEXT passes any text, commands included', () => {
    assert.equal(filters.TEXT.checkUpdate(textUpdate('hi')), true);
    assert.equal(filters.TEXT.checkUpdate(textUpdate('/start')), true);
    assert.equal(filters.TEXT.checkUpdate(messageUpdate({ caption: 'c' })), false);
    assert.equal(filters.TEXT.name, 'filters.TEXT');
  });

  test('Text(strings) passes exact texts only', () => {
    const buttons = new filters.Text(['Start', 'Back']);
    assert.equal(buttons.name, "filters.Text(['Start', 'Back'])");
    assert.equal(buttons.checkUpdate(textUpdate('Start')), true);
    assert.equal(buttons.checkUpdate(textUpdate('start')), false);
    assert.equal(buttons.checkUpdate(textUpdate('Start now')), false);
    assert.equal(buttons.checkUpdate(messageUpdate()), false);
  });

  test('one string is one text or caption, not a list of its letters', () => {
    const start = new filters.Text('Start');
    assert.equal(start.checkUpdate(textUpdate('Start')), true);
    assert.equal(start.checkUpdate(textUpdate('S')), false, 'a letter of the string is not a text it allows');
    assert.equal(start.name, "filters.Text(['Start'])");
    const caption = new filters.Caption('PTB rocks!');
    assert.equal(caption.checkUpdate(messageUpdate({ caption: 'PTB rocks!' })), true);
    assert.equal(caption.checkUpdate(messageUpdate({ caption: 'P' })), false);
  });

  test('CAPTION and Caption(strings)', () => {
    assert.equal(filters.CAPTION.checkUpdate(messageUpdate({ caption: 'c' })), true);
    assert.equal(filters.CAPTION.checkUpdate(textUpdate('c')), false);
    const exact = new filters.Caption(['PTB rocks!']);
    assert.equal(exact.checkUpdate(messageUpdate({ caption: 'PTB rocks!' })), true);
    assert.equal(exact.checkUpdate(messageUpdate({ caption: 'PTB' })), false);
    assert.equal(exact.name, "filters.Caption(['PTB rocks!'])");
  });
});

describe('Command', () => {
  const inside = textUpdate('hello /start', {
    entities: [{ type: 'bot_command', offset: 6, length: 6 }],
  });

  test('COMMAND passes messages starting with a bot command', () => {
    assert.equal(filters.COMMAND.checkUpdate(textUpdate('/start now')), true);
    assert.equal(filters.COMMAND.checkUpdate(inside), false);
    assert.equal(filters.COMMAND.checkUpdate(textUpdate('start')), false);
    assert.equal(filters.COMMAND.name, 'filters.COMMAND');
  });

  test('Command(false) passes commands anywhere', () => {
    const anywhere = new filters.Command(false);
    assert.equal(anywhere.name, 'filters.Command(false)');
    assert.equal(anywhere.checkUpdate(inside), true);
    assert.equal(anywhere.checkUpdate(textUpdate('/start')), true);
    assert.equal(anywhere.checkUpdate(textUpdate('no command')), false);
  });
});

describe('Regex and CaptionRegex', () => {
  test('Regex searches the text and returns the match', () => {
    const order = new filters.Regex(/order (\d+)/i);
    const result = order.checkUpdate(textUpdate('Please ORDER 42 now'));
    assert.ok(typeof result === 'object');
    assert.equal(result.matches?.[0]?.[1], '42');
    assert.equal(order.checkUpdate(textUpdate('nothing')), false);
    assert.equal(order.checkUpdate(messageUpdate({ caption: 'order 1' })), false);
    assert.equal(order.name, 'filters.Regex(/order (\\d+)/i)');
  });

  test('a string pattern is compiled; a global pattern keeps no state between messages', () => {
    const fromString = new filters.Regex('^a+$');
    assert.ok(fromString.pattern instanceof RegExp);
    assert.equal(fromString.passes(textUpdate('aaa')), true);
    const global = new filters.Regex(/b/g);
    for (let i = 0; i < 3; i++) assert.equal(global.passes(textUpdate('abc')), true);
    const sticky = new filters.Regex(/a/y);
    for (let i = 0; i < 3; i++) assert.equal(sticky.passes(textUpdate('ab')), true);
    assert.equal(sticky.passes(textUpdate('ba')), false);
  });

  test('CaptionRegex searches the caption', () => {
    const help = new filters.CaptionRegex('(he)lp');
    const result = help.checkUpdate(messageUpdate({ caption: 'need help' }));
    assert.ok(typeof result === 'object');
    assert.equal(result.matches?.[0]?.[1], 'he');
    assert.equal(help.checkUpdate(textUpdate('help')), false);
    assert.equal(help.dataFilter, true);
  });
});

describe('entities and mentions', () => {
  const tagged = textUpdate('#tag and @bob', {
    entities: [
      { type: 'hashtag', offset: 0, length: 4 },
      { type: 'mention', offset: 9, length: 4 },
    ],
  });

  test('Entity and CaptionEntity look at their own entity lists', () => {
    assert.equal(new filters.Entity('hashtag').checkUpdate(tagged), true);
    assert.equal(new filters.Entity('url').checkUpdate(tagged), false);
    assert.equal(new filters.CaptionEntity('hashtag').checkUpdate(tagged), false);
    const captioned = messageUpdate({
      caption: '#x',
      caption_entities: [{ type: 'hashtag', offset: 0, length: 2 }],
    });
    assert.equal(new filters.CaptionEntity('hashtag').checkUpdate(captioned), true);
    assert.equal(new filters.Entity('hashtag').checkUpdate(captioned), false);
    assert.equal(new filters.Entity('hashtag').name, 'filters.Entity(hashtag)');
  });

  test('Mention by username (with or without @), id, or User', () => {
    assert.equal(new filters.Mention('bob').checkUpdate(tagged), true);
    assert.equal(new filters.Mention('@bob').checkUpdate(tagged), true);
    assert.equal(new filters.Mention('alice').checkUpdate(tagged), false);
    assert.equal(new filters.Mention(['alice', 'bob']).checkUpdate(tagged), true);
    const textMention = textUpdate('hey Bob', {
      entities: [{ type: 'text_mention', offset: 4, length: 3, user: BOB }],
    });
    assert.equal(new filters.Mention(2).checkUpdate(textMention), true);
    assert.equal(new filters.Mention(3).checkUpdate(textMention), false);
    assert.equal(new filters.Mention(2).checkUpdate(tagged), false, 'a plain @mention carries no id');
    const bob = textMention.effectiveMessage?.entities?.[0]?.user;
    assert.ok(bob !== undefined);
    assert.equal(new filters.Mention(bob).checkUpdate(textMention), true, 'User by id');
    assert.equal(new filters.Mention(bob).checkUpdate(tagged), true, 'User by username');
    assert.equal(new filters.Mention('bob').checkUpdate(textUpdate('no entities')), false);
  });
});

describe('Language and SuccessfulPayment', () => {
  test('Language matches code prefixes of the sender', () => {
    assert.equal(new filters.Language('en').checkUpdate(textUpdate('hi')), true);
    assert.equal(new filters.Language(['de', 'en-US']).checkUpdate(textUpdate('hi')), true);
    assert.equal(new filters.Language('de').checkUpdate(textUpdate('hi')), false);
    assert.equal(new filters.Language('en').checkUpdate(textUpdate('hi', { from: BOB })), false);
    assert.equal(new filters.Language('en').name, "filters.Language(['en'])");
  });

  test('SUCCESSFUL_PAYMENT and SuccessfulPayment(payloads)', () => {
    const payment = messageFieldSample('successful_payment') as Record<string, unknown>;
    const paid = messageUpdate({ successful_payment: { ...payment, invoice_payload: 'gold' } });
    assert.equal(filters.SUCCESSFUL_PAYMENT.checkUpdate(paid), true);
    assert.equal(filters.SUCCESSFUL_PAYMENT.checkUpdate(textUpdate('x')), false);
    assert.equal(new filters.SuccessfulPayment(['gold', 'silver']).checkUpdate(paid), true);
    assert.equal(new filters.SuccessfulPayment(['silver']).checkUpdate(paid), false);
    assert.equal(filters.SUCCESSFUL_PAYMENT.name, 'filters.SUCCESSFUL_PAYMENT');
  });
});
