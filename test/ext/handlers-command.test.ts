import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallbackContext } from '../../src/ext/context.js';
import * as filters from '../../src/ext/filters/index.js';
import { CommandHandler } from '../../src/ext/handlers/command.js';
import { PrefixHandler } from '../../src/ext/handlers/prefix.js';
import { type Bot, Update } from '../../src/index.js';
import { callbackQueryUpdate, messageJson, messageUpdate, textUpdate } from '../helpers/updates.js';
import { offlineApp } from './helpers.js';

const noop = async () => {};

/** A text update whose objects belong to a bot named `username` (only its username is read). */
function botUpdate(text: string, username: string | undefined): Update {
  const bot = { username } as unknown as Bot;
  const command = /^\/\S+/.exec(text)?.[0] ?? '';
  return Update.fromJSON(
    {
      update_id: 1,
      message: messageJson({ text, entities: [{ type: 'bot_command', offset: 0, length: command.length }] }),
    },
    bot,
  );
}

describe('CommandHandler', () => {
  test('validates and lowercases commands', () => {
    assert.deepEqual([...new CommandHandler(['Start', 'help_2'], noop).commands], ['start', 'help_2']);
    for (const bad of ['', 'with space', 'dash-ed', 'a'.repeat(33), 'ümlaut', '/start']) {
      assert.throws(() => new CommandHandler(bad, noop), /not a valid bot command/, bad);
    }
    assert.doesNotThrow(() => new CommandHandler('a'.repeat(32), noop));
  });

  test('matches /command at the start, case-insensitive, with args split on whitespace', () => {
    const handler = new CommandHandler('start', noop);
    assert.deepEqual(handler.checkUpdate(textUpdate('/start')), [[], true]);
    assert.deepEqual(handler.checkUpdate(textUpdate('/START  a   b\nc ')), [['a', 'b', 'c'], true]);
    assert.equal(handler.checkUpdate(textUpdate('/stop')), undefined);
    assert.equal(handler.checkUpdate(textUpdate('/starting')), undefined);
    assert.equal(handler.checkUpdate(textUpdate('start')), undefined);
    const later = textUpdate('hi /start', { entities: [{ type: 'bot_command', offset: 3, length: 6 }] });
    assert.equal(handler.checkUpdate(later), undefined);
    const caption = messageUpdate({
      caption: '/start',
      caption_entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
    assert.equal(handler.checkUpdate(caption), undefined);
    assert.equal(handler.checkUpdate('/start'), undefined);
    assert.equal(handler.checkUpdate(callbackQueryUpdate()), undefined);
  });

  test('/command@username only for this bot, from the bot of the update or the option', () => {
    const handler = new CommandHandler('start', noop);
    assert.deepEqual(handler.checkUpdate(botUpdate('/start@TestBot x', 'testbot')), [['x'], true]);
    assert.deepEqual(handler.checkUpdate(botUpdate('/start@testbot', 'TestBot')), [[], true]);
    assert.equal(handler.checkUpdate(botUpdate('/start@OtherBot', 'TestBot')), undefined);
    assert.deepEqual(handler.checkUpdate(botUpdate('/start', 'TestBot')), [[], true]);
    assert.equal(
      handler.checkUpdate(textUpdate('/start@TestBot')),
      undefined,
      'no bot: the username cannot match',
    );
    const injected = new CommandHandler('start', noop, { botUsername: '@TestBot' });
    assert.deepEqual(injected.checkUpdate(textUpdate('/start@testbot')), [[], true]);
    assert.equal(injected.checkUpdate(textUpdate('/start@other')), undefined);
    assert.equal(injected.checkUpdate(botUpdate('/start@real', 'real')), undefined, 'the option wins');
  });

  test('hasArgs: true, false, a count', () => {
    const none = textUpdate('/go');
    const two = textUpdate('/go a b');
    const cases: [boolean | number | undefined, boolean, boolean][] = [
      [undefined, true, true],
      [true, false, true],
      [false, true, false],
      [2, false, true],
      [0, true, false],
      [1, false, false],
    ];
    for (const [hasArgs, withNone, withTwo] of cases) {
      const handler = new CommandHandler('go', noop, { hasArgs });
      assert.equal(handler.checkUpdate(none) !== undefined, withNone, `${hasArgs} / none`);
      assert.equal(handler.checkUpdate(two) !== undefined, withTwo, `${hasArgs} / two`);
    }
    assert.throws(() => new CommandHandler('go', noop, { hasArgs: -1 }), RangeError);
    assert.throws(() => new CommandHandler('go', noop, { hasArgs: 1.5 }), RangeError);
  });

  test('filters: default new and edited messages; custom filters; false when they reject', () => {
    const handler = new CommandHandler('start', noop);
    assert.equal(handler.filters, filters.UpdateType.MESSAGES);
    assert.deepEqual(handler.checkUpdate(textUpdate('/start', {}, 'edited_message')), [[], true]);
    assert.equal(handler.checkUpdate(textUpdate('/start', {}, 'channel_post')), false);
    const privateOnly = new CommandHandler('start', noop, { filters: filters.ChatType.GROUPS });
    assert.equal(privateOnly.checkUpdate(textUpdate('/start')), false);
    const withData = new CommandHandler('start', noop, { filters: new filters.Regex('(x)') });
    const check = withData.checkUpdate(textUpdate('/start x'));
    assert.ok(Array.isArray(check));
    assert.equal(typeof check[1], 'object');
  });

  test('collectAdditionalContext: args and filter data', () => {
    const app = offlineApp();
    const update = textUpdate('/find needle in hay');
    const handler = new CommandHandler('find', noop, { filters: new filters.Regex('(needle)') });
    const check = handler.checkUpdate(update);
    assert.ok(check !== undefined && check !== false);
    const context = new CallbackContext(app);
    handler.collectAdditionalContext(context, update, app, check);
    assert.deepEqual(context.args, ['needle', 'in', 'hay']);
    assert.equal(context.match?.[1], 'needle');
  });

  test('through the application', async () => {
    const app = offlineApp();
    const seen: string[] = [];
    app.addHandler(
      new CommandHandler(['add', 'plus'], async (update, context) => {
        seen.push(`${update.effectiveMessage.text}:${context.args?.join(',')}`);
      }),
    );
    await app.processUpdate(textUpdate('/add 1 2'));
    await app.processUpdate(textUpdate('/Plus 3'));
    await app.processUpdate(textUpdate('/minus 3'));
    assert.deepEqual(seen, ['/add 1 2:1,2', '/Plus 3:3']);
  });
});

describe('PrefixHandler', () => {
  test('every prefix and command combination, case-insensitive', () => {
    const handler = new PrefixHandler(['!', '#'], ['Help', 'about'], noop);
    assert.deepEqual([...handler.commands].sort(), ['!about', '!help', '#about', '#help']);
    assert.deepEqual(handler.checkUpdate(textUpdate('!help me now')), [['me', 'now'], true]);
    assert.deepEqual(handler.checkUpdate(textUpdate('  #ABOUT')), [[], true]);
    assert.equal(handler.checkUpdate(textUpdate('?help')), undefined);
    assert.equal(handler.checkUpdate(textUpdate('!helpme')), undefined);
    assert.equal(handler.checkUpdate(textUpdate('say !help')), undefined);
    assert.equal(handler.checkUpdate(messageUpdate({ caption: '!help' })), undefined);
    assert.equal(handler.checkUpdate(textUpdate('   ')), undefined);
    assert.equal(handler.checkUpdate('!help'), undefined);
    assert.deepEqual([...new PrefixHandler('/', 'x', noop).commands], ['/x']);
  });

  test('filters: default new and edited messages', () => {
    const handler = new PrefixHandler('!', 'help', noop);
    assert.deepEqual(handler.checkUpdate(textUpdate('!help', {}, 'edited_message')), [[], true]);
    assert.equal(handler.checkUpdate(textUpdate('!help', {}, 'channel_post')), false);
    const inGroups = new PrefixHandler('!', 'help', noop, { filters: filters.ChatType.GROUPS });
    assert.equal(inGroups.checkUpdate(textUpdate('!help')), false);
  });

  test('collectAdditionalContext sets args', async () => {
    const app = offlineApp();
    const seen: (string[] | undefined)[] = [];
    app.addHandler(
      new PrefixHandler('!', 'roll', async (_update, context) => {
        seen.push(context.args);
      }),
    );
    await app.processUpdate(textUpdate('!roll 2d6 fast'));
    assert.deepEqual(seen, [['2d6', 'fast']]);
  });
});
