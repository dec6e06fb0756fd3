import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ApplicationHandlerStop,
  type CallbackContext,
  CallbackQueryHandler,
  CommandHandler,
  ConversationHandler,
  ConversationStateError,
  filters,
  InlineQueryHandler,
  MessageHandler,
  TypeHandler,
} from '../../../src/ext/index.js';
import { Update } from '../../../src/generated/types.js';
import { offlineApp, recordingLogger } from '../helpers.js';
import { channelPost, inlineQuery, press, text } from './helpers.js';

type Log = string[];

/** A conversation: /start -> ASK, text -> CONFIRM (or "again" stays), yes -> END; /cancel ends. */
function survey(log: Log, options: { allowReentry?: boolean; perChat?: boolean; perUser?: boolean } = {}) {
  return new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', () => {
        log.push('start');
        return 'ASK' as const;
      }),
    ],
    states: {
      ASK: [
        new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), (update) => {
          log.push(`ask:${update.message?.text}`);
          return update.message?.text === 'again' ? undefined : ('CONFIRM' as const);
        }),
      ],
      CONFIRM: [
        new MessageHandler(new filters.Regex(/^yes$/), () => {
          log.push('confirmed');
          return ConversationHandler.END;
        }),
      ],
    },
    fallbacks: [
      new CommandHandler('cancel', () => {
        log.push('cancel');
        return ConversationHandler.END;
      }),
    ],
    ...options,
  });
}

test('entry point, states and END: a conversation walks its states and ends', async () => {
  const app = offlineApp();
  const log: Log = [];
  const conversation = survey(log);
  app.addHandler(conversation);
  await app.processUpdate(text('hello'));
  assert.deepEqual(log, [], 'no conversation starts without an entry point');
  await app.processUpdate(text('/start'));
  assert.deepEqual([...conversation.conversations], [['[1,1]', 'ASK']]);
  await app.processUpdate(text('again'));
  assert.equal(conversation.conversations.get('[1,1]'), 'ASK', 'returning nothing keeps the state');
  await app.processUpdate(text('Bob'));
  assert.equal(conversation.conversations.get('[1,1]'), 'CONFIRM');
  await app.processUpdate(text('no'));
  assert.equal(
    conversation.conversations.get('[1,1]'),
    'CONFIRM',
    'an update no handler takes changes nothing',
  );
  await app.processUpdate(text('yes'));
  assert.equal(conversation.conversations.size, 0, 'END removes the conversation');
  assert.deepEqual(log, ['start', 'ask:again', 'ask:Bob', 'confirmed']);
});

test('fallbacks answer what the state does not take; state handlers come first', async () => {
  const app = offlineApp();
  const log: Log = [];
  const conversation = survey(log);
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('/cancel'));
  assert.deepEqual(log, ['start', 'cancel']);
  assert.equal(conversation.conversations.size, 0);
  await app.processUpdate(text('/cancel'));
  assert.deepEqual(log, ['start', 'cancel'], 'fallbacks do not run outside a conversation');
});

test('allowReentry false: an entry point inside a conversation is not taken; true: it restarts', async () => {
  for (const allowReentry of [false, true]) {
    const app = offlineApp();
    const log: Log = [];
    const conversation = survey(log, { allowReentry });
    app.addHandler(conversation);
    await app.processUpdate(text('/start'));
    await app.processUpdate(text('Bob'));
    await app.processUpdate(text('/start'));
    assert.deepEqual(log, allowReentry ? ['start', 'ask:Bob', 'start'] : ['start', 'ask:Bob']);
    assert.equal(conversation.conversations.get('[1,1]'), allowReentry ? 'ASK' : 'CONFIRM');
  }
});

test('END from an entry point starts nothing; nothing returned by an entry point starts nothing', async () => {
  const app = offlineApp();
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('quick', () => ConversationHandler.END),
      new CommandHandler('none', () => undefined),
    ],
    states: { A: [] },
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/quick'));
  await app.processUpdate(text('/none'));
  assert.equal(conversation.conversations.size, 0);
});

test('perUser and perChat: keys and isolation in a group', async () => {
  const perUserLog: Log = [];
  const perUser = survey(perUserLog);
  const shared = survey([], { perUser: false });
  const perUserOnly = survey([], { perChat: false });
  const app = offlineApp();
  app.addHandler(perUser, 0);
  app.addHandler(shared, 1);
  app.addHandler(perUserOnly, 2);
  await app.processUpdate(text('/start', { chatId: -5, userId: 1 }));
  await app.processUpdate(text('Ann', { chatId: -5, userId: 2 }));
  assert.deepEqual(
    [...perUser.conversations],
    [['[-5,1]', 'ASK']],
    'user 2 has no conversation of their own',
  );
  assert.deepEqual(
    [...shared.conversations],
    [['[-5]', 'CONFIRM']],
    'with perUser: false the group shares one conversation: user 2 answered it',
  );
  assert.deepEqual([...perUserOnly.conversations], [['[1]', 'ASK']]);
  await app.processUpdate(text('Bob', { chatId: 1, userId: 1 }));
  assert.equal(
    perUserOnly.conversations.get('[1]'),
    'CONFIRM',
    'perChat: false follows the user into another chat',
  );
  assert.equal(perUser.conversations.get('[-5,1]'), 'ASK', 'a per-chat conversation stays in its chat');
});

test('perMessage: one conversation per message with buttons, keyed by message or inline message id', async () => {
  const app = offlineApp();
  const log: Log = [];
  const conversation = new ConversationHandler({
    entryPoints: [
      new CallbackQueryHandler(
        () => {
          log.push('open');
          return 'OPEN' as const;
        },
        { pattern: 'open' },
      ),
    ],
    states: {
      OPEN: [
        new CallbackQueryHandler(
          () => {
            log.push('close');
            return ConversationHandler.END;
          },
          { pattern: 'close' },
        ),
      ],
    },
    perMessage: true,
  });
  app.addHandler(conversation);
  await app.processUpdate(press('open', { messageId: 10 }));
  await app.processUpdate(press('close', { messageId: 11 }));
  assert.deepEqual(log, ['open'], 'another message has no conversation');
  assert.deepEqual([...conversation.conversations], [['[1,1,10]', 'OPEN']]);
  await app.processUpdate(text('/start'));
  assert.deepEqual(log, ['open'], 'messages are not tracked per message');
  await app.processUpdate(press('close', { messageId: 10 }));
  assert.deepEqual(log, ['open', 'close']);

  const inline = new ConversationHandler({
    entryPoints: [new CallbackQueryHandler(() => 'OPEN' as const)],
    states: { OPEN: [] },
    perMessage: true,
    perChat: false,
  });
  const app2 = offlineApp();
  app2.addHandler(inline);
  await app2.processUpdate(press('x', { inlineMessageId: 'AbC' }));
  assert.deepEqual([...inline.conversations], [['[1,"AbC"]', 'OPEN']]);
});

test('updates without the ids of the key, channel posts and non-Updates are not taken', async () => {
  const log: Log = [];
  const conversation = new ConversationHandler({
    entryPoints: [
      new TypeHandler(Update, () => {
        log.push('any');
        return 'A' as const;
      }),
    ],
    states: { A: [] },
  });
  assert.equal(conversation.checkUpdate(inlineQuery('q')), undefined, 'no chat, perChat');
  assert.equal(conversation.checkUpdate(channelPost('news')), undefined);
  assert.equal(conversation.checkUpdate({ update_id: 1 }), undefined);
  assert.equal(
    conversation.checkUpdate(press('x', { inlineMessageId: 'i' })),
    undefined,
    'no message, perChat',
  );
  const userOnly = new ConversationHandler({
    entryPoints: [new InlineQueryHandler(() => 'A' as const)],
    states: { A: [] },
    perChat: false,
  });
  assert.ok(
    userOnly.checkUpdate(inlineQuery('q')) !== undefined,
    'a user-keyed conversation takes inline queries',
  );
});

test('a returned state the conversation does not have is an error: state unchanged, error handlers called', async () => {
  const app = offlineApp();
  const errors: unknown[] = [];
  app.addErrorHandler((_update, context) => {
    errors.push(context.error);
  });
  // States typed as any string (as JavaScript users write them): the run-time check catches the typo.
  const conversation = new ConversationHandler<CallbackContext, string>({
    entryPoints: [new CommandHandler('start', () => 'A')],
    states: { A: [new MessageHandler(filters.TEXT, () => 'TYPO')] },
    name: 'survey',
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('hi'));
  assert.equal(errors.length, 1);
  assert.ok(
    errors[0] instanceof ConversationStateError,
    'a ConversationStateError reaches the error handler',
  );
  assert.match(
    String((errors[0] as Error).message),
    /returned "TYPO", which is not a state of the ConversationHandler "survey" \(states: A\)/,
  );
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
});

test('errors in callbacks leave the state unchanged and reach the error handlers', async () => {
  const app = offlineApp();
  const errors: unknown[] = [];
  app.addErrorHandler((_update, context) => {
    errors.push(context.error);
  });
  const boom = new Error('boom');
  const conversation = new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'A' as const)],
    states: {
      A: [
        new MessageHandler(filters.TEXT, () => {
          throw boom;
        }),
      ],
    },
  });
  app.addHandler(conversation);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('hi'));
  assert.deepEqual(errors, [boom]);
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
});

test('ApplicationHandlerStop in a state callback: its state applies and later groups are skipped', async () => {
  const app = offlineApp();
  const later: Log = [];
  const conversation = new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'A' as const)],
    states: {
      A: [
        new MessageHandler(new filters.Regex(/^stop-to-b$/), () => {
          throw new ApplicationHandlerStop('B');
        }),
        new MessageHandler(new filters.Regex(/^stop$/), () => {
          throw new ApplicationHandlerStop();
        }),
      ],
      B: [],
    },
  });
  app.addHandler(conversation, 0);
  app.addHandler(
    new MessageHandler(filters.ALL, (update) => {
      later.push(update.message?.text ?? '');
    }),
    1,
  );
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('stop'));
  assert.equal(conversation.conversations.get('[1,1]'), 'A', 'no state in the stop keeps the state');
  await app.processUpdate(text('stop-to-b'));
  assert.equal(conversation.conversations.get('[1,1]'), 'B');
  assert.deepEqual(later, ['/start'], 'group 1 saw only the update the conversation did not stop');
});

test('block: the conversation blocks; handler block and conversation block choose how callbacks run', async () => {
  const logger = recordingLogger();
  const app = offlineApp(logger);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const conversation = new ConversationHandler({
    entryPoints: [
      new CommandHandler('slow', async () => {
        await gate;
        return 'A' as const;
      }),
      new CommandHandler('fast', () => 'A' as const, { block: true }),
    ],
    states: { A: [] },
    block: false,
  });
  assert.equal(conversation.block, true, 'the application always awaits a conversation');
  app.addHandler(conversation);
  await app.processUpdate(text('/slow', { userId: 1 }));
  assert.equal(
    conversation.conversations.size,
    0,
    'the non-blocking callback still runs; processUpdate returned',
  );
  await app.processUpdate(text('/fast', { userId: 2 }));
  assert.equal(
    conversation.conversations.get('[2,2]'),
    'A',
    'a handler with block: true ran before returning',
  );
  release();
  await gate;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(conversation.conversations.get('[1,1]'), 'A');
});

test('construction errors say what to write instead', () => {
  assert.throws(
    () => new ConversationHandler({ entryPoints: [], states: {}, persistent: true }),
    /persistent ConversationHandler needs a name/,
  );
  assert.throws(
    () => new ConversationHandler({ entryPoints: [], states: {}, perChat: false, perUser: false }),
    /cannot all be false/,
  );
  assert.throws(
    () => new ConversationHandler({ entryPoints: [], states: { [ConversationHandler.END]: [] } }),
    /END \(-1\) cannot be a state/,
  );
  assert.throws(
    () => new ConversationHandler({ entryPoints: [() => 1] as never, states: {} }),
    /entryPoints must hold handlers/,
  );
  assert.throws(
    () => new ConversationHandler({ entryPoints: [], states: {}, conversationTimeout: -1 }),
    /conversationTimeout must be a positive number of seconds/,
  );
});

test('the conversation callback runs an update through the conversation', async () => {
  const app = offlineApp();
  const log: Log = [];
  const conversation = survey(log);
  const context = app.contextTypes.context.fromUpdate(text('/start'), app) as CallbackContext;
  await conversation.callback(text('/start'), context);
  assert.deepEqual(log, ['start']);
  assert.equal(conversation.conversations.get('[1,1]'), 'ASK');
});
