// Games as a bot uses them: the game sent in reply, the "Play" button's query picked by its game
// name, scores set and read for chat and inline game messages, game messages caught by a filter.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallbackQueryHandler, filters, MessageHandler } from '../../src/ext/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 21, is_bot: false, first_name: 'Alice' };
const GROUP = { id: -300, type: 'group', title: 'Players' };
const GAME = {
  title: 'Tetris',
  description: 'Blocks',
  photo: [{ file_id: 'p', file_unique_id: 'pu', width: 1, height: 1 }],
};
let updateId = 1;

const scope = areaScope();

function message(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, message: { message_id: 40, date: 1, chat: GROUP, from: ALICE, ...fields } };
}

function query(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, callback_query: { id: 'cq', from: ALICE, chat_instance: 'ci', ...fields } };
}

describe('games', () => {
  test('message.replyGame sends the game to the same chat', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.COMMAND, async (update) => {
        await update.effectiveMessage.replyGame('tetris', { doQuote: false });
      }),
    );
    await scope.app.processUpdate(
      message({ text: '/play', entities: [{ type: 'bot_command', offset: 0, length: 5 }] }),
    );
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.last(), {
      method: 'sendGame',
      params: { chat_id: GROUP.id, game_short_name: 'tetris' },
    });
  });

  test('filters.GAME passes game messages only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.GAME, (update) => void seen.push(update.effectiveMessage.game.title)),
    );
    await scope.app.processUpdate(message({ game: GAME }));
    await scope.app.processUpdate(message({ text: 'Tetris' }));
    assert.deepEqual(seen, ['Tetris']);
  });

  test('CallbackQueryHandler({ gamePattern }) takes the Play button of matching games only', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new CallbackQueryHandler(
        async (update) => {
          seen.push(update.callback_query.game_short_name ?? '');
          await update.callback_query.answer({ url: 'https://example.org/tetris' });
        },
        { gamePattern: 'tet' },
      ),
    );
    const gameMessage = { message_id: 40, date: 1, chat: GROUP, game: GAME };
    await scope.app.processUpdate(query({ game_short_name: 'tetris', message: gameMessage }));
    await scope.app.processUpdate(query({ game_short_name: 'chess', message: gameMessage }));
    await scope.app.processUpdate(query({ data: 'tetris', message: gameMessage }));
    // Matched at the start of the name, as PTB's re.match does.
    await scope.app.processUpdate(query({ game_short_name: 'mytetris', message: gameMessage }));
    assert.deepEqual(seen, ['tetris']);
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'answerCallbackQuery',
        params: { callback_query_id: 'cq', url: 'https://example.org/tetris' },
      },
    ]);
  });

  test('setGameScore and getGameHighScores name the chat message, or the inline message', async () => {
    const scores: number[] = [];
    scope.app.addHandler(
      new CallbackQueryHandler(
        async (update) => {
          const q = update.callback_query;
          await q.setGameScore(q.from.id, 120, { force: true });
          const high = await q.getGameHighScores(q.from.id);
          scores.push(...high.map((s) => s.score));
        },
        { gamePattern: /tetris/ },
      ),
    );
    await scope.app.processUpdate(
      query({ game_short_name: 'tetris', message: { message_id: 40, date: 1, chat: GROUP, game: GAME } }),
    );
    await scope.app.processUpdate(query({ game_short_name: 'tetris', inline_message_id: 'im-1' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'setGameScore',
        params: { user_id: ALICE.id, score: 120, force: true, chat_id: GROUP.id, message_id: 40 },
      },
      { method: 'getGameHighScores', params: { user_id: ALICE.id, chat_id: GROUP.id, message_id: 40 } },
      {
        method: 'setGameScore',
        params: { user_id: ALICE.id, score: 120, force: true, inline_message_id: 'im-1' },
      },
      { method: 'getGameHighScores', params: { user_id: ALICE.id, inline_message_id: 'im-1' } },
    ]);
    assert.deepEqual(scores, [40, 40]);
  });

  test('message.setGameScore and getGameHighScores work from the game message itself', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.GAME, async (update) => {
        const m = update.effectiveMessage;
        await m.setGameScore(ALICE.id, 7);
        await m.getGameHighScores(ALICE.id);
      }),
    );
    await scope.app.processUpdate(message({ game: GAME }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      { method: 'setGameScore', params: { user_id: ALICE.id, score: 7, chat_id: GROUP.id, message_id: 40 } },
      { method: 'getGameHighScores', params: { user_id: ALICE.id, chat_id: GROUP.id, message_id: 40 } },
    ]);
  });
});
