// broadcast(): bounded concurrency, the low-priority settings, failures kept per chat, progress,
// abort, async lists, and errors that stop it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BroadcastProgress, broadcast } from '../../src/ext/broadcast.js';
import type { CallSettings } from '../../src/request/types.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('broadcast', () => {
  it('sends to every chat with the low-priority settings, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: Array<[number, CallSettings]> = [];
    const result = await broadcast(
      Array.from({ length: 50 }, (_, i) => i),
      async (chatId, settings) => {
        seen.push([chatId, settings]);
        inFlight++;
        most = Math.max(most, inFlight);
        await tick();
        inFlight--;
      },
      { concurrency: 4 },
    );
    assert.deepEqual(result, { total: 50, sent: 50, failures: [], aborted: false });
    assert.equal(most, 4, 'four sends ran at once, no more');
    assert.deepEqual(
      seen.map(([chatId]) => chatId),
      Array.from({ length: 50 }, (_, i) => i),
      'chats are taken in list order',
    );
    for (const [, settings] of seen) assert.deepEqual(settings, { rateLimitArgs: { priority: 'low' } });
  });

  it('keeps going past chats that fail and reports each with its error', async () => {
    const blocked = new Error('Forbidden: bot was blocked by the user');
    const result = await broadcast([1, 2, 3, 4, 5, 6], async (chatId) => {
      if (chatId % 3 === 0) throw blocked;
    });
    assert.equal(result.sent, 4);
    assert.deepEqual(result.failures, [
      { chatId: 3, error: blocked },
      { chatId: 6, error: blocked },
    ]);
  });

  it('reports progress every 1 % of a known list by default, and once more at the end', async () => {
    const reports: BroadcastProgress[] = [];
    await broadcast(
      Array.from({ length: 300 }, (_, i) => i),
      async (chatId) => {
        if (chatId === 7) throw new Error('gone');
      },
      { onProgress: (progress) => reports.push(progress) },
    );
    assert.equal(reports.length, 101, '100 steps of 3 chats, and the final report');
    assert.deepEqual(reports.at(-1), { total: 300, done: 300, sent: 299, failed: 1 });
    const done = reports.map((report) => report.done);
    assert.deepEqual(done.slice(0, 3), [3, 6, 9]);
    assert.ok(
      done.every((value, i) => i === 0 || value >= (done[i - 1] ?? 0)),
      'progress never goes back',
    );
  });

  it('takes chats from an async iterable of unknown size, one pull at a time', async () => {
    let pulling = false;
    const ids: AsyncIterable<number> = {
      [Symbol.asyncIterator]() {
        let next = 0;
        return {
          async next() {
            assert.equal(pulling, false, 'next() is never called while a pull runs');
            pulling = true;
            await tick();
            pulling = false;
            return next < 250 ? { done: false, value: next++ } : { done: true, value: undefined };
          },
        };
      },
    };
    const reports: BroadcastProgress[] = [];
    const sent: number[] = [];
    const result = await broadcast(ids, async (chatId) => void sent.push(chatId), {
      concurrency: 8,
      onProgress: (progress) => reports.push(progress),
    });
    assert.equal(result.total, 250);
    assert.equal(sent.length, 250);
    assert.equal(reports[0]?.total, undefined, 'the size is unknown while the list runs');
    assert.deepEqual(
      reports.map((report) => report.done),
      [100, 200, 250],
    );
    assert.equal(reports.at(-1)?.total, 250, 'the final report knows the total');
  });

  it('stops taking chats when its signal aborts; the sends in flight finish', async () => {
    const controller = new AbortController();
    const finished: number[] = [];
    const result = await broadcast(
      Array.from({ length: 100 }, (_, i) => i),
      async (chatId) => {
        if (chatId === 9) controller.abort();
        await tick();
        finished.push(chatId);
      },
      { concurrency: 2, signal: controller.signal },
    );
    assert.equal(result.aborted, true);
    assert.equal(result.total, 10, 'chats 0..9 were taken');
    assert.equal(result.sent, 10, 'and every one of them finished');
    assert.deepEqual(
      [...finished].sort((a, b) => a - b),
      Array.from({ length: 10 }, (_, i) => i),
    );
  });

  it('rejects with an error thrown by send itself or by onProgress, after the sends in flight finish', async () => {
    const broken = new TypeError('send is broken');
    let settled = 0;
    await assert.rejects(
      broadcast(
        [1, 2, 3, 4],
        (chatId) => {
          if (chatId === 3) throw broken;
          return tick().then(() => void settled++);
        },
        { concurrency: 2 },
      ),
      broken,
    );
    assert.equal(settled, 2, 'the two sends started before the failure finished');
    const badReport = new Error('progress failed');
    await assert.rejects(
      broadcast([1, 2, 3], async () => {}, {
        progressEvery: 1,
        onProgress: () => {
          throw badReport;
        },
      }),
      badReport,
    );
  });

  it('refuses a concurrency or progress step that is not a positive integer', async () => {
    await assert.rejects(
      broadcast([1], async () => {}, { concurrency: 0 }),
      {
        name: 'RangeError',
        message: 'broadcast: concurrency must be a positive integer, got 0',
      },
    );
    await assert.rejects(
      broadcast([1], async () => {}, { progressEvery: 1.5 }),
      /progressEvery/,
    );
  });

  it('reports an empty list once, as done', async () => {
    const reports: BroadcastProgress[] = [];
    const result = await broadcast([], async () => {}, { onProgress: (report) => reports.push(report) });
    assert.deepEqual(result, { total: 0, sent: 0, failures: [], aborted: false });
    assert.deepEqual(reports, [{ total: 0, done: 0, sent: 0, failed: 0 }]);
  });
});
