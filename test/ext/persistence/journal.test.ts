// The update journal: FilePersistence's journal file (records, torn tail, fold into the store),
// DictPersistence's atomic records, and the application recording each update before it counts
// as done and skipping updates recorded before a restart.
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import type { CallbackContext } from '../../../src/ext/context.js';
import * as filters from '../../../src/ext/filters/index.js';
import { CommandHandler } from '../../../src/ext/handlers/command.js';
import { ConversationHandler } from '../../../src/ext/handlers/conversation.js';
import { MessageHandler } from '../../../src/ext/handlers/message.js';
import type { BasePersistence, UpdateRecord } from '../../../src/ext/persistence/base.js';
import { DictPersistence } from '../../../src/ext/persistence/dict-persistence.js';
import { FilePersistence } from '../../../src/ext/persistence/file-persistence.js';
import { recordingLogger, TOKEN } from '../helpers.js';
import { contractBot } from './contract.js';

type Data = Record<string, unknown>;

function record(updateId: number, changes: Partial<UpdateRecord<Data, Data, Data>> = {}): UpdateRecord {
  return {
    updateId,
    userData: [],
    chatData: [],
    botData: undefined,
    callbackData: undefined,
    conversations: [],
    jobs: [],
    ...changes,
  };
}

function opened(options: ConstructorParameters<typeof FilePersistence>[0]): FilePersistence {
  const persistence = new FilePersistence(options);
  persistence.setBot(contractBot);
  return persistence;
}

function messageJson(updateId: number, text: string, userId: number): Record<string, unknown> {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length }]
    : [];
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: userId, type: 'private', first_name: `User${userId}` },
      from: { id: userId, is_bot: false, first_name: `User${userId}` },
      text,
      entities,
    },
  };
}

describe('FilePersistence journal', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ttb-journal-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('a recorded update is on disk at once, and a new instance reads its changes and id', async () => {
    const filepath = join(dir, 'a.json');
    const first = opened({ filepath });
    assert.equal(first.supportsJournal, true, 'journaling is the default');
    await first.recordUpdate(
      record(7, {
        userData: [[1, { n: 1, seen: new Set([7]) }]],
        chatData: [[-5, { title: 'group' }]],
        botData: { total: 1 },
        conversations: [['signup', '[1,1]', 'AGE']],
      }),
    );
    await first.recordUpdate(
      record(8, { userData: [[2, { n: 2 }]], conversations: [['signup', '[1,1]', null]] }),
    );
    const lines = (await readFile(`${filepath}.journal`, 'utf8')).split('\n');
    assert.equal(lines.length, 3, 'two lines, each ending in a newline');
    await assert.rejects(stat(filepath), 'the store file is not written by records');

    const second = opened({ filepath });
    const users = await second.getUserData();
    assert.deepEqual(users.get(1), { n: 1, seen: new Set([7]) }, 'a Set survives the journal');
    assert.deepEqual(users.get(2), { n: 2 });
    assert.deepEqual(await second.getChatData(), new Map([[-5, { title: 'group' }]]));
    assert.deepEqual(await second.getBotData(), { total: 1 });
    assert.deepEqual(await second.getConversations('signup'), new Map(), 'the later record ended it');
    assert.deepEqual([...(await second.getHandledUpdates())].sort(), [7, 8]);
  });

  it('a torn last line is ignored and cut off; appends go on after it', async () => {
    const filepath = join(dir, 'torn.json');
    const first = opened({ filepath });
    await first.recordUpdate(record(1, { userData: [[1, { n: 1 }]] }));
    await appendFile(`${filepath}.journal`, '{"u":2,"ud":[[1,{"n":');

    const second = opened({ filepath });
    assert.deepEqual(await second.getHandledUpdates(), [1], 'the torn record does not count');
    assert.deepEqual((await second.getUserData()).get(1), { n: 1 });
    const text = await readFile(`${filepath}.journal`, 'utf8');
    assert.ok(text.endsWith('}\n'), `the torn tail was cut: ${JSON.stringify(text)}`);
    await second.recordUpdate(record(2, { userData: [[1, { n: 2 }]] }));

    const third = opened({ filepath });
    assert.deepEqual([...(await third.getHandledUpdates())].sort(), [1, 2]);
    assert.deepEqual((await third.getUserData()).get(1), { n: 2 });
  });

  it('a broken line in the middle fails loading with an error naming the journal', async () => {
    const filepath = join(dir, 'broken.json');
    await appendFile(`${filepath}.journal`, '{"u":1}\nnot json\n{"u":3}\n');
    await assert.rejects(opened({ filepath }).getUserData(), /line 2 of .*broken\.json\.journal/);
  });

  it('flush folds the journal into the store file and empties it; the ids stay known', async () => {
    const filepath = join(dir, 'fold.json');
    const first = opened({ filepath });
    await first.recordUpdate(record(10, { userData: [[1, { n: 10 }]], jobs: [['j1', null]] }));
    await first.recordUpdate(record(11, { chatData: [[3, { x: true }]] }));
    await first.flush();
    assert.equal(await readFile(`${filepath}.journal`, 'utf8'), '', 'the journal is empty after the fold');
    const stored = JSON.parse(await readFile(filepath, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(stored.handledUpdates, [10, 11], 'the store keeps the recorded ids');

    const second = opened({ filepath });
    assert.deepEqual((await second.getUserData()).get(1), { n: 10 });
    assert.deepEqual((await second.getChatData()).get(3), { x: true });
    assert.deepEqual(await second.getHandledUpdates(), [10, 11]);
  });

  it('an ordinary write of the store folds the journal too (also with one file per kind)', async () => {
    const filepath = join(dir, 'multi');
    const first = opened({ filepath, singleFile: false });
    await first.recordUpdate(record(20, { botData: { a: 1 } }));
    await first.updateUserData(5, { b: 2 });
    assert.equal(await readFile(`${filepath}.journal`, 'utf8'), '', 'folded with the write');
    const second = opened({ filepath, singleFile: false });
    assert.deepEqual(await second.getBotData(), { a: 1 });
    assert.deepEqual((await second.getUserData()).get(5), { b: 2 });
    assert.deepEqual(await second.getHandledUpdates(), [20]);
  });

  it('data it cannot store rejects the record, and nothing of it is written', async () => {
    const filepath = join(dir, 'bad.json');
    const persistence = opened({ filepath });
    await persistence.recordUpdate(record(1));
    await assert.rejects(
      persistence.recordUpdate(record(2, { userData: [[1, { ok: 1 }]], chatData: [[1, { f: () => 1 }]] })),
      /chatData\[1\]/,
    );
    assert.deepEqual(await persistence.getHandledUpdates(), [1]);
    assert.deepEqual(await persistence.getUserData(), new Map(), 'the valid part was not stored either');
    assert.equal((await readFile(`${filepath}.journal`, 'utf8')).split('\n').length, 2, 'one line only');
  });

  it('records made at the same time share one write and keep their order', async () => {
    const filepath = join(dir, 'group.json');
    const persistence = opened({ filepath });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        persistence.recordUpdate(record(100 + i, { botData: { last: i } })),
      ),
    );
    const again = opened({ filepath });
    assert.equal((await again.getHandledUpdates()).length, 50);
    assert.deepEqual(await again.getBotData(), { last: 49 }, 'the last record wins');
  });

  it('syncJournal: false still writes each record before it resolves', async () => {
    const filepath = join(dir, 'nosync.json');
    const persistence = opened({ filepath, syncJournal: false });
    await persistence.recordUpdate(record(1, { userData: [[1, { n: 1 }]] }));
    assert.match(await readFile(`${filepath}.journal`, 'utf8'), /^\{"u":1,/, 'the line is in the file');
    assert.deepEqual((await opened({ filepath }).getUserData()).get(1), { n: 1 });
  });

  it('journal: false writes no journal and keeps the interval writes only', async () => {
    const filepath = join(dir, 'off.json');
    const persistence = opened({ filepath, journal: false });
    assert.equal(persistence.supportsJournal, false);
    await persistence.recordUpdate(record(1, { userData: [[1, { n: 1 }]] }));
    await assert.rejects(stat(`${filepath}.journal`), 'no journal file');
    assert.deepEqual(await opened({ filepath }).getHandledUpdates(), []);
  });
});

describe('DictPersistence journal', () => {
  it('stores a record whole, or nothing of it when some data is not JSON', async () => {
    const persistence = new DictPersistence();
    assert.equal(persistence.supportsJournal, true);
    await persistence.recordUpdate(record(1, { userData: [[1, { n: 1 }]], conversations: [['c', 'k', 2]] }));
    await assert.rejects(
      persistence.recordUpdate(record(2, { userData: [[1, { n: 2 }]], botData: { when: new Date(0) } })),
      TypeError,
    );
    assert.equal(persistence.userDataJson, '{"1":{"n":1}}');
    assert.equal(persistence.conversationsJson, '{"c":{"k":2}}');
    assert.equal(persistence.handledUpdatesJson, '[1]');
    const again = new DictPersistence({ handledUpdatesJson: persistence.handledUpdatesJson });
    assert.deepEqual(await again.getHandledUpdates(), [1]);
    assert.throws(() => new DictPersistence({ handledUpdatesJson: '{"a":1}' }), /array of update ids/);
  });

  it('keeps a bounded list of ids', async () => {
    const persistence = new DictPersistence();
    for (let id = 1; id <= 2500; id++) await persistence.recordUpdate(record(id));
    const ids = await persistence.getHandledUpdates();
    assert.ok(ids.length >= 1000 && ids.length <= 2000, `between 1000 and 2000 ids kept, got ${ids.length}`);
    assert.ok(ids.includes(2500) && ids.includes(1501), 'the last 1000 ids are kept');
  });
});

describe('the application and a journaling persistence', () => {
  enum Step {
    NAME = 1,
    AGE = 2,
  }

  function build(persistence: BasePersistence, log: string[]): Application {
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .logger(recordingLogger())
      .persistence(persistence)
      .build();
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined }); // offline: no getMe
    const text = filters.TEXT.and(filters.COMMAND.not());
    app.addHandler(
      new ConversationHandler({
        name: 'signup',
        persistent: true,
        entryPoints: [new CommandHandler('start', () => Step.NAME)],
        states: {
          [Step.NAME]: [
            new MessageHandler(text, (update, context: CallbackContext) => {
              log.push(`name ${update.message?.text} (${update.update_id})`);
              (context.userData as Data).name = update.message?.text;
              return Step.AGE;
            }),
          ],
          [Step.AGE]: [
            new MessageHandler(text, (update, context: CallbackContext) => {
              log.push(`age ${update.message?.text} (${update.update_id})`);
              (context.chatData as Data).age = Number(update.message?.text);
              (context.botData as Data).signups = Number((context.botData as Data).signups ?? 0) + 1;
              return ConversationHandler.END;
            }),
          ],
        },
        fallbacks: [],
      }),
    );
    return app;
  }

  async function run(app: Application, updates: Record<string, unknown>[]): Promise<void> {
    await app.initialize();
    await app.start();
    for (const update of updates) app.updateQueue.put(update);
    await app.updateQueue.join();
    await app.stop();
  }

  it('records each update with its data and conversation state before it is done', async () => {
    const persistence = new DictPersistence();
    const log: string[] = [];
    const app = build(persistence, log);
    const seen: number[] = [];
    const original = persistence.recordUpdate.bind(persistence);
    persistence.recordUpdate = async (r) => {
      seen.push(r.updateId);
      assert.equal(app.updateQueue.unfinished > 0, true, 'the update is not done while it is recorded');
      await original(r);
    };
    await run(app, [messageJson(1, '/start', 9), messageJson(2, 'Ada', 9)]);
    assert.deepEqual(seen, [1, 2]);
    assert.equal(persistence.userDataJson, '{"9":{"name":"Ada"}}', 'recorded before any interval write');
    assert.equal(persistence.conversationsJson, '{"signup":{"[9,9]":2}}');
    await app.shutdown();
  });

  it('with updates of several chats in flight, each record holds only the states its update set', async () => {
    const persistence = new DictPersistence();
    const records: UpdateRecord[] = [];
    const original = persistence.recordUpdate.bind(persistence);
    persistence.recordUpdate = async (r) => {
      records.push(r);
      await original(r);
    };
    const app = build(persistence, []);
    const updates = [];
    for (let user = 1; user <= 5; user++) updates.push(messageJson(user, '/start', user));
    for (let user = 1; user <= 5; user++) updates.push(messageJson(10 + user, `Name${user}`, user));
    await run(app, updates);
    assert.equal(records.length, 10);
    for (const r of records) {
      const user = r.updateId > 10 ? r.updateId - 10 : r.updateId;
      assert.deepEqual(
        r.conversations,
        [['signup', `[${user},${user}]`, r.updateId > 10 ? Step.AGE : Step.NAME]],
        `update ${r.updateId} records its own conversation only`,
      );
      assert.deepEqual(
        r.userData.map(([id]) => id),
        r.updateId > 10 ? [user] : [],
        `update ${r.updateId} records the user data it used`,
      );
    }
    await app.shutdown();
  });

  it('a failed record goes to the error handlers, and its changes still reach the store', async () => {
    class FailingJournal extends DictPersistence {
      override async recordUpdate(): Promise<void> {
        throw new Error('disk full');
      }
    }
    const persistence = new FailingJournal();
    const app = build(persistence, []);
    const errors: string[] = [];
    app.addErrorHandler((_update, context) => {
      errors.push(String((context.error as Error).message));
    });
    await run(app, [messageJson(1, '/start', 4), messageJson(2, 'Bo', 4)]);
    assert.deepEqual(errors, ['disk full', 'disk full'], 'each failed record reached the error handlers');
    assert.equal(persistence.userDataJson, '{"4":{"name":"Bo"}}', 'the data was stored the ordinary way');
    assert.equal(persistence.conversationsJson, '{"signup":{"[4,4]":2}}');
    await app.shutdown();
  });

  it('skips updates recorded before the restart and handles the rest, recording them', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'ttb-journal-app-')), 'bot.json');
    const log: string[] = [];
    const first = build(new FilePersistence({ filepath: file }), log);
    await run(first, [messageJson(1, '/start', 9), messageJson(2, 'Ada', 9)]);
    // A kill now: no shutdown, so nothing is flushed; the journal holds both updates.

    const second = build(new FilePersistence({ filepath: file }), log);
    // Telegram delivers the unconfirmed batch again, then a new update.
    await run(second, [messageJson(1, '/start', 9), messageJson(2, 'Ada', 9), messageJson(3, '36', 9)]);
    assert.deepEqual(log, ['name Ada (2)', 'age 36 (3)'], 'updates 1 and 2 were not handled twice');
    assert.deepEqual(second.userData.get(9), { name: 'Ada' });
    assert.deepEqual(second.chatData.get(9), { age: 36 });
    await second.shutdown();

    const third = opened({ filepath: file });
    assert.deepEqual([...(await third.getHandledUpdates())].sort(), [1, 2, 3]);
    assert.deepEqual(await third.getBotData(), { signups: 1 });
    assert.deepEqual(await third.getConversations('signup'), new Map(), 'the conversation ended');
    await rm(join(file, '..'), { recursive: true, force: true });
  });
});
