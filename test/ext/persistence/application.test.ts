// The application with a persistence, against the Bot API emulator: data loaded at initialize and
// surviving a restart, only used entries written, interval writes, failures routed to the error
// handlers, drops and migrations, refresh hooks, storeData switches, persistence participants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import type { CallbackContext } from '../../../src/ext/context.js';
import { ContextTypes } from '../../../src/ext/context-types.js';
import type { ExtBot } from '../../../src/ext/ext-bot.js';
import * as filters from '../../../src/ext/filters/index.js';
import { BaseHandler } from '../../../src/ext/handlers/base.js';
import { MessageHandler } from '../../../src/ext/handlers/message.js';
import { TypeHandler } from '../../../src/ext/handlers/type.js';
import { isPersistenceParticipant } from '../../../src/ext/persistence/app-persistence.js';
import type { BasePersistence } from '../../../src/ext/persistence/base.js';
import { DictPersistence } from '../../../src/ext/persistence/dict-persistence.js';
import { Update } from '../../../src/generated/types.js';
import { Emulator } from '../../../src/testing/index.js';
import type { BotInfo } from '../../../src/testing/users.js';
import { messageUpdate, recordingLogger } from '../helpers.js';

type Data = Record<string, unknown>;
type Counts = { visits?: number; msgs?: number; total?: number };
type Ctx = CallbackContext<ExtBot, Counts, Counts, Counts>;

/** A DictPersistence that records every write and drop (and the objects it was given). */
class RecordingPersistence extends DictPersistence {
  readonly calls: string[] = [];
  readonly given: unknown[] = [];
  failWith: Error | undefined;

  #record(call: string, data?: unknown): void {
    this.calls.push(call);
    if (data !== undefined) this.given.push(data);
    if (this.failWith !== undefined) throw this.failWith;
  }
  override async updateUserData(id: number, data: Data): Promise<void> {
    this.#record(`user:${id}`, data);
    await super.updateUserData(id, data);
  }
  override async updateChatData(id: number, data: Data): Promise<void> {
    this.#record(`chat:${id}`, data);
    await super.updateChatData(id, data);
  }
  override async updateBotData(data: Data): Promise<void> {
    this.#record('bot', data);
    await super.updateBotData(data);
  }
  override async dropUserData(id: number): Promise<void> {
    this.#record(`dropUser:${id}`);
    await super.dropUserData(id);
  }
  override async dropChatData(id: number): Promise<void> {
    this.#record(`dropChat:${id}`);
    await super.dropChatData(id);
  }
  override async flush(): Promise<void> {
    this.calls.push('flush');
  }
}

/** A handler that keeps a counter in the persistence (as a persistent ConversationHandler would). */
class CounterHandler extends BaseHandler<Update, Ctx> {
  readonly persistent = true;
  count = 0;
  #stored = 0;
  loads = 0;

  constructor() {
    super(async () => {
      this.count += 1;
    });
  }
  checkUpdate(update: unknown): boolean {
    return update instanceof Update && update.message?.text === 'count';
  }
  async loadPersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    this.loads += 1;
    const state = (await persistence.getConversations('counter')).get('n');
    this.count = typeof state === 'number' ? state : 0;
    this.#stored = this.count;
  }
  async storePersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    if (this.count === this.#stored) return;
    await persistence.updateConversation('counter', 'n', this.count);
    this.#stored = this.count;
  }
}

function dictFrom(p: DictPersistence, options: { updateInterval?: number } = {}): RecordingPersistence {
  return new RecordingPersistence({
    userDataJson: p.userDataJson,
    chatDataJson: p.chatDataJson,
    botDataJson: p.botDataJson,
    conversationsJson: p.conversationsJson,
    ...options,
  });
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const countingTypes = () =>
  new ContextTypes<Ctx>({
    botData: () => ({ total: 0 }),
    userData: () => ({ visits: 0 }),
    chatData: () => ({ msgs: 0 }),
  });

/** Counts visits per user, messages per chat and in total; replies with them. */
function countingHandler() {
  return new MessageHandler(filters.TEXT, async (update, context: Ctx) => {
    const user = context.userData as Counts;
    const chat = context.chatData as Counts;
    user.visits = (user.visits ?? 0) + 1;
    chat.msgs = (chat.msgs ?? 0) + 1;
    context.botData.total = (context.botData.total ?? 0) + 1;
    await update.effectiveMessage!.replyText(
      `visits ${user.visits} msgs ${chat.msgs} total ${context.botData.total}`,
    );
  });
}

describe('Application with a persistence', () => {
  let emu: Emulator;
  let bot: BotInfo;

  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'persist_bot' });
  });
  after(async () => {
    await emu.stop();
  });

  function offline(persistence: BasePersistence<Counts, Counts, Counts> | null, logger = recordingLogger()) {
    return Application.builder()
      .token(bot.token)
      .baseUrl(emu.baseUrl)
      .updater(null)
      .logger(logger)
      .contextTypes(countingTypes())
      .persistence(persistence)
      .build();
  }

  it('data survives a restart: a new application on the stored data carries on counting', async () => {
    const alice = await emu.createUser({ firstName: 'Alice' });
    const first = new RecordingPersistence();
    const build = (p: DictPersistence) =>
      Application.builder()
        .token(bot.token)
        .baseUrl(emu.baseUrl)
        .logger(recordingLogger())
        .contextTypes(countingTypes())
        .persistence(p)
        .build();
    const app1 = build(first);
    app1.addHandler(countingHandler());
    const run1 = app1.runPolling({ timeout: 1, stopSignals: [] });
    await alice.sendMessage(bot, 'one');
    await alice.expectMessage({ text: 'visits 1 msgs 1 total 1', timeoutMs: 5000 });
    await alice.sendMessage(bot, 'two');
    await alice.expectMessage({ text: 'visits 2 msgs 2 total 2', timeoutMs: 5000 });
    app1.stopRunning();
    await run1;
    assert.ok(first.calls.includes('flush'), 'flushed at shutdown');
    assert.deepEqual(JSON.parse(first.userDataJson), { [alice.id]: { visits: 2 } }, 'stored user data');

    const second = dictFrom(first);
    const app2 = build(second);
    app2.addHandler(countingHandler());
    const run2 = app2.runPolling({ timeout: 1, stopSignals: [] });
    await until(() => app2.running, 'the second application to run');
    assert.deepEqual(app2.botData, { total: 2 }, 'bot data loaded at initialize');
    assert.deepEqual(app2.userData.get(alice.id), { visits: 2 }, 'user data loaded');
    await alice.sendMessage(bot, 'three');
    await alice.expectMessage({ text: 'visits 3 msgs 3 total 3', timeoutMs: 5000 });
    app2.stopRunning();
    await run2;
    assert.deepEqual(JSON.parse(second.botDataJson), { total: 3 }, 'written again');
  });

  it('writes only the chat and user data used since the last write; bot data only when read', async () => {
    const p = new RecordingPersistence();
    const app = offline(p);
    app.addHandler(
      new TypeHandler(Update, async (update, context) => {
        if (update.message?.text === 'touch') (context.userData as Counts).visits = 5;
        if (update.message?.text === 'chat') (context.chatData as Counts).msgs = 1;
      }),
    );
    await app.initialize();
    assert.deepEqual(p.calls, [], 'loading writes nothing');
    await app.processUpdate(messageUpdate('touch', { userId: 1, chatId: 1 }));
    await app.processUpdate(messageUpdate('nothing', { userId: 2, chatId: 2 }));
    await app.processUpdate(messageUpdate('chat', { userId: 3, chatId: -30 }));
    await app.updatePersistence();
    assert.deepEqual(p.calls.sort(), ['chat:-30', 'user:1'], 'only the used entries');
    p.calls.length = 0;
    await app.updatePersistence();
    assert.deepEqual(p.calls, [], 'nothing used since: nothing written');
    app.botData.total = 9;
    (app.userData.get(1) as Counts).visits = 6; // changed outside a context: not noticed ...
    app.markDataForUpdatePersistence({ userIds: [1], chatIds: 12345 }); // ... until marked
    await app.updatePersistence();
    assert.deepEqual(
      p.calls.sort(),
      ['bot', 'user:1'],
      'marked user, read bot data; an unknown chat is skipped',
    );
    assert.deepEqual(JSON.parse(p.userDataJson), { 1: { visits: 6 } }, 'the marked change stored');
    assert.throws(() => app.markDataForUpdatePersistence({ userIds: [1.5] }), /userIds must be integer ids/);
    await app.shutdown();
  });

  it('hands the persistence deep copies', async () => {
    const p = new RecordingPersistence();
    const app = offline(p);
    await app.initialize();
    const data = app.userDataFor(1) as Counts & { list?: number[] };
    data.list = [1];
    await app.updatePersistence();
    const given = p.given[0] as { list: number[] };
    assert.notEqual(given, data, 'not the application object');
    assert.deepEqual(given, { visits: 0, list: [1] }, 'an equal copy');
    data.list.push(2);
    assert.deepEqual(given.list, [1], 'later changes do not reach it');
    await app.shutdown();
  });

  it('writes every updateInterval seconds while running, at stop, and flushes at shutdown', async () => {
    const p = new RecordingPersistence({ updateInterval: 0.02 });
    const app = offline(p);
    await app.initialize();
    await app.start();
    app.userDataFor(1);
    await until(() => p.calls.includes('user:1'), 'the interval write');
    app.chatDataFor(2);
    p.calls.length = 0;
    await app.stop();
    // The timer may have written chat 2 just before stop did; either way it is written once.
    assert.deepEqual(
      p.calls.filter((c) => c !== 'flush'),
      ['chat:2'],
      'stop wrote what was used since',
    );
    app.userDataFor(3);
    await app.shutdown();
    assert.deepEqual(p.calls.slice(-2), ['user:3', 'flush'], 'shutdown writes, then flushes');
    const after = p.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(p.calls.length, after, 'no writes after stop');
  });

  it('failures of the persistence reach the error handlers (once each) and the bot keeps working', async () => {
    const p = new RecordingPersistence();
    const app = offline(p);
    const seen: Array<[unknown, unknown]> = [];
    app.addErrorHandler((update, context) => {
      seen.push([update, context.error]);
    });
    let handled = 0;
    app.addHandler(
      new TypeHandler(Update, async (_update, context) => {
        handled += 1;
        (context.userData as Counts).visits = handled;
      }),
    );
    await app.initialize();
    await app.processUpdate(messageUpdate('a', { userId: 1, chatId: 1 }));
    const failure = new Error('disk full');
    p.failWith = failure;
    await app.updatePersistence();
    assert.deepEqual(seen, [[null, failure]], 'one error, no update');
    p.failWith = undefined;
    await app.processUpdate(messageUpdate('b', { userId: 1, chatId: 1 }));
    await app.updatePersistence();
    assert.equal(handled, 2, 'updates still handled');
    assert.deepEqual(JSON.parse(p.userDataJson), { 1: { visits: 2 } }, 'the next write succeeds');
    seen.length = 0;
    const broken = app.userDataFor(2) as Record<string, unknown>;
    Object.defineProperty(broken, 'secret', {
      enumerable: true,
      get() {
        throw new Error('cannot copy me');
      },
    });
    app.chatDataFor(3);
    await app.updatePersistence();
    assert.deepEqual(
      seen.map(([, error]) => (error as Error).message),
      ['cannot copy me'],
      'data that cannot be copied is reported',
    );
    assert.deepEqual(JSON.parse(p.chatDataJson), { 3: { msgs: 0 } }, 'other entries are still written');
    await app.shutdown();
  });

  it('a failing flush at shutdown reaches the error handlers and shutdown completes', async () => {
    class FailingFlush extends DictPersistence {
      override async flush(): Promise<void> {
        throw new Error('flush failed');
      }
    }
    const app = offline(new FailingFlush());
    const seen: unknown[] = [];
    app.addErrorHandler((_update, context) => {
      seen.push(context.error);
    });
    await app.initialize();
    await app.shutdown();
    assert.deepEqual(
      seen.map((error) => (error as Error).message),
      ['flush failed'],
      'reported',
    );
    assert.equal(app.initialized, false, 'shut down anyway');
  });

  it('a persistence that fails to load makes initialize reject', async () => {
    class Broken extends DictPersistence {
      override async getChatData(): Promise<Map<number, Data>> {
        throw new Error('cannot read chats');
      }
    }
    const app = offline(new Broken());
    await assert.rejects(app.initialize(), /cannot read chats/);
    assert.equal(app.initialized, false, 'not initialized');
  });

  it('loads at initialize; missing bot data is the context types’ fresh bot data', async () => {
    const empty = offline(new RecordingPersistence());
    await empty.initialize();
    assert.deepEqual(empty.botData, { total: 0 }, 'fresh bot data');
    await empty.shutdown();
    const app = offline(
      new RecordingPersistence({ userDataJson: '{"5":{"visits":4}}', chatDataJson: '{"-5":{"msgs":1}}' }),
    );
    await app.initialize();
    assert.deepEqual([...app.userData], [[5, { visits: 4 }]], 'user data');
    assert.deepEqual([...app.chatData], [[-5, { msgs: 1 }]], 'chat data');
    await app.shutdown();
  });

  it('storeData: kinds switched off are neither loaded nor written', async () => {
    const p = new RecordingPersistence({
      storeData: { userData: false, botData: false },
      userDataJson: '{"5":{"visits":4}}',
      botDataJson: '{"total":50}',
    });
    const app = offline(p);
    await app.initialize();
    assert.equal(app.userData.size, 0, 'user data not loaded');
    assert.deepEqual(app.botData, { total: 0 }, 'bot data not loaded');
    app.userDataFor(5);
    app.chatDataFor(6);
    app.botData.total = 1;
    await app.shutdown();
    assert.deepEqual(p.calls, ['chat:6', 'flush'], 'only chat data written');
  });

  it('dropChatData and dropUserData remove the data from memory and, at the next write, from the persistence', async () => {
    const p = new RecordingPersistence({
      userDataJson: '{"1":{"visits":1}}',
      chatDataJson: '{"2":{"msgs":1}}',
    });
    const app = offline(p);
    await app.initialize();
    app.dropUserData(1);
    app.dropChatData(2);
    assert.equal(app.userData.has(1), false, 'user gone from memory');
    assert.equal(app.chatData.has(2), false, 'chat gone from memory');
    await app.updatePersistence();
    assert.deepEqual(p.calls.sort(), ['dropChat:2', 'dropUser:1'], 'dropped in the persistence');
    assert.equal(p.userDataJson, '{}', 'user data empty');
    assert.equal(p.chatDataJson, '{}', 'chat data empty');
    await app.shutdown();
  });

  /** A group with the bot as admin and a counting application on a RecordingPersistence; `extra` adds handlers first. */
  async function migrationSetup(
    name: string,
    extra: (app: Application<CallbackContext<ExtBot, Data, Data, Data>>) => void,
  ) {
    const alice = await emu.createUser({ firstName: name });
    const group = await emu.createGroup({ title: `${name} group`, members: [alice] });
    await emu.addBot(group, bot, { admin: true });
    const p = new RecordingPersistence();
    const app = Application.builder()
      .token(bot.token)
      .baseUrl(emu.baseUrl)
      .logger(recordingLogger())
      .contextTypes(countingTypes())
      .persistence(p)
      .build();
    extra(app);
    app.addHandler(countingHandler());
    return { alice, group, p, app };
  }

  const migrations: ReadonlyArray<
    readonly [string, (app: Application<CallbackContext<ExtBot, Data, Data, Data>>) => void]
  > = [
    [
      'migrateChatData from a handler moves a group’s data to its supergroup, in memory and in the persistence',
      (app) =>
        app.addHandler(
          new MessageHandler(filters.StatusUpdate.MIGRATE, (update, context) => {
            context.application.migrateChatData({ message: update.effectiveMessage! });
          }),
        ),
    ],
    [
      'a group’s data follows it to its supergroup by itself, with no handler for the migration',
      () => undefined,
    ],
  ];
  for (const [title, extra] of migrations) {
    it(title, async () => {
      const { alice, group, p, app } = await migrationSetup(title.slice(0, 12), extra);
      const run = app.runPolling({ timeout: 1, stopSignals: [] });
      await alice.sendMessage(group, 'before');
      await alice.expectMessage({ chat: group, text: 'visits 1 msgs 1 total 1', timeoutMs: 5000 });
      const supergroup = await emu.migrateGroup(group, alice);
      await until(() => app.chatData.has(supergroup.id), 'the migration');
      assert.equal(app.chatData.has(group.id), false, 'the old chat has no data left');
      await alice.sendMessage(supergroup, 'after');
      await alice.expectMessage({ chat: supergroup, text: 'visits 2 msgs 2 total 2', timeoutMs: 5000 });
      app.stopRunning();
      await run;
      assert.ok(p.calls.includes(`dropChat:${group.id}`), 'old chat dropped in the persistence');
      assert.deepEqual(
        JSON.parse(p.chatDataJson),
        { [supergroup.id]: { msgs: 2 } },
        'data stored under the new id',
      );
    });
  }

  it('refresh hooks run before the handlers when the persistence overrides them', async () => {
    class Refreshing extends RecordingPersistence {
      readonly refreshed: string[] = [];
      override async refreshUserData(userId: number, data: Data): Promise<void> {
        this.refreshed.push(`user:${userId}`);
        data.visits = 100;
      }
      override async refreshBotData(data: Data): Promise<void> {
        this.refreshed.push('bot');
        data.total = 7;
      }
    }
    const p = new Refreshing();
    const app = offline(p);
    const seen: unknown[] = [];
    app.addHandler(
      new TypeHandler(Update, (_update, context) => {
        seen.push((context.userData as Counts).visits, context.botData.total);
      }),
    );
    app.addHandler(new TypeHandler(Update, () => {}), 1);
    await app.initialize();
    await app.processUpdate(messageUpdate('hi', { userId: 9, chatId: 9 }));
    assert.deepEqual(p.refreshed, ['bot', 'user:9'], 'once per update, not per handler; chat not overridden');
    assert.deepEqual(seen, [100, 7], 'the handler saw the refreshed data');
    await app.processUpdate({ custom: true });
    assert.deepEqual(p.refreshed, ['bot', 'user:9'], 'no handler matched: nothing refreshed');
    const jobFor4 = app.jobQueue!.runOnce(() => {}, 3600, { userId: 4 });
    const context = app.contextTypes.context.fromJob(jobFor4, app);
    await context.refreshData();
    assert.deepEqual(p.refreshed.slice(2), ['bot', 'user:4'], 'context.refreshData() for a job context');
    assert.equal((app.userData.get(4) as Counts).visits, 100, 'refreshed in place');
    await app.shutdown();

    const off = new Refreshing({ storeData: { userData: false, botData: false } });
    const app2 = offline(off);
    app2.addHandler(new TypeHandler(Update, () => {}));
    await app2.initialize();
    await app2.processUpdate(messageUpdate('hi', { userId: 9, chatId: 9 }));
    assert.deepEqual(off.refreshed, [], 'kinds not stored are not refreshed');
    await app2.contextTypes.context
      .fromJob(
        app2.jobQueue!.runOnce(() => {}, 3600, { userId: 4 }),
        app2,
      )
      .refreshData();
    assert.deepEqual(off.refreshed, [], 'not by refreshData() either');
    const none = offline(null);
    await none.contextTypes.context
      .fromJob(
        none.jobQueue!.runOnce(() => {}, 3600, { userId: 4 }),
        none,
      )
      .refreshData(); // no persistence: nothing to do
    await app2.shutdown();
  });

  it('persistent participants: loaded at initialize, stored with every write, surviving a restart', async () => {
    const p = new RecordingPersistence({ conversationsJson: '{"counter":{"n":3}}' });
    const app = offline(p);
    const counter = new CounterHandler();
    assert.ok(isPersistenceParticipant(counter), 'the type guard recognises it');
    app.addHandler(counter);
    await app.initialize();
    assert.equal(counter.loads, 1, 'loaded once');
    assert.equal(counter.count, 3, 'with the stored state');
    await app.processUpdate(messageUpdate('count'));
    await app.processUpdate(messageUpdate('count'));
    await app.updatePersistence();
    assert.deepEqual(JSON.parse(p.conversationsJson), { counter: { n: 5 } }, 'stored');
    await app.shutdown();

    const again = offline(dictFrom(p));
    const counter2 = new CounterHandler();
    again.addHandler(counter2);
    await again.initialize();
    assert.equal(counter2.count, 5, 'a new application continues from the stored state');
    assert.throws(
      () => again.addHandler(new CounterHandler()),
      /persistent handler must be added before initialize\(\)/,
      'added after initialize',
    );
    await again.shutdown();
  });

  it('a persistent participant without a persistence is refused', () => {
    const app = offline(null);
    assert.equal(app.persistence, null, 'no persistence');
    assert.throws(
      () => app.addHandler(new CounterHandler()),
      /persistent handler \(persistent: true\) needs a persistence/,
    );
    assert.equal(isPersistenceParticipant({ loadPersisted() {} }), false, 'both methods are needed');
  });
});
