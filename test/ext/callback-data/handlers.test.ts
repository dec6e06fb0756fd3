import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Application,
  CallbackQueryHandler,
  callbackButton,
  callbackDataOf,
  type ExtBot,
  InvalidCallbackData,
  MalformedUpdateError,
  parseUpdate,
} from '../../../src/ext/index.js';
import { InlineKeyboardMarkup, Update } from '../../../src/index.js';
import { TOKEN } from '../helpers.js';

class Payload {
  constructor(readonly amount: number) {}
}

/** The update of a press on the button with `id`, restored by the bot as polling would. */
function press(bot: ExtBot, queryId: string, id: string): Update {
  const raw: Record<string, unknown> = {
    update_id: 1,
    callback_query: {
      id: queryId,
      from: { id: 7, is_bot: false, first_name: 'A' },
      chat_instance: 'ci',
      data: id,
    },
  };
  bot.insertCallbackData(raw);
  return Update.fromJSON(raw, bot);
}

describe('CallbackQueryHandler with arbitrary callback data', () => {
  test('class, predicate and string patterns see the restored data; InvalidCallbackData is a class pattern', async () => {
    const app = Application.builder().token(TOKEN).arbitraryCallbackData(true).build();
    const bot = app.bot as ExtBot;
    const cache = bot.callbackDataCache;
    assert.ok(cache !== undefined, 'the builder gave the bot a cache');
    const sent = cache.processKeyboard(
      new InlineKeyboardMarkup([
        [callbackButton('pay', new Payload(3)), callbackButton('obj', { kind: 'x' })],
        [callbackButton('str', 'plain:9')],
      ]),
    );
    const ids = sent.inline_keyboard.flat().map((b) => b.callback_data ?? '');
    const seen: string[] = [];
    app.addHandler(
      new CallbackQueryHandler(
        (update) => {
          const data = callbackDataOf(update.callback_query);
          assert.ok(data instanceof Payload, 'the class pattern passes instances only');
          seen.push(`payload ${data.amount}`);
        },
        { pattern: Payload },
      ),
    );
    app.addHandler(
      new CallbackQueryHandler(
        () => {
          seen.push('invalid');
        },
        { pattern: InvalidCallbackData },
      ),
    );
    app.addHandler(
      new CallbackQueryHandler(
        (_update, context) => {
          seen.push(`string ${context.match[1]}`);
        },
        { pattern: /plain:(\d)/ },
      ),
    );
    app.addHandler(
      new CallbackQueryHandler(
        (update, context) => {
          seen.push(`predicate ${JSON.stringify(callbackDataOf(update.callback_query))}`);
          context.dropCallbackData(update.callback_query);
        },
        {
          pattern: (data) =>
            typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'x',
        },
      ),
    );
    await app.processUpdate(press(bot, 'q1', ids[0] ?? ''));
    await app.processUpdate(press(bot, 'q2', ids[2] ?? ''));
    await app.processUpdate(press(bot, 'q3', ids[1] ?? ''));
    // The predicate's handler dropped the keyboard: all its buttons are invalid now.
    await app.processUpdate(press(bot, 'q4', ids[0] ?? ''));
    await app.processUpdate(press(bot, 'q5', 'forged'));
    assert.deepEqual(seen, ['payload 3', 'string 9', 'predicate {"kind":"x"}', 'invalid', 'invalid']);
  });

  test('parseUpdate (what polling and webhooks use) restores the data before building the update', () => {
    const bot = Application.builder().token(TOKEN).arbitraryCallbackData(true).build().bot as ExtBot;
    const sent = bot.callbackDataCache?.processKeyboard({
      inline_keyboard: [[{ text: 'a', callback_data: [1] }]],
    });
    const id = sent?.inline_keyboard[0]?.[0]?.callback_data ?? '';
    const json = {
      update_id: 3,
      callback_query: {
        id: 'q',
        from: { id: 1, is_bot: false, first_name: 'A' },
        chat_instance: 'c',
        data: id,
      },
    };
    const update = parseUpdate(JSON.parse(JSON.stringify(json)), bot);
    assert.ok(update instanceof Update, 'parsed');
    assert.deepEqual(callbackDataOf(update.callback_query as never), [1]);
    assert.deepEqual(update.toJSON(), json, 'the update’s JSON is what Telegram sent');
    const broken = parseUpdate({ update_id: 4, callback_query: { id: 'q', data: id } }, bot);
    assert.ok(broken instanceof MalformedUpdateError, 'a malformed query is reported, not thrown');
  });

  test('context.dropCallbackData without arbitrary callback data says how to turn it on', async () => {
    const app = Application.builder().token(TOKEN).build();
    const errors: unknown[] = [];
    app.addErrorHandler((_update, context) => {
      errors.push(context.error);
    });
    app.addHandler(
      new CallbackQueryHandler((update, context) => {
        context.dropCallbackData(update.callback_query);
      }),
    );
    const raw = {
      update_id: 2,
      callback_query: {
        id: 'q',
        from: { id: 1, is_bot: false, first_name: 'A' },
        chat_instance: 'c',
        data: 'd',
      },
    };
    await app.processUpdate(Update.fromJSON(raw, app.bot));
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /arbitraryCallbackData\(true\)/);
  });
});
