// Conversation keys are the JSON text of the ids the conversation is kept by (what persistence stores).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conversationKey } from '../../../src/ext/handlers/conversation-key.js';
import { press, text } from './helpers.js';

test('keys are the JSON of [chat, user, message] as the scope asks, inline message ids quoted', () => {
  const all = { perChat: true, perUser: true, perMessage: true };
  assert.equal(
    conversationKey(text('hi', { chatId: -100, userId: 7 }), { ...all, perMessage: false }),
    '[-100,7]',
  );
  assert.equal(
    conversationKey(text('hi', { chatId: -100, userId: 7 }), { ...all, perUser: false, perMessage: false }),
    '[-100]',
  );
  assert.equal(
    conversationKey(text('hi', { userId: 7 }), { perChat: false, perUser: true, perMessage: false }),
    '[7]',
  );
  assert.equal(conversationKey(press('x', { chatId: 5, userId: 7, messageId: 12 }), all), '[5,7,12]');
  const inline = press('x', { userId: 7, inlineMessageId: 'AbC"1' });
  assert.equal(
    conversationKey(inline, { perChat: false, perUser: true, perMessage: true }),
    JSON.stringify([7, 'AbC"1']),
  );
  assert.deepEqual(
    JSON.parse(conversationKey(press('x', { chatId: 5, userId: 7, messageId: 12 }), all)),
    [5, 7, 12],
  );
});
