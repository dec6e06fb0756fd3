// RedisPersistence: the persistence contract on Redis (reopened as a new instance on the same
// prefix), versions that refuse a change based on stale data from another process, unchanged
// entries left alone, the update journal, and clients owned or given.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { UpdateRecord } from '../../src/ext/persistence/base.js';
import { RedisPersistence, RedisPersistenceConflictError } from '../../src/redis/index.js';
import { contractBot, persistenceContract } from '../ext/persistence/contract.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();
const prefixes: string[] = [];
const made: RedisPersistence[] = [];
const shared = skip ? undefined : testClient();

function persistence(prefix: string): RedisPersistence {
  prefixes.push(prefix);
  const p = new RedisPersistence({ redis: shared, prefix });
  p.setBot(contractBot);
  made.push(p);
  return p;
}

after(async () => {
  if (shared === undefined) return;
  for (const prefix of new Set(prefixes)) await cleanUp(testClient(), prefix);
  await shared.quit();
});

type Record_ = UpdateRecord<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
function record(updateId: number, userData: Record_['userData'] = []): Record_ {
  return {
    updateId,
    userData,
    chatData: [],
    botData: undefined,
    callbackData: undefined,
    conversations: [],
    jobs: [],
  };
}

if (skip) {
  it('RedisPersistence: the persistence contract', { skip }, () => {});
} else {
  persistenceContract('RedisPersistence', {
    rich: true,
    create: async () => persistence(testPrefix()),
    reopen: async (previous) => persistence((previous as RedisPersistence).prefix),
  });
}

describe('RedisPersistence', { skip }, () => {
  it('two processes on one prefix: a change based on stale data is refused, not lost', async () => {
    const prefix = testPrefix();
    const a = persistence(prefix);
    const b = persistence(prefix);
    await a.updateUserData(1, { n: 0 });
    await b.getUserData();
    await a.getUserData();
    await a.updateUserData(1, { n: 1, by: 'a' });
    const refused = await b.updateUserData(1, { n: 1, by: 'b' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof RedisPersistenceConflictError, 'b’s write is refused with a conflict error');
    assert.equal(refused.entry, 'userData[1]', 'the error names the entry');
    assert.equal(refused.storedVersion, 2, 'and the stored version');
    assert.match(refused.message, /changed by another process/, 'the message says what happened');
    assert.deepEqual((await a.getUserData()).get(1), { n: 1, by: 'a' }, 'a’s change is kept');
    const held: Record<string, unknown> = { n: 1, by: 'b' };
    await b.refreshUserData(1, held);
    assert.deepEqual(held, { n: 1, by: 'a' }, 'refresh takes in a’s change, in place');
    held.n = 2;
    await b.updateUserData(1, held);
    assert.deepEqual(
      (await a.getUserData()).get(1),
      { n: 2, by: 'a' },
      'after the refresh b’s write goes in',
    );
  });

  it('a refresh leaves the held data alone while nobody else wrote', async () => {
    const p = persistence(testPrefix());
    await p.updateChatData(5, { t: 1 });
    const held = { t: 1, local: true };
    await p.refreshChatData(5, held);
    assert.deepEqual(held, { t: 1, local: true }, 'unchanged version: nothing read over it');
  });

  it('writes only what changed, in one atomic call per turn of the event loop', async () => {
    const prefix = testPrefix();
    const p = persistence(prefix);
    await Promise.all([
      p.updateUserData(1, { a: 1 }),
      p.updateUserData(2, { b: 1 }),
      p.updateBotData({ x: 1 }),
    ]);
    await p.updateUserData(1, { a: 1 });
    await p.updateBotData({ x: 1 });
    const client = shared as NonNullable<typeof shared>;
    assert.deepEqual(await client.hgetall(`${prefix}v:user`), { 1: '1', 2: '1' }, 'user versions stay at 1');
    assert.equal(await client.hget(`${prefix}v:bot`, 'bot'), '1', 'the unchanged bot data was not written');
    await p.updateUserData(1, { a: 2 });
    assert.equal(await client.hget(`${prefix}v:user`, '1'), '2', 'a change moves the version on');
  });

  it('journals updates atomically: all of a record or, on a conflict, none of it', async () => {
    const prefix = testPrefix();
    const a = persistence(prefix);
    const b = persistence(prefix);
    assert.equal(a.supportsJournal, true, 'it keeps a journal');
    await a.recordUpdate(record(10, [[1, { v: 'a' }]]));
    await b.getUserData();
    await a.recordUpdate(record(11, [[1, { v: 'a2' }]]));
    await assert.rejects(
      b.recordUpdate(
        record(12, [
          [2, { v: 'new' }],
          [1, { v: 'b' }],
        ]),
      ),
      RedisPersistenceConflictError,
      'b’s record touches a stale user',
    );
    assert.deepEqual([...(await a.getHandledUpdates())].sort(), [10, 11], 'update 12 was not recorded');
    const users = await a.getUserData();
    assert.equal(users.has(2), false, 'nor its other user');
    assert.deepEqual(users.get(1), { v: 'a2' }, 'the stored change stays');
  });

  it('keeps the newest handled ids, bounded', async () => {
    const prefix = testPrefix();
    const p = persistence(prefix);
    for (let id = 1; id <= 2100; id += 1) await p.recordUpdate(record(id));
    const ids = await p.getHandledUpdates();
    assert.equal(ids.length, 2000, 'twice HANDLED_UPDATES_KEPT');
    assert.equal(Math.min(...ids), 101, 'the oldest were cut');
  });

  it('closes the client it opened, never one it was given', async () => {
    const given = testClient();
    const withGiven = new RedisPersistence({ redis: given, prefix: testPrefix() });
    await withGiven.close();
    assert.equal(await given.ping(), 'PONG', 'the given client still answers');
    await given.quit();
    const owned = new RedisPersistence({ redis: REDIS_URL, prefix: testPrefix() });
    owned.setBot(contractBot);
    await owned.getUserData();
    const ended = new Promise<boolean>((resolve) => {
      owned.client.once('end', () => resolve(true));
      setTimeout(() => resolve(false), 2000).unref();
    });
    await owned.close();
    assert.equal(await ended, true, 'the client it opened is closed');
    await assert.rejects(owned.getUserData(), /was closed/, 'later calls say it was closed');
  });
});

describe('RedisPersistence: entries this process never read', { skip }, () => {
  it('removing one another process stored is refused, not skipped', async () => {
    const prefix = testPrefix();
    const a = persistence(prefix);
    const b = persistence(prefix);
    await b.getUserData();
    await a.updateUserData(3, { from: 'a' });
    await assert.rejects(b.dropUserData(3), RedisPersistenceConflictError, 'b never saw user 3');
    assert.deepEqual((await a.getUserData()).get(3), { from: 'a' }, 'a’s data stays');
    await b.getUserData();
    await b.dropUserData(3);
    assert.equal((await a.getUserData()).has(3), false, 'after reading it, b removes it');
  });
});
