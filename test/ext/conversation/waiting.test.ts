import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Application,
  CommandHandler,
  ConversationHandler,
  ConversationStateError,
  Defaults,
  filters,
  MessageHandler,
} from '../../../src/ext/index.js';
import { offlineApp, recordingLogger, TOKEN } from '../helpers.js';
import { deferred, flush, text } from './helpers.js';

const TEXT = filters.TEXT.and(filters.COMMAND.not());

test('WAITING: while a non-blocking callback runs, only the WAITING handlers answer; then the new state applies', async () => {
  const app = offlineApp();
  const log: string[] = [];
  const gate = deferred();
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', async () => {
        log.push('start begins');
        await gate.promise;
        log.push('start ends');
        return 'A' as const;
      }),
    ],
    states: {
      A: [new MessageHandler(TEXT, (update) => void log.push(`A:${update.message?.text}`))],
      [ConversationHandler.WAITING]: [
        new MessageHandler(TEXT, (update) => void log.push(`waiting:${update.message?.text}`)),
      ],
    },
    block: false,
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('early'));
  await app.processUpdate(text('/start'));
  assert.deepEqual(log, ['start begins', 'waiting:early'], 'the entry point does not run again meanwhile');
  assert.equal(conversation.conversations.size, 0, 'the conversation shows its old state (none) meanwhile');
  gate.resolve();
  await flush();
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
  await app.processUpdate(text('later'));
  assert.deepEqual(log, ['start begins', 'waiting:early', 'start ends', 'A:later']);
});

test('WAITING: without WAITING handlers, updates that arrive meanwhile go to later groups', async () => {
  const app = offlineApp();
  const gate = deferred();
  const others: string[] = [];
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', async () => {
        await gate.promise;
        return 'A' as const;
      }),
    ],
    states: { A: [] },
    block: false,
  });
  app.addHandler(conversation, 0);
  app.addHandler(new MessageHandler(TEXT, (update) => void others.push(update.message?.text ?? '')), 1);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('meanwhile'));
  gate.resolve();
  await flush();
  assert.deepEqual(others, ['meanwhile']);
});

test('non-blocking callbacks: nothing returned keeps the state, a failure falls back to the old state and reaches the error handlers', async () => {
  const app = offlineApp();
  const errors: unknown[] = [];
  app.addErrorHandler((_update, context) => {
    errors.push(context.error);
  });
  const boom = new Error('boom');
  const conversation = new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'A' as const, { block: true })],
    states: {
      A: [
        new MessageHandler(new filters.Regex(/^stay$/), async () => undefined),
        new MessageHandler(new filters.Regex(/^fail$/), async () => {
          throw boom;
        }),
        new MessageHandler(new filters.Regex(/^next$/), async () => 'B' as const),
      ],
      B: [new MessageHandler(TEXT, async (): Promise<string> => 'NOT_A_STATE', { block: false })] as never,
    },
    block: false,
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  for (const step of ['stay', 'fail']) {
    await app.processUpdate(text(step));
    await flush();
    assert.equal(conversation.conversations.get('[1,1]'), 'A', `${step} keeps A`);
  }
  assert.deepEqual(errors, [boom]);
  await app.processUpdate(text('next'));
  await flush();
  assert.equal(conversation.conversations.get('[1,1]'), 'B');
  await app.processUpdate(text('anything'));
  await flush();
  assert.equal(conversation.conversations.get('[1,1]'), 'B', 'an unknown state keeps the old one');
  assert.ok(errors[1] instanceof ConversationStateError, 'and is reported to the error handlers');
});

test('a failing non-blocking entry point starts no conversation', async () => {
  const app = offlineApp();
  app.addErrorHandler(() => {});
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', async () => {
        throw new Error('no');
      }),
    ],
    states: { A: [] },
    block: false,
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  await flush();
  assert.equal(conversation.conversations.size, 0);
  assert.ok(conversation.checkUpdate(text('/start')) !== undefined, 'the entry point takes /start again');
});

test('Defaults-free block resolution: handler block wins over the conversation block', async () => {
  const app = offlineApp();
  const gate = deferred();
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler(
        'start',
        async () => {
          await gate.promise;
          return 'A' as const;
        },
        { block: false },
      ),
    ],
    states: { A: [] },
    block: true,
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  assert.equal(conversation.conversations.size, 0, 'processUpdate returned before the callback finished');
  gate.resolve();
  await flush();
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
});

test('Defaults.block applies when neither the handler nor the conversation sets block', async () => {
  const app = Application.builder()
    .token(TOKEN)
    .updater(null)
    .logger(recordingLogger())
    .defaults(new Defaults({ block: false }))
    .build();
  const gate = deferred();
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', async () => {
        await gate.promise;
        return 'A' as const;
      }),
    ],
    states: { A: [] },
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  assert.equal(conversation.conversations.size, 0, 'the callback runs as a task');
  gate.resolve();
  await flush();
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
});
