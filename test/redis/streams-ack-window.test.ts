// The acknowledgements of a shard's handled entries, on a real Redis: sent without holding up the
// next entry, gathered into one call while another is in flight, and never more than the window
// waiting at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Redis } from '../../src/redis/connection.js';
import { streamKeys, WORKER_GROUP } from '../../src/redis/index.js';
import { AckWindow } from '../../src/redis/streams/ack-window.js';
import { parseReadReply } from '../../src/redis/streams/entries.js';
import { cleanUp, redisSkipReason, testClient, testPrefix } from './helpers.js';

/** A client whose script calls wait at a gate the test opens, recording each call's entry ids. */
function gatedClient(client: Redis) {
  const calls: string[][] = [];
  let open = (): void => {};
  let gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const gated = {
    call: async (command: string, ...args: (string | number)[]) => {
      if (command === 'EVALSHA' || command === 'EVAL') {
        // After the SHA or source, the key count, the two keys, the group and the window: pairs of
        // entry id and update id.
        const argv = args.slice(6).map(String);
        calls.push(argv.filter((_, index) => index % 2 === 0));
        await gate;
      }
      return client.call(command, ...args);
    },
  } as unknown as Redis;
  return {
    gated,
    calls,
    release() {
      open();
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    openForGood() {
      open();
      gate = Promise.resolve();
    },
  };
}

test('acknowledgements go out while the next entries are handled, gathered per call, at most the window waiting', async (t) => {
  const skip = await redisSkipReason();
  if (skip) return t.skip(skip);
  const prefix = testPrefix();
  const client = testClient();
  const keys = streamKeys(prefix);
  const stream = keys.stream(0);
  try {
    await client.call('XGROUP', 'CREATE', stream, WORKER_GROUP, '$', 'MKSTREAM');
    for (let id = 1; id <= 5; id++) await client.xadd(stream, '*', 'u', JSON.stringify({ update_id: id }));
    const read = await client.call('XREADGROUP', 'GROUP', WORKER_GROUP, 'w', 'STREAMS', stream, '>');
    const entries = parseReadReply(read).get(stream) ?? [];
    assert.equal(entries.length, 5, 'five entries were read');
    const { gated, calls, release, openForGood } = gatedClient(client);
    const window = new AckWindow({
      client: gated,
      stream,
      done: keys.done(0),
      dedupeWindowMs: 60_000,
      limit: 3,
      leaseValid: () => true,
      report: (error) => assert.fail(`no acknowledgement should fail: ${String(error)}`),
    });

    const [e1, e2, e3, e4, e5] = entries as [
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
    ];
    window.add(e1);
    window.add(e2);
    window.add(e3);
    assert.equal(window.unacknowledged, 3, 'three handled entries wait');
    assert.deepEqual([...window.waitingUpdateIds()].sort(), [1, 2, 3], 'their update ids count as handled');
    let roomy = false;
    const room = window.room().then(() => {
      roomy = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(roomy, false, 'with the window full the next entry waits');
    assert.equal(Number(await client.xlen(stream)), 5, 'nothing is acknowledged while the call is held');

    release();
    await room;
    assert.equal(roomy, true, 'the next entry starts once the acknowledgements are confirmed');
    assert.deepEqual(
      calls,
      [[e1.id], [e2.id, e3.id]],
      'what was handled while the first call was in flight went out in one call',
    );
    assert.equal(window.unacknowledged, 2, 'the second call is still held');

    openForGood();
    window.add(e4);
    window.add(e5);
    await window.drain();
    assert.equal(Number(await client.xlen(stream)), 0, 'acknowledged entries are deleted from the stream');
    const pending = (await client.call('XPENDING', stream, WORKER_GROUP)) as unknown[];
    assert.equal(Number(pending[0]), 0, 'nothing is pending in the group');
    const done = await client.zrange(keys.done(0), 0, -1);
    assert.deepEqual(done.map(Number).sort(), [1, 2, 3, 4, 5], 'every update id is recorded as handled');
    assert.equal(window.waitingUpdateIds().size, 0, 'recorded ids leave the local set');
  } finally {
    await cleanUp(client, prefix);
  }
});
