// Forums as a bot uses them: messages of forum chats and of topics caught by their filters, topic
// service messages by theirs, and replies that stay in the topic they answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filters, MessageHandler } from '../../src/ext/index.js';
import { Update } from '../../src/index.js';
import { messageFieldSample } from '../helpers/updates.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 101, is_bot: false, first_name: 'Alice' };
const FORUM = { id: -1030, type: 'supergroup', title: 'Forum', is_forum: true };
const PLAIN = { id: -1031, type: 'supergroup', title: 'Plain group' };
let updateId = 1;

const scope = areaScope();

function message(chat: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, message: { message_id: 110, date: 1, chat, from: ALICE, ...fields } };
}

const inTopic = { is_topic_message: true, message_thread_id: 7 };

const FORUM_STATUS: Array<[string, filters.BaseFilter, string]> = [
  ['FORUM_TOPIC_CREATED', filters.StatusUpdate.FORUM_TOPIC_CREATED, 'forum_topic_created'],
  ['FORUM_TOPIC_EDITED', filters.StatusUpdate.FORUM_TOPIC_EDITED, 'forum_topic_edited'],
  ['FORUM_TOPIC_CLOSED', filters.StatusUpdate.FORUM_TOPIC_CLOSED, 'forum_topic_closed'],
  ['FORUM_TOPIC_REOPENED', filters.StatusUpdate.FORUM_TOPIC_REOPENED, 'forum_topic_reopened'],
  [
    'GENERAL_FORUM_TOPIC_HIDDEN',
    filters.StatusUpdate.GENERAL_FORUM_TOPIC_HIDDEN,
    'general_forum_topic_hidden',
  ],
  [
    'GENERAL_FORUM_TOPIC_UNHIDDEN',
    filters.StatusUpdate.GENERAL_FORUM_TOPIC_UNHIDDEN,
    'general_forum_topic_unhidden',
  ],
];

describe('forums and topics', () => {
  test('FORUM passes messages of forum chats; IS_TOPIC_MESSAGE messages sent in a topic', async () => {
    const seen: string[] = [];
    scope.app.addHandler(new MessageHandler(filters.IS_TOPIC_MESSAGE, () => void seen.push('topic')));
    scope.app.addHandler(new MessageHandler(filters.FORUM, () => void seen.push('forum, general topic')));
    scope.app.addHandler(new MessageHandler(filters.ALL, () => void seen.push('elsewhere')));
    await scope.app.processUpdate(message(FORUM, { text: 'in a topic', ...inTopic }));
    await scope.app.processUpdate(message(FORUM, { text: 'in General' }));
    await scope.app.processUpdate(message(PLAIN, { text: 'no forum' }));
    // A reply thread of a plain group has a thread id, but is no topic.
    await scope.app.processUpdate(message(PLAIN, { text: 'thread', message_thread_id: 3 }));
    assert.deepEqual(seen, ['topic', 'forum, general topic', 'elsewhere', 'elsewhere']);
  });

  test('each forum StatusUpdate filter passes its own service message and none of the others', () => {
    const samples = FORUM_STATUS.map(
      ([, , field]) =>
        [field, Update.fromJSON(message(FORUM, { [field]: messageFieldSample(field) }))] as const,
    );
    for (const [name, filter, field] of FORUM_STATUS) {
      assert.deepEqual(
        samples.filter(([, update]) => filter.checkUpdate(update)).map(([f]) => f),
        [field],
        name,
      );
      assert.equal(filter.checkUpdate(Update.fromJSON(message(FORUM, { text: 'x', ...inTopic }))), false);
    }
  });

  test('a new topic is greeted inside that topic', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.StatusUpdate.FORUM_TOPIC_CREATED, async (update) => {
        const m = update.effectiveMessage;
        await m.replyText(`Welcome to ${m.forum_topic_created.name}`, { doQuote: false });
      }),
    );
    await scope.app.processUpdate(
      message(FORUM, { ...inTopic, forum_topic_created: { name: 'Releases', icon_color: 0x6fb9f0 } }),
    );
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'sendMessage',
        params: { chat_id: FORUM.id, message_thread_id: 7, text: 'Welcome to Releases' },
      },
    ]);
  });

  test('reply shortcuts carry message_thread_id for topic messages in the same chat only', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.TEXT, async (update) => {
        const m = update.effectiveMessage;
        await m.replyText('same topic');
        await m.replyPhoto('photo-id', { doQuote: false });
        await m.replyText('elsewhere', {
          doQuote: { chat_id: PLAIN.id, reply_parameters: { message_id: m.message_id, chat_id: m.chat.id } },
        });
        await m.replyText('chosen topic', { message_thread_id: 9, doQuote: false });
      }),
    );
    await scope.app.processUpdate(message(FORUM, { text: 'hi', ...inTopic }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(
      scope.h.calls.map((c) => [c.method, c.params.chat_id, c.params.message_thread_id]),
      [
        ['sendMessage', FORUM.id, 7],
        ['sendPhoto', FORUM.id, 7],
        ['sendMessage', PLAIN.id, undefined],
        ['sendMessage', FORUM.id, 9],
      ],
    );
    scope.h.calls.length = 0;
    // Not a topic message (a reply thread of a plain group): no thread id is filled in.
    await scope.app.processUpdate(message(PLAIN, { text: 'hi', message_thread_id: 3 }));
    assert.deepEqual(
      scope.h.calls.map((c) => c.params.message_thread_id),
      [undefined, undefined, undefined, 9],
    );
  });
});
