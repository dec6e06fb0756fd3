import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallbackContext, ConversationMember } from '../../../src/ext/index.js';
import {
  Application,
  ApplicationHandlerStop,
  CommandHandler,
  ConversationHandler,
  filters,
  MessageHandler,
  TypeHandler,
} from '../../../src/ext/index.js';
import { Update } from '../../../src/generated/types.js';
import { recordingLogger, TOKEN } from '../helpers.js';
import { clockedApp, text, warningsDuring } from './helpers.js';

function timed(
  log: string[],
  timeoutHandlers: readonly ConversationMember<CallbackContext, never>[] = [
    new MessageHandler(filters.ALL, (update) => {
      log.push(`timeout after ${update.message?.text}`);
    }),
  ],
) {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'A' as const)],
    states: {
      A: [new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), () => 'B' as const)],
      B: [new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), () => undefined)],
      [ConversationHandler.TIMEOUT]: timeoutHandlers,
    },
    fallbacks: [new CommandHandler('cancel', () => ConversationHandler.END)],
    conversationTimeout: 10,
  });
}

test('conversationTimeout: inactivity ends the conversation after the TIMEOUT handlers ran on its last update', async () => {
  const { app, clock, jobQueue } = clockedApp();
  const log: string[] = [];
  const conversation = timed(log);
  app.addHandler(conversation);
  await jobQueue.start();
  await app.processUpdate(text('/start'));
  await clock.advance(9_000);
  await app.processUpdate(text('first'));
  assert.equal(conversation.conversations.get('[1,1]'), 'B');
  await clock.advance(9_000);
  await app.processUpdate(text('second'));
  await clock.advance(9_999);
  assert.deepEqual(log, [], 'every update restarts the timeout');
  assert.equal(jobQueue.jobs().length, 1, 'one timeout job per conversation');
  await clock.advance(1);
  assert.deepEqual(log, ['timeout after second']);
  assert.equal(conversation.conversations.size, 0, 'the timed-out conversation ended');
  await app.processUpdate(text('third'));
  assert.equal(conversation.conversations.size, 0, 'state handlers no longer answer');
  await jobQueue.stop();
});

test('conversationTimeout: ending the conversation removes its timeout; each conversation has its own', async () => {
  const { app, clock, jobQueue } = clockedApp();
  const log: string[] = [];
  const conversation = timed(log);
  app.addHandler(conversation);
  await jobQueue.start();
  await app.processUpdate(text('/start', { userId: 1 }));
  await clock.advance(5_000);
  await app.processUpdate(text('/start', { userId: 2 }));
  await app.processUpdate(text('/cancel', { userId: 1 }));
  await clock.advance(5_000);
  assert.deepEqual(log, [], "user 1 ended theirs; user 2's has 5 s left");
  await clock.advance(5_000);
  assert.deepEqual(log, ['timeout after /start']);
  assert.deepEqual([...conversation.conversations], []);
  assert.deepEqual(jobQueue.jobs(), []);
  await jobQueue.stop();
});

test('TIMEOUT handlers: every matching one runs; errors reach the error handlers and the conversation still ends', async () => {
  const { app, clock, jobQueue } = clockedApp();
  const log: string[] = [];
  const errors: unknown[] = [];
  app.addErrorHandler((_update, context) => {
    errors.push(context.error);
  });
  const boom = new Error('boom');
  const conversation = timed(log, [
    new TypeHandler(Update, () => {
      log.push('first');
      throw boom;
    }),
    new MessageHandler(filters.PHOTO, () => {
      log.push('photo only');
    }),
    new MessageHandler(filters.TEXT, () => {
      log.push('second');
      throw new ApplicationHandlerStop();
    }),
  ]);
  app.addHandler(conversation);
  await jobQueue.start();
  await app.processUpdate(text('/start'));
  const warnings = await warningsDuring(() => clock.advance(10_000));
  assert.deepEqual(log, ['first', 'second']);
  assert.deepEqual(errors, [boom]);
  assert.deepEqual(warnings, [
    'ApplicationHandlerStop in a TIMEOUT handler of a ConversationHandler has no effect.',
  ]);
  assert.equal(conversation.conversations.size, 0);
  await jobQueue.stop();
});

test('conversationTimeout without a job queue, or with a stopped one, is ignored with one warning', async () => {
  const app = Application.builder()
    .token(TOKEN)
    .updater(null)
    .logger(recordingLogger())
    .jobQueue(null)
    .build();
  const conversation = timed([]);
  app.addHandler(conversation);
  const warnings = await warningsDuring(async () => {
    await app.processUpdate(text('/start', { userId: 1 }));
    await app.processUpdate(text('/start', { userId: 2 }));
  });
  assert.deepEqual(warnings, [
    'conversationTimeout is ignored: the application has no job queue. Do not build it with jobQueue(null) to time conversations out.',
  ]);
  assert.equal(conversation.conversations.size, 2, 'the conversations run without a timeout');

  const stopped = clockedApp();
  stopped.app.addHandler(timed([]));
  const stoppedWarnings = await warningsDuring(() => stopped.app.processUpdate(text('/start')));
  assert.deepEqual(stoppedWarnings, [
    "conversationTimeout is ignored: the application's job queue is not running (Application.start() starts it).",
  ]);
  assert.deepEqual(stopped.jobQueue.jobs(), []);
});

test('a failing callback keeps the state and restarts the timeout', async () => {
  const { app, clock, jobQueue } = clockedApp();
  const log: string[] = [];
  app.addErrorHandler(() => {
    log.push('error');
  });
  const conversation = new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'A' as const)],
    states: {
      A: [
        new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), () => {
          throw new Error('no');
        }),
      ],
      [ConversationHandler.TIMEOUT]: [new TypeHandler(Update, () => void log.push('timeout'))],
    },
    conversationTimeout: 10,
  });
  app.addHandler(conversation);
  await jobQueue.start();
  await app.processUpdate(text('/start'));
  await clock.advance(6_000);
  await app.processUpdate(text('fails'));
  await clock.advance(6_000);
  assert.deepEqual(log, ['error']);
  await clock.advance(4_000);
  assert.deepEqual(log, ['error', 'timeout']);
  await jobQueue.stop();
});
