import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ApplicationHandlerStop,
  type CallbackContext,
  CallbackQueryHandler,
  CommandHandler,
  ConversationHandler,
  filters,
  InlineQueryHandler,
  MessageHandler,
  PollHandler,
  StringCommandHandler,
  TypeHandler,
} from '../../../src/ext/index.js';
import { offlineApp } from '../helpers.js';
import { text, warningsDuring } from './helpers.js';

const END = ConversationHandler.END;
const TEXT = filters.TEXT.and(filters.COMMAND.not());

enum Menu {
  MAIN = 'MAIN',
  EDITING = 'EDITING',
  DONE = 'DONE',
}

/** Parent: /start -> MAIN; in MAIN the child (/edit ...) runs; /finish ends. Child: /edit -> NAME; text -> back. */
function build(log: string[]) {
  const child = new ConversationHandler({
    entryPoints: [
      new CommandHandler('edit', () => {
        log.push('child:edit');
        return 'NAME' as const;
      }),
    ],
    states: {
      NAME: [
        new MessageHandler(new filters.Regex(/^save$/), () => {
          log.push('child:save');
          return 'SAVED' as const;
        }),
        new MessageHandler(new filters.Regex(/^quit$/), () => {
          log.push('child:quit');
          return END;
        }),
        new MessageHandler(new filters.Regex(/^done$/), () => {
          log.push('child:done');
          throw new ApplicationHandlerStop('FINISHED' as const);
        }),
        new MessageHandler(TEXT, () => void log.push('child:text')),
      ],
    },
    mapToParent: { SAVED: Menu.MAIN, FINISHED: Menu.DONE },
  });
  const parent = new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', () => {
        log.push('parent:start');
        return Menu.MAIN;
      }),
    ],
    states: {
      [Menu.MAIN]: [child, new MessageHandler(TEXT, () => void log.push('parent:text'))],
      [Menu.EDITING]: [],
      [Menu.DONE]: [new MessageHandler(TEXT, () => void log.push('parent:done-text'))],
    },
    fallbacks: [new CommandHandler('finish', () => END)],
  });
  return { parent, child };
}

test('nested: the child runs inside a parent state; a mapped return moves the parent and ends the child', async () => {
  const app = offlineApp();
  const log: string[] = [];
  const { parent, child } = build(log);
  app.addHandler(parent);
  await app.processUpdate(text('/edit'));
  assert.deepEqual(log, [], 'the child is only reachable inside the parent state');
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('hello'));
  await app.processUpdate(text('/edit'));
  await app.processUpdate(text('typing'));
  assert.equal(child.conversations.get('[1,1]'), 'NAME');
  assert.equal(
    parent.conversations.get('[1,1]'),
    Menu.MAIN,
    'the parent keeps its state while the child runs',
  );
  await app.processUpdate(text('save'));
  assert.equal(child.conversations.size, 0, 'a mapped value ends the child');
  assert.equal(parent.conversations.get('[1,1]'), Menu.MAIN);
  assert.deepEqual(log, ['parent:start', 'parent:text', 'child:edit', 'child:text', 'child:save']);
});

test('nested: END in a child without mapping ends the child only', async () => {
  const app = offlineApp();
  const log: string[] = [];
  const { parent, child } = build(log);
  app.addHandler(parent);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('/edit'));
  await app.processUpdate(text('quit'));
  assert.equal(child.conversations.size, 0);
  assert.equal(parent.conversations.get('[1,1]'), Menu.MAIN);
  await app.processUpdate(text('hello'));
  assert.deepEqual(log.at(-1), 'parent:text', 'the parent state answers again');
});

test('nested: ApplicationHandlerStop with a mapped state moves the parent and stops later groups', async () => {
  const app = offlineApp();
  const log: string[] = [];
  const { parent } = build(log);
  app.addHandler(parent, 0);
  app.addHandler(new MessageHandler(TEXT, (update) => void log.push(`group1:${update.message?.text}`)), 1);
  await app.processUpdate(text('/start'));
  await app.processUpdate(text('/edit'));
  await app.processUpdate(text('done'));
  assert.equal(parent.conversations.get('[1,1]'), Menu.DONE);
  await app.processUpdate(text('after'));
  assert.deepEqual(log, ['parent:start', 'child:edit', 'child:done', 'parent:done-text', 'group1:after']);
});

test('nested: a child mapping to a state the parent lacks is refused at construction', () => {
  const child = new ConversationHandler<CallbackContext, string, string, string>({
    entryPoints: [new CommandHandler('go', () => 'IN')],
    states: { IN: [] },
    mapToParent: { IN: 'NOWHERE' },
  });
  assert.throws(
    () =>
      new ConversationHandler<CallbackContext, string>({
        entryPoints: [new CommandHandler('start', () => 'A')],
        states: { A: [child] },
        name: 'outer',
      }),
    /maps IN to "NOWHERE", which is not a state of the outer conversation "outer"/,
  );
});

test('configuration warnings, each once per conversation', async () => {
  const warnings = await warningsDuring(() => {
    const buttons = [
      new CallbackQueryHandler(() => undefined),
      new CallbackQueryHandler(() => undefined, { pattern: 'x' }),
    ];
    new ConversationHandler({ entryPoints: buttons, states: { A: [] } });
  });
  assert.deepEqual(warnings.length, 1);
  assert.match(
    warnings[0] as string,
    /^With perMessage: false, a CallbackQueryHandler is not tracked per message/,
  );

  const nested = await warningsDuring(() => {
    const inner = new ConversationHandler({
      entryPoints: [new CommandHandler('a', () => 'X' as const)],
      states: { X: [] },
    });
    new ConversationHandler({
      entryPoints: [new CommandHandler('b', () => 'Y' as const)],
      states: { Y: [inner] },
      conversationTimeout: 5,
    });
  });
  assert.deepEqual(nested.length, 1);
  assert.match(nested[0] as string, /^conversationTimeout with nested conversations is not supported/);

  const perMessage = await warningsDuring(() => {
    new ConversationHandler({
      entryPoints: [new CommandHandler('a', () => 'X' as const)],
      states: { X: [] },
      perMessage: true,
      perChat: false,
    });
  });
  assert.equal(perMessage.length, 2);
  assert.match(perMessage[0] as string, /^With perMessage: true, use perChat: true too/);
  assert.match(
    perMessage[1] as string,
    /^With perMessage: true every entry point.*\(CommandHandler is not one\)/,
  );

  const userOnly = await warningsDuring(() => {
    new ConversationHandler({
      entryPoints: [new InlineQueryHandler(() => 'X' as const), new PollHandler(() => undefined)],
      states: {
        X: [new TypeHandler(Date, () => undefined), new StringCommandHandler('go', () => undefined)],
      },
    });
  });
  assert.equal(userOnly.length, 4);
  assert.match(userOnly[0] as string, /^InlineQueryHandler updates name a user but no chat/);
  assert.match(userOnly[1] as string, /^A PollHandler never fires in a conversation/);
  assert.match(userOnly[2] as string, /this TypeHandler handles Date/);
  assert.match(userOnly[3] as string, /StringCommandHandler handles strings/);
});
