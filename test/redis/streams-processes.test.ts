// The scale-out as it runs in production, in real processes: one ingress polling getUpdates and
// three workers, 10 000 updates over 200 chats; one worker is SIGKILLed midway. The ingress is fed
// by a getUpdates answered in process (the emulator's per-update cost would dominate the run and
// the machine has two cores); everything between Telegram's answer and the handler is the real thing.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashId, streamsStatus } from '../../src/redis/index.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const COUNT = 10_000;
const CHATS = 200;
const SHARDS = 12;
const LEASE_MS = 1500;
/** Handled entries per shard that may wait for their acknowledgement (the default). */
const ACK_WINDOW = 20;

function start(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', script), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('1 ingress and 3 worker processes, 10k updates over 200 chats, one worker killed: all handled, in order', async (t) => {
  const skip = await redisSkipReason();
  if (skip) return t.skip(skip);
  const prefix = testPrefix();
  const client = testClient();
  const logKey = `${prefix}log`;
  const workerIds = ['w1', 'w2', 'w3'];
  const workers = workerIds.map((id) =>
    start('streams-worker.ts', [REDIS_URL, prefix, String(SHARDS), id, String(LEASE_MS), String(ACK_WINDOW)]),
  );
  const children = [...workers];
  try {
    // The workers share the shards before updates arrive, so the one killed holds some.
    await until(
      'the workers to share the shards',
      async () => {
        const owners = (await streamsStatus(client, { shards: SHARDS, prefix })).shards.map(
          (s) => s.leaseOwner,
        );
        return workerIds.every((id) => owners.filter((o) => o === id).length === SHARDS / 3);
      },
      20_000,
    );
    children.push(
      start('streams-ingress.ts', [REDIS_URL, prefix, String(SHARDS), String(COUNT), String(CHATS)]),
    );
    await until(
      'a third of the updates handled',
      async () => (await client.llen(logKey)) >= COUNT / 3,
      30_000,
    );
    const before = await streamsStatus(client, { shards: SHARDS, prefix });
    const victimShards = before.shards.filter((s) => s.leaseOwner === 'w1').map((s) => s.shard);
    workers[0]?.kill('SIGKILL');
    await exited(workers[0] as ChildProcess);
    const handledAtKill = await client.llen(logKey);
    await until(
      'every update handled',
      async () =>
        new Set((await client.lrange(logKey, 0, -1)).map((line) => line.split(',')[1])).size >= COUNT,
      40_000,
    );
    const after = await streamsStatus(client, { shards: SHARDS, prefix });
    const records = (await client.lrange(logKey, 0, -1)).map((line) => {
      const [worker = '', id = '', chat = '', position = ''] = line.split(',');
      return { worker, id: Number(id), chat: Number(chat), position: Number(position) };
    });

    assert.ok(handledAtKill < COUNT, `the worker was killed in the middle (${handledAtKill} handled then)`);
    assert.equal(victimShards.length, SHARDS / 3, 'the killed worker held its share of shards');
    for (const shard of victimShards) {
      const owner = after.shards[shard]?.leaseOwner;
      assert.ok(
        owner === 'w2' || owner === 'w3',
        `shard ${shard} was taken over by a surviving worker (${owner})`,
      );
    }
    const ids = new Set(records.map((r) => r.id));
    assert.equal(ids.size, COUNT, 'every update was handled');
    assert.ok(
      [...ids].every((id) => id >= 1 && id <= COUNT),
      'only the updates sent were handled',
    );
    const duplicates = records.length - ids.size;
    assert.ok(
      duplicates <= victimShards.length * ACK_WINDOW,
      `duplicates (${duplicates}) stay within the bound: ackWindow (${ACK_WINDOW}) per shard of the killed worker (${victimShards.length})`,
    );
    // Per shard: only the killed worker's shards repeat anything, each at most ackWindow updates.
    const repeatsPerShard = new Map<number, number>();
    const handledIds = new Set<number>();
    for (const record of records) {
      if (handledIds.has(record.id)) {
        const shard = hashId(record.chat) % SHARDS;
        repeatsPerShard.set(shard, (repeatsPerShard.get(shard) ?? 0) + 1);
      }
      handledIds.add(record.id);
    }
    for (const [shard, repeats] of repeatsPerShard) {
      assert.ok(
        victimShards.includes(shard),
        `shard ${shard} repeated updates but the killed worker did not own it`,
      );
      assert.ok(
        repeats <= ACK_WINDOW,
        `shard ${shard} repeated ${repeats} updates, more than ackWindow (${ACK_WINDOW})`,
      );
    }
    // Per chat: positions one after another; the one exception is a takeover, where the new owner
    // goes back to the oldest entry the killed worker left unacknowledged (never further than the
    // window) and continues in order from there, so nothing is skipped.
    const seen = new Map<number, { position: number; worker: string }>();
    for (const record of records) {
      const last = seen.get(record.chat);
      const expected = last === undefined ? 0 : last.position + 1;
      if (last !== undefined && record.position <= last.position) {
        assert.equal(
          last.worker,
          'w1',
          `a repeat in chat ${record.chat} follows an update the killed worker handled`,
        );
        assert.notEqual(record.worker, 'w1', `chat ${record.chat}: the repeat comes from the new owner`);
        assert.ok(
          last.position - record.position < ACK_WINDOW,
          `chat ${record.chat} went back from ${last.position} to ${record.position}: further than the window`,
        );
      } else {
        assert.equal(record.position, expected, `chat ${record.chat}: its updates in order, none skipped`);
      }
      seen.set(record.chat, { position: record.position, worker: record.worker });
    }
    assert.equal(seen.size, CHATS, 'all 200 chats were served');
    t.diagnostic(
      `killed w1 after ${handledAtKill} records; ${duplicates} duplicate(s); shards taken over: ${victimShards.join(' ')}`,
    );
    const handledByVictimLater = records.slice(handledAtKill).filter((r) => r.worker === 'w1').length;
    assert.equal(handledByVictimLater, 0, 'the killed worker handled nothing afterwards');
  } finally {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    await cleanUp(client, prefix);
  }
});
