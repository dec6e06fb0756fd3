// FilePersistence: the persistence contract (reopened as a new instance on the same file, single
// file and one file per kind), its encoding of classes, atomic writes, onFlush, bad files, and an
// application restarting on the same file.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import { TypeHandler } from '../../../src/ext/handlers/type.js';
import { FilePersistence } from '../../../src/ext/persistence/file-persistence.js';
import { Message, Update } from '../../../src/generated/types.js';
import { Emulator } from '../../../src/testing/index.js';
import { messageUpdate, recordingLogger } from '../helpers.js';
import { contractBot, persistenceContract } from './contract.js';

let folder: string;
let counter = 0;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'file-persistence-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});
const nextFile = () => join(folder, `data-${++counter}.json`);

persistenceContract('FilePersistence (single file)', {
  rich: true,
  create: async () => new FilePersistence({ filepath: nextFile() }),
  reopen: async (previous) => new FilePersistence({ filepath: (previous as FilePersistence).filepath }),
});

persistenceContract('FilePersistence (one file per kind, onFlush)', {
  rich: true,
  create: async () => new FilePersistence({ filepath: nextFile(), singleFile: false, onFlush: true }),
  reopen: async (previous) =>
    new FilePersistence({
      filepath: (previous as FilePersistence).filepath,
      singleFile: false,
      onFlush: true,
    }),
});

class Point {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

class Temperature {
  readonly #celsius: number;
  constructor(celsius: number) {
    this.#celsius = celsius;
  }
  get celsius(): number {
    return this.#celsius;
  }
}

class Unregistered {
  value = 1;
}

async function opened(
  filepath: string,
  options: Partial<ConstructorParameters<typeof FilePersistence>[0]> = {},
) {
  const p = new FilePersistence({ filepath, ...options });
  p.setBot(contractBot);
  return p;
}

describe('FilePersistence', () => {
  it('writes each update to disk before it resolves (without onFlush), in one file', async () => {
    const file = nextFile();
    const p = await opened(file);
    await Promise.all([
      p.updateUserData(1, { a: 1 }),
      p.updateUserData(2, { b: 2 }),
      p.updateChatData(3, { c: 3 }),
    ]);
    const content = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    assert.equal(content.format, 'typescript-telegram-bot/file-persistence', 'our format marker');
    assert.deepEqual(content.userData, { 1: { a: 1 }, 2: { b: 2 } }, 'both users, as readable JSON');
    assert.deepEqual(content.chatData, { 3: { c: 3 } }, 'the chat');
    assert.deepEqual(
      (await readdir(folder)).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary files left behind',
    );
  });

  it('onFlush: nothing is written until flush', async () => {
    const file = nextFile();
    const p = await opened(file, { onFlush: true });
    await p.updateUserData(1, { a: 1 });
    await assert.rejects(readFile(file), { code: 'ENOENT' }, 'no file yet');
    await p.flush();
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).userData, { 1: { a: 1 } }, 'written at flush');
  });

  it('one file per kind: <filepath>_user_data, _chat_data, _bot_data, ... only for kinds that changed', async () => {
    const base = nextFile();
    const p = await opened(base, { singleFile: false });
    await p.updateUserData(1, { a: 1 });
    await p.updateConversation('talk', '[1]', 'A');
    const names = (await readdir(folder))
      .filter((name) => name.startsWith(base.split('/').pop() as string))
      .sort();
    assert.deepEqual(
      names.map((name) => name.slice((base.split('/').pop() as string).length)),
      ['_conversations', '_user_data'],
      'only the kinds written',
    );
  });

  it('stores registered classes (fields by default, or their own toData/fromData) and refuses unknown ones', async () => {
    FilePersistence.registerClass(Point);
    const file = nextFile();
    const p = await opened(file);
    p.registerClass(Temperature, {
      toData: (t) => t.celsius,
      fromData: (celsius) => new Temperature(celsius as number),
    });
    await p.updateUserData(1, { where: new Point(3, 4), outside: new Temperature(21.5) });
    await assert.rejects(
      p.updateUserData(2, { thing: new Unregistered() }),
      /userData\[2\]\.thing: it is an instance of Unregistered, which is not registered; call FilePersistence\.registerClass\(Unregistered\)/,
    );
    await assert.rejects(p.updateBotData({ f: () => 1 }), /cannot store botData\.f: it is a function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    await assert.rejects(p.updateBotData(loop), /botData\.self: it refers back to itself/);

    const q = await opened(file);
    q.registerClass(Temperature, { toData: (t) => t.celsius, fromData: (c) => new Temperature(c as number) });
    const got = (await q.getUserData()).get(1) as { where: Point; outside: Temperature };
    assert.ok(got.where instanceof Point && got.where.length() === 5, 'a Point with its methods');
    assert.ok(
      got.outside instanceof Temperature && got.outside.celsius === 21.5,
      'a Temperature through fromData',
    );
    assert.equal((await q.getUserData()).has(2), false, 'the refused entry was not stored');

    const without = await opened(file); // Temperature not registered on this instance
    await assert.rejects(
      without.getUserData(),
      (error: Error) =>
        error.message.includes(file) &&
        /the class "Temperature", which is not registered/.test(error.message),
      'names the file and the class',
    );
    assert.throws(() => FilePersistence.registerClass(Message), /needs no registration/);
    assert.throws(
      () => p.registerClass(class Point {}),
      /another class is registered as "Point"/,
      'a second class under the same name',
    );
  });

  it('a corrupt or foreign file fails every call with its name and is never overwritten', async () => {
    const file = nextFile();
    await writeFile(
      file,
      '{"format":"typescript-telegram-bot/file-persistence","version":1,"userData":{"1":',
    );
    const p = await opened(file);
    await assert.rejects(
      p.getUserData(),
      (error: Error) => error.message.includes(file) && /not valid JSON/.test(error.message),
    );
    await assert.rejects(p.updateUserData(1, { a: 1 }), /not valid JSON/, 'writes fail too');
    await assert.rejects(p.flush(), /not valid JSON/, 'flush fails too');
    assert.match(await readFile(file, 'utf8'), /"userData":\{"1":$/, 'the file is untouched');

    const foreign = nextFile();
    await writeFile(foreign, '{"some":"other program"}');
    await assert.rejects((await opened(foreign)).getBotData(), /is not a FilePersistence file/);
    const newer = nextFile();
    await writeFile(newer, '{"format":"typescript-telegram-bot/file-persistence","version":2}');
    await assert.rejects(
      (await opened(newer)).getBotData(),
      /format version 2, this library reads version 1/,
    );
    const folderPath = join(folder, 'a-folder');
    await mkdir(folderPath);
    await assert.rejects(
      (await opened(folderPath)).getUserData(),
      (error: Error) => error.message.startsWith(`FilePersistence: cannot read ${folderPath}`),
      'unreadable: names it',
    );
  });

  it('a failed write rejects with the file name and is retried by the next write', async () => {
    const missing = join(folder, 'not-yet', 'data.json');
    const p = await opened(missing);
    await assert.rejects(p.updateUserData(1, { a: 1 }), /cannot write .*not-yet\/data\.json/);
    await mkdir(join(folder, 'not-yet'));
    await p.flush();
    assert.deepEqual(
      JSON.parse(await readFile(missing, 'utf8')).userData,
      { 1: { a: 1 } },
      'written after all',
    );
  });

  it('needs a filepath', () => {
    // @ts-expect-error: filepath is required
    assert.throws(() => new FilePersistence({}), /FilePersistence needs a filepath/);
  });
});

describe('an application restarting on the same file', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start();
  });
  after(async () => {
    await emu.stop();
  });

  it('one application write is one file write (one per kind with singleFile: false)', async () => {
    const info = await emu.createBot({ username: 'file_batch_bot' });
    const fsp = createRequire(import.meta.url)('node:fs/promises') as {
      rename: (...args: unknown[]) => Promise<void>;
    };
    const original = fsp.rename;
    let renames = 0;
    fsp.rename = (...args) => {
      renames += 1;
      return original(...args);
    };
    syncBuiltinESMExports();
    try {
      for (const [singleFile, expected] of [
        [true, 1],
        [false, 3],
      ] as const) {
        const app = Application.builder()
          .token(info.token)
          .baseUrl(emu.baseUrl)
          .updater(null)
          .logger(recordingLogger())
          .persistence(new FilePersistence({ filepath: nextFile(), singleFile }))
          .build();
        await app.initialize();
        for (let id = 1; id <= 5; id++) app.userDataFor(id).n = id;
        for (let id = 1; id <= 3; id++) app.chatDataFor(-id).n = id;
        app.botData.n = 1;
        renames = 0;
        await app.updatePersistence();
        assert.equal(renames, expected, `9 entries, ${expected} file write(s) (singleFile: ${singleFile})`);
        renames = 0;
        await app.shutdown();
        assert.equal(renames, 0, 'nothing changed since: shutdown writes nothing');
      }
    } finally {
      fsp.rename = original;
      syncBuiltinESMExports();
    }
  });

  it('keeps user data, Bot API objects (with the new bot) and Maps across applications', async () => {
    const info = await emu.createBot({ username: 'file_persist_bot' });
    const file = nextFile();
    const build = () =>
      Application.builder()
        .token(info.token)
        .baseUrl(emu.baseUrl)
        .updater(null)
        .logger(recordingLogger())
        .persistence(new FilePersistence({ filepath: file }))
        .build();
    const app1 = build();
    app1.addHandler(
      new TypeHandler(Update, (update, context) => {
        const data = context.userData as { last?: Message; seen?: Map<string, Date> };
        if (update.message !== undefined) data.last = update.message;
        data.seen ??= new Map();
        data.seen.set(update.message?.text ?? '', new Date(1_700_000_000_000));
      }),
    );
    await app1.initialize();
    await app1.processUpdate(messageUpdate('hello', { userId: 77 }));
    await app1.shutdown();

    const app2 = build();
    await app2.initialize();
    const data = app2.userData.get(77) as { last: Message; seen: Map<string, Date> };
    assert.ok(data.last instanceof Message, 'the message is a Message again');
    assert.equal(data.last.text, 'hello', 'with its text');
    assert.equal(data.last.getBot(), app2.bot, 'and the new application’s bot');
    assert.deepEqual([...data.seen], [['hello', new Date(1_700_000_000_000)]], 'the Map of Dates');
    await app2.shutdown();
  });
});
