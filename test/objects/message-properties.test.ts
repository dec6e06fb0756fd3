import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Animation,
  Checklist,
  Game,
  GiftInfo,
  InaccessibleMessage,
  MaybeInaccessibleMessage,
  Message,
  type MessageEntity,
  Poll,
  type PollOption,
  PollOptionAdded,
  TextQuote,
} from '../../src/index.js';
import '../../src/objects/properties.js';
import { sampleOf } from '../helpers/samples.js';

const supergroup = { id: -1001234567890, type: 'supergroup', title: 'G' };

function message(fields: Record<string, unknown>): Message {
  return Message.fromJSON({ message_id: 5, date: 1_700_000_000, chat: supergroup, ...fields });
}

describe('ids and links', () => {
  test('chatId and id', () => {
    const m = message({ text: 'x' });
    assert.equal(m.chatId, -1001234567890);
    assert.equal(m.id, 5);
  });

  test('a public chat links by username, a private supergroup or channel by t.me/c/', () => {
    assert.equal(message({ chat: { ...supergroup, username: 'pets' } }).link, 'https://t.me/pets/5');
    assert.equal(message({}).link, 'https://t.me/c/1234567890/5');
    assert.equal(
      message({ chat: { id: -1009876, type: 'channel', title: 'C' } }).link,
      'https://t.me/c/9876/5',
    );
  });

  test('topic messages and replies link to their thread', () => {
    assert.equal(
      message({ is_topic_message: true, message_thread_id: 77 }).link,
      'https://t.me/c/1234567890/5?thread=77',
    );
    const reply = message({
      message_thread_id: 3,
      reply_to_message: { message_id: 3, date: 1_700_000_000, chat: supergroup, text: 'q' },
    });
    assert.equal(reply.link, 'https://t.me/c/1234567890/5?thread=3');
    // A thread id without a topic or a reply does not change the link.
    assert.equal(message({ message_thread_id: 9 }).link, 'https://t.me/c/1234567890/5');
  });

  test('private chats and basic groups have no message links', () => {
    assert.equal(
      message({ chat: { id: 7, type: 'private', first_name: 'A', username: 'a' } }).link,
      undefined,
    );
    assert.equal(message({ chat: { id: -7, type: 'group', title: 'g' } }).link, undefined);
  });
});

describe('effectiveAttachment', () => {
  const photo = [
    { file_id: 'small', file_unique_id: 's', width: 90, height: 90 },
    { file_id: 'big', file_unique_id: 'b', width: 900, height: 900 },
  ];
  const animation = {
    file_id: 'A',
    file_unique_id: 'a',
    width: 1,
    height: 1,
    duration: 1,
  };

  test('all the photo sizes for a photo', () => {
    const attachment = message({ photo }).effectiveAttachment;
    assert.ok(Array.isArray(attachment));
    assert.deepEqual(
      (attachment as readonly { file_id: string }[]).map((p) => p.file_id),
      ['small', 'big'],
    );
  });

  test('an animation wins over the document a GIF also arrives as', () => {
    const m = message({ animation, document: { file_id: 'D', file_unique_id: 'd' } });
    assert.ok(m.effectiveAttachment instanceof Animation);
  });

  test('10.3 content: a checklist', () => {
    const m = message({ checklist: { title: 'T', tasks: [{ id: 1, text: 'a' }] } });
    assert.ok(m.effectiveAttachment instanceof Checklist);
  });

  test('dice, polls and locations count; plain text and service messages do not', () => {
    assert.equal(
      (message({ dice: { emoji: '🎯', value: 6 } }).effectiveAttachment as { value: number }).value,
      6,
    );
    assert.equal(message({ text: 'hi' }).effectiveAttachment, undefined);
    assert.equal(message({ new_chat_title: 'x' }).effectiveAttachment, undefined);
    assert.equal(message({ photo: [] }).effectiveAttachment, undefined);
  });
});

describe('isAccessible', () => {
  test('true on messages, false on inaccessible ones, and it narrows', () => {
    const accessible = MaybeInaccessibleMessage.fromJSON({
      message_id: 1,
      date: 1_700_000_000,
      chat: supergroup,
      text: 'x',
    });
    const gone = MaybeInaccessibleMessage.fromJSON({ message_id: 1, date: 0, chat: supergroup });
    assert.equal(accessible.isAccessible, true);
    assert.equal(gone.isAccessible, false);
    assert.ok(gone instanceof InaccessibleMessage);
    if (accessible.isAccessible) {
      // Narrowed to Message: its fields are reachable without a cast.
      assert.equal(accessible.text, 'x');
    }
  });
});

describe('text and caption rendering', () => {
  // "👍 bold italic https://x.io" — the emoji is two UTF-16 units, so "bold" starts at 3.
  const text = '👍 bold italic https://x.io <&>';
  const entities = [
    { type: 'bold', offset: 3, length: 11 },
    { type: 'italic', offset: 8, length: 6 },
    { type: 'url', offset: 15, length: 12 },
  ];
  const withText = message({ text, entities });
  const withCaption = message({ caption: text, caption_entities: entities, photo: [] });

  test('HTML, plain and urled, on text and caption', () => {
    const html = '👍 <b>bold <i>italic</i></b> https://x.io &lt;&amp;&gt;';
    const urled = '👍 <b>bold <i>italic</i></b> <a href="https://x.io">https://x.io</a> &lt;&amp;&gt;';
    assert.equal(withText.textHtml, html);
    assert.equal(withText.textHtmlUrled, urled);
    assert.equal(withCaption.captionHtml, html);
    assert.equal(withCaption.captionHtmlUrled, urled);
  });

  test('MarkdownV2, plain and urled', () => {
    assert.equal(withText.textMarkdownV2, '👍 *bold _italic_* https://x\\.io <&\\>');
    assert.equal(withText.textMarkdownV2Urled, '👍 *bold _italic_* [https://x\\.io](https://x.io) <&\\>');
    assert.equal(withCaption.captionMarkdownV2, withText.textMarkdownV2);
    assert.equal(withCaption.captionMarkdownV2Urled, withText.textMarkdownV2Urled);
  });

  test('legacy Markdown refuses nested entities; flat ones render', () => {
    assert.throws(() => withText.textMarkdown);
    const flat = message({ text: '👍 a_b c', entities: [{ type: 'bold', offset: 3, length: 3 }] });
    assert.equal(flat.textMarkdown, '👍 *a\\_b* c');
    const link = message({ caption: 'see x.io', caption_entities: [{ type: 'url', offset: 4, length: 4 }] });
    assert.equal(link.captionMarkdown, 'see x.io');
    assert.equal(link.captionMarkdownUrled, 'see [x.io](x.io)');
    assert.equal(flat.textMarkdownUrled, '👍 *a\\_b* c');
  });

  test('without text or caption the renderings are undefined; without entities the text is escaped', () => {
    const photoOnly = message({ photo: [] });
    assert.equal(photoOnly.textHtml, undefined);
    assert.equal(photoOnly.captionMarkdownV2, undefined);
    assert.equal(message({ text: 'a<b' }).textHtml, 'a&lt;b');
    assert.equal(message({ text: 'a.b' }).textMarkdownV2, 'a\\.b');
  });
});

describe('entity parsing on messages', () => {
  const m = message({
    text: '🎉 #tag and https://x.io',
    entities: [
      { type: 'hashtag', offset: 3, length: 4 },
      { type: 'url', offset: 12, length: 12 },
      { type: 'hashtag', offset: 3, length: 4 },
    ],
    caption: '𝛙 @ann',
    caption_entities: [{ type: 'mention', offset: 3, length: 4 }],
  });

  test('parseEntity uses UTF-16 offsets', () => {
    const [first] = m.entities ?? [];
    assert.equal(m.parseEntity(first as MessageEntity), '#tag');
    const [mention] = m.caption_entities ?? [];
    assert.equal(m.parseCaptionEntity(mention as MessageEntity), '@ann');
  });

  test('parseEntities maps entities to texts, filters by type, counts duplicates once', () => {
    assert.deepEqual([...m.parseEntities().values()], ['#tag', 'https://x.io']);
    assert.deepEqual([...m.parseEntities('url').values()], ['https://x.io']);
    assert.deepEqual([...m.parseEntities(['hashtag']).values()], ['#tag']);
    assert.deepEqual([...m.parseCaptionEntities().values()], ['@ann']);
    assert.equal(message({ text: 'x' }).parseEntities().size, 0);
  });

  test('parseEntity without text throws', () => {
    const entity = m.entities?.[0] as MessageEntity;
    assert.throws(() => message({ photo: [] }).parseEntity(entity), /no text/);
    assert.throws(() => message({ text: 'x' }).parseCaptionEntity(entity), /no caption/);
  });
});

describe('entity parsers on other objects', () => {
  const bold = { type: 'bold', offset: 3, length: 2 };
  test('Poll question, explanation and description', () => {
    const poll = Poll.fromJSON({
      ...(sampleOf('Poll') as Record<string, unknown>),
      id: 'p',
      question: '🙂 Q1?',
      question_entities: [bold],
      options: [{ persistent_id: 'o', text: '🙂 A1', text_entities: [bold], voter_count: 0 }],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'quiz',
      allows_multiple_answers: false,
      allows_revoting: false,
      explanation: '🙂 Ex',
      explanation_entities: [bold],
      description: undefined,
      description_entities: undefined,
    });
    assert.deepEqual([...poll.parseQuestionEntities().values()], ['Q1']);
    assert.equal(poll.parseQuestionEntity(poll.question_entities?.[0] as MessageEntity), 'Q1');
    assert.deepEqual([...poll.parseExplanationEntities('bold').values()], ['Ex']);
    assert.equal(poll.parseDescriptionEntities().size, 0);
    assert.throws(
      () => poll.parseDescriptionEntity(poll.question_entities?.[0] as MessageEntity),
      /description/,
    );
    const option = poll.options[0] as PollOption;
    assert.deepEqual([...option.parseEntities().values()], ['A1']);
  });

  test('options added, games, checklists, gifts and quotes', () => {
    const added = PollOptionAdded.fromJSON({
      option_persistent_id: 'o',
      option_text: '🙂 ok',
      option_text_entities: [bold],
    });
    assert.deepEqual([...added.parseOptionTextEntities().values()], ['ok']);
    const game = Game.fromJSON({
      title: 'G',
      description: 'd',
      photo: [],
      text: '🙂 go',
      text_entities: [bold],
    });
    assert.equal(game.parseTextEntity(game.text_entities?.[0] as MessageEntity), 'go');
    const checklist = Checklist.fromJSON({
      title: '🙂 To',
      title_entities: [bold],
      tasks: [{ id: 1, text: '🙂 do', text_entities: [bold] }],
    });
    assert.deepEqual([...checklist.parseEntities().values()], ['To']);
    assert.deepEqual([...(checklist.tasks[0]?.parseEntities().values() ?? [])], ['do']);
    const quote = TextQuote.fromJSON({ text: '🙂 hm', entities: [bold], position: 0 });
    assert.deepEqual([...quote.parseEntities().values()], ['hm']);
    const gift = GiftInfo.fromJSON({
      gift: {
        id: 'g',
        sticker: {
          file_id: 'f',
          file_unique_id: 'u',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
        star_count: 1,
      },
      text: '🙂 hi',
      entities: [bold],
    });
    assert.deepEqual([...gift.parseEntities().values()], ['hi']);
  });
});
