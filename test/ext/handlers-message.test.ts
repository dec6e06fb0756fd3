import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallbackContext } from '../../src/ext/context.js';
import * as filters from '../../src/ext/filters/index.js';
import { MessageHandler } from '../../src/ext/handlers/message.js';
import { callbackQueryUpdate, messageUpdate, textUpdate } from '../helpers/updates.js';
import { offlineApp } from './helpers.js';

const noop = async () => {};

describe('MessageHandler', () => {
  test('null filters: every update with a message, nothing else', () => {
    const handler = new MessageHandler(null, noop);
    assert.equal(handler.filters, filters.ALL);
    for (const kind of [
      'message',
      'edited_message',
      'channel_post',
      'business_message',
      'guest_message',
    ] as const) {
      assert.equal(handler.checkUpdate(messageUpdate({}, kind)), true, kind);
    }
    assert.equal(handler.checkUpdate(callbackQueryUpdate()), false);
    assert.equal(handler.checkUpdate('a string'), undefined);
    assert.equal(handler.checkUpdate({ message: {} }), undefined);
  });

  test('the filters decide; failing data filters answer false', () => {
    const handler = new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), noop);
    assert.equal(handler.checkUpdate(textUpdate('hi')), true);
    assert.equal(handler.checkUpdate(textUpdate('/start')), false);
    const regex = new MessageHandler(new filters.Regex('x'), noop);
    assert.equal(regex.checkUpdate(textUpdate('y')), false);
    const result = regex.checkUpdate(textUpdate('x'));
    assert.ok(typeof result === 'object');
    assert.equal(result.matches?.[0]?.[0], 'x');
  });

  test('data filters fill context.matches; plain filters leave it alone', () => {
    const app = offlineApp();
    const update = textUpdate('order 42 and 7');
    const handler = new MessageHandler(new filters.Regex(/(\d+)/).and(new filters.Regex(/and (\d+)/)), noop);
    const check = handler.checkUpdate(update);
    assert.ok(check !== undefined && check !== false);
    const context = new CallbackContext(app);
    handler.collectAdditionalContext(context, update, app, check);
    assert.deepEqual(
      context.matches?.map((m) => m[1]),
      ['42', '7'],
    );
    assert.equal(context.match?.[1], '42');
    const plain = new CallbackContext(app);
    new MessageHandler(filters.TEXT, noop).collectAdditionalContext(plain, update, app, true);
    assert.equal(plain.matches, undefined);
  });

  test('through the application: the callback sees the update and the matches', async () => {
    const app = offlineApp();
    const seen: string[] = [];
    app.addHandler(
      new MessageHandler(new filters.Regex(/^echo (.+)$/), async (update, context) => {
        seen.push(`${update.effectiveMessage.text}|${context.match?.[1]}`);
      }),
    );
    app.addHandler(
      new MessageHandler(filters.PHOTO, async () => {
        seen.push('photo');
      }),
    );
    await app.processUpdate(textUpdate('echo hello'));
    await app.processUpdate(textUpdate('nothing'));
    await app.processUpdate(
      messageUpdate({ photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }] }),
    );
    assert.deepEqual(seen, ['echo hello|hello', 'photo']);
  });

  test('block is passed through', () => {
    assert.equal(new MessageHandler(null, noop, { block: false }).block, false);
    assert.equal(new MessageHandler(null, noop).block, true);
  });
});
