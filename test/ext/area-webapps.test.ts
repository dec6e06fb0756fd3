// Web apps as a bot uses them: a keyboard button that opens the web app, the data the web app
// sends back routed by its status filter and read from the message, and the answer to a web app
// query sent with the application's defaults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Defaults, filters, MessageHandler } from '../../src/ext/index.js';
import {
  KeyboardButton,
  ReplyKeyboardMarkup,
  SentWebAppMessage,
  WebAppData,
  WebAppInfo,
} from '../../src/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 41, is_bot: false, first_name: 'Alice' };
const CHAT = { id: 41, type: 'private', first_name: 'Alice' };
let updateId = 1;

const scope = areaScope({ defaults: new Defaults({ parseMode: 'HTML' }) });

function message(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, message: { message_id: 50, date: 1, chat: CHAT, from: ALICE, ...fields } };
}

describe('web apps', () => {
  test('a KeyboardButton with WebAppInfo reaches the API as a web_app button', async () => {
    const button = new KeyboardButton({
      text: 'Pick a colour',
      web_app: new WebAppInfo({ url: 'https://example.org/app' }),
    });
    assert.ok(button.web_app instanceof WebAppInfo);
    assert.equal(button.web_app.url, 'https://example.org/app');
    scope.app.addHandler(
      new MessageHandler(filters.COMMAND, async (update) => {
        await update.effectiveMessage.replyText('Open it', {
          reply_markup: ReplyKeyboardMarkup.fromButton(button, { resize_keyboard: true }),
        });
      }),
    );
    await scope.app.processUpdate(
      message({ text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] }),
    );
    assert.deepEqual(scope.errors, []);
    const { method, params } = scope.h.last();
    assert.equal(method, 'sendMessage');
    assert.deepEqual(params.reply_markup, {
      keyboard: [[{ text: 'Pick a colour', web_app: { url: 'https://example.org/app' } }]],
      resize_keyboard: true,
    });
  });

  test('StatusUpdate.WEB_APP_DATA routes the data a web app sent, parsed into WebAppData', async () => {
    const colours: unknown[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.StatusUpdate.WEB_APP_DATA, (update) => {
        const data = update.effectiveMessage.web_app_data;
        assert.ok(data instanceof WebAppData);
        colours.push([data.button_text, JSON.parse(data.data)]);
      }),
    );
    scope.app.addHandler(new MessageHandler(filters.ALL, () => void colours.push('other')));
    const payload = JSON.stringify({ hex: '#ff0000', rgb: [255, 0, 0] });
    await scope.app.processUpdate(message({ web_app_data: { data: payload, button_text: 'Pick a colour' } }));
    await scope.app.processUpdate(message({ text: payload }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(colours, [['Pick a colour', { hex: '#ff0000', rgb: [255, 0, 0] }], 'other']);
  });

  test('answerWebAppQuery sends the result with the default parse mode and resolves to SentWebAppMessage', async () => {
    scope.h.answer('answerWebAppQuery', { inline_message_id: 'im-9' });
    const sent = await scope.app.bot.answerWebAppQuery('wq-1', {
      type: 'article',
      id: 'r',
      title: 'Colour',
      input_message_content: { message_text: '<b>red</b>' },
    });
    assert.ok(sent instanceof SentWebAppMessage);
    assert.equal(sent.inline_message_id, 'im-9');
    assert.deepEqual(scope.h.last(), {
      method: 'answerWebAppQuery',
      params: {
        web_app_query_id: 'wq-1',
        result: {
          type: 'article',
          id: 'r',
          title: 'Colour',
          input_message_content: { message_text: '<b>red</b>', parse_mode: 'HTML' },
        },
      },
    });
  });
});
