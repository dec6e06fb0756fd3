// SqlitePersistence: the persistence contract (reopened as a new instance on the same file, and on
// a database given open), WAL and the schema marker, one transaction per application write with
// unchanged rows left alone, bad files, foreign schemas, the missing driver, the update journal,
// and an application restarting on the same database file.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import type { CallbackContext } from '../../../src/ext/context.js';
import * as filters from '../../../src/ext/filters/index.js';
import { CommandHandler } from '../../../src/ext/handlers/command.js';
import { ConversationHandler } from '../../../src/ext/handlers/conversation.js';
import { MessageHandler } from '../../../src/ext/handlers/message.js';
import { TypeHandler } from '../../../src/ext/handlers/type.js';
import { HANDLED_UPDATES_KEPT, type UpdateRecord } from '../../../src/ext/persistence/base.js';
import { loadBetterSqlite3 } from '../../../src/ext/persistence/sqlite-driver.js';
import { SqlitePersistence } from '../../../src/ext/persistence/sqlite-persistence.js';
import { Message, Update } from '../../../src/generated/types.js';
import { Emulator } from '../../../src/testing/index.js';
import { text as textUpdate } from '../conversation/helpers.js';
import { messageUpdate, recordingLogger, TOKEN } from '../helpers.js';
import { contractBot, job, persistenceContract } from './contract.js';

let folder: string;
let counter = 0;
const opened: Database.Database[] = [];
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sqlite-persistence-'));
});
after(async () => {
  for (const db of opened) if (db.open) db.close();
  await rm(folder, { recursive: true, force: true });
});
const nextFile = () => join(folder, `data-${++counter}.sqlite`);

/** A better-sqlite3 connection of the test's own, closed at the end. */
function connect(file: string, options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  opened.push(db);
  return db;
}

persistenceContract('SqlitePersistence (file)', {
  rich: true,
  create: async () => new SqlitePersistence({ filepath: nextFile() }),
  reopen: async (previous) => {
    (previous as SqlitePersistence).close();
    return new SqlitePersistence({ filepath: (previous as SqlitePersistence).filepath });
  },
});

const givenDatabases = new WeakMap<object, Database.Database>();
persistenceContract('SqlitePersistence (a database given open, in memory)', {
  rich: true,
  create: async () => {
    const db = connect(':memory:');
    const p = new SqlitePersistence({ database: db, synchronous: 'normal' });
    givenDatabases.set(p, db);
    return p;
  },
  reopen: async (previous) => {
    const db = givenDatabases.get(previous) as Database.Database;
    const p = new SqlitePersistence({ database: db });
    givenDatabases.set(p, db);
    return p;
  },
});

function persistence(options: Partial<ConstructorParameters<typeof SqlitePersistence>[0]> = {}) {
  const p = new SqlitePersistence({ filepath: nextFile(), ...options } as ConstructorParameters<
    typeof SqlitePersistence
  >[0]);
  p.setBot(contractBot);
  return p;
}

class Point {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

describe('SqlitePersistence', () => {
  it('runs in WAL mode and marks the database with its format and schema version', async () => {
    const p = persistence();
    await p.updateUserData(1, { a: 1 });
    const db = connect(p.filepath, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal', 'WAL journal');
    const meta = Object.fromEntries(
      (
        db.prepare('SELECT key, value FROM persistence_meta').all() as Array<{ key: string; value: string }>
      ).map((row) => [row.key, row.value]),
    );
    assert.deepEqual(meta, { format: 'typescript-telegram-bot/sqlite-persistence', version: '1' }, 'marker');
    assert.deepEqual(
      db.prepare('SELECT id, value FROM user_data').all(),
      [{ id: 1, value: '{"a":1}' }],
      'one row per user, the value as readable JSON',
    );
    p.close();
  });

  it('stores registered classes, and names the unregistered ones', async () => {
    SqlitePersistence.registerClass(Point);
    const p = persistence();
    await p.updateUserData(1, { where: new Point(3, 4) });
    class Unknown {
      v = 1;
    }
    await assert.rejects(
      p.updateUserData(2, { thing: new Unknown() }),
      /SqlitePersistence cannot store userData\[2\]\.thing: it is an instance of Unknown, which is not registered; call SqlitePersistence\.registerClass\(Unknown\)/,
    );
    p.close();
    const q = new SqlitePersistence({ filepath: p.filepath });
    q.setBot(contractBot);
    const got = (await q.getUserData()).get(1) as { where: Point };
    assert.ok(got.where instanceof Point && got.where.length() === 5, 'a Point with its methods');
    assert.equal((await q.getUserData()).has(2), false, 'the refused entry was not stored');
    q.close();
  });

  it('calls made in one turn of the event loop commit together; a later write of a row replaces an earlier one', async () => {
    const db = connect(':memory:');
    let transactions = 0;
    const original = db.transaction.bind(db);
    db.transaction = ((fn: () => void) => {
      transactions += 1;
      return original(fn);
    }) as typeof db.transaction;
    const p = new SqlitePersistence({ database: db });
    p.setBot(contractBot);
    await p.getUserData(); // opens: one transaction creates the tables
    transactions = 0;
    await Promise.all([
      p.updateUserData(1, { a: 1 }),
      p.updateUserData(1, { a: 2 }),
      p.updateChatData(2, { b: 1 }),
      p.updateConversation('talk', '[2]', 'A'),
      p.updateJob('j', job('j')),
    ]);
    assert.equal(transactions, 1, 'one transaction');
    assert.deepEqual((await p.getUserData()).get(1), { a: 2 }, 'the later write of user 1 won');
  });

  it('a failed commit rejects with the file name, and the writes are retried by the next commit', async () => {
    const file = nextFile();
    const p = new SqlitePersistence({ database: connect(file, { timeout: 1 }) });
    p.setBot(contractBot);
    await p.getUserData();
    const other = connect(file);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock
    await assert.rejects(
      p.updateUserData(1, { a: 1 }),
      (error: Error) =>
        error.message.startsWith(`SqlitePersistence: ${file}: `) && /locked|busy/i.test(error.message),
      'names the file and the cause',
    );
    other.exec('ROLLBACK');
    await p.flush();
    assert.deepEqual((await p.getUserData()).get(1), { a: 1 }, 'written by flush after all');
  });

  it('a corrupt or non-SQLite file fails every call with its name and is left untouched', async () => {
    const file = nextFile();
    const garbage = `${'this is not a database '.repeat(200)}\n`;
    await writeFile(file, garbage);
    const p = persistence({ filepath: file });
    const named = (error: Error) =>
      error.message.startsWith(`SqlitePersistence: cannot use ${file}: `) &&
      /not a SQLite database or it is damaged/.test(error.message);
    await assert.rejects(p.getUserData(), named, 'reading');
    await assert.rejects(p.updateUserData(1, { a: 1 }), named, 'writing');
    await assert.rejects(p.flush(), named, 'flushing');
    assert.equal(await readFile(file, 'utf8'), garbage, 'untouched');

    const dir = join(folder, 'a-folder.sqlite');
    await mkdir(dir);
    await assert.rejects(
      persistence({ filepath: dir }).getBotData(),
      /SqlitePersistence: cannot use .*a-folder\.sqlite/,
    );
  });

  it('a database with tables of another program under its names, or another schema version, is refused', async () => {
    const foreign = nextFile();
    connect(foreign).exec("CREATE TABLE user_data (name TEXT); INSERT INTO user_data VALUES ('x')");
    await assert.rejects(
      persistence({ filepath: foreign }).getUserData(),
      (error: Error) =>
        error.message.includes(foreign) &&
        /has tables SqlitePersistence did not create \(user_data\); it was left untouched/.test(
          error.message,
        ),
    );
    assert.deepEqual(
      connect(foreign).prepare('SELECT name FROM user_data').all(),
      [{ name: 'x' }],
      'untouched',
    );

    const otherMeta = nextFile();
    connect(otherMeta).exec(
      "CREATE TABLE persistence_meta (key TEXT, value TEXT); INSERT INTO persistence_meta VALUES ('format', 'theirs')",
    );
    await assert.rejects(
      persistence({ filepath: otherMeta }).getBotData(),
      /persistence_meta table is not SqlitePersistence's/,
    );

    const newer = nextFile();
    const p = persistence({ filepath: newer });
    await p.updateBotData({ a: 1 });
    p.close();
    connect(newer).exec("UPDATE persistence_meta SET value = '2' WHERE key = 'version'");
    await assert.rejects(
      persistence({ filepath: newer }).getBotData(),
      /has schema version 2, this library reads version 1/,
    );

    const shared = nextFile();
    connect(shared).exec('CREATE TABLE orders (id INTEGER PRIMARY KEY)');
    const q = persistence({ filepath: shared });
    await q.updateUserData(5, { ok: true });
    assert.deepEqual((await q.getUserData()).get(5), { ok: true }, 'tables of other names are fine');
    q.close();
  });

  it('without better-sqlite3 installed: an error with the install line', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'better-sqlite3'"), { code: 'MODULE_NOT_FOUND' });
    };
    assert.throws(
      () => loadBetterSqlite3(missing),
      (error: Error) =>
        error.message === 'SqlitePersistence needs better-sqlite3: npm install better-sqlite3@12',
    );
    const broken = () => {
      throw new Error('The module was compiled against a different Node.js version');
    };
    assert.throws(
      () => loadBetterSqlite3(broken),
      /could not load better-sqlite3 \(The module was compiled.*npm install better-sqlite3@12/,
    );
    assert.throws(() => loadBetterSqlite3(() => ({})), /exports no Database class/);
    assert.equal(loadBetterSqlite3(), Database, 'the installed one loads');
  });

  it('checks its options', () => {
    // @ts-expect-error: a filepath or a database is required
    assert.throws(() => new SqlitePersistence({}), /SqlitePersistence needs a filepath/);
    assert.throws(
      // @ts-expect-error: not both
      () => new SqlitePersistence({ filepath: 'a.sqlite', database: connect(':memory:') }),
      /a filepath or a database, not both/,
    );
    assert.throws(
      // @ts-expect-error: not a sync level
      () => new SqlitePersistence({ filepath: 'a.sqlite', synchronous: 'off' }),
      /synchronous must be 'full' or 'normal'/,
    );
  });

  it('close() commits what is queued; later calls fail', async () => {
    const p = persistence();
    const write = p.updateUserData(1, { a: 1 });
    p.close();
    await write;
    await assert.rejects(p.getUserData(), /was closed/);
    const q = persistence({ filepath: p.filepath });
    assert.deepEqual((await q.getUserData()).get(1), { a: 1 }, 'committed at close');
    q.close();
  });
});

function record(updateId: number, changes: Partial<UpdateRecord> = {}): UpdateRecord {
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

describe('SqlitePersistence: the update journal', () => {
  it('records an update with its changes in one transaction; the ids are read back on a new instance', async () => {
    const db = connect(nextFile());
    let transactions = 0;
    const original = db.transaction.bind(db);
    db.transaction = ((fn: () => void) => {
      transactions += 1;
      return original(fn);
    }) as typeof db.transaction;
    const p = new SqlitePersistence({ database: db });
    p.setBot(contractBot);
    assert.equal(p.supportsJournal, true, 'it journals');
    assert.deepEqual(await p.getHandledUpdates(), [], 'none yet');
    await p.updateUserData(9, { queued: true }); // committed before the record
    await p.updateChatData(-5, { old: true });
    transactions = 0;
    await p.recordUpdate(
      record(100, {
        userData: [[1, { n: 1, when: new Date(5) }]],
        chatData: [[-5, null]],
        botData: { total: 1 },
        conversations: [['talk', '[1]', 'ASK']],
        jobs: [['j', job('j')]],
      }),
    );
    await p.recordUpdate(record(101, { userData: [[1, { n: 2, when: new Date(6) }]] }));
    assert.equal(transactions, 2, 'one transaction per update');

    const q = new SqlitePersistence({ filepath: db.name });
    q.setBot(contractBot);
    assert.deepEqual([...(await q.getHandledUpdates())].sort(), [100, 101], 'both ids');
    assert.deepEqual((await q.getUserData()).get(1), { n: 2, when: new Date(6) }, 'the later update won');
    assert.equal((await q.getChatData()).has(-5), false, 'null dropped the chat');
    assert.deepEqual(await q.getBotData(), { total: 1 }, 'bot data');
    assert.deepEqual([...(await q.getConversations('talk'))], [['[1]', 'ASK']], 'conversation');
    assert.deepEqual([...(await q.getJobs()).keys()], ['j'], 'job');
    q.close();
  });

  it('a record with a value it cannot store writes nothing, not even the id', async () => {
    const p = persistence();
    await assert.rejects(
      p.recordUpdate(record(7, { userData: [[1, { ok: 1 }]], botData: { f: () => 1 } })),
      /SqlitePersistence cannot store botData\.f: it is a function/,
    );
    await assert.rejects(
      p.recordUpdate(record(8, { userData: [[1, { ok: 1 }]], conversations: [['c', 'k', {} as never]] })),
      /a conversation state must be a string or a number/,
    );
    assert.deepEqual(await p.getHandledUpdates(), [], 'no id recorded');
    assert.equal((await p.getUserData()).size, 0, 'no data either');
    p.close();
  });

  it('honours storeData, and keeps at least the last HANDLED_UPDATES_KEPT ids', async () => {
    const p = new SqlitePersistence({
      database: connect(':memory:'),
      synchronous: 'normal',
      storeData: { userData: false },
    });
    p.setBot(contractBot);
    const total = 2 * HANDLED_UPDATES_KEPT + 250;
    for (let id = 1; id <= total; id++) await p.recordUpdate(record(id, { userData: [[1, { id }]] }));
    const ids = await p.getHandledUpdates();
    assert.equal((await p.getUserData()).size, 0, 'user data not stored');
    assert.ok(ids.length >= HANDLED_UPDATES_KEPT, `kept ${ids.length}`);
    assert.ok(ids.length < total, `older ids were pruned (${ids.length} of ${total} kept)`);
    const newest = new Set(ids);
    for (let id = total - HANDLED_UPDATES_KEPT + 1; id <= total; id++) {
      assert.ok(newest.has(id), `recent update ${id} is kept`);
    }
  });
});

describe('an application restarting on the same SQLite database', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start();
  });
  after(async () => {
    await emu.stop();
  });

  it('one application write is one transaction, and unchanged rows are not written again', async () => {
    const info = await emu.createBot({ username: 'sqlite_batch_bot' });
    const db = connect(nextFile());
    let transactions = 0;
    const original = db.transaction.bind(db);
    db.transaction = ((fn: () => void) => {
      transactions += 1;
      return original(fn);
    }) as typeof db.transaction;
    const changes = () => db.prepare('SELECT total_changes() AS n').get() as { n: number };
    const app = Application.builder()
      .token(info.token)
      .baseUrl(emu.baseUrl)
      .updater(null)
      .logger(recordingLogger())
      .persistence(new SqlitePersistence({ database: db }))
      .build();
    await app.initialize();
    for (let id = 1; id <= 5; id++) app.userDataFor(id).n = id;
    for (let id = 1; id <= 3; id++) app.chatDataFor(-id).n = id;
    app.botData.n = 1;
    transactions = 0;
    const before = changes().n;
    await app.updatePersistence();
    assert.equal(transactions, 1, '9 entries, one transaction');
    assert.equal(changes().n - before, 9, '9 rows written');

    app.markDataForUpdatePersistence({ userIds: [1, 2, 3, 4, 5] });
    app.userDataFor(2).n = 20;
    transactions = 0;
    const again = changes().n;
    await app.updatePersistence();
    assert.equal(transactions, 1, 'one transaction');
    assert.equal(changes().n - again, 1, 'only the changed user row was written');
    await app.shutdown();
  });

  it('keeps user data, Bot API objects (with the new bot) and Maps across applications', async () => {
    const info = await emu.createBot({ username: 'sqlite_persist_bot' });
    const file = nextFile();
    const build = () =>
      Application.builder()
        .token(info.token)
        .baseUrl(emu.baseUrl)
        .updater(null)
        .logger(recordingLogger())
        .persistence(new SqlitePersistence({ filepath: file }))
        .build();
    const app1 = build();
    app1.addHandler(
      new TypeHandler(Update, (update, context) => {
        const data = context.userData as { last?: Message; seen?: Map<string, Date> };
        if (update.message !== undefined) data.last = update.message;
        data.seen ??= new Map();
        data.seen.set(update.message?.text ?? '', new Date(1_700_000_000_000));
        (context.botData as { count?: number }).count = 1;
      }),
    );
    await app1.initialize();
    await app1.processUpdate(messageUpdate('hello', { userId: 77 }));
    await app1.shutdown();
    (app1.persistence as SqlitePersistence).close();

    const app2 = build();
    await app2.initialize();
    const data = app2.userData.get(77) as { last: Message; seen: Map<string, Date> };
    assert.ok(data.last instanceof Message, 'the message is a Message again');
    assert.equal(data.last.text, 'hello', 'with its text');
    assert.equal(data.last.getBot(), app2.bot, 'and the new application’s bot');
    assert.deepEqual([...data.seen], [['hello', new Date(1_700_000_000_000)]], 'the Map of Dates');
    assert.deepEqual(app2.botData, { count: 1 }, 'bot data');
    await app2.shutdown();
    (app2.persistence as SqlitePersistence).close();
  });
});

describe('a persistent conversation and a persistent job on SqlitePersistence across a restart', () => {
  function build(file: string, log: string[]): Application {
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .logger(recordingLogger())
      .persistence(new SqlitePersistence({ filepath: file }))
      .build();
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined }); // offline: no getMe
    app.jobQueue?.register('remind', async (context: CallbackContext) => {
      log.push(`remind ${String((context.job?.data as { text?: string } | undefined)?.text)}`);
    });
    const text = filters.TEXT.and(filters.COMMAND.not());
    app.addHandler(
      new ConversationHandler({
        name: 'signup',
        persistent: true,
        entryPoints: [new CommandHandler('start', () => 'NAME' as const)],
        states: {
          NAME: [
            new MessageHandler(text, (update) => {
              log.push(`name ${update.message?.text}`);
              return 'AGE' as const;
            }),
          ],
          AGE: [
            new MessageHandler(text, (update) => {
              log.push(`age ${update.message?.text}`);
              return ConversationHandler.END;
            }),
          ],
        },
        fallbacks: [],
      }),
    );
    return app;
  }

  it('the conversation goes on where it was, and the job is scheduled again with its data', async () => {
    const file = nextFile();
    const log: string[] = [];
    const first = build(file, log);
    await first.initialize();
    first.jobQueue?.runRepeating('remind', 3600, {
      persistent: true,
      name: 'hourly',
      chatId: 42,
      data: { text: 'drink water' },
    });
    await first.processUpdate(textUpdate('/start', { chatId: 42, userId: 42 }));
    await first.processUpdate(textUpdate('Ada', { chatId: 42, userId: 42 }));
    await first.shutdown();
    (first.persistence as SqlitePersistence).close();
    assert.deepEqual(log, ['name Ada']);

    const second = build(file, log);
    await second.initialize();
    const [job] = second.jobQueue?.getJobsByName('hourly') ?? [];
    assert.ok(job !== undefined, 'the persistent job came back');
    assert.deepEqual(job.data, { text: 'drink water' }, 'with its data');
    await job.run(second);
    await second.processUpdate(textUpdate('36', { chatId: 42, userId: 42 }));
    assert.deepEqual(log, ['name Ada', 'remind drink water', 'age 36'], 'the conversation was at AGE');
    await second.shutdown();
    (second.persistence as SqlitePersistence).close();
  });
});
