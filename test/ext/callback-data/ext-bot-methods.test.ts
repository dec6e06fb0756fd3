// Every kind of parameter that carries an inline keyboard is rewritten: reply_markup of any method,
// inline query results of answerWebAppQuery and savePreparedInlineMessage. Checked on the request
// bodies a fake Bot API server receives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CallbackDataCache, callbackButton, ExtBot } from '../../../src/ext/index.js';
import { InlineKeyboardMarkup } from '../../../src/index.js';
import { FAKE_TOKEN, FakeApiServer } from '../../helpers/fake-api-server.js';

const bodies: Record<string, unknown>[] = [];
let server: FakeApiServer;
let bot: ExtBot;

before(async () => {
  server = await FakeApiServer.start((exchange) => {
    const body = JSON.parse(String(exchange.recorded.body)) as Record<string, unknown>;
    bodies.push(body);
    const path = exchange.recorded.path;
    if (path.endsWith('/answerWebAppQuery'))
      exchange.json(200, { ok: true, result: { inline_message_id: 'im' } });
    else if (path.endsWith('/savePreparedInlineMessage'))
      exchange.json(200, { ok: true, result: { id: 'p1', expiration_date: 2_000_000_000 } });
    else if (path.endsWith('/stopPoll'))
      exchange.json(200, {
        ok: true,
        result: {
          id: 'poll',
          question: 'Q',
          options: [],
          total_voter_count: 0,
          is_closed: true,
          is_anonymous: true,
          type: 'regular',
          allows_multiple_answers: false,
          allows_revoting: false,
          members_only: false,
        },
      });
    else exchange.json(200, { ok: true, result: { message_id: 5 } });
  });
  bot = new ExtBot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot`, arbitraryCallbackData: 8 });
});
after(async () => {
  await bot.shutdown();
  await server.close();
});

/** The data the cache holds for the first button of a sent keyboard (JSON or its string form). */
function dataOfSent(markup: unknown): unknown {
  const parsed = (typeof markup === 'string' ? JSON.parse(markup) : markup) as {
    inline_keyboard: { callback_data: string }[][];
  };
  const id = parsed.inline_keyboard[0]?.[0]?.callback_data ?? '';
  assert.ok(id.length > 0 && Buffer.byteLength(id) <= 64, `an id was sent, got ${id}`);
  const cache = bot.callbackDataCache as CallbackDataCache;
  return cache.processCallbackQuery({
    id: `q${bodies.length}`,
    from: { id: 1, is_bot: false, first_name: 'A' },
    chat_instance: 'c',
    data: id,
  }).data;
}

function keyboard(value: unknown): InlineKeyboardMarkup {
  return new InlineKeyboardMarkup([[callbackButton('B', value)]]);
}

describe('ExtBot rewrites every inline keyboard it sends', () => {
  test('the builder-style maxsize reaches the cache', () => {
    assert.equal(bot.callbackDataCache?.maxsize, 8);
  });

  test('reply_markup of copyMessage and stopPoll', async () => {
    await bot.copyMessage(1, 2, 3, { reply_markup: keyboard({ copy: 1 }) });
    assert.deepEqual(dataOfSent(bodies.at(-1)?.reply_markup), { copy: 1 });
    await bot.stopPoll(1, 4, { reply_markup: keyboard(['stop']) });
    assert.deepEqual(dataOfSent(bodies.at(-1)?.reply_markup), ['stop']);
  });

  test('the result of answerWebAppQuery and savePreparedInlineMessage; the given result is unchanged', async () => {
    const result = {
      type: 'article',
      id: 'r',
      title: 'T',
      input_message_content: { message_text: 'x' },
      reply_markup: { inline_keyboard: [[{ text: 'W', callback_data: { web: true } }]] },
    } as const;
    await bot.answerWebAppQuery('wq', result as never);
    const sent = bodies.at(-1)?.result as string | Record<string, unknown>;
    const sentResult = (typeof sent === 'string' ? JSON.parse(sent) : sent) as Record<string, unknown>;
    assert.deepEqual(dataOfSent(sentResult.reply_markup), { web: true });
    assert.equal(sentResult.title, 'T', 'the rest of the result is sent as given');
    assert.deepEqual(
      result.reply_markup.inline_keyboard[0]?.[0]?.callback_data,
      { web: true },
      'caller’s object untouched',
    );

    await bot.savePreparedInlineMessage(1, { ...result, reply_markup: keyboard({ prepared: 1 }) } as never);
    const prepared = bodies.at(-1)?.result as string | Record<string, unknown>;
    const preparedResult = (typeof prepared === 'string' ? JSON.parse(prepared) : prepared) as Record<
      string,
      unknown
    >;
    assert.deepEqual(dataOfSent(preparedResult.reply_markup), { prepared: 1 });
  });
});
