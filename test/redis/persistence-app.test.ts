// RedisPersistence in applications built with the builder: two applications (two processes of one
// bot, as far as Redis can tell) on the same prefix count messages in chat and bot data; each
// takes in what the other stored before it handles an update, and a change made on stale data is
// reported to the error handlers instead of overwriting the other's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import type { CallbackContext } from '../../src/ext/context.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { Update } from '../../src/generated/types.js';
import { RedisPersistence, RedisPersistenceConflictError } from '../../src/redis/index.js';
import { messageUpdate, recordingLogger, TOKEN } from '../ext/helpers.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();

function counter(prefix: string, errors: unknown[]) {
  const persistence = new RedisPersistence({ redis: REDIS_URL, prefix });
  const app = Application.builder()
    .token(TOKEN)
    .updater(null)
    .logger(recordingLogger())
    .persistence(persistence)
    .postShutdown(() => persistence.close())
    .build();
  Object.defineProperty(app.bot, 'initialize', { value: async () => undefined }); // offline: no getMe
  app.addHandler(
    new TypeHandler(Update, async (_update: Update, context: CallbackContext) => {
      const chat = context.chatData as { count?: number };
      chat.count = (chat.count ?? 0) + 1;
      const bot = context.botData as { total?: number };
      bot.total = (bot.total ?? 0) + 1;
    }),
  );
  app.addErrorHandler(async (_update, context) => {
    errors.push(context.error);
  });
  return { app, persistence };
}

describe('RedisPersistence in applications', { skip }, () => {
  it('two applications on one prefix take turns without losing a count', async () => {
    const prefix = testPrefix();
    const errors: unknown[] = [];
    const a = counter(prefix, errors);
    const b = counter(prefix, errors);
    try {
      await a.app.initialize();
      await b.app.initialize();
      for (let i = 0; i < 10; i++) {
        const { app } = i % 2 === 0 ? a : b;
        await app.processUpdate(messageUpdate('hi', { chatId: -500, userId: 9 }));
        await app.updatePersistence();
      }
      assert.deepEqual(errors, [], 'no conflicts when they take turns');
      const check = testClient();
      const stored = new RedisPersistence({ redis: check, prefix });
      stored.setBot(a.app.bot);
      assert.deepEqual((await stored.getChatData()).get(-500), { count: 10 }, 'every message counted once');
      assert.deepEqual(await stored.getBotData(), { total: 10 }, 'in the bot data too');

      // Both handle an update before either wrote: the second write is refused, not lost silently.
      await a.app.processUpdate(messageUpdate('x', { chatId: -500, userId: 9 }));
      await b.app.processUpdate(messageUpdate('y', { chatId: -500, userId: 9 }));
      await a.app.updatePersistence();
      await b.app.updatePersistence();
      assert.ok(
        errors.some((error) => (error as object) instanceof RedisPersistenceConflictError),
        'the stale write reached the error handlers',
      );
      assert.deepEqual((await stored.getChatData()).get(-500), { count: 11 }, 'the first write stands');
      await check.quit();
    } finally {
      for (const { app, persistence } of [a, b]) {
        await app.shutdown();
        await persistence.close(); // postShutdown runs with runPolling/runWebhook only
      }
      await cleanUp(testClient(), prefix);
    }
  });
});
