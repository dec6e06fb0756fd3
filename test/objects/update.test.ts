import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chat, InaccessibleMessage, Message, Update, User } from '../../src/index.js';
import { sampleOf } from '../helpers/samples.js';

const alice = { id: 1, is_bot: false, first_name: 'Alice' };
const group = { id: -100, type: 'supergroup', title: 'G' };
const channel = { id: -200, type: 'channel', title: 'C' };
const message = { message_id: 3, date: 1_700_000_000, chat: group, from: alice, text: 'hi' };

function update(fields: Record<string, unknown>): Update {
  return Update.fromJSON({ update_id: 1, ...fields });
}

test('message-like updates: user, chat and message', () => {
  for (const kind of [
    'message',
    'edited_message',
    'business_message',
    'edited_business_message',
    'guest_message',
  ]) {
    const u = update({ [kind]: message });
    assert.equal(u.effectiveUser?.id, 1, kind);
    assert.equal(u.effectiveChat?.id, -100, kind);
    assert.ok(u.effectiveMessage instanceof Message, kind);
    assert.ok(u.effectiveSender instanceof User, kind);
  }
});

test('a channel post has no user; its sender is the chat', () => {
  const u = update({ channel_post: { message_id: 1, date: 1, chat: channel, sender_chat: channel } });
  assert.equal(u.effectiveUser, undefined);
  assert.equal(u.effectiveChat?.id, -200);
  assert.ok(u.effectiveSender instanceof Chat);
});

test('callback queries: the presser, the message chat, only accessible messages', () => {
  const pressed = update({ callback_query: { id: 'q', from: alice, chat_instance: 'c', message } });
  assert.equal(pressed.effectiveUser?.first_name, 'Alice');
  assert.equal(pressed.effectiveChat?.id, -100);
  assert.ok(pressed.effectiveMessage instanceof Message);
  const old = update({
    callback_query: {
      id: 'q',
      from: alice,
      chat_instance: 'c',
      message: { message_id: 1, date: 0, chat: group },
    },
  });
  assert.ok(old.callback_query?.message instanceof InaccessibleMessage);
  assert.equal(old.effectiveMessage, undefined);
  assert.equal(old.effectiveChat?.id, -100);
  const inline = update({
    callback_query: { id: 'q', from: alice, chat_instance: 'c', inline_message_id: 'i' },
  });
  assert.equal(inline.effectiveChat, undefined);
});

test('updates without a chat or user', () => {
  const inline = update({ inline_query: { id: 'i', from: alice, query: '', offset: '' } });
  assert.equal(inline.effectiveUser?.id, 1);
  assert.equal(inline.effectiveChat, undefined);
  assert.equal(inline.effectiveMessage, undefined);
  const poll = update({ poll: sampleOf('Poll', 3) });
  assert.equal(poll.effectiveUser, undefined);
  assert.equal(poll.effectiveSender, undefined);
});

test('membership, reactions, boosts and answers', () => {
  const member = { status: 'member', user: alice };
  const joined = update({
    chat_member: {
      chat: group,
      from: alice,
      date: 1,
      old_chat_member: { status: 'left', user: alice },
      new_chat_member: member,
    },
  });
  assert.equal(joined.effectiveUser?.id, 1);
  assert.equal(joined.effectiveChat?.id, -100);
  const anonymousReaction = update({
    message_reaction: {
      chat: group,
      message_id: 1,
      actor_chat: channel,
      date: 1,
      old_reaction: [],
      new_reaction: [],
    },
  });
  assert.equal(anonymousReaction.effectiveUser, undefined);
  assert.equal((anonymousReaction.effectiveSender as Chat).id, -200);
  const boost = update({
    chat_boost: {
      chat: channel,
      boost: { boost_id: 'b', add_date: 1, expiration_date: 2, source: { source: 'premium', user: alice } },
    },
  });
  assert.equal(boost.effectiveUser?.id, 1);
  assert.equal(boost.effectiveChat?.id, -200);
  const answer = update({ poll_answer: { ...(sampleOf('PollAnswer', 3) as object), voter_chat: channel } });
  assert.equal((answer.effectiveSender as Chat).id, -200);
});
