import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MediaGroup, MediaGroupHandler } from '../../src/ext/handlers/media-group.js';
import {
  BaseUpdateProcessor,
  orderingKey,
  PerChatUpdateProcessor,
  SimpleUpdateProcessor,
  type UpdateRunner,
} from '../../src/ext/processor.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { Update } from '../../src/generated/types.js';
import { messageUpdate, offlineApp, sampleUpdate } from './helpers.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('update processors', () => {
  it('reject a non-positive bound', () => {
    assert.throws(() => new SimpleUpdateProcessor(0), RangeError);
    assert.throws(() => new SimpleUpdateProcessor(1.5), RangeError);
  });

  it('SimpleUpdateProcessor bounds concurrency and counts running updates', async () => {
    const processor = new SimpleUpdateProcessor(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const run: UpdateRunner = async (update) => {
      started.push(update as number);
      await gates[update as number]?.promise;
    };
    const all = [0, 1, 2].map((n) => processor.processUpdate(n, run));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1]);
    assert.equal(processor.currentConcurrentUpdates, 2);
    gates[0]?.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1, 2]);
    gates[1]?.resolve();
    gates[2]?.resolve();
    await Promise.all(all);
    assert.equal(processor.currentConcurrentUpdates, 0);
  });

  it('PerChatUpdateProcessor keeps a chat in order, runs other chats alongside, frees keys', async () => {
    const processor = new PerChatUpdateProcessor(8);
    const log: string[] = [];
    const gateA = deferred();
    const run: UpdateRunner = async (update) => {
      const u = update as Update;
      log.push(`start ${u.message?.text}`);
      if (u.message?.text === 'a1') await gateA.promise;
      log.push(`end ${u.message?.text}`);
    };
    const a1 = processor.processUpdate(messageUpdate('a1', { chatId: 1 }), run);
    const a2 = processor.processUpdate(messageUpdate('a2', { chatId: 1 }), run);
    const b1 = processor.processUpdate(messageUpdate('b1', { chatId: 2 }), run);
    await b1;
    assert.deepEqual(log, ['start a1', 'start b1', 'end b1']);
    assert.equal(processor.activeKeys, 1);
    gateA.resolve();
    await Promise.all([a1, a2]);
    assert.deepEqual(log, ['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(processor.activeKeys, 0);
  });

  it('a failing update does not block the rest of its chat', async () => {
    const processor = new PerChatUpdateProcessor(2);
    const seen: string[] = [];
    const run: UpdateRunner = async (update) => {
      const text = (update as Update).message?.text ?? '';
      seen.push(text);
      if (text === 'bad') throw new Error('bad');
    };
    const bad = processor.processUpdate(messageUpdate('bad', { chatId: 9 }), run);
    const good = processor.processUpdate(messageUpdate('good', { chatId: 9 }), run);
    await assert.rejects(bad);
    await good;
    assert.deepEqual(seen, ['bad', 'good']);
  });

  it('orders by chat, else by user, else not at all', () => {
    assert.equal(orderingKey(messageUpdate('x', { chatId: -5, userId: 3 })), -5);
    assert.equal(
      orderingKey(
        sampleUpdate('poll_answer', {
          voter_chat: undefined,
          user: { id: 77, is_bot: false, first_name: 'V' },
        }),
      ),
      77,
    );
    assert.equal(orderingKey(sampleUpdate('poll')), undefined);
    assert.equal(orderingKey('a string'), undefined);
  });

  it('a custom processor sees every update', async () => {
    class Recording extends BaseUpdateProcessor {
      readonly seen: unknown[] = [];
      async doProcessUpdate(update: unknown, run: UpdateRunner): Promise<void> {
        this.seen.push(update);
        await run(update);
      }
      async initialize(): Promise<void> {}
      async shutdown(): Promise<void> {}
    }
    const processor = new Recording(1);
    let ran = 0;
    await processor.processUpdate('u', async () => {
      ran++;
    });
    assert.deepEqual(processor.seen, ['u']);
    assert.equal(ran, 1);
  });
});

describe('the default processing of an application', () => {
  it('runs the queued updates of one chat in order and other chats alongside, 256 at most', async () => {
    const app = offlineApp();
    assert.equal(app.concurrentUpdates, 256);
    const log: string[] = [];
    const slowChat = deferred();
    const { MessageHandler } = await import('../../src/ext/handlers/message.js');
    app.addHandler(
      new MessageHandler(null, async (update) => {
        const text = update.message?.text ?? '';
        log.push(`start ${text}`);
        if (text === 'a1') await slowChat.promise;
        log.push(`end ${text}`);
      }),
    );
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined }); // no getMe offline
    await app.initialize();
    await app.start();
    for (const [text, chatId] of [
      ['a1', 1],
      ['a2', 1],
      ['b1', 2],
      ['b2', 2],
    ] as const) {
      app.updateQueue.put(messageUpdate(text, { chatId }));
    }
    for (let i = 0; i < 50 && !log.includes('end b2'); i++) await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      log,
      ['start a1', 'start b1', 'end b1', 'start b2', 'end b2'],
      'chat 2 went on while chat 1 waited; a2 waits for a1',
    );
    slowChat.resolve();
    await app.stop();
    assert.deepEqual(log.slice(5), ['end a1', 'start a2', 'end a2'], 'stop waited for chat 1, in order');
    await app.shutdown();
  });
});

describe('UpdateQueue', () => {
  it('is FIFO, wakes waiting getters, and join resolves when every item is done', async () => {
    const queue = new UpdateQueue<number>();
    const waiting = queue.get();
    queue.put(1);
    queue.put(2);
    queue.put(3);
    assert.equal(await waiting, 1);
    assert.equal(queue.size, 2);
    assert.equal(queue.getNowait(), 2);
    assert.equal(await queue.get(), 3);
    assert.equal(queue.getNowait(), undefined);
    let joined = false;
    const join = queue.join().then(() => {
      joined = true;
    });
    queue.taskDone();
    queue.taskDone();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(joined, false);
    queue.taskDone();
    await join;
    assert.equal(joined, true);
    assert.throws(() => queue.taskDone(), /more times/);
  });
});

describe('MediaGroupHandler', () => {
  function albumPart(id: number, group: string, chatId = 1): Update {
    return Update.fromJSON({
      update_id: id,
      message: {
        message_id: id,
        date: 1,
        chat: { id: chatId, type: 'private', first_name: 'A' },
        media_group_id: group,
        photo: [{ file_id: `f${id}`, file_unique_id: `u${id}`, width: 1, height: 1 }],
      },
    });
  }

  it('calls back once per album with every message in order, as a tracked task', async () => {
    const app = offlineApp();
    const albums: MediaGroup[] = [];
    const handler = new MediaGroupHandler((album) => void albums.push(album), { wait: 0.05 });
    app.addHandler(handler);
    await app.processUpdate(albumPart(3, 'g1'));
    await app.processUpdate(albumPart(1, 'g1'));
    await app.processUpdate(albumPart(5, 'g2'));
    await app.processUpdate(albumPart(2, 'g1'));
    await app.processUpdate(messageUpdate('not an album'));
    assert.equal(handler.pendingGroups, 2);
    assert.equal(albums.length, 0);
    assert.equal(app.pendingTasks, 2);
    while (app.pendingTasks > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(albums.length, 2);
    const first = albums.find((a) => a.mediaGroupId === 'g1');
    assert.deepEqual(
      first?.messages.map((m) => m.message_id),
      [1, 2, 3],
    );
    assert.deepEqual(
      first?.updates.map((u) => u.update_id),
      [3, 1, 2],
    );
    assert.equal(handler.pendingGroups, 0);
  });

  it('the same album id in two chats makes two albums; callback errors reach the error handlers', async () => {
    const app = offlineApp();
    const errors: unknown[] = [];
    app.addErrorHandler((_u, c) => {
      errors.push(c.error);
    });
    let calls = 0;
    app.addHandler(
      new MediaGroupHandler(
        () => {
          calls++;
          throw new Error('album failed');
        },
        { wait: 0 },
      ),
    );
    await app.processUpdate(albumPart(1, 'same', 1));
    await app.processUpdate(albumPart(2, 'same', 2));
    while (app.pendingTasks > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(calls, 2);
    assert.equal(errors.length, 2);
  });

  it('a filter chooses albums by their first update', async () => {
    const handler = new MediaGroupHandler(() => undefined, { filter: (u) => u.message?.chat.id === 1 });
    assert.equal(handler.checkUpdate(albumPart(1, 'x', 2)), false);
    assert.equal(handler.checkUpdate(albumPart(1, 'x', 1)), '1:x');
  });
});
