import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MESSAGE_UPDATE_TYPES } from '../../src/constants/message-types.js';
import { messageFilter } from '../../src/ext/filters/index.js';
import { UPDATE_TYPES, Update } from '../../src/index.js';
import { messageOf } from '../../src/objects/update.js';

const message = { message_id: 7, date: 1_700_000_000, chat: { id: 1, type: 'private' }, text: 'hi' };

describe('MESSAGE_UPDATE_TYPES', () => {
  test('lists the Update fields of type Message, in the spec order', () => {
    assert.deepEqual(MESSAGE_UPDATE_TYPES, [
      'message',
      'edited_message',
      'channel_post',
      'edited_channel_post',
      'business_message',
      'edited_business_message',
      'guest_message',
    ]);
    for (const kind of MESSAGE_UPDATE_TYPES) assert.ok(UPDATE_TYPES.includes(kind));
  });

  test('messageOf, effectiveMessage and the filters find the message in each of them', () => {
    const anyText = messageFilter('says hi', (m) => m.text === 'hi');
    for (const kind of MESSAGE_UPDATE_TYPES) {
      const update = Update.fromJSON({ update_id: 1, [kind]: message });
      assert.equal(messageOf(update)?.message_id, 7, kind);
      assert.equal(update.effectiveMessage?.message_id, 7, kind);
      assert.equal(anyText.checkUpdate(update), true, kind);
    }
    const query = Update.fromJSON({
      update_id: 2,
      callback_query: {
        id: 'q',
        from: { id: 1, is_bot: false, first_name: 'A' },
        chat_instance: 'c',
        message,
      },
    });
    assert.equal(query.effectiveMessage?.message_id, 7, 'a callback query message is effective');
    assert.equal(messageOf(query), undefined);
    assert.equal(anyText.checkUpdate(query), false, 'but filters only look at message fields');
  });
});
