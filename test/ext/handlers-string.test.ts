import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallbackContext } from '../../src/ext/context.js';
import { StringCommandHandler } from '../../src/ext/handlers/string-command.js';
import { StringRegexHandler } from '../../src/ext/handlers/string-regex.js';
import { textUpdate } from '../helpers/updates.js';
import { offlineApp } from './helpers.js';

const noop = async () => {};

describe('StringCommandHandler', () => {
  test('matches /command strings exactly, args split on single spaces', () => {
    const handler = new StringCommandHandler('reload', noop);
    assert.deepEqual(handler.checkUpdate('/reload'), []);
    assert.deepEqual(handler.checkUpdate('/reload a  b'), ['a', '', 'b']);
    assert.equal(handler.checkUpdate('/Reload'), undefined);
    assert.equal(handler.checkUpdate('/reloads'), undefined);
    assert.equal(handler.checkUpdate('reload'), undefined);
    assert.equal(handler.checkUpdate(textUpdate('/reload')), undefined);
    assert.equal(handler.checkUpdate(42), undefined);
  });

  test('through the application: context.args, an empty list counts as a match', async () => {
    const app = offlineApp();
    const seen: unknown[] = [];
    app.addHandler(
      new StringCommandHandler('say', async (update, context) => {
        seen.push([update, context.args]);
      }),
    );
    await app.processUpdate('/say hello world');
    await app.processUpdate('/say');
    await app.processUpdate('/shout');
    assert.deepEqual(seen, [
      ['/say hello world', ['hello', 'world']],
      ['/say', []],
    ]);
  });
});

describe('StringRegexHandler', () => {
  test('matches at the start of the string only', () => {
    const handler = new StringRegexHandler('(\\w+)=(\\d+)', noop);
    const match = handler.checkUpdate('size=10 rest');
    assert.ok(match !== undefined);
    assert.deepEqual([match[1], match[2]], ['size', '10']);
    assert.equal(handler.checkUpdate(' size=10'), undefined);
    assert.equal(handler.checkUpdate('nothing'), undefined);
    assert.equal(handler.checkUpdate(textUpdate('size=10')), undefined);
    assert.ok(handler.pattern instanceof RegExp);
  });

  test('flags are kept; a global pattern keeps no state between checks', () => {
    const handler = new StringRegexHandler(/hello/gi, noop);
    for (let i = 0; i < 3; i++) assert.ok(handler.checkUpdate('HELLO there') !== undefined);
    assert.equal(handler.checkUpdate('say hello'), undefined);
  });

  test('the match reaches context.matches', async () => {
    const app = offlineApp();
    const handler = new StringRegexHandler(/^say (.+)$/, noop);
    const match = handler.checkUpdate('say hi');
    assert.ok(match !== undefined);
    const context = new CallbackContext(app);
    handler.collectAdditionalContext(context, 'say hi', app, match);
    assert.equal(context.matches?.length, 1);
    assert.equal(context.match?.[1], 'hi');
    const seen: unknown[] = [];
    app.addHandler(
      new StringRegexHandler(/^say (.+)$/, async (_update, ctx) => {
        seen.push(ctx.match?.[1]);
      }),
    );
    await app.processUpdate('say there');
    assert.deepEqual(seen, ['there']);
  });
});
