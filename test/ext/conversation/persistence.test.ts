import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import { CommandHandler, ConversationHandler, filters, MessageHandler } from '../../../src/ext/index.js';
import {
  BasePersistence,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  type PersistedCallbackData,
  type PersistedJob,
} from '../../../src/ext/persistence/base.js';
import { recordingLogger, TOKEN } from '../helpers.js';

/** An application that never touches the network, with `persistence` (persistent handlers need one). */
function offlineApp(persistence: BasePersistence): Application {
  return Application.builder()
    .token(TOKEN)
    .updater(null)
    .logger(recordingLogger())
    .persistence(persistence)
    .build();
}

import { deferred, flush, text, warningsDuring } from './helpers.js';

/** Conversations in memory; everything else is not stored. Records every conversation write. */
class MemoryPersistence extends BasePersistence {
  readonly conversations = new Map<string, ConversationDict>();
  readonly writes: [string, ConversationKey, ConversationState | null][] = [];

  async getConversations(name: string): Promise<ConversationDict> {
    return new Map(this.conversations.get(name));
  }
  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    this.writes.push([name, key, state]);
    const dict = this.conversations.get(name) ?? new Map();
    if (state === null) dict.delete(key);
    else dict.set(key, state);
    this.conversations.set(name, dict);
  }
  async getUserData(): Promise<Map<number, Record<string, unknown>>> {
    return new Map();
  }
  async getChatData(): Promise<Map<number, Record<string, unknown>>> {
    return new Map();
  }
  async getBotData(): Promise<Record<string, unknown> | undefined> {
    return undefined;
  }
  async getCallbackData(): Promise<PersistedCallbackData | null> {
    return null;
  }
  async updateUserData(): Promise<void> {}
  async updateChatData(): Promise<void> {}
  async updateBotData(): Promise<void> {}
  async updateCallbackData(): Promise<void> {}
  async dropUserData(): Promise<void> {}
  async dropChatData(): Promise<void> {}
  async getJobs(): Promise<Map<string, PersistedJob>> {
    return new Map();
  }
  async updateJob(): Promise<void> {}
  async flush(): Promise<void> {}
}

const TEXT = filters.TEXT.and(filters.COMMAND.not());

enum Step {
  NAME = 1,
  AGE = 2,
}

function signup(log: string[], options: { block?: boolean; gate?: Promise<void> } = {}) {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => Step.NAME)],
    states: {
      [Step.NAME]: [
        new MessageHandler(TEXT, async (update) => {
          await options.gate;
          log.push(`name:${update.message?.text}`);
          return Step.AGE;
        }),
      ],
      [Step.AGE]: [
        new MessageHandler(TEXT, (update) => {
          log.push(`age:${update.message?.text}`);
          return ConversationHandler.END;
        }),
      ],
    },
    fallbacks: [new CommandHandler('cancel', () => ConversationHandler.END)],
    name: 'signup',
    persistent: true,
    block: options.block,
  });
}

test('storePersisted writes only what changed since the last call; END is written as null', async () => {
  const persistence = new MemoryPersistence();
  const app = offlineApp(persistence);
  const conversation = signup([]);
  app.addHandler(conversation);
  await conversation.loadPersisted(persistence);
  await app.processUpdate(text('/start', { userId: 1 }));
  await app.processUpdate(text('/start', { userId: 2 }));
  await conversation.storePersisted(persistence);
  assert.deepEqual(persistence.writes, [
    ['signup', '[1,1]', Step.NAME],
    ['signup', '[2,2]', Step.NAME],
  ]);
  await conversation.storePersisted(persistence);
  assert.equal(persistence.writes.length, 2, 'nothing changed, nothing written');
  await app.processUpdate(text('Ann', { userId: 1 }));
  await app.processUpdate(text('/cancel', { userId: 2 }));
  await conversation.storePersisted(persistence);
  assert.deepEqual(persistence.writes.slice(2), [
    ['signup', '[1,1]', Step.AGE],
    ['signup', '[2,2]', null],
  ]);
  assert.deepEqual([...(persistence.conversations.get('signup') ?? [])], [['[1,1]', Step.AGE]]);
});

test('restart: a fresh handler loads the stored conversations and resumes them', async () => {
  const persistence = new MemoryPersistence();
  const first = signup([]);
  const app1 = offlineApp(persistence);
  app1.addHandler(first);
  await first.loadPersisted(persistence);
  await app1.processUpdate(text('/start'));
  await app1.processUpdate(text('Ann'));
  await first.storePersisted(persistence);

  const log: string[] = [];
  const second = signup(log);
  const app2 = offlineApp(persistence);
  app2.addHandler(second);
  await second.loadPersisted(persistence);
  assert.deepEqual([...second.conversations], [['[1,1]', Step.AGE]]);
  await app2.processUpdate(text('42'));
  assert.deepEqual(log, ['age:42'], 'the restarted bot continues in AGE');
  await second.storePersisted(persistence);
  assert.deepEqual(persistence.conversations.get('signup')?.size, 0);
});

test('a stored END is dropped (and written back as removed); a stored unknown state warns', async () => {
  const persistence = new MemoryPersistence();
  persistence.conversations.set(
    'signup',
    new Map<ConversationKey, ConversationState>([
      ['[1,1]', ConversationHandler.END],
      ['[2,2]', 'GONE'],
    ]),
  );
  const conversation = signup([]);
  const warnings = await warningsDuring(() => conversation.loadPersisted(persistence));
  assert.deepEqual([...conversation.conversations], [['[2,2]', 'GONE']]);
  assert.equal(warnings.length, 1);
  assert.match(
    warnings[0] as string,
    /stored conversations of "signup" hold "GONE", which is not one of its states/,
  );
  await conversation.storePersisted(persistence);
  assert.deepEqual(persistence.writes, [['signup', '[1,1]', null]]);
});

test('a non-blocking callback still running is stored with its old state until it settles', async () => {
  const persistence = new MemoryPersistence();
  const gate = deferred();
  const conversation = signup([], { block: false, gate: gate.promise });
  const app = offlineApp(persistence);
  app.addHandler(conversation);
  await conversation.loadPersisted(persistence);
  await app.processUpdate(text('/start'));
  await flush();
  await app.processUpdate(text('Ann'));
  await conversation.storePersisted(persistence);
  assert.deepEqual(
    persistence.writes,
    [['signup', '[1,1]', Step.NAME]],
    'the state before the running callback',
  );
  gate.resolve();
  await flush();
  await conversation.storePersisted(persistence);
  assert.deepEqual(persistence.writes.at(-1), ['signup', '[1,1]', Step.AGE], 'written again once settled');
});

test('nested persistent conversations load and store with their parent; a non-persistent child is refused', async () => {
  const persistence = new MemoryPersistence();
  persistence.conversations.set('child', new Map([['[1,1]', 'INNER']]));
  persistence.conversations.set('parent', new Map([['[1,1]', 'OUTER']]));
  const log: string[] = [];
  const child = new ConversationHandler({
    entryPoints: [new CommandHandler('in', () => 'INNER' as const)],
    states: { INNER: [new MessageHandler(TEXT, () => void log.push('inner'))] },
    mapToParent: { [ConversationHandler.END]: 'OUTER' as const },
    name: 'child',
    persistent: true,
  });
  const parent = new ConversationHandler({
    entryPoints: [new CommandHandler('start', () => 'OUTER' as const)],
    states: { OUTER: [child] },
    name: 'parent',
    persistent: true,
  });
  const app = offlineApp(persistence);
  app.addHandler(parent);
  await parent.loadPersisted(persistence);
  await app.processUpdate(text('hello'));
  assert.deepEqual(log, ['inner'], 'both levels resumed');
  await app.processUpdate(text('/start', { userId: 3 }));
  await app.processUpdate(text('/in', { userId: 3 }));
  await parent.storePersisted(persistence);
  assert.deepEqual(persistence.writes, [
    ['parent', '[3,3]', 'OUTER'],
    ['child', '[3,3]', 'INNER'],
  ]);

  assert.throws(
    () =>
      new ConversationHandler({
        entryPoints: [],
        states: {
          S: [new ConversationHandler({ entryPoints: [], states: { T: [] } })],
        },
        name: 'outer',
        persistent: true,
      }),
    /nested ConversationHandler of the persistent conversation "outer" must be persistent too/,
  );
});
