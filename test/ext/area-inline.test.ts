// Inline mode as a bot uses it: queries picked by text and chat type and answered page by page
// with the application's defaults filled into the results, the chosen result picked by its id,
// and messages sent through a bot caught by the via-bot filters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ChosenInlineResultHandler,
  Defaults,
  filters,
  InlineQueryHandler,
  MessageHandler,
} from '../../src/ext/index.js';
import type { InlineQueryResultInit } from '../../src/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 31, is_bot: false, first_name: 'Alice' };
const GIFBOT = { id: 900, is_bot: true, first_name: 'Gif', username: 'gifbot' };
let updateId = 1;

const scope = areaScope({ defaults: new Defaults({ parseMode: 'HTML' }) });

function inlineQuery(query: string, offset: string, chatType?: string): Record<string, unknown> {
  return {
    update_id: updateId++,
    inline_query: {
      id: `iq-${updateId}`,
      from: ALICE,
      query,
      offset,
      ...(chatType === undefined ? {} : { chat_type: chatType }),
    },
  };
}

const cats: InlineQueryResultInit[] = Array.from({ length: 70 }, (_, i) => ({
  type: 'article',
  id: `cat-${i}`,
  title: `Cat ${i}`,
  input_message_content: { message_text: `<b>cat ${i}</b>` },
}));

describe('inline mode', () => {
  test('InlineQueryHandler pages the answer with autoPagination and fills the default parse mode', async () => {
    const matched: string[] = [];
    scope.app.addHandler(
      new InlineQueryHandler(
        async (update, context) => {
          matched.push(context.match[1] ?? '');
          await update.inline_query.answer(cats, { autoPagination: true, cache_time: 0 });
        },
        { pattern: /cats?( \w+)?/ },
      ),
    );
    await scope.app.processUpdate(inlineQuery('cats please', ''));
    await scope.app.processUpdate(inlineQuery('cats please', '1'));
    await scope.app.processUpdate(inlineQuery('dogs', ''));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(matched, [' please', ' please']);
    assert.equal(scope.h.calls.length, 2);
    const [first, second] = scope.h.calls.map((c) => c.params);
    assert.ok(first !== undefined && second !== undefined);
    const ids = (params: Record<string, unknown>) => (params.results as { id: string }[]).map((r) => r.id);
    assert.deepEqual(
      ids(first),
      cats.slice(0, 50).map((r) => r.id),
    );
    assert.equal(first.next_offset, '1');
    assert.equal(first.cache_time, 0);
    assert.deepEqual(
      ids(second),
      cats.slice(50).map((r) => r.id),
    );
    assert.equal(second.next_offset, '', 'the last page asks for no more');
    const content = (first.results as { input_message_content: Record<string, unknown> }[])[0]
      ?.input_message_content;
    assert.deepEqual(content, { message_text: '<b>cat 0</b>', parse_mode: 'HTML' });
  });

  test('a parse mode the result sets is kept over the default', async () => {
    scope.app.addHandler(
      new InlineQueryHandler((update) =>
        update.inline_query.answer([
          {
            type: 'article',
            id: 'md',
            title: 'M',
            input_message_content: { message_text: '*x*', parse_mode: 'MarkdownV2' },
          },
        ]),
      ),
    );
    await scope.app.processUpdate(inlineQuery('x', ''));
    const result = (scope.h.last().params.results as { input_message_content: Record<string, unknown> }[])[0];
    assert.deepEqual(result?.input_message_content, { message_text: '*x*', parse_mode: 'MarkdownV2' });
  });

  test('InlineQueryHandler({ chatTypes }) takes queries from those chat types only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new InlineQueryHandler((update) => void seen.push(update.inline_query.chat_type ?? 'none'), {
        chatTypes: ['sender', 'private'],
      }),
    );
    for (const type of ['sender', 'group', 'private', undefined]) {
      await scope.app.processUpdate(inlineQuery('q', '', type));
    }
    assert.deepEqual(seen, ['sender', 'private']);
  });

  test('ChosenInlineResultHandler picks the chosen result by the start of its id', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new ChosenInlineResultHandler(
        (update, context) => {
          seen.push(`${update.chosen_inline_result.result_id}:${context.match[1]}`);
        },
        { pattern: /cat-(\d+)/ },
      ),
    );
    const chosen = (id: string) => ({
      update_id: updateId++,
      chosen_inline_result: { result_id: id, from: ALICE, query: 'cats' },
    });
    await scope.app.processUpdate(chosen('cat-12'));
    await scope.app.processUpdate(chosen('dog-3'));
    await scope.app.processUpdate(chosen('x-cat-4'));
    assert.deepEqual(seen, ['cat-12:12']);
  });

  test('filters.VIA_BOT and ViaBot pass messages sent through (a given) inline bot', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(new filters.ViaBot({ username: '@gifbot' }), () => void seen.push('gifbot')),
    );
    scope.app.addHandler(new MessageHandler(filters.VIA_BOT, () => void seen.push('any bot')));
    scope.app.addHandler(new MessageHandler(filters.ALL, () => void seen.push('direct')));
    const message = (via?: Record<string, unknown>) => ({
      update_id: updateId++,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: ALICE.id, type: 'private', first_name: 'Alice' },
        from: ALICE,
        text: 'gif',
        ...(via === undefined ? {} : { via_bot: via }),
      },
    });
    await scope.app.processUpdate(message(GIFBOT));
    await scope.app.processUpdate(message({ ...GIFBOT, id: 901, username: 'otherbot' }));
    await scope.app.processUpdate(message());
    assert.deepEqual(seen, ['gifbot', 'any bot', 'direct']);
  });
});
